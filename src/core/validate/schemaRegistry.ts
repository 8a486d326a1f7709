import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isDocumentKind } from '../vocabulary/documentKinds';
import { isPhaseId } from '../vocabulary/phaseIds';
import { isIsoDateOrDateTime, isIsoDateTime } from './isoDates';
import { ALL_SCHEMAS, schemaFor, schemaId } from './schemaDocuments';


/**
 * Annotation keywords of our schemas. They carry text for hover, completion,
 * templates and the docs; ajv must know them (strict mode) but checks nothing.
 */
export const ANNOTATION_KEYWORDS = [
  { keyword: 'enumDescriptions', schemaType: 'array' },
  { keyword: 'sections', schemaType: 'array' },
  { keyword: 'writtenWhen', schemaType: 'string' },
  { keyword: 'templateTitle', schemaType: 'string' },
] as const;

/**
 * Compiles every schema once, in ajv strict mode (no `$data`), and hands out
 * validators by kind and phase.
 */
export class SchemaRegistry {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv = new Ajv({ strict: true, strictTypes: true, allErrors: true, $data: false });
    addFormats(this.ajv, ['date', 'date-time']);
    this.ajv.addFormat('iso-date-or-date-time', isIsoDateOrDateTime);
    this.ajv.addFormat('iso-date-time', isIsoDateTime);
    for (const { keyword, schemaType } of ANNOTATION_KEYWORDS) this.ajv.addKeyword({ keyword, schemaType });
    this.ajv.addSchema([...ALL_SCHEMAS]);
    for (const schema of ALL_SCHEMAS) {
      const validator = this.ajv.getSchema(schemaId(schema));
      if (!validator) throw new Error(`Schema ${schemaId(schema)} did not compile.`);
      this.validators.set(schemaId(schema), validator);
    }
  }

  /** Validates front matter data against its kind's (and phase's) schema, or the common one when the kind is unknown. */
  validate(data: Record<string, unknown>): ErrorObject[] {
    const kind = isDocumentKind(data.kind) ? data.kind : undefined;
    const phase = kind === 'reflection' && isPhaseId(data.phase) ? data.phase : undefined;
    const validator = this.validators.get(schemaId(schemaFor(kind, phase)));
    if (!validator) return [];
    return validator(data) ? [] : [...(validator.errors ?? [])];
  }
}
