import actionPlanSchema from '../../../schemas/action-plan.schema.json';
import changeSchema from '../../../schemas/change.schema.json';
import commonSchema from '../../../schemas/common.schema.json';
import hazardLogSchema from '../../../schemas/hazard-log.schema.json';
import afterSchema from '../../../schemas/reflection-beyond-action.schema.json';
import beforeSchema from '../../../schemas/reflection-before-action.schema.json';
import executionSchema from '../../../schemas/reflection-in-action-execution.schema.json';
import planningSchema from '../../../schemas/reflection-in-action-planning.schema.json';
import onActionSchema from '../../../schemas/reflection-on-action.schema.json';
import reflectionSchema from '../../../schemas/reflection.schema.json';
import releaseNotesSchema from '../../../schemas/release-notes.schema.json';
import rollbackSchema from '../../../schemas/rollback.schema.json';
import type { DocumentKind } from '../vocabulary/documentKinds';
import type { PhaseId } from '../vocabulary/phaseIds';

/** A JSON Schema as plain data; only the keywords our schemas use are read. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Every schema of the document format, keyed by `$id`; ajv and the field reader both start here. */
export const ALL_SCHEMAS: readonly JsonSchema[] = [
  commonSchema,
  changeSchema,
  reflectionSchema,
  beforeSchema,
  planningSchema,
  executionSchema,
  onActionSchema,
  afterSchema,
  actionPlanSchema,
  releaseNotesSchema,
  rollbackSchema,
  hazardLogSchema,
];

/** The schema for each kind; reflections of a known phase use their phase's schema instead. */
export const KIND_SCHEMAS: Readonly<Record<DocumentKind, JsonSchema>> = {
  change: changeSchema,
  reflection: reflectionSchema,
  'action-plan': actionPlanSchema,
  'release-notes': releaseNotesSchema,
  rollback: rollbackSchema,
  'hazard-log': hazardLogSchema,
};

/** The schema for each reflection phase. */
export const PHASE_SCHEMAS: Readonly<Record<PhaseId, JsonSchema>> = {
  'before-action': beforeSchema,
  'in-action-planning': planningSchema,
  'in-action-execution': executionSchema,
  'on-action': onActionSchema,
  'beyond-action': afterSchema,
};

/** The fields every document carries, used when the kind is missing or unknown. */
export const COMMON_SCHEMA: JsonSchema = commonSchema;

/** The schema a document of this kind (and phase) is checked against. */
export function schemaFor(kind: DocumentKind | undefined, phase?: PhaseId): JsonSchema {
  if (kind === 'reflection' && phase) return PHASE_SCHEMAS[phase];
  return kind ? KIND_SCHEMAS[kind] : COMMON_SCHEMA;
}

/** The `$id` of a schema. */
export function schemaId(schema: JsonSchema): string {
  return String(schema.$id);
}
