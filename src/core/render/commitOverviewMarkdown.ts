import { escapeCodeSpan, escapeMarkdownInline } from '../markdown/markdownEscape';
import type { ParsedCommit } from '../commits/conventionalCommit';
import type { FileChange } from '../git/gitLogParsing';
import { renderCommitSubject } from './commitSubject';
import type { RemoteLinks } from './remoteLinks';
import { readableDateOrAsWritten } from '../vocabulary/readableDate';

/** A file a commit changed, with its line counts when it is text. */
export interface CommitFileChange extends FileChange {
  readonly added?: number;
  readonly removed?: number;
}

/** One commit as its details page shows it: the message read, the files against its first parent, and web links. */
export interface CommitOverview {
  readonly commit: ParsedCommit;
  readonly parents: readonly string[];
  /** What the files are compared with: the first parent, or undefined for a root commit (an empty tree). */
  readonly base?: string;
  readonly files: readonly CommitFileChange[];
  /** Web links, when the `origin` remote is a known host (offline: read from the repository config). */
  readonly links?: RemoteLinks;
}

/**
 * A commit's details as Markdown for a read-only preview: subject, type and
 * scope, author and date, parents, the whole message, its trailers, issue
 * links and the files it changed with line counts. Every piece of commit
 * text is escaped; every link is one `remoteLinks` built (https only).
 */
export function renderCommitOverview(overview: CommitOverview): string {
  const { commit, links } = overview;
  const subject = renderCommitSubject(commit.subject, commit.issueRefs, links).markdown;
  const lines: string[] = [`# ${subject || escapeCodeSpan(commit.hash.slice(0, 12))}`, ''];
  const kind = [commit.type ? escapeCodeSpan(commit.scope ? `${commit.type}(${commit.scope})` : commit.type) : undefined, commit.breaking ? '**Breaking change**' : undefined, commit.isMerge ? 'Merge commit' : undefined].filter((p) => p !== undefined);
  if (kind.length > 0) lines.push(kind.join(' · '), '');
  lines.push('| | |', '|---|---|');
  const web = links?.commit(commit.hash);
  lines.push(`| Commit | ${escapeCodeSpan(commit.hash)}${web ? ` ([open on the web](${web}))` : ''} |`);
  lines.push(`| Author | ${escapeMarkdownInline(commit.authorName)} ${escapeCodeSpan(`<${commit.authorEmail}>`)} |`);
  lines.push(`| Date | ${escapeMarkdownInline(readableDateOrAsWritten(commit.date))} (${escapeCodeSpan(commit.date)}) |`);
  lines.push(`| ${overview.parents.length === 1 ? 'Parent' : 'Parents'} | ${overview.parents.length === 0 ? 'none (the first commit)' : overview.parents.map((p) => escapeCodeSpan(p.slice(0, 12))).join(', ')} |`);
  lines.push('', '## Message', '', ...fenced(commit.message.trimEnd()), '');
  if (commit.breakingNotes.length > 0) lines.push('## Breaking change', '', ...commit.breakingNotes.map((note) => `- ${escapeMarkdownInline(note)}`), '');
  if (commit.trailers.length > 0) lines.push('## Trailers', '', ...commit.trailers.map((t) => `- **${escapeMarkdownInline(t.key)}**: ${escapeMarkdownInline(t.value)}`), '');
  if (commit.issueRefs.length > 0) {
    lines.push('## References', '', ...commit.issueRefs.map((ref) => {
      const url = links?.issue(ref);
      return `- ${url ? `[${escapeMarkdownInline(ref)}](${url})` : escapeMarkdownInline(ref)}`;
    }), '');
  }
  const added = overview.files.reduce((sum, f) => sum + (f.added ?? 0), 0);
  const removed = overview.files.reduce((sum, f) => sum + (f.removed ?? 0), 0);
  const base = overview.base ? ` against ${escapeCodeSpan(overview.base.slice(0, 12))}` : '';
  lines.push(`## Files changed (${overview.files.length}${overview.files.length === 0 ? '' : `, +${added} −${removed}`})${base}`, '');
  if (overview.files.length === 0) lines.push('No file changes.');
  for (const file of overview.files) {
    const from = file.oldPath ? ` from ${escapeCodeSpan(file.oldPath)}` : '';
    const counts = file.added === undefined ? ' (binary)' : ` (+${file.added} −${file.removed ?? 0})`;
    lines.push(`- ${escapeCodeSpan(file.path)} — ${file.status}${from}${counts}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A fence longer than any run of backticks in the text, so no message can close it early. */
function fenced(text: string): string[] {
  let longest = 2;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(longest + 1);
  return [`${fence}text`, text, fence];
}
