import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import changeSchema from '../../../schemas/change.schema.json';
import commonSchema from '../../../schemas/common.schema.json';
import reflectionSchema from '../../../schemas/reflection.schema.json';
import releaseNotesSchema from '../../../schemas/release-notes.schema.json';

/** Document kinds that have a schema of their own. */
export type SchemaKind = 'change' | 'reflection' | 'release-notes';

const KIND_SCHEMAS: Record<SchemaKind, { $id: string }> = {
  change: changeSchema,
  reflection: reflectionSchema,
  'release-notes': releaseNotesSchema,
};

/** ISO 8601 date (YYYY-MM-DD) or date-time; the date must exist on the calendar. */
export function isIsoDateOrDateTime(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return match[4] === undefined || (Number(match[4]) < 24 && Number(match[5]) < 60 && Number(match[6] ?? 0) < 60);
}

/**
 * Compiles every schema once, in ajv strict mode, and hands out validators.
 * `enumDescriptions` is an annotation for hover and docs, not a check.
 */
export class SchemaRegistry {
  private readonly base: ValidateFunction;
  private readonly byKind = new Map<SchemaKind, ValidateFunction>();

  constructor() {
    const ajv = new Ajv({ strict: true, allErrors: true, $data: false });
    addFormats(ajv, ['date', 'date-time']);
    ajv.addFormat('iso-date-or-date-time', isIsoDateOrDateTime);
    ajv.addKeyword({ keyword: 'enumDescriptions', schemaType: 'array' });
    ajv.addSchema(commonSchema);
    this.base = ajv.getSchema(commonSchema.$id) ?? ajv.compile(commonSchema);
    for (const [kind, schema] of Object.entries(KIND_SCHEMAS) as [SchemaKind, { $id: string }][]) {
      this.byKind.set(kind, ajv.compile(schema));
    }
  }

  /** Validates front matter data: against its kind's schema, or the common one when the kind is unknown. */
  validate(data: Record<string, unknown>): ErrorObject[] {
    const kind = data.kind;
    const validator = (typeof kind === 'string' && this.byKind.get(kind as SchemaKind)) || this.base;
    return validator(data) ? [] : [...(validator.errors ?? [])];
  }
}
