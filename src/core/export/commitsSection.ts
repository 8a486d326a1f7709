import type { PackCommits } from './evidencePackInput';
import { escapeHtml, plural } from './htmlText';
import { dateHtml } from './readableDates';

/** The commits of the range with full hashes, subject, author and date; or why they are not listed. */
export function renderCommits(commits: PackCommits): string {
  if (commits.state === 'unavailable') return `<p class="missing">Commits are not listed: ${escapeHtml(commits.reason)}</p>`;
  const { range, total } = commits;
  const from = range.from === undefined ? 'the first commit' : range.from;
  const shown = commits.commits.length < total ? ` The newest ${commits.commits.length} are listed.` : '';
  const notes = (commits.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('\n');
  const summary = `<p>${escapeHtml(`${plural(total, 'commit')} from ${from} to ${range.to}.${shown}`)}</p>`;
  if (commits.commits.length === 0) return [summary, notes].filter((p) => p.length > 0).join('\n');
  const rows = commits.commits.map((c) => {
    const subject = c.message.split('\n', 1)[0] ?? '';
    return `<tr><td><code class="hash">${escapeHtml(c.hash)}</code></td><td>${escapeHtml(subject)}</td><td>${escapeHtml(c.authorName)}</td><td class="date">${dateHtml(c.date)}</td></tr>`;
  });
  return [summary, notes, '<table class="commits">', '<thead><tr><th>Commit</th><th>Subject</th><th>Author</th><th>Date</th></tr></thead>', '<tbody>', ...rows, '</tbody>', '</table>']
    .filter((p) => p.length > 0)
    .join('\n');
}
