/**
 * Where a cursor stands in front matter that is being typed, read line by line
 * from indentation: half-written YAML does not parse into a tree, but its
 * indentation still says which mapping a line belongs to.
 */
export interface FrontMatterCursor {
  /** Keys and list indexes of the mapping the cursor's line belongs to ([] at the top level). */
  readonly parentPath: readonly (string | number)[];
  /** Keys already written in that mapping, other than on the cursor's line. */
  readonly siblingKeys: readonly string[];
  /** `key` while a key is typed (no colon before the cursor); `value` after `key:`. */
  readonly part: 'key' | 'value';
  /** Column where the key starts (after indentation and any `- `). */
  readonly keyColumn: number;
  /** Column where the text typed as a key ends (at least the cursor). */
  readonly keyEnd: number;
  /** Whether the line already has a colon after the cursor (`sta|tus: x`): only the key is replaced. */
  readonly colonAfter: boolean;
  /** For `value`: the key, and the columns of the value written so far. */
  readonly key?: string;
  readonly valueStart?: number;
  readonly valueEnd?: number;
  /** The top-level `kind` and `phase` as written, unchecked. */
  readonly declaredKind?: string;
  readonly declaredPhase?: string;
}

/** Front matter longer than this many lines is not scanned (real front matter has tens). */
const MAX_LINES = 2000;

interface LineShape {
  readonly indent: number;
  readonly dash: boolean;
  /** Column of the key, or where one would start (after `- `). */
  readonly keyColumn: number;
  readonly key?: string;
  /** Whether a value follows the key on the same line. */
  readonly inlineValue: boolean;
  /** Blank lines and comments carry no structure. */
  readonly blank: boolean;
}

