/**
 * Escaping for the evidence pack's HTML. Every value that comes from a
 * record (front matter, commit text, file names) passes through here; the
 * pack never puts such a value inside an attribute, so text escaping is all
 * it needs, and quotes are escaped as well in case that ever changes.
 */

const HTML_SPECIAL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node (or a quoted attribute value). */
export function escapeHtml(text: string): string {
  // Control characters other than tab and line breaks have no place in a printed document.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(HTML_SPECIAL, (c) => ENTITIES[c] ?? c);
}

/**
 * A front matter value as one line of text: strings as they are, numbers and
 * booleans written out, lists joined with commas, mappings as JSON; undefined
 * for a missing, null or empty value.
 */
export function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim().length > 0 ? value : undefined;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    const items = value.map(textOf).filter((item): item is string => item !== undefined);
    return items.length > 0 ? items.join(', ') : undefined;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** The escaped text of a value, or an escaped placeholder when it is missing. */
export function htmlOf(value: unknown, missing = 'not recorded'): string {
  const text = textOf(value);
  return text === undefined ? `<span class="missing">${escapeHtml(missing)}</span>` : escapeHtml(text);
}

/** A plain-object view of an unknown value, or undefined. */
export function recordOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** "1 day", "3 days". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A definition list of label → value rows; labels are ours, values are HTML already escaped by the caller. */
export function factList(rows: ReadonlyArray<readonly [string, string]>, className = 'facts'): string {
  const items = rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`).join('\n');
  return `<dl class="${className}">\n${items}\n</dl>`;
}

/** The note shown where a document of the record does not exist. */
export function missingDocumentHtml(fileName: string): string {
  return `<p class="missing-document">${escapeHtml(fileName)} is missing from the change record.</p>`;
}
