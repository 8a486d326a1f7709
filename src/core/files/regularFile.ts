import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';

/** Something other than a regular file (a FIFO, a device, a folder, a socket) where a file was to be read. */
export class NotRegularFileError extends Error {
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a regular file; it was not read.`);
    this.name = 'NotRegularFileError';
  }
}

/** A file past the size a reader accepts. */
export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly maxBytes: number,
  ) {
    super(`${path} is larger than ${formatBytes(maxBytes)}; it was not read.`);
    this.name = 'FileTooLargeError';
  }
}

/**
 * Flags for opening a file to read: a FIFO would otherwise wait for a
 * writer, and a terminal could become the controlling one; neither may
 * happen before the file's type is checked.
 */
export const READ_ONLY_NONBLOCKING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * Opens a file for reading only when it is a regular file (after following
 * links): checked before opening, so a device or FIFO is never opened
 * blocking, and again on the open handle, so a swap in between is caught.
 * `shown` names the file in errors.
 */
export async function openRegularFile(path: string, shown = path): Promise<{ handle: FileHandle; stats: Stats }> {
  const before = await stat(path);
  if (!before.isFile()) throw new NotRegularFileError(shown, kindOf(before));
  const handle = await open(path, READ_ONLY_NONBLOCKING);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new NotRegularFileError(shown, kindOf(stats));
    return { handle, stats };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** How a bounded read treats a file past its cap. */
export interface BoundedReadOptions {
  readonly maxBytes: number;
  /** `error` (the default) refuses the file; `truncate` returns its first `maxBytes` bytes. */
  readonly overLimit?: 'error' | 'truncate';
  /** The name used in errors; the path by default. */
  readonly shown?: string;
}

/**
 * Reads a regular file, never more than `maxBytes` (plus one byte to tell a
 * file of exactly the cap from a longer one). Whatever the file claims as
 * its size, the read stops at the cap.
 */
export async function readRegularFile(path: string, options: BoundedReadOptions): Promise<Buffer> {
  const shown = options.shown ?? path;
  const { handle, stats } = await openRegularFile(path, shown);
  try {
    if (stats.size > options.maxBytes && options.overLimit !== 'truncate') throw new FileTooLargeError(shown, options.maxBytes);
    return await readAtMost(handle, options.maxBytes, shown, options.overLimit ?? 'error');
  } finally {
    await handle.close();
  }
}

/** Reads a regular file as UTF-8 text, bounded as `readRegularFile`. */
export async function readRegularText(path: string, options: BoundedReadOptions): Promise<string> {
  return (await readRegularFile(path, options)).toString('utf8');
}

async function readAtMost(handle: FileHandle, maxBytes: number, shown: string, overLimit: 'error' | 'truncate'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  // The file may grow while it is read: the cap, not the size, ends the loop.
  while (total <= maxBytes) {
    const buffer = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, total);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
  }
  const whole = Buffer.concat(chunks, total);
  if (total <= maxBytes) return whole;
  if (overLimit === 'error') throw new FileTooLargeError(shown, maxBytes);
  return whole.subarray(0, maxBytes);
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
