import { stringify } from 'yaml';

/** Serialises front matter as a `---` block; values are quoted by `yaml` where needed. */
export function renderFrontMatter(fields: Record<string, unknown>): string {
  const body = stringify(fields, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `---\n${body}---\n`;
}
