/**
 * A small glob matcher for classification rules: `*` matches within one
 * path segment, `**` across segments, `?` one character, `[0-9]` one
 * character of a class (`[!…]` one not in it), `{a,b}` either alternative. A pattern without `/` matches a file name in any folder.
 * Matching is on `/`-separated repository paths and case-sensitive.
 */
export class GlobPattern {
  private readonly regex: RegExp;

  constructor(readonly source: string) {
    const { body, nameOnly } = globRegexBody(source);
    this.regex = new RegExp(`^${nameOnly ? '(?:.*/)?' : ''}${body}$`);
  }

  matches(path: string): boolean {
    return this.regex.test(path);
  }
}

/**
 * A glob as the body of a regular expression (without anchors), and whether
 * it is a file-name pattern: one without `/` and without `**`, which matches
 * a path exactly when it matches the path's last segment (its `*`, `?` and
 * classes never match `/`). Several bodies can be joined into one
 * alternation (see `fileClassification.ts`).
 */
export function globRegexBody(source: string): { readonly body: string; readonly nameOnly: boolean } {
  const pattern = source.replace(/^\.?\//, '');
  const anywhere = !pattern.includes('/');
  const body = translate(pattern);
  if (anywhere && pattern.includes('**')) return { body: `(?:.*/)?${body}`, nameOnly: false };
  return { body, nameOnly: anywhere };
}

function translate(pattern: string): string {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      const slashAfter = pattern[i + 2] === '/';
      if (atSegmentStart && slashAfter) {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (char === '[' && classEnd(pattern, i) > 0) {
      const end = classEnd(pattern, i);
      const body = pattern.slice(i + 1, end);
      const negated = body.startsWith('!');
      out += `[${negated ? '^/' : ''}${(negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else if (char === '{') {
      braceDepth++;
      out += '(?:';
    } else if (char === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (char === ',' && braceDepth > 0) out += '|';
    else out += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // An unclosed brace is a literal mistake in the pattern; close it so the regex stays valid.
  return out + ')'.repeat(braceDepth);
}

/** Where a character class that opens at `start` closes (`[0-9]`, `[!a-z]`), or -1 when it does not, or would hold a `/`. */
function classEnd(pattern: string, start: number): number {
  const end = pattern.indexOf(']', start + 2);
  if (end < 0) return -1;
  const body = pattern.slice(start + 1, end);
  return body.length === 0 || body === '!' || body.includes('/') || body.includes('[') ? -1 : end;
}
