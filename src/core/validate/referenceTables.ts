import { DOCUMENT_KINDS, type DocumentKind } from '../vocabulary/documentKinds';
import { PHASE_IDS } from '../vocabulary/phaseIds';
import { RULES } from './ruleCatalog';
import { documentSchemaInfo, fieldsOf, type FieldInfo } from './schemaFields';

/** The README's rule table, from `RULES`: code, default severity and meaning. */
export function renderRuleTable(): string {
  // The anchor lets each diagnostic's code link to its row (the server's codeDescription).
  const rows = RULES.map((rule) => `| <a id="${rule.code}"></a>\`${rule.code}\` | ${rule.severity} | ${cell(rule.description)} |`);
  return ['| Code | Severity | Meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The README's field reference, from the schemas: one table per kind, nested fields by dotted path. */
export function renderFieldReference(): string {
  const parts: string[] = [];
  for (const kind of DOCUMENT_KINDS) {
    const info = documentSchemaInfo(kind);
    parts.push(`### \`${kind}\`: ${cell(info.title)}`, '', cell(info.description), '', '| Field | Required | Meaning | Values |', '|---|---|---|---|');
    for (const field of allFields(kind)) parts.push(`| \`${field.path.join('.')}\` | ${required(field)} | ${cell(field.description)} | ${values(field)} |`);
    if (kind === 'reflection') {
      parts.push('', `Headings per phase: ${PHASE_IDS.map((phase) => `\`${phase}\` (${documentSchemaInfo('reflection', phase).sections.map((s) => cell(s.heading)).join('; ')})`).join(', ')}.`);
    }
    parts.push('');
  }
  return parts.join('\n');
}

function allFields(kind: DocumentKind, path: readonly string[] = [], depth = 0): FieldInfo[] {
  if (depth > 4) return [];
  return fieldsOf(kind, path).flatMap((field) => [field, ...(field.hasFields ? allFields(kind, field.path, depth + 1) : [])]);
}

function required(field: FieldInfo): string {
  if (field.required) return 'yes';
  return field.requiredWhen ? `when ${cell(field.requiredWhen)}` : 'no';
}

function values(field: FieldInfo): string {
  if (field.values.length > 0) return field.values.map((v) => `\`${String(v.value)}\``).join(', ');
  if (field.format) return field.format === 'iso-date-time' ? 'ISO 8601 date-time' : 'ISO 8601 date or date-time';
  const example = field.examples[0];
  return example === undefined ? '' : `e.g. \`${cell(JSON.stringify(example))}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}
