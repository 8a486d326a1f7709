import type { DocumentKind } from '../vocabulary/documentKinds';
import type { PhaseId } from '../vocabulary/phaseIds';
import { PROMPT_MARKER } from '../vocabulary/promptMarker';
import { readSections, normaliseHeading, type MarkdownSection } from './markdownSections';
import type { LineIndex, Problem, TextRange } from './problem';
import { problemOf } from './ruleCatalog';
import { documentSchemaInfo, type GuidedSection } from './schemaFields';

/**
 * Checks the body of a document against its schema's headings: required
 * headings present, no heading left empty, no section holding only prompts.
 */
/** Bodies above this size are not checked for sections: markdown-it's cost grows with the number of blocks. */
export const MAX_SECTION_CHECK_LENGTH = 512 * 1024;

export function sectionProblems(text: string, bodyOffset: number, lines: LineIndex, kind: DocumentKind, phase: PhaseId | undefined, limit = 1000): Problem[] {
  if (kind === 'reflection' && !phase) return [];
  const firstLine = lines.positionAt(bodyOffset).line;
  if (text.length - bodyOffset > MAX_SECTION_CHECK_LENGTH) {
    return [problemOf('too-large', lines.lineRange(firstLine), `Sections were not checked: the text after the front matter is larger than ${MAX_SECTION_CHECK_LENGTH / 1024} KB.`)];
  }
  const sections = readSections(text.slice(bodyOffset), firstLine);
  const problems: Problem[] = [];
  for (const section of sections) {
    // Enough to fill the capped list; a body of a hundred thousand empty headings need not make as many problems.
    if (problems.length >= limit) break;
    const range = lines.lineRange(section.line);
    if (section.promptLines.length > 0 && section.answerBlocks === 0) {
      const first = section.promptLines[0];
      const last = section.promptLines[section.promptLines.length - 1];
      const promptRange: TextRange = { start: lines.lineRange(first.start).start, end: lines.lineRange(Math.max(first.start, last.end - 1)).end };
      problems.push(problemOf('unanswered-prompt', promptRange, `"${shortHeading(section)}" is not answered yet: write your answer under the heading, then delete the prompt.`));
    } else if (section.level > 1 && section.answerBlocks === 0 && section.promptLines.length === 0 && !section.hasSubsections) {
      // The document's title (level 1) may stand alone; a heading within the document may not.
      problems.push(problemOf('empty-section', range, `"${shortHeading(section)}" has nothing under it.`));
    }
  }
  const expected = documentSchemaInfo(kind, phase).sections.filter((s) => !s.optional);
  const present = new Set(sections.map((s) => normaliseHeading(s.heading)));
  const anchor = sections[0] ? lines.lineRange(sections[0].line) : lines.lineRange(Math.max(0, firstLine - 1));
  expected.forEach((guided, index) => {
    if (present.has(normaliseHeading(guided.heading))) return;
    const problem = problemOf('missing-section', anchor, `Missing section "## ${guided.heading}".`);
    problems.push({ ...problem, fix: { title: `Add section "${guided.heading}"`, ...insertionFor(guided, expected.slice(index + 1), sections, text, lines) } });
  });
  return problems;
}

/** Where and what to insert for a missing section: before the next expected heading that is present, or at the end. */
function insertionFor(guided: GuidedSection, later: readonly GuidedSection[], sections: readonly MarkdownSection[], text: string, lines: LineIndex): { range: TextRange; newText: string } {
  const block = [`## ${guided.heading}`, '', guided.prompts.map((p) => `${PROMPT_MARKER} ${p}`).join('\n\n')].join('\n');
  const laterNames = new Set(later.map((s) => normaliseHeading(s.heading)));
  const next = sections.find((s) => laterNames.has(normaliseHeading(s.heading)));
  if (next) {
    const at = lines.lineRange(next.line).start;
    return { range: { start: at, end: at }, newText: `${block}\n\n` };
  }
  const end = lines.positionAt(text.length);
  return { range: { start: end, end }, newText: `${text.endsWith('\n') ? '' : '\n'}\n${block}\n` };
}

function shortHeading(section: MarkdownSection): string {
  const heading = section.heading.replace(/\s+/g, ' ').trim();
  return heading.length > 60 ? `${heading.slice(0, 57)}…` : heading || 'This heading';
}
