/**
 * Pure parsers for the NUL-separated formats the git layer asks for. They are
 * tested on literal git output, so they must not spawn anything.
 */

/** A tag as read from `git for-each-ref`. */
export interface GitTag {
  readonly name: string;
  /** The commit the tag points at (peeled for annotated tags). */
  readonly hash: string;
  /** ISO 8601 date: the tagger date for annotated tags, else the commit date. */
  readonly date: string;
  readonly annotated: boolean;
}

/** One commit as read from `git log`. */
export interface GitCommit {
  readonly hash: string;
  readonly parents: readonly string[];
  readonly authorName: string;
  readonly authorEmail: string;
  /** ISO 8601 author date. */
  readonly date: string;
  /** The full raw message (subject, body and trailers). */
  readonly message: string;
}

export const TAG_FORMAT = ['%(refname:strip=2)', '%(objectname)', '%(*objectname)', '%(objecttype)', '%(creatordate:iso-strict)'].join('%00');

/** Parses `git for-each-ref --format=<TAG_FORMAT> refs/tags` output (one tag per line). */
export function parseTagRecords(output: string): GitTag[] {
  const tags: GitTag[] = [];
  for (const line of output.split('\n')) {
    if (line.length === 0) continue;
    const [name, object, peeled, type, date] = line.split('\0');
    if (!name || !object) continue;
    const annotated = type === 'tag';
    tags.push({ name, hash: annotated && peeled ? peeled : object, date: date ?? '', annotated });
  }
  return tags;
}

/** Field order of LOG_FORMAT; the parser reads this many NUL-separated fields per commit. */
const LOG_FIELDS = 6;
export const LOG_FORMAT = '%H%x00%P%x00%an%x00%ae%x00%aI%x00%B';

/** Parses `git log -z --format=<LOG_FORMAT>` output: a flat list of NUL-separated fields. */
export function parseLogRecords(output: string): GitCommit[] {
  const reader = new LogRecordReader((commit) => commit);
  reader.push(output);
  return reader.end();
}

/**
 * Reads `git log -z --format=<LOG_FORMAT>` output chunk by chunk, so records
 * can be parsed (and mapped) while git is still writing the rest.
 */
export class LogRecordReader<T> {
  /** Text after the last NUL seen: the start of a field that continues in the next chunk. */
  private tail = '';
  /** The fields of the record being read (reused from record to record). */
  private readonly fields: string[] = new Array<string>(LOG_FIELDS).fill('');
  private count = 0;
  private readonly results: T[] = [];

  constructor(private readonly map: (commit: GitCommit) => T) {}

  /**
   * Adds decoded text; complete records are mapped at once. Fields are cut
   * out of the chunk where they lie (only a field split across two chunks
   * is joined), so the output is not copied again.
   */
  push(text: string): void {
    let start = 0;
    for (let nul = text.indexOf('\0'); nul >= 0; nul = text.indexOf('\0', start)) {
      const part = text.slice(start, nul);
      this.addField(this.tail.length > 0 ? this.tail + part : part);
      this.tail = '';
      start = nul + 1;
    }
    // The rest is unfinished until a NUL follows it.
    this.tail += start === 0 ? text : text.slice(start);
  }

  /** Every mapped record, once the output is complete. */
  end(): T[] {
    if (this.tail.length > 0 && this.count === LOG_FIELDS - 1) this.addField(this.tail);
    this.tail = '';
    return this.results;
  }

  private addField(field: string): void {
    this.fields[this.count++] = field;
    if (this.count < LOG_FIELDS) return;
    this.count = 0;
    this.take();
  }

  private take(): void {
    const fields = this.fields;
    const raw = fields[0];
    // git separates records with NUL and also keeps the newline it prints
    // between them at the start of the next hash; strip it.
    const hash = raw.charCodeAt(0) === 10 ? raw.replace(/^\n+/, '') : raw;
    if (!isObjectName(hash)) return;
    const parents = fields[1];
    this.results.push(this.map({ hash, parents: parents ? parents.split(' ') : [], authorName: fields[2], authorEmail: fields[3], date: fields[4], message: normalizeMessage(fields[5]) }));
  }
}

/** A message with CRLF line ends as LF and without trailing newlines (checked by character: this runs per commit). */
function normalizeMessage(message: string): string {
  const text = message.includes('\r') ? message.replace(/\r\n/g, '\n') : message;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** How a path changed between two versions (git's name-status letters). */
export type FileChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'unmerged' | 'unknown';

/** One changed path of a range, from `git diff --name-status -z`. */
export interface FileChange {
  readonly status: FileChangeStatus;
  readonly path: string;
  /** The path before a rename or copy. */
  readonly oldPath?: string;
}

const STATUS_LETTERS: Record<string, FileChangeStatus> = { A: 'added', M: 'modified', D: 'deleted', R: 'renamed', C: 'copied', T: 'type-changed', U: 'unmerged' };

/** Parses `git diff --name-status -z` output: `status\0path\0` or `R100\0old\0new\0`. */
export function parseNameStatus(output: string): FileChange[] {
  const fields = output.split('\0');
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i];
    if (!code) {
      i++;
      continue;
    }
    const status = STATUS_LETTERS[code[0]] ?? 'unknown';
    if (status === 'renamed' || status === 'copied') {
      if (fields[i + 2] === undefined) break;
      changes.push({ status, oldPath: fields[i + 1], path: fields[i + 2] });
      i += 3;
    } else {
      if (fields[i + 1] === undefined) break;
      changes.push({ status, path: fields[i + 1] });
      i += 2;
    }
  }
  return changes;
}

/**
 * `git diff --numstat -z`: `added\tremoved\tpath` per file, or for a rename
 * `added\tremoved\t` followed by the old and new paths as fields of their own.
 * Binary files (`-\t-`) are left out.
 */
export function parseNumstat(output: string): Map<string, { readonly added: number; readonly removed: number }> {
  const fields = output.split('\0');
  const counts = new Map<string, { readonly added: number; readonly removed: number }>();
  for (let i = 0; i < fields.length; i++) {
    const match = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(fields[i]);
    if (!match) continue;
    let path = match[3];
    if (path === '') {
      path = fields[i + 2] ?? '';
      i += 2;
    }
    if (match[1] !== '-' && path !== '') counts.set(path, { added: Number(match[1]), removed: Number(match[2]) });
  }
  return counts;
}

/** A full SHA-1 or SHA-256 object name, checked without a regular expression (this runs per commit). */
function isObjectName(text: string): boolean {
  if (text.length !== 40 && text.length !== 64) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}
