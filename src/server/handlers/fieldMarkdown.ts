import type { FieldInfo } from '../../core/validate/schemaFields';

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  integer: 'whole number',
  number: 'number',
  boolean: 'true or false',
  object: 'fields',
  array: 'list',
};

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  'iso-date-or-date-time': 'ISO 8601 date (`YYYY-MM-DD`) or date-time',
  'iso-date-time': 'ISO 8601 date-time with a time of day (`YYYY-MM-DDTHH:MM`, ideally with `Z` or an offset)',
  date: 'ISO 8601 date (`YYYY-MM-DD`)',
  'date-time': 'ISO 8601 date-time',
};

/**
 * What the schema says about a field, as Markdown for hover and completion:
 * its path, whether it is required, its description, its type and the allowed
 * values with what each means. Only schema text is rendered (ours, trusted);
 * nothing the document says is echoed, except by matching an allowed value.
 */
export function fieldMarkdown(info: FieldInfo, currentValue?: unknown): string {
  const parts: string[] = [];
  const chosen = currentValue === undefined ? undefined : info.values.find((v) => v.value === currentValue);
  if (chosen) parts.push(`**\`${String(chosen.value)}\`**${chosen.description ? `: ${chosen.description}` : ''}`, '---');
  const need = info.required ? 'required' : info.requiredWhen ? `required when ${info.requiredWhen}` : 'optional';
  parts.push(`**\`${info.path.join('.')}\`** (${need})`);
  if (info.description) parts.push(info.description);
  const type = typeWords(info);
  if (type) parts.push(`*Type:* ${type}`);
  if (info.values.length > 1) {
    parts.push(['*Allowed values:*', ...info.values.map((v) => `- \`${String(v.value)}\`${v.description ? `: ${v.description}` : ''}`)].join('\n'));
  }
  if (info.examples.length > 0 && info.values.length === 0) parts.push(`*Example${info.examples.length > 1 ? 's' : ''}:* ${info.examples.map((e) => `\`${exampleText(e)}\``).join(', ')}`);
  return parts.join('\n\n');
}

function typeWords(info: FieldInfo): string | undefined {
  if (info.format && FORMAT_WORDS[info.format]) return FORMAT_WORDS[info.format];
  if (info.type === 'array' && info.itemType) return `list of ${info.hasFields ? 'entries with fields' : (TYPE_WORDS[info.itemType] ?? info.itemType)}`;
  return info.type ? (TYPE_WORDS[info.type] ?? info.type) : undefined;
}

function exampleText(example: unknown): string {
  const text = typeof example === 'string' ? example : Array.isArray(example) ? `[${example.map(String).join(', ')}]` : JSON.stringify(example);
  return text.replace(/`/g, "'");
}
