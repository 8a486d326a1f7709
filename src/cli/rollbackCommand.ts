import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GitRepository } from '../core/git/gitRepository';
import { writeNewFileInside } from '../core/files/namedOutput';
import { buildReleaseRollbackChecklist, rollbackChecklistJson, UnusablePackageError, type PackageChoice } from '../core/usecases/rollbackChecklist';
import { commandRange } from '../core/usecases/commandRange';
import { readRepositoryConfig, releaseLineFlags } from './repositoryConfig';
import { UsageError } from './usage';

/** `reflect rollback <from>..<to>`: prints or writes the rollback checklist for a range; returns the exit code. */
export async function runRollback(args: string[], out: NodeJS.WritableStream, today: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      repo: { type: 'string', default: '.' },
      format: { type: 'string', default: 'markdown' },
      pattern: { type: 'string' },
      family: { type: 'string' },
      package: { type: 'string' },
      change: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (values.format !== 'markdown' && values.format !== 'json') throw new UsageError(`--format must be markdown or json, not "${values.format}".`);
  if (positionals.length > 1) throw new UsageError('rollback takes at most one range, for example v1.0.0..v1.1.0.');
  const repo = await GitRepository.open(values.repo ?? '.');
  const config = await readRepositoryConfig(repo.root, releaseLineFlags(values));
  const range = await commandRange(repo, positionals[0], config.releaseFilter.pattern);
  if (!range) throw new UsageError('The repository has no commits yet, so there is nothing to roll back.');
  const packageChoice: PackageChoice = values.package === undefined ? { lookup: 'none' } : { lookup: 'file', path: values.package, shown: values.package };
  let built;
  try {
    built = await buildReleaseRollbackChecklist(repo, config, { range, today, package: packageChoice, ...(values.change !== undefined ? { change: values.change } : {}) });
  } catch (error) {
    if (error instanceof UnusablePackageError) throw new UsageError(error.message);
    throw error;
  }
  const text = values.format === 'json' ? rollbackChecklistJson(built) : built.markdown;
  if (values.out === undefined) {
    out.write(text);
    return 0;
  }
  await writeNewFileInside(repo.root, resolve(values.out), text, values.out);
  out.write(`${values.out}\n`);
  return 0;
}
