import type { DocumentKind } from '../vocabulary/documentKinds';
import type { PhaseId } from '../vocabulary/phaseIds';
import { ALL_SCHEMAS, schemaFor, schemaId, type JsonSchema } from './schemaDocuments';

/** A section of a guided document: a heading and the open questions under it. */
export interface GuidedSection {
  readonly heading: string;
  readonly prompts: readonly string[];
  /** An optional section is offered by the template but not required. */
  readonly optional?: boolean;
}

/** One allowed value of a field, with the text that explains it. */
export interface FieldValue {
  readonly value: string | number | boolean;
  readonly description?: string;
}

/** What the schemas say about one front matter field: for hover, completion, templates and docs. */
export interface FieldInfo {
  readonly name: string;
  readonly path: readonly string[];
  readonly description: string;
  /** The JSON type (`string`, `integer`, `object`, `array`, …). */
  readonly type?: string;
  /** For a list, the type of its items. */
  readonly itemType?: string;
  readonly format?: string;
  readonly values: readonly FieldValue[];
  readonly examples: readonly unknown[];
  readonly default?: unknown;
  /** For a list, the fewest items it may hold. */
  readonly minItems?: number;
  readonly required: boolean;
  /** When the field is required only in some states, in words (for example `status is approved, deployed, …`). */
  readonly requiredWhen?: string;
  /** Whether the field (or each item of the list) has fields of its own. */
  readonly hasFields: boolean;
}

/** What the schemas say about a document as a whole. */
export interface DocumentSchemaInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly sections: readonly GuidedSection[];
  readonly templateTitle?: string;
  readonly writtenWhen?: string;
  /** Required top-level keys, common ones first. */
  readonly required: readonly string[];
  readonly conditionallyRequired: ReadonlyArray<{ readonly keys: readonly string[]; readonly when: string }>;
}

const byId = new Map<string, JsonSchema>(ALL_SCHEMAS.map((s) => [schemaId(s), s]));

/** The fields of the object at `path` (list indexes may be given or left out); the top level when `path` is empty. */
export function fieldsOf(kind: DocumentKind | undefined, path: readonly (string | number)[] = [], phase?: PhaseId): FieldInfo[] {
  const node = objectAt(schemaFor(kind, phase), path);
  if (!node) return [];
  const keys = path.filter((p): p is string => typeof p === 'string');
  return Object.entries(node.properties).map(([name, schema]) => toFieldInfo(name, [...keys, name], schema, node));
}

/** What the schemas say about the field at `path` (list indexes may be given or left out), or undefined when they say nothing. */
export function describeField(kind: DocumentKind | undefined, path: readonly (string | number)[], phase?: PhaseId): FieldInfo | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const name = keys.at(-1);
  if (name === undefined) return undefined;
  const parentPath = path.slice(0, path.lastIndexOf(name));
  const parent = objectAt(schemaFor(kind, phase), parentPath);
  const schema = parent?.properties[name];
  return parent && schema ? toFieldInfo(name, keys, schema, parent) : undefined;
}

/** Title, description, headings and required keys of a kind's (and phase's) schema. */
export function documentSchemaInfo(kind: DocumentKind | undefined, phase?: PhaseId): DocumentSchemaInfo {
  const root = schemaFor(kind, phase);
  const merged = mergeObject(root);
  const sections = firstAnnotation(root, 'sections');
  return {
    id: schemaId(root),
    title: String(root.title ?? ''),
    description: String(root.description ?? ''),
    sections: Array.isArray(sections) ? (sections as GuidedSection[]) : [],
    templateTitle: stringOrUndefined(firstAnnotation(root, 'templateTitle')),
    writtenWhen: stringOrUndefined(firstAnnotation(root, 'writtenWhen')),
    required: merged.required,
    conditionallyRequired: merged.conditional,
  };
}

interface MergedObject {
  readonly properties: Record<string, JsonSchema>;
  readonly required: string[];
  readonly conditional: Array<{ keys: string[]; when: string }>;
}

/** Follows `$ref`, `allOf` and list items to the object schema at a path. */
function objectAt(root: JsonSchema, path: readonly (string | number)[]): MergedObject | undefined {
  let node: JsonSchema | undefined = root;
  for (const segment of path) {
    if (typeof segment === 'number') continue;
    node = mergeObject(node).properties[segment];
    if (!node) return undefined;
    node = itemsOrSelf(resolve(node));
  }
  return mergeObject(node);
}

