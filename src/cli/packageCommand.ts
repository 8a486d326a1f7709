import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GitProblem } from '../core/git/errors';
import { GitRepository } from '../core/git/gitRepository';
import { kindOfManifest, verifyRollbackPackage } from '../core/rollback/rollbackPackage';
import { createPackage } from '../core/usecases/rollbackPackages';
import { readRepositoryConfig } from './repositoryConfig';
import { UsageError } from './usage';

/** `reflect package <tag> [--kind rollback|release] [--out DIR]` makes a rollback (or release) package; `reflect package --verify FILE` re-checks one. */
export async function runPackage(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      repo: { type: 'string', default: '.' },
      out: { type: 'string' },
      verify: { type: 'string' },
      kind: { type: 'string' },
    },
  });
  if (values.kind !== undefined && values.kind !== 'rollback' && values.kind !== 'release') throw new UsageError(`--kind must be rollback or release, not "${values.kind}".`);
  if (values.verify !== undefined) {
    if (positionals.length > 0 || values.out !== undefined || values.kind !== undefined) throw new UsageError('package --verify FILE [--repo DIR] takes no tag, no --out and no --kind (the manifest says which kind it is).');
    // The repository at hand (the current folder's, or --repo) lets the contents be held against the tag.
    const repository = await GitRepository.open(values.repo ?? '.').catch((error: unknown) => {
      if (error instanceof GitProblem) return undefined;
      throw error;
    });
    const result = await verifyRollbackPackage(resolve(values.verify), { repository });
    const checks = result.checks.map((c) => `  checked: ${c}\n`).join('');
    if (!result.ok) {
      // The problems on one stderr line; what was checked on stdout, as for an intact package.
      err.write(`reflect: ${values.verify}: ${result.problems.join(' ')}\n`);
      out.write(checks);
      return 1;
    }
    const kind = result.manifest ? `${kindOfManifest(result.manifest)} package of ` : '';
    out.write(`${values.verify}: intact (${kind}${result.manifest?.tag ?? '?'} at ${result.manifest?.commit.slice(0, 12) ?? '?'}, ${result.manifest?.files ?? 0} files, sha256 ${result.sha256 ?? ''})\n${checks}`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('package takes one tag, for example: reflect package v1.3.2 (or reflect package v1.4.0 --kind release)');
  const repo = await GitRepository.open(values.repo ?? '.');
  const config = await readRepositoryConfig(repo.root);
  const kind = values.kind === 'release' ? 'release' : 'rollback';
  // Ctrl+C (or a TERM) stops the packaging at its next step; its partial files are removed before it exits.
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const created = await createPackage(repo, config, { ref: positionals[0], kind, signal: controller.signal, ...(values.out !== undefined ? { outDir: resolve(values.out) } : {}) });
    out.write(`${created.archivePath}\n`);
    return 0;
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    err.write(`reflect: packaging ${positionals[0]} was cancelled: no package was written.\n`);
    return 130;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
