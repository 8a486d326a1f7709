import { lstat, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** A folder that could not be created, with the person's path and what is wrong. */
export class FolderCreationError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'FolderCreationError';
  }
}

// Deeper than any real output path; a path this deep is refused, not walked.
const MAX_LEVELS = 128;

/**
 * Creates `folder` and any missing parents, without Node's recursive
 * `mkdir` (which spins for ever where the system refuses a folder, as on
 * /proc): walks up to the nearest existing ancestor, which must be a folder,
 * then creates each missing level on its own. Every failure is one
 * `FolderCreationError` naming `folder` and the reason.
 */
export async function createFolder(folder: string): Promise<void> {
  const target = resolve(folder);
  const missing: string[] = [];
  let current = target;
  for (;;) {
    const found = await lstat(current).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return false;
        throw new FolderCreationError(folder, `Cannot create the folder ${folder}: ${current} cannot be read (${describe(error)}).`);
      },
    );
    if (found) break;
    missing.push(current);
    if (missing.length > MAX_LEVELS) throw new FolderCreationError(folder, `Cannot create the folder ${folder}: it is more than ${MAX_LEVELS} levels below any existing folder.`);
    const parent = dirname(current);
    if (parent === current) throw new FolderCreationError(folder, `Cannot create the folder ${folder}: no part of it exists.`);
    current = parent;
  }
  const existing = await stat(current).catch(() => undefined);
  if (!existing?.isDirectory()) {
    throw new FolderCreationError(folder, current === target ? `${folder} exists and is not a folder.` : `Cannot create the folder ${folder}: ${current} is not a folder.`);
  }
  for (const level of missing.reverse()) {
    try {
      await mkdir(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && (await stat(level).then((s) => s.isDirectory(), () => false))) continue;
      throw new FolderCreationError(folder, `Cannot create the folder ${folder}: ${describe(error as NodeJS.ErrnoException, level)}.`);
    }
  }
}

function describe(error: NodeJS.ErrnoException, level?: string): string {
  const where = level ? ` (at ${level})` : '';
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied${where}`;
    case 'EROFS':
      return `the file system is read-only${where}`;
    case 'ENOSPC':
      return `the disk is full${where}`;
    case 'ENOENT':
      return `the system does not allow a folder there${where}`;
    case 'EEXIST':
      return `${level ?? 'it'} exists and is not a folder`;
    case 'ENOTDIR':
      return `part of the path is not a folder${where}`;
    default:
      return `${error.code ?? 'it failed'}${where}`;
  }
}
