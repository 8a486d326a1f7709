import { renderFrontMatter } from '../markdown/frontMatter';
import { escapeMarkdownInline } from '../markdown/markdownEscape';
import { documentSchemaInfo } from '../validate/schemaFields';
import { placeholderValue } from '../validate/schemaPlaceholders';
import type { DocumentKind } from '../vocabulary/documentKinds';
import { isPhaseId, type PhaseId } from '../vocabulary/phaseIds';
import { PROMPT_MARKER } from '../vocabulary/promptMarker';

/** What a template can be made for: a document kind other than `reflection`, or a reflection phase. */
export type TemplateTarget = Exclude<DocumentKind, 'reflection'> | PhaseId;

/** What the templates fill in. */
export interface DocumentTemplateInput {
  /** The change record's version, e.g. `v1.4.0`. */
  readonly version: string;
  /** YYYY-MM-DD */
  readonly date: string;
  /** From git's `user.name`; an empty author is flagged by the validator. */
  readonly author: string;
  /** The range of commits; `to` defaults to the version, `from` to `previousTag`. */
  readonly range?: { readonly from?: string; readonly to: string };
  /** The previous release's tag: the range's start and the rollback target. */
  readonly previousTag?: string;
  /** For release notes: the version bump the commits call for. */
  readonly bump?: 'major' | 'minor' | 'patch' | 'none';
  /**
   * Whether the record already holds its on-action reflection: only then
   * does beyond-action link to its headings (a link to a file not yet
   * written would open the new document with broken-link warnings).
   */
  readonly onActionWritten?: boolean;
}

/** The beyond-action heading under which the on-action reflection's headings are quoted, with links, to re-read. */
export const ON_ACTION_REREAD_HEADING = 'Re-reading my on-action reflection';

/**
 * The on-action reflection's headings as one more prompt line (the section
 * still reads as unanswered until the writer answers it): links into
 * on-action.md (the anchors VS Code's preview and GitHub give a heading)
 * when that file is written, else the headings as plain text, named as
 * still to be written, so the new document opens with no broken link.
 */
export function onActionHeadingLinks(onActionWritten = true): string {
  const headings = documentSchemaInfo('reflection', 'on-action').sections.map((s) => s.heading);
  if (!onActionWritten) return `${PROMPT_MARKER} Its headings, once on-action.md is written: ${headings.map((h) => `“${escapeMarkdownInline(h)}”`).join(' · ')}`;
  const links = headings.map((h) => `[${escapeMarkdownInline(h)}](on-action.md#${headingAnchor(h)})`);
  return `${PROMPT_MARKER} Its headings: ${links.join(' · ')}`;
}

/** A heading's anchor as Markdown previews make it: lower case, punctuation dropped, spaces as dashes. */
export function headingAnchor(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
}

// Keys shown first, in this order; the rest follow in schema order.
const LEADING_KEYS = ['kind', 'phase', 'change', 'date', 'author'];

/**
 * A new document: front matter with the schema's required keys (filled in
 * where the input knows them, otherwise with the schema's default or an
 * empty value the validator flags), then each heading with its prompts.
 */
export function renderDocumentTemplate(target: TemplateTarget, input: DocumentTemplateInput): string {
  const kind: DocumentKind = isPhaseId(target) ? 'reflection' : target;
  const phase = isPhaseId(target) ? target : undefined;
  const info = documentSchemaInfo(kind, phase);
  const known = knownValues(kind, phase, input);
  const keys = [...info.required].sort((a, b) => rank(a) - rank(b));
  const fields = Object.fromEntries(keys.map((key) => [key, Object.hasOwn(known, key) ? known[key] : placeholderValue(kind, [key], phase)]));
  const reminders = info.conditionallyRequired.map((c) => `# Needed once ${c.when}: ${c.keys.join(', ')}.\n`);
  const frontMatter = renderFrontMatter(fields).replace(/---\n$/, `${reminders.join('')}---\n`);
  const title = info.templateTitle ?? info.title;
  const body: string[] = [`# ${escapeMarkdownInline(title)}: ${escapeMarkdownInline(input.version)}`, ''];
  if (kind === 'release-notes') {
    body.push(`_${info.writtenWhen ?? ''}._ Run **Generate Release Notes** (or \`reflect notes\`) to list the commits here.`);
  } else {
    body.push(`_${info.writtenWhen ?? ''}._ Answer in your own words under each heading; delete each prompt once you have answered it.`);
  }
  for (const section of info.sections) {
    body.push('', `## ${section.heading}`, '');
    // A blank line between prompts: each is its own quote, so the preview and the pack show one a line.
    section.prompts.forEach((prompt, index) => body.push(...(index > 0 ? [''] : []), `${PROMPT_MARKER} ${prompt}`));
    if (target === 'beyond-action' && section.heading === ON_ACTION_REREAD_HEADING) body.push('', onActionHeadingLinks(input.onActionWritten === true));
  }
  return `${frontMatter}\n${body.join('\n')}\n`;
}

function knownValues(kind: DocumentKind, phase: PhaseId | undefined, input: DocumentTemplateInput): Record<string, unknown> {
  const known: Record<string, unknown> = { kind, change: input.version, date: input.date, author: input.author };
  if (phase) known.phase = phase;
  known.range = { from: input.range?.from ?? input.previousTag ?? '', to: input.range?.to ?? input.version };
  if (input.bump) known.bump = input.bump;
  if (input.previousTag) {
    known.target = { tag: input.previousTag };
    known.rollback_target = input.previousTag;
  }
  if (kind === 'action-plan') known.actions = [actionPlaceholder(input)];
  return known;
}

/** One action to start from: the author owns it; what, why, when and the evidence are left for them. */
function actionPlaceholder(input: DocumentTemplateInput): Record<string, unknown> {
  const [item] = placeholderValue('action-plan', ['actions']) as Array<Record<string, unknown>>;
  return { ...item, owner: input.author };
}

function rank(key: string): number {
  const index = LEADING_KEYS.indexOf(key);
  return index === -1 ? LEADING_KEYS.length : index;
}
