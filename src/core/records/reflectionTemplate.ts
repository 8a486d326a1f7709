import { renderFrontMatter } from '../render/frontMatter';
import { escapeMarkdownInline } from '../render/markdownEscape';
import { PHASE_GUIDES, type PhaseId } from './phases';

/** The marker that starts a prompt line; a section holding only prompts is unanswered. */
export const PROMPT_MARKER = '> **Prompt:**';

export interface ReflectionTemplateInput {
  readonly phase: PhaseId;
  readonly version: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly author: string;
}

/** A new reflection document: front matter, then each heading with its prompts. */
export function renderReflectionTemplate(input: ReflectionTemplateInput): string {
  const guide = PHASE_GUIDES[input.phase];
  const frontMatter = renderFrontMatter({ kind: 'reflection', phase: input.phase, change: input.version, date: input.date, author: input.author });
  const body: string[] = [`# ${guide.title}: ${escapeMarkdownInline(input.version)}`, '', `_${guide.when}._ Answer in your own words under each heading; delete each prompt once you have answered it.`];
  for (const section of guide.sections) {
    body.push('', `## ${section.heading}`, '');
    for (const prompt of section.prompts) body.push(`${PROMPT_MARKER} ${prompt}`);
  }
  return `${frontMatter}\n${body.join('\n')}\n`;
}
