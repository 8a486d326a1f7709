import { renderDocumentTemplate } from './documentTemplates';
import type { PhaseId } from '../vocabulary/phaseIds';


export interface ReflectionTemplateInput {
  readonly phase: PhaseId;
  readonly version: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly author: string;
}

/** A new reflection document: front matter, then each heading with its prompts. */
export function renderReflectionTemplate(input: ReflectionTemplateInput): string {
  return renderDocumentTemplate(input.phase, { version: input.version, date: input.date, author: input.author });
}
