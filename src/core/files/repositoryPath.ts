import { isAbsolute, join, relative, sep } from 'node:path';

/** A file's path relative to the repository root, POSIX-style, or undefined when it cannot be placed inside it. */
export function pathInRepository(name: string, folder: string | undefined, root: string): string | undefined {
  const absolute = isAbsolute(name) ? name : folder === undefined ? undefined : join(folder, name);
  if (absolute === undefined) return undefined;
  const inside = relative(root, absolute);
  if (inside.length === 0 || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return inside.split(sep).join('/');
}
