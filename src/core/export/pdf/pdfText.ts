import type { InlineSpan, PackBlock, PackModel } from '../model/packModel';

// The PDF's fonts are the standard 14 (nothing to embed, nothing to fetch),
// which encode text as WinAnsi: ASCII, Latin-1 and these 27 others.
const WINANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const WINANSI_EXTRA_SET = new Set([...WINANSI_EXTRA].map((c) => c.codePointAt(0) ?? 0));

// Characters with a faithful WinAnsi spelling: the pack's own checkboxes and arrows, and common typography.
const SUBSTITUTES: Readonly<Record<string, string>> = {
  '☐': '[ ]',
  '☑': '[x]',
  '☒': '[x]',
  '✓': '(ok)',
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '⇒': '=>',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\ufe0f': '',
  '\u00ad': '',
  '′': "'",
  '″': '"',
};

/** Whether the standard fonts can print this code point as it is. */
export function isWinAnsi(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || WINANSI_EXTRA_SET.has(codePoint);
}

/** The marker printed for a character the fonts cannot show: its Unicode code point, so nothing is silently lost. */
export function unprintableMarker(codePoint: number): string {
  return `[U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}]`;
}

/** Counts what `printable` replaced by a marker, across a whole pack. */
export interface UnprintableTally {
  count: number;
  readonly examples: string[];
}

/**
 * Text the standard fonts can print: composed first (so `e` + a combining
 * accent is `é`), typographic characters spelt in WinAnsi, control
 * characters dropped, tabs as spaces, and anything else (Welsh `ŵ`, emoji,
 * CJK) as a visible `[U+0175]` marker, counted in `tally`.
 */
export function printable(text: string, tally?: UnprintableTally): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (char === '\n') out += char;
    else if (char === '\t') out += '    ';
    else if (isWinAnsi(codePoint)) out += char;
    else if (SUBSTITUTES[char] !== undefined) out += SUBSTITUTES[char];
    else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) continue;
    else {
      const marker = unprintableMarker(codePoint);
      if (tally) {
        tally.count++;
        if (tally.examples.length < 3 && !tally.examples.includes(marker)) tally.examples.push(marker);
      }
      out += marker;
    }
  }
  return out;
}

/** The whole model with every text made printable; `tally` says how many characters became markers. */
export function printableModel(model: PackModel, tally: UnprintableTally): PackModel {
  const spans = (list: readonly InlineSpan[]): InlineSpan[] => list.map((s) => ({ ...s, text: printable(s.text, tally) }));
  const block = (b: PackBlock): PackBlock => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        return { ...b, text: spans(b.text) };
      case 'list':
        return { ...b, items: b.items.map((item) => item.map(block)) };
      case 'table':
        return { ...b, columns: b.columns.map((c) => ({ ...c, title: printable(c.title, tally) })), rows: b.rows.map((r) => r.map(spans)) };
      case 'facts':
        return { ...b, rows: b.rows.map((r) => ({ label: printable(r.label, tally), value: spans(r.value) })) };
      case 'code':
        return { ...b, text: printable(b.text, tally) };
      case 'quote':
        return { ...b, blocks: b.blocks.map(block) };
      case 'rule':
        return b;
      case 'image':
        return { ...b, alt: printable(b.alt, tally), ...(b.caption === undefined ? {} : { caption: printable(b.caption, tally) }) };
    }
  };
  return {
    ...model,
    title: printable(model.title, tally),
    subtitle: printable(model.subtitle, tally),
    recordLabel: printable(model.recordLabel, tally),
    version: printable(model.version, tally),
    colophon: printable(model.colophon, tally),
    cover: model.cover.map(block),
    sections: model.sections.map((s) => ({ ...s, title: printable(s.title, tally), blocks: s.blocks.map(block) })),
  };
}
