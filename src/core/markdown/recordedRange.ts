import { isMap, isScalar, stringify, type Node } from 'yaml';
import { nodeAtPath, parseFrontMatter, type FrontMatter } from '../validate/frontMatterParser';
import { LineIndex } from '../validate/problem';

/** The range a generated document's front matter records. */
export interface RecordedRange {
  /** Absent when the range starts at the first commit (an empty `from`). */
  readonly from?: string;
  readonly to: string;
  /** The commit the range ended at when the document was generated. */
  readonly endCommit?: string;
  /** The document's `change` (the version it is for). */
  readonly version?: string;
}

/** The range a document's front matter records (`range.from`, `range.to`, `range.end_commit`), or undefined when it records none that can be read. */
export function recordedRangeOf(text: string): RecordedRange | undefined {
  const data = parseFrontMatter(text, new LineIndex(text)).frontMatter?.data;
  const range = data?.range;
  if (typeof range !== 'object' || range === null || Array.isArray(range)) return undefined;
  const { from, to, end_commit: endCommit } = range as Record<string, unknown>;
  if (typeof to !== 'string' || to.length === 0) return undefined;
  const version = data?.change;
  return {
    ...(typeof from === 'string' && from.length > 0 ? { from } : {}),
    to,
    ...(typeof endCommit === 'string' && /^[0-9a-f]{7,64}$/.test(endCommit) ? { endCommit } : {}),
    ...(typeof version === 'string' && version.length > 0 ? { version } : {}),
  };
}

/**
 * Sets the front matter's `range.to` and `range.end_commit` to what the
 * generated parts were made from, editing only those two values (inserting
 * `end_commit` under `to` when it is missing); every other character of the
 * document stays as it is. A front matter whose `range` is not a block
 * mapping with a plain `to` value is left alone (`updated: false`).
 */
export function setRecordedRangeEnd(text: string, end: { readonly to: string; readonly endCommit?: string }): { readonly text: string; readonly updated: boolean } {
  const frontMatter = parseFrontMatter(text, new LineIndex(text)).frontMatter;
  if (!frontMatter?.data) return { text, updated: false };
  const range = nodeAtPath(frontMatter, ['range']).value;
  const to = nodeAtPath(frontMatter, ['range', 'to']);
  if (!isMap(range) || range.flow || !isScalar(to.value) || !to.key) return { text, updated: false };
  const edits: Array<{ start: number; end: number; text: string }> = [];
  if (to.value.value !== end.to) edits.push({ ...spanOf(to.value, frontMatter), text: scalar(end.to) });
  if (end.endCommit !== undefined) {
    const commit = nodeAtPath(frontMatter, ['range', 'end_commit']).value;
    if (isScalar(commit)) {
      if (commit.value !== end.endCommit) edits.push({ ...spanOf(commit, frontMatter), text: end.endCommit });
    } else if (commit === undefined) {
      // After the `to` line, comment and all: the new line is ours, the comment stays where the person put it.
      const valueEnd = spanOf(to.value, frontMatter).end;
      const lineBreak = text.indexOf('\n', valueEnd);
      const at = lineBreak < 0 ? text.length : text[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak;
      const keyStart = spanOf(to.key, frontMatter).start;
      const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      edits.push({ start: at, end: at, text: `${eol}${' '.repeat(indent)}end_commit: ${end.endCommit}` });
    }
  }
  if (edits.length === 0) return { text, updated: false };
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { text: out, updated: true };
}

function spanOf(node: Node, frontMatter: FrontMatter): { start: number; end: number } {
  const range = node.range ?? [0, 0, 0];
  return { start: frontMatter.sourceOffset + range[0], end: frontMatter.sourceOffset + range[1] };
}

// Plain where YAML reads it back as the same text, quoted otherwise.
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}