/** One object schema with its `$ref` and `allOf` parts folded in; the more specific part wins. */
function mergeObject(schema: JsonSchema, depth = 0): MergedObject {
  const merged: MergedObject = { properties: {}, required: [], conditional: [] };
  if (depth > 10) return merged;
  const parts: JsonSchema[] = [];
  if (typeof schema.$ref === 'string') parts.push(resolveRef(schema.$ref));
  for (const part of asSchemas(schema.allOf)) {
    if (part.if !== undefined && isSchema(part.then)) {
      const keys = asStrings(part.then.required);
      if (keys.length > 0) merged.conditional.push({ keys, when: describeCondition(part.if) });
    } else parts.push(part);
  }
  for (const part of parts) {
    const inner = mergeObject(part, depth + 1);
    Object.assign(merged.properties, inner.properties);
    merged.required.push(...inner.required.filter((k) => !merged.required.includes(k)));
    merged.conditional.push(...inner.conditional);
  }
  for (const [name, property] of Object.entries(isSchema(schema.properties) ? schema.properties : {})) {
    if (!isSchema(property)) continue;
    const general = merged.properties[name];
    merged.properties[name] = general ? { ...resolve(general), ...resolve(property) } : property;
  }
  merged.required.push(...asStrings(schema.required).filter((k) => !merged.required.includes(k)));
  return merged;
}

function toFieldInfo(name: string, path: string[], raw: JsonSchema, parent: MergedObject): FieldInfo {
  const schema = resolve(raw);
  const items = isSchema(schema.items) ? resolve(schema.items) : undefined;
  const conditional = parent.conditional.find((c) => c.keys.includes(name));
  const element = items ?? schema;
  return {
    name,
    path,
    description: String(schema.description ?? ''),
    type: stringOrUndefined(schema.type),
    itemType: items ? stringOrUndefined(items.type) : undefined,
    format: stringOrUndefined(schema.format),
    values: valuesOf(schema),
    examples: Array.isArray(schema.examples) ? schema.examples : [],
    default: schema.default,
    minItems: typeof schema.minItems === 'number' ? schema.minItems : undefined,
    required: parent.required.includes(name),
    requiredWhen: conditional?.when,
    hasFields: isSchema(element.properties) || typeof element.$ref === 'string' || Array.isArray(element.allOf),
  };
}

function valuesOf(schema: JsonSchema): FieldValue[] {
  if (schema.const !== undefined) return [{ value: schema.const as string }];
  if (!Array.isArray(schema.enum)) return [];
  const descriptions = Array.isArray(schema.enumDescriptions) ? schema.enumDescriptions : [];
  return schema.enum.map((value: string | number | boolean, i) => ({ value, description: stringOrUndefined(descriptions[i]) }));
}

/** Words for an `if` condition of the form `{properties: {key: {enum|const}}}`. */
function describeCondition(condition: unknown): string {
  if (!isSchema(condition) || !isSchema(condition.properties)) return 'in some cases';
  const parts = Object.entries(condition.properties).map(([key, value]) => {
    if (!isSchema(value)) return key;
    const allowed = value.const !== undefined ? [value.const] : Array.isArray(value.enum) ? value.enum : [];
    const list = allowed.map(String);
    const words = list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list.at(-1)}` : (list[0] ?? 'set');
    return `${key} is ${words}`;
  });
  return parts.join(' and ');
}

function firstAnnotation(schema: JsonSchema, keyword: string): unknown {
  if (schema[keyword] !== undefined) return schema[keyword];
  for (const part of asSchemas(schema.allOf)) {
    const found = typeof part.$ref === 'string' ? firstAnnotation(resolveRef(part.$ref), keyword) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A property schema with its `$ref` target folded in (the property's own keywords win). */
function resolve(schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref !== 'string') return schema;
  const { $ref, ...own } = schema;
  return { ...resolve(resolveRef(String($ref))), ...own };
}

function itemsOrSelf(schema: JsonSchema): JsonSchema {
  return schema.type === 'array' && isSchema(schema.items) ? resolve(schema.items) : schema;
}

/** Resolves a reference such as `common.schema.json#/definitions/range` among our own schemas only. */
function resolveRef(ref: string): JsonSchema {
  const [file, pointer = ''] = ref.split('#', 2);
  const base = [...byId.keys()].find((id) => id.endsWith(`/${file}`) || id === file);
  let node: unknown = base ? byId.get(base) : undefined;
  for (const segment of pointer.split('/').filter((s) => s.length > 0)) {
    node = isSchema(node) ? node[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  if (!isSchema(node)) throw new Error(`Unresolved schema reference ${ref}.`);
  return node;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asSchemas(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? value.filter(isSchema) : [];
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
