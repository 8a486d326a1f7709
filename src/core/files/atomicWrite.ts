import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { closeSync, fstatSync, linkSync, openSync, readSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { access, link, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { READ_ONLY_NONBLOCKING } from '../files/regularFile';
import { refuseLinkOutOfRepository } from '../files/safePaths';

/** A file that already exists and was not overwritten. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; it was not overwritten.`);
    this.name = 'FileExistsError';
  }
}

/** A file that changed (a save by someone else) after it was read: the update was not made, the other change stays. */
export class FileChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed while it was being updated (saved elsewhere?); it was left as saved. Run the update again.`);
    this.name = 'FileChangedError';
  }
}

/**
 * A file with more than one name (a hard link): renaming a new version over
 * one name would leave the others holding the old text, so it is not done.
 */
export class HardLinkedFileError extends Error {
  constructor(readonly path: string, readonly links: number) {
    super(`${path} has ${links} hard links; replacing it would leave the other names with the old text, so it was not changed. Update a copy, or remove the other links first.`);
    this.name = 'HardLinkedFileError';
  }
}

/** Raised instead of replacing a file nobody may write to: someone made it read-only on purpose. */
export class ReadOnlyFileError extends Error {
  constructor(readonly path: string) {
    super(`${path} is read-only, so it was not changed. Make it writable (chmod u+w) to update it.`);
    this.name = 'ReadOnlyFileError';
  }
}

/** A temporary file name in the same folder as `target`, so a rename or link never crosses file systems. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Publishes a finished temporary file under its final name without ever
 * replacing an existing file: a hard link fails when the name is taken
 * (unlike rename), then the temporary name is removed. The temporary file
 * is removed on every path.
 */
export async function publishWithoutOverwrite(temporary: string, target: string): Promise<void> {
  try {
    await link(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!hardLinksUnsupported(code)) {
      await unlink(temporary).catch(() => undefined);
      if (code === 'EEXIST') throw new FileExistsError(target);
      throw error;
    }
    // File systems without hard links: check, then rename (a small race, but never a blind overwrite).
    try {
      if (await exists(target)) throw new FileExistsError(target);
      await rename(temporary, target);
      return;
    } catch (fallbackError) {
      await unlink(temporary).catch(() => undefined);
      throw fallbackError;
    }
  }
  await unlink(temporary);
}

/** Writes a new file atomically (temporary file, then link); refuses to replace an existing one. */
export async function writeNewFile(target: string, content: string | Buffer): Promise<void> {
  const temporary = temporaryPathFor(target);
  await writeTemporary(temporary, content);
  await publishWithoutOverwrite(temporary, target);
}

/** What `replaceFile` checks before it replaces. */
export interface ReplaceFileOptions {
  /**
   * The bytes the new content was made from. The file must still hold them
   * right before it is replaced, or `FileChangedError` is raised and nothing
   * is changed. Without it, the file must keep the inode, size and
   * modification time it had when `replaceFile` started.
   */
  readonly expected?: string | Buffer;
  /** The repository: a file inside it must not lead out of it through a link (see `refuseLinkOutOfRepository`). */
  readonly root?: string;
}

// Files replaced in place are small documents; the comparison reads no more.
const MAX_COMPARED_BYTES = 64 * 1024 * 1024;

/**
 * The two steps of a swap another program's save can fall between: the
 * rename that puts the new version under the name, and the turn the update
 * gives before its last look at the old file. Passed in so a test can put a
 * save exactly there; every caller uses `SWAP_STEPS`.
 */
export interface SwapSteps {
  rename(from: string, to: string): void;
  settle(): Promise<void>;
}

export const SWAP_STEPS: SwapSteps = {
  rename: renameSync,
  settle: () => new Promise<void>((resolve) => setImmediate(resolve)),
};

/**
 * Replaces an existing file's content atomically, for a rewrite the person
 * asked for (regenerating fenced parts, a forced export). A link is written
 * through to its real file (the link stays a link) and that file keeps its
 * mode. The new content goes to a temporary file beside the real one and is
 * renamed over it only if the file still holds what it was read with.
 *
 * The last check and the rename run as one synchronous step, so nothing in
 * this process comes between them. A hard link (the guard) keeps the old
 * file reachable across the rename. A save another program wrote into it
 * between the check and the rename, or through an open it made before the
 * rename, is seen there on two looks (right after the rename, and after one
 * more turn) and put back under the name, then `FileChangedError`. What no
 * rename-based write can see is a program that opened the old file before
 * the rename and writes to it only after the last look: that save goes to
 * a file no longer under the name. Every temporary name is removed on every
 * path.
 */
export async function replaceFile(target: string, content: string | Buffer, options: ReplaceFileOptions = {}, steps: SwapSteps = SWAP_STEPS): Promise<void> {
  const real = options.root !== undefined ? await refuseLinkOutOfRepository(options.root, target, target) : await realpath(target);
  const before = await stat(real);
  if (!before.isFile()) throw new Error(`${target} is not a regular file; it was not replaced.`);
  if (before.nlink > 1) throw new HardLinkedFileError(target, before.nlink);
  // The rename would succeed (it needs only the folder), and so would root's write: the mode is the person's word.
  if ((before.mode & 0o222) === 0) throw new ReadOnlyFileError(target);
  const expected = options.expected === undefined ? undefined : Buffer.from(options.expected);
  if (expected !== undefined && expected.length > MAX_COMPARED_BYTES) throw new Error(`${target} is too large to update in place.`);
  const unchanged = new UnchangedCheck(before, expected);
  // Checked before the temporary file is written too, so a stale update costs nothing.
  if (!unchanged.holds(real)) throw new FileChangedError(target);
  const temporary = temporaryPathFor(real);
  const ours = await writeTemporary(temporary, content, before);
  let guard: string | undefined;
  try {
    guard = swapInIfUnchanged(real, temporary, unchanged, target, steps);
    if (guard !== undefined) {
      // A save that reached the old file after the last check is seen through
      // the guard: right after the rename, and once more a turn later (an
      // editor's open that found the old file before the rename may still be
      // waiting for the lock the rename held).
      let saved = !unchanged.holds(guard);
      if (!saved) {
        await steps.settle();
        saved = !unchanged.holds(guard);
      }
      if (saved) {
        putBackSave(guard, real, ours);
        guard = undefined;
        throw new FileChangedError(target);
      }
    }
  } finally {
    removeQuietly(temporary); // renamed into place, or left by a failure
    if (guard !== undefined) removeQuietly(guard);
  }
}

// Whether a file is still the one that was read: same inode, and the same
// bytes (or, without them, the same size and modification time).
class UnchangedCheck {
  constructor(
    private readonly before: Stats,
    private readonly expected: Buffer | undefined,
  ) {}

  holds(path: string): boolean {
    let fd: number;
    try {
      fd = openSync(path, READ_ONLY_NONBLOCKING);
    } catch {
      return false;
    }
    try {
      const now = fstatSync(fd);
      if (!now.isFile() || !sameFile(this.before, now)) return false;
      if (this.expected === undefined) return sameVersion(this.before, now);
      if (now.size !== this.expected.length) return false;
      const bytes = Buffer.alloc(this.expected.length + 1);
      let total = 0;
      for (;;) {
        const read = readSync(fd, bytes, total, bytes.length - total, total);
        if (read === 0) break;
        total += read;
        if (total === bytes.length) break;
      }
      return total === this.expected.length && bytes.subarray(0, total).equals(this.expected);
    } finally {
      closeSync(fd);
    }
  }
}

// Renames the temporary file over the real one if the real one is still
// unchanged, checked last through the guard: a second name of the file being
// replaced, so it stays reachable after the rename. Returns the guard (the
// caller looks through it once more and removes it), or undefined on a file
// system without hard links.
function swapInIfUnchanged(real: string, temporary: string, unchanged: UnchangedCheck, shown: string, steps: SwapSteps): string | undefined {
  const guard = temporaryPathFor(real);
  let guarded = false;
  try {
    linkSync(real, guard);
    guarded = true;
  } catch (error) {
    if (!hardLinksUnsupported((error as NodeJS.ErrnoException).code)) throw error;
  }
  try {
    if (!unchanged.holds(guarded ? guard : real)) throw new FileChangedError(shown);
    // The guard must be the file at the name, not one saved over it since the link.
    if (guarded && !sameFile(statSync(guard), statSync(real))) throw new FileChangedError(shown);
    steps.rename(temporary, real);
  } catch (error) {
    if (guarded) removeQuietly(guard);
    throw error;
  }
  return guarded ? guard : undefined;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

// A save landed in the old file between the last check and the rename: it
// goes back under its name, unless the file was saved again since (that
// newer save, in our file or a new one, stays).
function putBackSave(guard: string, real: string, ours: Stats): void {
  let current: Stats | undefined;
  try {
    current = statSync(real);
  } catch {
    current = undefined;
  }
  if (current && sameFile(current, ours) && sameVersion(current, ours)) renameSync(guard, real);
  else unlinkSync(guard);
}

async function writeTemporary(temporary: string, content: string | Buffer, like?: Stats): Promise<Stats> {
  const mode = like ? like.mode & 0o7777 : 0o666;
  const handle = await open(temporary, 'wx', mode);
  try {
    await handle.writeFile(content);
    // The process umask may have cleared bits of the mode; a replaced file keeps its own.
    if (like) {
      await handle.chmod(mode);
      if (typeof process.getuid === 'function' && (like.uid !== process.getuid() || like.gid !== process.getgid?.())) await handle.chown(like.uid, like.gid).catch(() => undefined);
    }
    const written = await handle.stat();
    await handle.close();
    return written;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev;
}

function sameVersion(a: Stats, b: Stats): boolean {
  // Not ctime: the guard link itself changes it.
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}

function hardLinksUnsupported(code: string | undefined): boolean {
  return code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS';
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
