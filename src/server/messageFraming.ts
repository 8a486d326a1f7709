import { Transform, type TransformCallback } from 'node:stream';

/** The longest header block accepted; a client sends two short headers at most. */
export const MAX_HEADER_BLOCK_BYTES = 4096;
/** The largest message body accepted. VS Code syncs no file above 50 MB to extensions; a larger length is a broken stream. */
export const MAX_CONTENT_LENGTH = 64 * 1024 * 1024;

const CRLF_CRLF = Buffer.from('\r\n\r\n');
// A header name is an HTTP token.
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;

/**
 * Checks the LSP base protocol's framing (`Content-Length: N\r\n\r\n` and N
 * bytes of body) before the JSON-RPC reader sees it, and passes well-framed
 * bytes through unchanged. The reader itself, given a length that is not a
 * number, negative, huge, missing or repeated, reports an error that nobody
 * hears, or waits for bytes that never come: the server stays up and never
 * answers again. Here the first broken frame calls `onBroken` with what is
 * wrong, and nothing more is passed on; the caller ends the process so the
 * client starts a new server.
 */
export class MessageFramingGuard extends Transform {
  private header = Buffer.alloc(0);
  /** Body bytes still to pass on; -1 while a header block is read. */
  private bodyLeft = -1;
  private broken = false;

  constructor(private readonly onBroken: (reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = chunk;
    while (!this.broken && data.length > 0) {
      if (this.bodyLeft >= 0) {
        const take = Math.min(this.bodyLeft, data.length);
        this.push(data.subarray(0, take));
        this.bodyLeft -= take;
        data = data.subarray(take);
        if (this.bodyLeft === 0) this.bodyLeft = -1;
        continue;
      }
      // Only the unread part of the header can hold the end, but it may straddle the chunk boundary.
      const searchFrom = Math.max(0, this.header.length - (CRLF_CRLF.length - 1));
      this.header = Buffer.concat([this.header, data]);
      const end = this.header.indexOf(CRLF_CRLF, searchFrom);
      if (end === -1) {
        if (this.header.length > MAX_HEADER_BLOCK_BYTES) this.fail(`a header block longer than ${MAX_HEADER_BLOCK_BYTES} bytes`);
        data = Buffer.alloc(0);
        continue;
      }
      if (end > MAX_HEADER_BLOCK_BYTES) {
        this.fail(`a header block longer than ${MAX_HEADER_BLOCK_BYTES} bytes`);
        continue;
      }
      const blockEnd = end + CRLF_CRLF.length;
      const length = this.contentLength(this.header.subarray(0, end).toString('latin1'));
      if (length === undefined) continue;
      this.push(this.header.subarray(0, blockEnd));
      data = this.header.subarray(blockEnd);
      this.header = Buffer.alloc(0);
      this.bodyLeft = length === 0 ? -1 : length;
    }
    done();
  }

  /** The body length a header block gives, or undefined (after `fail`) when it gives none that can be trusted. */
  private contentLength(block: string): number | undefined {
    const lengths: string[] = [];
    for (const line of block.split('\r\n')) {
      const match = HEADER_LINE.exec(line);
      if (!match) return this.fail(`a header line that is not "Name: value" (${describe(line)})`);
      if (match[1].toLowerCase() === 'content-length') lengths.push(match[2]);
    }
    if (lengths.length === 0) return this.fail('a message without a Content-Length header');
    if (lengths.length > 1) return this.fail('a message with more than one Content-Length header');
    const [value] = lengths;
    if (!/^\d{1,10}$/.test(value)) return this.fail(`a Content-Length that is not a byte count (${describe(value)})`);
    const length = Number(value);
    if (length > MAX_CONTENT_LENGTH) return this.fail(`a Content-Length of ${length} bytes, over the ${MAX_CONTENT_LENGTH / (1024 * 1024)} MB limit`);
    return length;
  }

  private fail(reason: string): undefined {
    if (!this.broken) {
      this.broken = true;
      this.header = Buffer.alloc(0);
      this.onBroken(reason);
    }
    return undefined;
  }
}

/** A short, printable rendering of client bytes for an error message. */
function describe(text: string): string {
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  return shown.replace(/[^\x20-\x7e]/g, '?');
}
