import { existsSync } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** A path that leads (through a link) out of the repository, refused instead of followed. */
export class OutsideRepositoryError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'OutsideRepositoryError';
  }
}

/** Whether `path` is `folder` or lies under it (both absolute, compared as given). */
export function isInsideFolder(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The real path of `path` with every link followed. A path that does not
 * exist yet gets the real path of its nearest existing folder with the
 * missing names appended (what `mkdir -p` would create); a dangling link on
 * the way is refused, since creating through it would write wherever it points.
 */
export async function realPathOf(path: string): Promise<string> {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      const real = await realpath(current);
      return missing.length > 0 ? join(real, ...missing.reverse()) : real;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      if (await lstat(current).then((s) => s.isSymbolicLink(), () => false)) {
        throw new OutsideRepositoryError(current, `${current} is a link to something that does not exist; it was not followed.`);
      }
      const parent = dirname(current);
      if (parent === current) throw error;
      missing.push(basename(current));
      current = parent;
    }
  }
}

/**
 * Checks that `path`, with every link followed, stays inside the
 * repository `root` (compared with the root's own real path), and returns
 * that real path. For everything the repository decides: the records
 * folder, the configuration and template files, `.reflect`, package folders.
 * `what` names the path in the message, for example "The records folder docs/changes".
 */
export async function requireInsideRepository(root: string, path: string, what: string): Promise<string> {
  const [rootReal, real] = await Promise.all([realpath(root), realPathOf(path)]);
  if (!isInsideFolder(rootReal, real)) {
    throw new OutsideRepositoryError(path, `${what} leads outside the repository (to ${real}); it was not followed.`);
  }
  return real;
}

/**
 * For a path a person named (an `--out` file, a document): a path inside the
 * repository must not leave it through a link; a path outside the
 * repository is where the person asked to write. Returns the real path.
 */
export async function refuseLinkOutOfRepository(root: string, path: string, what: string): Promise<string> {
  const rootReal = await realpath(root);
  const lexical = resolve(path);
  if (!isInsideFolder(resolve(root), lexical) && !isInsideFolder(rootReal, lexical)) return realPathOf(lexical);
  return requireInsideRepository(root, lexical, what);
}

/**
 * The repository folder around `start` as git would find it, by looking for
 * `.git` in it and its parents; undefined when there is none. Spawns no git.
 */
export function enclosingRepository(start: string): string | undefined {
  let current = resolve(start);
  for (;;) {
    if (existsSync(join(current, '.git'))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