const KEY = /^([A-Za-z_$][\w$.-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?:[ \t]+(.*))?$/;

/** The front matter context at a zero-based line and character, or undefined outside the front matter. */
export function frontMatterCursorAt(text: string, line: number, character: number): FrontMatterCursor | undefined {
  if (line < 1 || line > MAX_LINES) return undefined;
  const lines = leadingLines(text, MAX_LINES + 2);
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() !== '---') return undefined;
  let closing = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(l));
  // While a new document is typed its front matter may not be closed yet.
  if (closing < 0) closing = lines.length;
  if (line >= closing) return undefined;
  const current = lines[line] ?? '';
  const before = current.slice(0, character);
  const shapes = (i: number): LineShape => shapeOf(lines[i] ?? '');
  const own = /^( *)(?:(-)( +|$))?(.*)$/.exec(before);
  if (!own) return undefined;
  const keyColumn = own[1].length + (own[2] ? 1 + own[3].length : 0);
  const typed = own[4];
  const colon = /^([A-Za-z_$][\w$.-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:([ \t]*)(.*)$/.exec(typed);
  const ownShape: LineShape = { indent: own[1].length, dash: own[2] === '-', keyColumn, inlineValue: false, blank: false };
  const found = parentOf(shapes, line, ownShape);
  if (!found) return undefined;
  const siblings = [...found.siblings, ...siblingsBelow(shapes, line, closing, keyColumn)];
  const declared = declaredKindAndPhase(lines.slice(1, closing));
  if (colon) {
    const valueStart = keyColumn + typed.length - colon[3].length;
    const valueEnd = Math.max(character, valueEndOf(current, valueStart));
    return { parentPath: found.path, siblingKeys: siblings, part: 'value', keyColumn, keyEnd: keyColumn + colon[1].length, colonAfter: false, key: unquote(colon[1]), valueStart, valueEnd, ...declared };
  }
  if (typed.includes(':') || typed.startsWith('#')) return undefined;
  const rest = current.slice(character);
  const word = /^[\w$.-]*/.exec(rest)?.[0] ?? '';
  return { parentPath: found.path, siblingKeys: siblings, part: 'key', keyColumn, keyEnd: character + word.length, colonAfter: /^[\w$.-]*[ \t]*:/.test(rest), ...declared };
}

/** The path of the mapping whose keys sit at `column`, found by reading upwards from `line`. */
function parentOf(shape: (i: number) => LineShape, line: number, own: LineShape): { path: (string | number)[]; siblings: string[] } | undefined {
  const path: (string | number)[] = [];
  const siblings: string[] = [];
  let atTop = true;
  let i = line;
  let column = own.keyColumn;
  while (i >= 1) {
    const l = i === line ? own : shape(i);
    if (l.blank || l.keyColumn > column) {
      i--;
      continue;
    }
    if (l.keyColumn === column && !l.dash) {
      if (atTop && i !== line && l.key !== undefined) siblings.push(l.key);
      i--;
      continue;
    }
    if (l.keyColumn === column && l.dash) {
      // The mapping is an item of a list: count the items above it, then find the key that owns the list.
      if (atTop && i !== line && l.key !== undefined) siblings.push(l.key);
      const owner = listOwner(shape, i, l.indent);
      if (!owner) return undefined;
      path.unshift(owner.index);
      const ownerShape = shape(owner.line);
      if (ownerShape.key === undefined || ownerShape.inlineValue) return undefined;
      path.unshift(ownerShape.key);
      atTop = false;
      column = ownerShape.keyColumn;
      i = owner.line;
      // The owner may itself start a list item (`- steps:`): look at its own line again at its column.
      if (ownerShape.dash) continue;
      i--;
      continue;
    }
    // A shallower line: the key that owns this mapping.
    if (l.key === undefined || l.inlineValue) return undefined;
    path.unshift(l.key);
    atTop = false;
    column = l.keyColumn;
    if (!l.dash) i--;
  }
  return { path, siblings };
}

/** The index of the list item starting at `line` (its dash at `dashColumn`) and the line of the key owning the list. */
function listOwner(shape: (i: number) => LineShape, line: number, dashColumn: number): { index: number; line: number } | undefined {
  let index = 0;
  for (let j = line - 1; j >= 1; j--) {
    const l = shape(j);
    if (l.blank) continue;
    if (l.dash && l.indent === dashColumn) index++;
    else if (l.keyColumn > dashColumn) continue;
    else return { index, line: j };
  }
  return undefined;
}

function siblingsBelow(shape: (i: number) => LineShape, line: number, closing: number, column: number): string[] {
  const keys: string[] = [];
  for (let j = line + 1; j < closing; j++) {
    const l = shape(j);
    if (l.blank || l.keyColumn > column) continue;
    if (l.keyColumn === column && !l.dash && l.key !== undefined) keys.push(l.key);
    else break;
  }
  return keys;
}

function shapeOf(line: string): LineShape {
  const m = /^( *)(?:(-)( +|$))?(.*)$/.exec(line);
  const body = m?.[4] ?? '';
  const dash = m?.[2] === '-';
  const indent = m?.[1].length ?? 0;
  const keyColumn = indent + (dash ? 1 + (m?.[3].length || 1) : 0);
  if (!dash && (body.trim() === '' || body.trimStart().startsWith('#'))) return { indent, dash, keyColumn, inlineValue: false, blank: true };
  const key = KEY.exec(body.trimEnd());
  if (!key) return { indent, dash, keyColumn, inlineValue: true, blank: false };
  const value = (key[2] ?? '').trim();
  return { indent, dash, keyColumn, key: unquote(key[1]), inlineValue: value !== '' && !value.startsWith('#'), blank: false };
}

function valueEndOf(line: string, start: number): number {
  const value = line.slice(start);
  const comment = /(^|[ \t])#/.exec(value);
  return start + (comment ? comment.index : value.length - (value.length - value.trimEnd().length));
}

function declaredKindAndPhase(lines: readonly string[]): { declaredKind?: string; declaredPhase?: string } {
  const found: { declaredKind?: string; declaredPhase?: string } = {};
  for (const line of lines) {
    const m = /^(kind|phase)[ \t]*:[ \t]*["']?([\w-]+)["']?[ \t]*(?:#.*)?$/.exec(line);
    if (m?.[1] === 'kind') found.declaredKind ??= m[2];
    else if (m?.[1] === 'phase') found.declaredPhase ??= m[2];
  }
  return found;
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

/** The first lines of a text without splitting all of a multi-megabyte document. */
function leadingLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count && start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    lines.push(text.slice(start, stop).replace(/\r$/, ''));
    if (end === -1) break;
    start = end + 1;
  }
  return lines;
}
