import { escapeMarkdownInline } from '../markdown/markdownEscape';
import { parseFrontMatter } from '../validate/frontMatterParser';
import { normaliseHeading, readSections, type MarkdownSection } from '../validate/markdownSections';
import { LineIndex } from '../validate/problem';
import { documentSchemaInfo } from '../validate/schemaFields';
import { localIsoDateTime, type Clock } from '../vocabulary/clock';

/** The heading of the in-action-execution reflection's log section, as its schema names it. */
export const DEPLOYMENT_LOG_HEADING = 'Deployment log';

/** What a log entry records, with the words written in the file. */
export const LOG_ENTRY_TYPES = [
  { id: 'step-started', label: 'step started', description: 'A planned step has begun.' },
  { id: 'step-done', label: 'step done', description: 'A step has finished.' },
  { id: 'observation', label: 'observation', description: 'Something you noticed: a reading, a message, how the service looks.' },
  { id: 'decision', label: 'decision', description: 'A decision taken on the spot, and why.' },
  { id: 'problem', label: 'problem', description: 'Something went wrong or is at risk.' },
] as const;

/** The id of a log entry's type. */
export type LogEntryType = (typeof LOG_ENTRY_TYPES)[number]['id'];

/** The most characters an entry's text may hold: a log line, not a report. */
export const MAX_LOG_TEXT_LENGTH = 2000;

/** Whether a value names a log entry type. */
export function isLogEntryType(value: unknown): value is LogEntryType {
  return LOG_ENTRY_TYPES.some((t) => t.id === value);
}

/** A log entry as read back from the file. */
export interface DeploymentLogEntry {
  /** ISO 8601 date-time with its offset, as written. */
  readonly at: string;
  readonly type: LogEntryType;
  readonly text: string;
}

/** Where an entry goes: insert `insert` at `offset` of the text it was made from. */
export interface LogInsertion {
  readonly offset: number;
  readonly insert: string;
  /** The whole new text, for a writer that replaces the file. */
  readonly text: string;
  /** The entry line as written (without line break). */
  readonly line: string;
}

/** Bad entry text or type: said to the person as it is. */
export class LogEntryError extends Error {}

const SEPARATOR = ' — ';
const ENTRY_LINE = /^[-*] (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})) — ([a-z ]+) — (.*)$/;

/** The entry line for a type and text at the clock's time, in the local time zone with its offset. */
export function formatLogEntry(type: LogEntryType, text: string, clock: Clock): string {
  const label = LOG_ENTRY_TYPES.find((t) => t.id === type)?.label;
  if (label === undefined) throw new LogEntryError(`Unknown log entry type "${String(type).slice(0, 40)}": use ${LOG_ENTRY_TYPES.map((t) => t.id).join(', ')}.`);
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length === 0) throw new LogEntryError('A log entry needs some text: what started, finished, was seen, decided or went wrong.');
  if (oneLine.length > MAX_LOG_TEXT_LENGTH) throw new LogEntryError(`A log entry holds at most ${MAX_LOG_TEXT_LENGTH} characters (this one has ${oneLine.length}); write the detail under another heading.`);
  return `- ${localIsoDateTime(clock.now())}${SEPARATOR}${label}${SEPARATOR}${escapeMarkdownInline(oneLine)}`;
}

/**
 * Adds an entry line to the "Deployment log" section of an in-action-execution
 * reflection, touching nothing else: after the section's last line (its
 * subsections included), or, when the section is missing, as a new section
 * where the template puts it (before the next of its headings present, else
 * at the end). The file's line ending is kept.
 */
