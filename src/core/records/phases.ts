import { documentSchemaInfo, type GuidedSection } from '../validate/schemaFields';
import { PHASE_IDS, type PhaseId } from '../vocabulary/phaseIds';

export interface PhaseGuide {
  readonly id: PhaseId;
  readonly title: string;
  /** One line saying when the phase is written. */
  readonly when: string;
  readonly sections: readonly GuidedSection[];
}

/** The guided questions for each phase, read from the phase's schema (`schemas/reflection-<phase>.schema.json`). */
export const PHASE_GUIDES: Readonly<Record<PhaseId, PhaseGuide>> = Object.fromEntries(
  PHASE_IDS.map((id) => {
    const info = documentSchemaInfo('reflection', id);
    return [id, { id, title: info.templateTitle ?? id, when: info.writtenWhen ?? '', sections: info.sections }];
  }),
) as Record<PhaseId, PhaseGuide>;
