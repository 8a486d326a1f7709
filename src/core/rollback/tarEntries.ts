import { createHash, type Hash } from 'node:crypto';
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

/** One file or symbolic link of a tar, with its content hashed as git hashes a blob. */
export interface TarFileEntry {
  readonly path: string;
  readonly link: boolean;
  readonly executable: boolean;
  /** `blob <size>\0<content>` hashed with the repository's object format: equal to the blob's id in git. */
  readonly blobHash: string;
}

/** What one pass over a tar found: its counts, and (when asked to hash) every file and link. */
export interface TarReading extends TarSummary {
  /** Files and links with their blob hashes; empty unless `hash` was given. */
  readonly entries: readonly TarFileEntry[];
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
 * Reads a tar (gzip-compressed when `gzip`) in one streaming pass; a handle
 * is read from its start and left open. Counts its files, links and
 * directories, and with `hash` hashes each file's and link's content as git
 * hashes a blob, so the archive can be held against a tree's `git ls-tree -r`
 * without extracting anything. Long names (pax `path`/`linkpath` records, GNU
 * `L`/`K` entries, the ustar prefix) are followed; directories and pax
 * global headers are skipped. Reading stops at the end-of-archive blocks, and
 * at `maxBytes` unpacked bytes (`ArchiveTooLargeError`), so a gzip bomb costs
 * bounded work.
 */
export async function readTar(file: string | FileHandle, gzip: boolean, options: { readonly hash?: 'sha1' | 'sha256'; readonly maxBytes?: number } = {}): Promise<TarReading> {
  const format = options.hash;
  const maxBytes = options.maxBytes ?? MAX_UNPACKED_BYTES;
  const budget = new UnpackBudget(maxBytes);
  const source = typeof file === 'string' ? createReadStream(file) : file.createReadStream({ start: 0, autoClose: false });
  const stream = gzip ? source.pipe(createGunzip()) : source;
  source.on('error', (error) => stream.destroy(error));
  const entries: TarFileEntry[] = [];
  let files = 0;
  let directories = 0;
  let pending = Buffer.alloc(0);
  // The entry whose content is being read.
  let body: { remaining: number; padding: number; hash?: Hash; collect?: Buffer[]; done: (content?: Buffer) => void } | undefined;
  let longPath: string | undefined;
  let longLink: string | undefined;
  let ended = false;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    budget.take(chunk.length);
    let buffer = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    while (!ended) {
      if (body) {
        const take = Math.min(body.remaining, buffer.length);
        const part = buffer.subarray(0, take);
        body.hash?.update(part);
        body.collect?.push(Buffer.from(part));
        body.remaining -= take;
        buffer = buffer.subarray(take);
        if (body.remaining > 0) break;
        if (buffer.length < body.padding) break;
        buffer = buffer.subarray(body.padding);
        const finished = body;
        body = undefined;
        finished.done(finished.collect ? Buffer.concat(finished.collect) : undefined);
        continue;
      }
      if (buffer.length < BLOCK) break;
      const header = buffer.subarray(0, BLOCK);
      buffer = buffer.subarray(BLOCK);
      if (header.every((b) => b === 0)) {
        ended = true;
        break;
      }
      const size = readSize(header.subarray(124, 136));
      budget.claim(size);
      const type = String.fromCharCode(header[156]);
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      const name = longPath ?? ustarName(header);
      const linkName = longLink ?? text(header.subarray(157, 257));
      if (type === 'x' || type === 'L' || type === 'K') {
        body = {
          remaining: size,
          padding,
          collect: [],
          done: (content) => {
            const value = content ?? Buffer.alloc(0);
            if (type === 'L') longPath = text(value);
            else if (type === 'K') longLink = text(value);
            else {
              const records = paxRecords(value);
              longPath = records.get('path') ?? longPath;
              longLink = records.get('linkpath') ?? longLink;
            }
          },
        };
        continue;
      }
      longPath = undefined;
      longLink = undefined;
      if (type === '0' || type === '\0' || type === '7') {
        const hash = format ? createHash(format).update(`blob ${size}\0`) : undefined;
        const executable = (readOctal(header.subarray(100, 108)) & 0o100) !== 0;
        files++;
        body = hash
          ? { remaining: size, padding, hash, done: () => entries.push({ path: name, link: false, executable, blobHash: hash.digest('hex') }) }
          : { remaining: size, padding, done: () => undefined };
      } else {
        if (type === '2') files++;
        else if (type === '5') directories++;
        if (type === '2' && format) entries.push({ path: name, link: true, executable: false, blobHash: createHash(format).update(`blob ${Buffer.byteLength(linkName)}\0`).update(linkName).digest('hex') });
        // Directories, pax global headers and anything else: skip their content.
        body = { remaining: size, padding, done: () => undefined };
      }
    }
    if (ended) break;
    pending = Buffer.from(buffer);
  }
  return { entries, files, directories, complete: ended };
}

/** Counts the entries of a tar (see `readTar`); `complete` says whether it reached its end-of-archive blocks. */
export async function summariseTar(file: string | FileHandle, gzip: boolean, maxBytes: number = MAX_UNPACKED_BYTES): Promise<TarSummary> {
  const { files, directories, complete } = await readTar(file, gzip, { maxBytes });
  return { files, directories, complete };
}

/** Every file and link of a tar with its blob hash (see `readTar`); an archive that ends early is an error. */
export async function readTarContents(file: string | FileHandle, gzip: boolean, format: 'sha1' | 'sha256', maxBytes: number = MAX_UNPACKED_BYTES): Promise<TarFileEntry[]> {
  const reading = await readTar(file, gzip, { hash: format, maxBytes });
  if (!reading.complete) throw new Error('the archive ends early.');
  return [...reading.entries];
}

function ustarName(header: Buffer): string {
  const name = text(header.subarray(0, 100));
  const ustar = header.subarray(257, 262).toString('latin1') === 'ustar';
  const prefix = ustar ? text(header.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function text(field: Buffer): string {
  const end = field.indexOf(0);
  return (end < 0 ? field : field.subarray(0, end)).toString('utf8');
}

/** pax records: `<length> <key>=<value>\n`, one after another. */
function paxRecords(content: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    if (space < 0) break;
    const length = Number.parseInt(content.subarray(at, space).toString('latin1'), 10);
    if (!Number.isSafeInteger(length) || length <= 0 || at + length > content.length) break;
    const record = content.subarray(space + 1, at + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    at += length;
  }
  return records;
}

function readOctal(field: Buffer): number {
  const value = text(field).trim();
  return value ? Number.parseInt(value, 8) || 0 : 0;
}

// Sizes are octal text, or base-256 with the high bit set for very large files.
function readSize(field: Buffer): number {
  if (field[0] & 0x80) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i];
    return value;
  }
  return readOctal(field);
}
