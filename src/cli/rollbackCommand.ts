import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { refuseLinkOutOfRepository } from '../core/files/safePaths';
import { GitRepository } from '../core/git/gitRepository';
import { commandLineLayer } from '../core/config/configLayers';
import { proposeVersionForRange } from '../core/usecases/proposeVersion';
import { writeNewFile } from '../core/files/atomicWrite';
import { buildRollbackChecklist, renderRollbackChecklist, rollbackChecklistToJson } from '../core/rollback/rollbackChecklist';
import { verifyRollbackPackage } from '../core/rollback/rollbackPackage';
import { rangeArgument } from './rangeArgument';
import { readRepositoryConfig } from './repositoryConfig';
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
      package: { type: 'string' },
      change: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (values.format !== 'markdown' && values.format !== 'json') throw new UsageError(`--format must be markdown or json, not "${values.format}".`);
  if (positionals.length > 1) throw new UsageError('rollback takes at most one range, for example v1.0.0..v1.1.0.');
  const repo = await GitRepository.open(values.repo ?? '.');
  const config = await readRepositoryConfig(repo.root, commandLineLayer({ tagPattern: values.pattern }, { tagPattern: '--pattern' }));
  const range = await rangeArgument(repo, positionals[0], config.releaseFilter.pattern);
  if (!range) throw new UsageError('The repository has no commits yet, so there is nothing to roll back.');
  let packageRef: { file: string; sha256: string } | undefined;
  if (values.package !== undefined) {
    const verification = await verifyRollbackPackage(resolve(values.package));
    if (!verification.ok || !verification.manifest) throw new UsageError(`The rollback package ${values.package} is not intact: ${verification.problems[0] ?? 'unknown problem'}`);
    // The package must restore the version the checklist returns to, whatever its file is called.
    if (range.from !== undefined && verification.manifest.tag !== range.from) throw new UsageError(`The rollback package ${values.package} is of ${verification.manifest.tag}, but this checklist returns to ${range.from}.`);
    packageRef = { file: verification.manifest.archive, sha256: verification.manifest.sha256 };
  }
  // While unreleased, the change is the version the commits propose, as for the release notes.
  // Only the version is needed, not the notes: one read of the commits, scoped to the same paths.
  const change = values.change ?? (range.to === 'HEAD' ? await proposeVersionForRange(repo, range, { paths: config.releaseNotes.paths, pattern: config.releaseFilter.pattern, preOneZero: config.releaseNotes.preOneZero }) : range.to);
  const checklist = await buildRollbackChecklist(repo, { range, change, date: today, options: config.rollback, ...(packageRef ? { package: packageRef } : {}) });
  const text = values.format === 'json' ? `${JSON.stringify(rollbackChecklistToJson(checklist), null, 2)}\n` : renderRollbackChecklist(checklist);
  if (values.out === undefined) {
    out.write(text);
    return 0;
  }
  const target = resolve(values.out);
  await refuseLinkOutOfRepository(repo.root, target, values.out);
  await writeNewFile(target, text);
  out.write(`${values.out}\n`);
  return 0;
}
