import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from './usage';

/**
 * `--paths` values as repository-relative pathspecs, read as git reads
 * paths: relative to the folder the command runs in (`--repo DIR` acts like
 * `git -C DIR`), so `--paths .` in a package folder is that folder. A path
 * outside the repository is refused; a pathspec with magic (`:(glob)…`,
 * `:/…`) is passed on unchanged, as git gives it its own meaning.
 */
export async function repositoryPathspecs(values: readonly string[], root: string, workingFolder: string): Promise<string[]> {
  if (values.length === 0) return [];
  const base = await realpath(workingFolder).catch(() => resolve(workingFolder));
  const realRoot = await realpath(root).catch(() => root);
  return values.map((value) => {
    if (value.startsWith(':')) return value;
    const inside = relative(realRoot, resolve(base, value));
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) throw new UsageError(`--paths ${value} is outside the repository.`);
    return inside === '' ? '.' : inside.split(sep).join('/');
  });
}