export function insertLogEntry(text: string, line: string): LogInsertion {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = bodyOf(text);
  if (!body) throw new LogEntryError('The in-action-execution reflection has no readable front matter; fix it before adding to its log.');
  const { sections, rows } = body;
  const index = logSectionIndex(sections);
  if (index >= 0) {
    const section = sections[index];
    const next = sections.slice(index + 1).find((s) => s.level <= section.level);
    let last = (next ? next.line : rows.length) - 1;
    while (last > section.line && rows[last].text.trim().length === 0) last--;
    const afterLast = rows[last].start + rows[last].text.length;
    const insert = ENTRY_LINE.test(rows[last].text) ? `${eol}${line}` : `${eol}${eol}${line}`;
    return finish(text, afterLast, afterLast >= text.length ? `${insert}${eol}` : insert, line);
  }
  const block = `## ${DEPLOYMENT_LOG_HEADING}${eol}${eol}${line}${eol}`;
  const next = sectionAfterLog(sections);
  if (next) return finish(text, rows[next.line].start, `${block}${eol}`, line);
  return finish(text, text.length, `${text.endsWith('\n') ? '' : eol}${eol}${block}`, line);
}

/** The entries of a reflection's Deployment log section, in the order written; lines that are not entries are left out. */
export function readLogEntries(text: string): DeploymentLogEntry[] {
  return entriesIn(bodyOf(text));
}

/** The entries of the Deployment log section of a document's body (the text after its front matter). */
export function readLogEntriesOfBody(body: string): DeploymentLogEntry[] {
  return entriesIn({ sections: readSections(body, 0), rows: rowsOf(body) });
}

function entriesIn(body: { sections: MarkdownSection[]; rows: Row[] } | undefined): DeploymentLogEntry[] {
  if (!body) return [];
  const { sections, rows } = body;
  const index = logSectionIndex(sections);
  if (index < 0) return [];
  const section = sections[index];
  const next = sections.slice(index + 1).find((s) => s.level <= section.level);
  const entries: DeploymentLogEntry[] = [];
  for (const row of rows.slice(section.line + 1, next ? next.line : rows.length)) {
    const match = ENTRY_LINE.exec(row.text);
    const type = match ? LOG_ENTRY_TYPES.find((t) => t.label === match[2])?.id : undefined;
    if (match && type) entries.push({ at: match[1], type, text: unescapeMarkdown(match[3]) });
  }
  return entries;
}

interface Row {
  readonly start: number;
  /** The line without its line break (and without a CR before it). */
  readonly text: string;
}

/** The body's sections (line numbers of the whole text) and every line of the text, or undefined without front matter. */
function bodyOf(text: string): { sections: MarkdownSection[]; rows: Row[] } | undefined {
  const lines = new LineIndex(text);
  const frontMatter = parseFrontMatter(text, lines).frontMatter;
  if (!frontMatter) return undefined;
  return { sections: readSections(text.slice(frontMatter.bodyOffset), lines.positionAt(frontMatter.bodyOffset).line), rows: rowsOf(text) };
}

function rowsOf(text: string): Row[] {
  const rows: Row[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    rows.push({ start, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
    start += raw.length + 1;
  }
  return rows;
}

function logSectionIndex(sections: readonly MarkdownSection[]): number {
  return sections.findIndex((s) => s.level <= 2 && normaliseHeading(s.heading) === normaliseHeading(DEPLOYMENT_LOG_HEADING));
}

/** Where a new log section goes: before the first heading the template puts after it. */
function sectionAfterLog(sections: readonly MarkdownSection[]): MarkdownSection | undefined {
  const template = documentSchemaInfo('reflection', 'in-action-execution').sections.map((s) => normaliseHeading(s.heading));
  const later = new Set(template.slice(template.indexOf(normaliseHeading(DEPLOYMENT_LOG_HEADING)) + 1));
  return sections.find((s) => s.level <= 2 && later.has(normaliseHeading(s.heading)));
}

function finish(text: string, offset: number, insert: string, line: string): LogInsertion {
  return { offset, insert, text: `${text.slice(0, offset)}${insert}${text.slice(offset)}`, line };
}

function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_[\]<>|~&#+\-.!()])/g, '$1');
}
