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

/** Counts the entries of a tar (gzip-compressed when `gzip` is true), streaming; a handle is read from its start and left open. */
export async function summariseTar(file: string | FileHandle, gzip: boolean): Promise<TarSummary> {
  const source = typeof file === 'string' ? createReadStream(file) : file.createReadStream({ start: 0, autoClose: false });
  const stream = gzip ? source.pipe(createGunzip()) : source;
  source.on('error', (error) => stream.destroy(error));
  let pending = Buffer.alloc(0);
  let skip = 0;
  let files = 0;
  let directories = 0;
  let complete = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
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
      const type = String.fromCharCode(header[156]);
      if (type === '0' || type === '\0' || type === '2' || type === '7') files++;
      else if (type === '5') directories++;
      const padded = Math.ceil(size / BLOCK) * BLOCK;
      const skipped = Math.min(padded, buffer.length);
      buffer = buffer.subarray(skipped);
      skip = padded - skipped;
    }
    pending = complete ? Buffer.alloc(0) : Buffer.from(buffer);
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
