import { lstat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isInsideFolder } from './safePaths';

/** Where a local link of a record document leads, found without following any symbolic link. */
export type LinkTarget =
  | { readonly state: 'file'; readonly path: string; readonly inRepository: string; readonly size: number }
  | { readonly state: 'folder'; readonly path: string; readonly inRepository: string }
  | { readonly state: 'missing'; readonly inRepository: string }
  | { readonly state: 'outside' }
  | { readonly state: 'through-link'; readonly link: string }
  | { readonly state: 'special'; readonly inRepository: string; readonly kind: string };

/**
 * Resolves a link's decoded path against the folder of the document that
 * holds it (a leading `/` starts at the repository root, as on the git
 * hosts), inside `root`. Each part of the path is looked at with lstat: a
 * symbolic link anywhere on the way is reported, never followed; so is a
 * path that leaves the repository, or something other than a file or folder.
 */
export async function resolveLinkTarget(root: string, documentFolder: string, linkPath: string): Promise<LinkTarget> {
  const base = linkPath.startsWith('/') ? root : documentFolder;
  const target = resolve(base, linkPath.replace(/^\/+/, ''));
  if (!isInsideFolder(resolve(root), target)) return { state: 'outside' };
  const inside = relative(resolve(root), target);
  const shown = inside.split(sep).join('/');
  if (inside.length === 0 || isAbsolute(inside)) return { state: 'outside' };
  let current = resolve(root);
  const parts = inside.split(sep);
  for (let i = 0; i < parts.length; i++) {
    current = join(current, parts[i]);
    const stats = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw error;
    });
    if (!stats) return { state: 'missing', inRepository: shown };
    if (stats.isSymbolicLink()) return { state: 'through-link', link: parts.slice(0, i + 1).join('/') };
    if (i < parts.length - 1) {
      if (!stats.isDirectory()) return { state: 'missing', inRepository: shown };
      continue;
    }
    if (stats.isFile()) return { state: 'file', path: current, inRepository: shown, size: stats.size };
    if (stats.isDirectory()) return { state: 'folder', path: current, inRepository: shown };
    return { state: 'special', inRepository: shown, kind: stats.isFIFO() ? 'a FIFO (named pipe)' : stats.isSocket() ? 'a socket' : 'a device' };
  }
  return { state: 'missing', inRepository: shown };
}
