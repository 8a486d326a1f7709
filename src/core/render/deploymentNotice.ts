import { escapeMarkdownInline } from '../markdown/markdownEscape';
import { parseFrontMatter } from '../validate/frontMatterParser';
import { normaliseHeading, readSections } from '../validate/markdownSections';
import { LineIndex } from '../validate/problem';
import { PROMPT_MARKER } from '../vocabulary/promptMarker';

/** The notices a change record drafts, for users and the service desk. */
export const NOTICE_TYPES = [
  { id: 'downtime', label: 'Downtime notice', description: 'Before the window: when, how long, who is affected, what to do meanwhile.' },
  { id: 'go-live', label: 'Go-live notice', description: 'After the deployment: the change is live and what is different.' },
  { id: 'rollback', label: 'Rollback notice', description: 'After a rollback: the previous version is back and what that means.' },
] as const;

/** The id of a notice type. */
export type NoticeType = (typeof NOTICE_TYPES)[number]['id'];

/** Whether a value names a notice type. */
export function isNoticeType(value: unknown): value is NoticeType {
  return NOTICE_TYPES.some((t) => t.id === value);
}

/** A drafted notice: Markdown ready to paste into an email, and the facts change.md did not give. */
export interface DeploymentNotice {
  readonly markdown: string;
  /** Fields the notice needed but the record lacks, named as in change.md ("deployment.start"). */
  readonly gaps: readonly string[];
}

/** The release notes' sections written for users, in the order they appear in a notice. */
const USER_FACING_HEADINGS = ['Summary', 'Impacted users and clinical impact'];

/**
 * Drafts a notice from change.md's front matter and the user-facing
 * sections of release-notes.md (what the person wrote, never the prompts
 * or the generated commit lists). Values from the record are escaped, so a
 * field cannot forge headings or links in the email; a missing fact is
 * written as a visible gap and listed in `gaps`. Pure.
 */
export function draftNotice(type: NoticeType, change: Readonly<Record<string, unknown>>, releaseNotesText?: string): DeploymentNotice {
  const gaps: string[] = [];
  const field = (path: string): string => {
    const value = valueAt(change, path);
    if (typeof value === 'string' && value.trim()) return escapeMarkdownInline(value.trim());
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    gaps.push(path);
    return `_[not recorded: ${path}]_`;
  };
  const list = (path: string): string => {
    const value = valueAt(change, path);
    const items = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim().length > 0) : [];
    if (items.length === 0) {
      gaps.push(path);
      return `_[not recorded: ${path}]_`;
    }
    return items.map((v) => escapeMarkdownInline(v.trim())).join(', ');
  };
  const system = optional(valueAt(change, 'activity.system')) ?? optional(firstOf(valueAt(change, 'affected.services'))) ?? 'the system';
  const version = field('change');
  const contact = optional(valueAt(change, 'contact')) ?? optional(valueAt(change, 'author'));
  if (contact === undefined) gaps.push('contact');
  const contactLine = `**Contact**: ${contact ?? '_[not recorded: contact]_'}`;
  const whatChanges = userFacingText(releaseNotesText);
  const lines: string[] = [];
  if (type === 'downtime') {
    const downtime = valueAt(change, 'deployment.expected_downtime_minutes');
    lines.push(
      `**Subject**: Planned ${downtime === 0 ? 'change' : 'downtime'}: ${system} ${version}, ${field('deployment.start')}`,
      '',
      `${system} will be updated to ${version}.`,
      '',
      `- **When**: ${field('deployment.start')} to ${field('deployment.end')}`,
      `- **Expected downtime**: ${typeof downtime === 'number' ? (downtime === 0 ? 'none expected' : `${downtime} minutes`) : field('deployment.expected_downtime_minutes')}`,
      `- **Services affected**: ${list('affected.services')}`,
      `- **Who is affected**: ${list('affected.user_groups')}`,
    );
    const procedure = optional(valueAt(change, 'continuity.procedure'));
    if (procedure !== undefined) lines.push(`- **While it is unavailable**: follow ${procedure}`);
  } else if (type === 'go-live') {
    const ended = optional(valueAt(change, 'deployment.actual.end'));
    lines.push(
      `**Subject**: Now live: ${system} ${version}`,
      '',
      `${system} ${version} is live${ended ? ` since ${ended}` : ''}.`,
      '',
      `- **Services affected**: ${list('affected.services')}`,
      `- **Who is affected**: ${list('affected.user_groups')}`,
    );
  } else {
    const incident = optional(valueAt(change, 'review.incident'));
    lines.push(
      `**Subject**: Rolled back: ${system} ${version}`,
      '',
      `${system} has been returned to ${field('rollback_target')}; the change to ${version} is withdrawn for now.`,
      '',
      `- **Services affected**: ${list('affected.services')}`,
      `- **Who is affected**: ${list('affected.user_groups')}`,
    );
    if (incident !== undefined && incident.toLowerCase() !== 'none') lines.push(`- **Incident**: ${incident}`);
  }
  const reference = optional(valueAt(change, 'approval.reference'));
  if (reference !== undefined) lines.push(`- **Change reference**: ${reference}`);
  if (whatChanges.length > 0) {
    const title = type === 'rollback' ? 'What this change would have brought' : 'What changes for you';
    lines.push('', `### ${title}`, '', ...whatChanges);
  }
  lines.push('', contactLine, '');
  return { markdown: lines.join('\n'), gaps: [...new Set(gaps)] };
}

/** The text a person wrote under the release notes' user-facing headings (prompts and generated blocks left out). */
export function userFacingText(releaseNotesText: string | undefined): string[] {
  if (releaseNotesText === undefined) return [];
  const lines = new LineIndex(releaseNotesText);
  const bodyOffset = parseFrontMatter(releaseNotesText, lines).frontMatter?.bodyOffset ?? 0;
  const sections = readSections(releaseNotesText.slice(bodyOffset), lines.positionAt(bodyOffset).line);
  const all = releaseNotesText.split(/\r?\n/);
  const wanted = new Set(USER_FACING_HEADINGS.map(normaliseHeading));
  const out: string[] = [];
  for (const section of sections) {
    if (!wanted.has(normaliseHeading(section.heading))) continue;
    const kept: string[] = [];
    let generated = false;
    for (const line of all.slice(section.line + 1, section.endLine)) {
      if (/^<!-- reflect:begin /.test(line)) generated = true;
      else if (/^<!-- reflect:end /.test(line)) generated = false;
      else if (!generated && !line.startsWith(PROMPT_MARKER)) kept.push(line);
    }
    const text = trimBlankLines(kept);
    if (text.length > 0) out.push(...(out.length > 0 ? [''] : []), ...text);
  }
  return out;
}

function trimBlankLines(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  // Runs of blank lines left where prompts were become one.
  return lines.slice(start, end).filter((line, i, kept) => !(line.trim() === '' && kept[i - 1]?.trim() === ''));
}

function valueAt(data: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split('.')) value = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function optional(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? escapeMarkdownInline(value.trim()) : undefined;
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}
