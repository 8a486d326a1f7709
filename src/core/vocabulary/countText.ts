// Counts written with the display language's digit grouping ("1,631").
// Making an Intl.NumberFormat loads ICU data: about 20 ms, and 170 ms on an
// extension host busy with other extensions, which the Releases view paid
// while drawing its first row. The display languages whose grouping is a
// comma every three digits are grouped here, exactly as Intl does (a unit
// test compares both); any other language gets Intl's formatter, made on
// first use and kept per language.

const COMMA_EVERY_THREE = new Set(['en', 'en-us', 'en-gb', 'ja', 'ko', 'zh-cn', 'zh-tw']);

let formatter: { readonly language: string; readonly format: (count: number) => string } | undefined;

/** `count` as `new Intl.NumberFormat(language).format(count)` writes it. */
export function countText(count: number, language: string): string {
  if (Number.isSafeInteger(count) && count >= 0 && COMMA_EVERY_THREE.has(language.toLowerCase())) {
    const digits = String(count);
    let text = '';
    for (let end = digits.length; end > 0; end -= 3) text = end > 3 ? `,${digits.slice(end - 3, end)}${text}` : `${digits.slice(0, end)}${text}`;
    return text;
  }
  if (formatter?.language !== language) {
    try {
      const numbers = new Intl.NumberFormat(language);
      formatter = { language, format: (n) => numbers.format(n) };
    } catch {
      formatter = { language, format: String };
    }
  }
  return formatter.format(count);
}
