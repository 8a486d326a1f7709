import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

/** What a tar archive holds, counted without extracting it. */
export interface TarSummary {
  /** Regular files and symbolic links (what `git ls-tree -r` lists, less submodules). */
  readonly files: number;
  readonly directories: number;
  /** Whether the archive ended with the end-of-archive blocks (it is not truncated). */
  readonly complete: boolean;
}

const BLOCK = 512;

/** No package is read past this many unpacked bytes (a gzip bomb of 8 MB unpacks to gigabytes). */
export const MAX_UNPACKED_BYTES = 2 * 1024 ** 3;

/** An archive that unpacks to more than the cap: reading stopped there. */
export class ArchiveTooLargeError extends Error {
  constructor(limit: number, what: string) {
    super(`${what}, more than the ${formatBytes(limit)} a package may unpack to; it was not read further (a damaged or hostile archive?).`);
    this.name = 'ArchiveTooLargeError';
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(bytes % 1024 ** 3 === 0 ? 0 : 1)} GiB` : bytes >= 1024 ** 2 ? `${Math.round(bytes / 1024 ** 2)} MiB` : `${bytes} bytes`;
}

/**
 * Counts unpacked bytes against a cap: an entry whose header claims more
 * than is left is refused before its content is read, and so is a stream
 * that keeps going past the cap.
 */
export class UnpackBudget {
  private used = 0;
  constructor(readonly limit: number = MAX_UNPACKED_BYTES) {}

  /** Bytes of the unpacked stream read so far. */
  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limit) throw new ArchiveTooLargeError(this.limit, 'The archive unpacks to more bytes');
  }

  /** An entry's header claims `size` bytes of content. */
  claim(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || this.used + size > this.limit) throw new ArchiveTooLargeError(this.limit, `An entry of the archive claims ${Number.isSafeInteger(size) ? formatBytes(size) : 'an impossible size'}`);
  }
}

/**
 * Counts the entries of a tar (gzip-compressed when `gzip` is true),
 * streaming; a handle is read from its start and left open. Reading stops
 * at the end-of-archive blocks, and at `maxBytes` unpacked bytes
 * (`ArchiveTooLargeError`), so a gzip bomb costs bounded work.
 */
export async function summariseTar(file: string | FileHandle, gzip: boolean, maxBytes: number = MAX_UNPACKED_BYTES): Promise<TarSummary> {
  const budget = new UnpackBudget(maxBytes);
  const source = typeof file === 'string' ? createReadStream(file) : file.createReadStream({ start: 0, autoClose: false });
  const stream = gzip ? source.pipe(createGunzip()) : source;
  source.on('error', (error) => stream.destroy(error));
  let pending = Buffer.alloc(0);
  let skip = 0;
  let files = 0;
  let directories = 0;
  let complete = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    budget.take(chunk.length);
    let buffer = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    if (skip > 0) {
      const skipped = Math.min(skip, buffer.length);
      skip -= skipped;
      buffer = buffer.subarray(skipped);
    }
    while (skip === 0 && !complete && buffer.length >= BLOCK) {
      const header = buffer.subarray(0, BLOCK);
      buffer = buffer.subarray(BLOCK);
      if (header.every((b) => b === 0)) {
        complete = true;
        break;
      }
      const size = readSize(header.subarray(124, 136));
      budget.claim(size);
      const type = String.fromCharCode(header[156]);
      if (type === '0' || type === '\0' || type === '2' || type === '7') files++;
      else if (type === '5') directories++;
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      const skipped = Math.min(padded, buffer.length);
      buffer = buffer.subarray(skipped);
      skip = padded - skipped;
    }
    // Nothing after the end-of-archive blocks is read (leaving the loop ends the stream).
    if (complete) break;
    pending = Buffer.from(buffer);
  }
  return { files, directories, complete };
}

// Sizes are octal text, or base-256 with the high bit set for very large files.
function readSize(field: Buffer): number {
  if (field[0] & 0x80) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i];
    return value;
  }
  const text = field.toString('ascii').replace(/\0.*$/s, '').trim();
  return text ? Number.parseInt(text, 8) : 0;
}
