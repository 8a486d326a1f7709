import { isDocumentKind, type DocumentKind } from '../../core/vocabulary/documentKinds';
import { isPhaseId, type PhaseId } from '../../core/vocabulary/phaseIds';

/** A document kind and reflection phase the schemas know. */
export interface DocumentType {
  readonly kind?: DocumentKind;
  readonly phase?: PhaseId;
}

/** The kind and phase a document declares, when they are ones the schemas know; a phase only for reflections. */
export function documentTypeOf(kind: unknown, phase: unknown): DocumentType {
  if (!isDocumentKind(kind)) return {};
  return kind === 'reflection' && isPhaseId(phase) ? { kind, phase } : { kind };
}

/**
 * The schema to describe a field by. `kind` and `phase` choose the schema, so
 * they are described by the one above it: the phase's own schema allows only
 * its phase, but a person choosing a phase needs all of them.
 */
export function describingType(path: readonly (string | number)[], type: DocumentType): DocumentType {
  if (path.length !== 1) return type;
  if (path[0] === 'kind') return {};
  if (path[0] === 'phase') return { kind: type.kind };
  return type;
}
