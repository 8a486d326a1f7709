import { basename, dirname, join } from 'node:path';

// Our temporary names (`.<name>.<hex>.tmp`, see atomicWrite.ts): a message names the file the person asked for.
const TEMPORARY = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/** The path a person named for a path we used: a temporary file becomes its target. */
export function shownPath(path: string): string {
  const match = TEMPORARY.exec(basename(path));
  return match ? join(dirname(path), match[1]) : path;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'has a part that is not a folder',
  EISDIR: 'is a folder, not a file',
  EACCES: 'cannot be used: permission denied',
  EPERM: 'cannot be used: operation not permitted',
  EROFS: 'is on a read-only file system',
  ENOSPC: 'cannot be written: the disk is full',
  EDQUOT: 'cannot be written: the disk quota is used up',
  EEXIST: 'already exists',
  ELOOP: 'has too many links in a row',
  ENAMETOOLONG: 'is too long a name',
  EMFILE: 'cannot be opened: too many open files',
  EBUSY: 'is busy',
  EINVAL: 'is not a valid path here',
  EIO: 'cannot be read or written: an input/output error',
};

/**
 * One line for a file-system error: the path the person gave (never a
 * temporary name) and what is wrong, in words, without the errno dump.
 * Undefined when `error` is not a file-system error.
 */
export function describeFileError(error: unknown, path?: string): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined;
  const where = path ?? (error as NodeJS.ErrnoException).path;
  const reason = REASONS[code] ?? `cannot be used (${code})`;
  const shown = where === undefined ? 'A file' : where === '' ? 'The empty path ""' : shownPath(where);
  if (code === 'ENOENT' && path !== undefined && (error as NodeJS.ErrnoException).path !== undefined && shownPath((error as NodeJS.ErrnoException).path ?? '') !== path) {
    return `${shown}: ${dirname(shownPath((error as NodeJS.ErrnoException).path ?? ''))} does not exist.`;
  }
  if (code === 'ENOENT' && where !== undefined && where !== '' && TEMPORARY.test(basename(where))) return `${shown} cannot be written: the folder ${dirname(where)} does not exist.`;
  return `${shown} ${reason}.`;
}
