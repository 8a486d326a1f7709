import { renderDocumentTemplate, type DocumentTemplateInput, type TemplateTarget } from '../../src/core/records/documentTemplates';
import { PROMPT_MARKER } from '../../src/core/vocabulary/promptMarker';

/** Test documents built from the real templates, so they follow the schemas' headings. */
export const INPUT: DocumentTemplateInput = { version: 'v1.4.0', date: '2026-11-25', author: 'Alex Morgan', previousTag: 'v1.3.2', bump: 'minor' };

/** A template with every prompt replaced by an answer. */
export function answered(target: TemplateTarget, input: Partial<DocumentTemplateInput> = {}): string {
  const text = renderDocumentTemplate(target, { ...INPUT, ...input });
  return text
    .split('\n')
    .map((line) => (line.startsWith(PROMPT_MARKER) ? 'We wrote a considered answer here.' : line))
    .join('\n');
}

/** Replaces the front matter of a document with these lines. */
export function withFrontMatter(text: string, lines: readonly string[]): string {
  const end = text.indexOf('\n---\n', 4);
  return `---\n${lines.join('\n')}\n---\n${text.slice(end + 5)}`;
}

/** A complete, approved manifest. */
export const APPROVED_CHANGE_FRONT_MATTER = [
  'kind: change',
  'change: v1.4.0',
  'date: 2026-11-20',
  'author: Alex Morgan',
  'status: approved',
  'change_type: normal',
  'range:',
  '  from: v1.3.2',
  '  to: v1.4.0',
  'deployment:',
  '  start: 2026-12-02T20:00:00Z',
  '  end: 2026-12-02T22:00:00Z',
  'approval:',
  '  authority: Change Advisory Board',
  '  date: 2026-11-27',
  'clinical_risk:',
  '  likelihood: low',
  '  consequence: major',
  '  rating: 3',
  'hazards: [HAZ-012]',
  'affected:',
  '  services: [Pathology results viewer]',
  '  user_groups: [Ward nurses]',
  'communication:',
  '  - who: Ward managers',
  '    when: the day before',
  '    channel: email',
  '    sent: 2026-12-01',
  'rollback_target: v1.3.2',
];

/** The front matter of a reflection of a phase, dated `date`. */
export function reflectionFrontMatter(phase: string, date: string, change = 'v1.4.0'): string[] {
  return ['kind: reflection', `phase: ${phase}`, `change: ${change}`, `date: ${date}`, 'author: Alex Morgan'];
}
