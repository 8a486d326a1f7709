import { randomBytes } from 'node:crypto';
import { access, link, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file that already exists and was not overwritten. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; it was not overwritten.`);
    this.name = 'FileExistsError';
  }
}

/** A temporary file name in the same folder as `target`, so a rename or link never crosses file systems. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Publishes a finished temporary file under its final name without ever
 * replacing an existing file: a hard link fails when the name is taken
 * (unlike rename), then the temporary name is removed.
 */
export async function publishWithoutOverwrite(temporary: string, target: string): Promise<void> {
  try {
    await link(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
      // File systems without hard links: check, then rename (a small race, but never a blind overwrite).
      if (await exists(target)) {
        await unlink(temporary).catch(() => undefined);
        throw new FileExistsError(target);
      }
      await rename(temporary, target);
      return;
    }
    await unlink(temporary).catch(() => undefined);
    if (code === 'EEXIST') throw new FileExistsError(target);
    throw error;
  }
  await unlink(temporary);
}

/** Writes a new file atomically (temporary file, then link); refuses to replace an existing one. */
export async function writeNewFile(target: string, content: string | Buffer): Promise<void> {
  const temporary = temporaryPathFor(target);
  await writeFile(temporary, content, { flag: 'wx' });
  await publishWithoutOverwrite(temporary, target);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Replaces an existing file's content atomically (temporary file in the same
 * folder, then rename), for a rewrite the person asked for, such as
 * regenerating fenced parts.
 */
export async function replaceFile(target: string, content: string): Promise<void> {
  const temporary = temporaryPathFor(target);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
