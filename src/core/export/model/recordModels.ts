import type { Problem } from '../../validate/problem';
import { signOffRoleLabel } from '../../validate/signOffRules';
import { buildTimeline } from '../deploymentTimeline';
import type { PackCommits } from '../evidencePackInput';
import { plural, textOf } from '../htmlText';
import type { PackContext } from '../packContext';
import { sha256Of, type DocumentProvenance } from '../packProvenance';
import { signOffRowsOf } from '../signOffRows';
import { timelineMoments } from '../timelineMoments';
import { problemTotals } from '../validationSection';
import { dateSpans } from './coverModel';
import { missingSpan, paragraph, plain, valueSpans, type InlineSpan, type PackBlock } from './packModel';
import { readableDateOrAsWritten } from '../../vocabulary/readableDate';

/** The most other changed paths listed; the rest are counted (as in the HTML pack). */
const MAX_LISTED_CHANGES = 50;

/** The validation status: a summary, then each document's state and open problems. */
export function validationBlocks(context: PackContext): PackBlock[] {
  const totals = problemTotals(context);
  const { documents, otherFiles } = context.input.assessment;
  const summary = totals.error + totals.warning + totals.info === 0 ? paragraph('No open problems.') : paragraph([{ text: `${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${plural(totals.info, 'note')} open.`, bold: true }]);
  const items = [
    ...documents.map((d) => documentState(d.fileName, d.state === 'missing', d.problems)),
    ...otherFiles.map((f) => documentState(f.fileName, false, f.problems, 'not part of a change record’s usual documents')),
  ];
  return [summary, { kind: 'list', ordered: false, items }];
}

function documentState(fileName: string, missing: boolean, problems: readonly Problem[], remark?: string): PackBlock[] {
  const name: InlineSpan[] = [{ text: fileName, code: true }, ...(remark ? [{ text: ` (${remark})`, italic: true }] : [])];
  if (missing) return [paragraph([...name, { text: ': ' }, { text: 'missing', bold: true }])];
  if (problems.length === 0) return [paragraph([...name, { text: ': no open problems' }])];
  const list: PackBlock = {
    kind: 'list',
    ordered: false,
    items: problems.map((p) => [paragraph([{ text: p.severity, bold: true }, { text: ' ' }, { text: p.code, code: true }, { text: ` line ${p.range.start.line + 1}: ${p.message}` }])]),
  };
  return [paragraph([...name, { text: `: ${plural(problems.length, 'open problem')}` }]), list];
}

/** Where the pack came from: the repository, HEAD, the working tree's state, and each document's history and checksum. */
export function provenanceBlocks(context: PackContext): PackBlock[] {
  const provenance = context.input.provenance;
  if (!provenance) {
    return [
      paragraph('No git repository was read, so the documents’ history is not shown. Their checksums:', 'missing'),
      { kind: 'table', columns: [{ title: 'Document', kind: 'text' }, { title: 'SHA-256', kind: 'hash' }], rows: context.input.files.map((f) => [plain(f.name), [{ text: sha256Of(f.text), code: true }]]) },
    ];
  }
  const blocks: PackBlock[] = [
    {
      kind: 'facts',
      rows: [
        { label: 'Repository', value: plain(provenance.repository) },
        { label: 'HEAD', value: provenance.head ? [{ text: provenance.head, code: true }, ...(provenance.branch ? plain(` on ${provenance.branch}`) : [])] : missingSpan('no commits yet') },
        {
          label: 'Working tree at export',
          value: provenance.clean
            ? plain('clean: every record document is as committed (compared byte for byte), nothing staged and nothing untracked; unstaged edits to files outside the record are not checked, since that would let git run a filter program the repository names')
            : [{ text: 'not clean', bold: true }],
        },
      ],
    },
  ];
  const edited = provenance.documents.filter((d) => d.uncommitted);
  if (edited.length > 0) {
    blocks.push(paragraph([{ text: `${plural(edited.length, 'record document')} differed from the repository at export:`, bold: true }], 'warning'));
    blocks.push({ kind: 'list', ordered: false, items: edited.map((d) => [paragraph([{ text: d.name, code: true }, { text: `: ${d.commits === 0 ? 'never committed' : 'changed since its last commit'}` }])]) });
  }
  if (provenance.otherChanges.length > 0) {
    blocks.push(paragraph(`Other uncommitted or untracked paths in the working tree (${provenance.otherChanges.length}${provenance.moreChanges ? '+' : ''}):`));
    blocks.push({ kind: 'list', ordered: false, items: provenance.otherChanges.slice(0, MAX_LISTED_CHANGES).map((p) => [paragraph([{ text: p, code: true }])]) });
    if (provenance.otherChanges.length > MAX_LISTED_CHANGES || provenance.moreChanges) blocks.push(paragraph('More paths changed than are listed.'));
  }
  blocks.push({
    kind: 'table',
    columns: [
      { title: 'Document', kind: 'text' },
      { title: 'First commit', kind: 'date' },
      { title: 'Last commit', kind: 'date' },
      { title: 'Commits', kind: 'number' },
      { title: 'SHA-256 (as exported)', kind: 'hash' },
    ],
    rows: provenance.documents.map((d) => [
      [{ text: d.name }, ...(d.uncommitted ? [{ text: ' (uncommitted changes)', bold: true }] : [])],
      commitSpans(d.first),
      commitSpans(d.last),
      plain(String(d.commits)),
      [{ text: d.sha256, code: true }],
    ]),
  });
  return blocks;
}

function commitSpans(commit: DocumentProvenance['first']): InlineSpan[] {
  if (!commit) return missingSpan('not committed');
  return [{ text: commit.hash.slice(0, 12), code: true }, { text: `\n${readableDateOrAsWritten(commit.date)}\n${commit.author}` }];
}

/** The timeline: each moment with its date and where it sits against the deployment window. */
export function timelineBlocks(context: PackContext): PackBlock[] {
  const entries = buildTimeline(timelineMoments(context), context.window);
  const table: PackBlock = {
    kind: 'table',
    columns: [
      { title: 'Moment', kind: 'text' },
      { title: 'Date', kind: 'date' },
      { title: 'Relative to the deployment', kind: 'text' },
    ],
    rows: entries.map((e) => [plain(e.label), e.date === undefined ? plain('—') : dateSpans(e.date), plain(e.relative)]),
  };
  return context.window ? [table] : [paragraph('No deployment window recorded in change.md, so dates are not placed against it.', 'missing'), table];
}

/** The commits of the range with full hashes, subject, author and date; or why they are not listed. */
export function commitBlocks(commits: PackCommits): PackBlock[] {
  if (commits.state === 'unavailable') return [paragraph(`Commits are not listed: ${commits.reason}`, 'missing')];
  const { range, total } = commits;
  const shown = commits.commits.length < total ? ` The newest ${commits.commits.length} are listed.` : '';
  const blocks: PackBlock[] = [paragraph(`${plural(total, 'commit')} from ${range.from ?? 'the first commit'} to ${range.to}.${shown}`), ...(commits.notes ?? []).map((n) => paragraph(n, 'note'))];
  if (commits.commits.length === 0) return blocks;
  blocks.push({
    kind: 'table',
    columns: [
      { title: 'Commit', kind: 'hash' },
      { title: 'Subject', kind: 'text' },
      { title: 'Author', kind: 'person' },
      { title: 'Date', kind: 'date' },
    ],
    rows: commits.commits.map((c) => [[{ text: c.hash, code: true }], plain(c.message.split('\n', 1)[0] ?? ''), plain(c.authorName), dateSpans(c.date)]),
  });
  return blocks;
}

/** The sign-off table: each role with name, title and date, and a row for each required one still unsigned. */
export function signOffBlocks(context: PackContext): PackBlock[] {
  const rows = signOffRowsOf(context);
  if (rows.length === 0) return [paragraph('No sign-off is recorded in change.md (sign_off), and none is required yet.', 'missing')];
  return [
    {
      kind: 'table',
      columns: [
        { title: 'Role', kind: 'text' },
        { title: 'Name', kind: 'person' },
        { title: 'Title', kind: 'text' },
        { title: 'Date', kind: 'date' },
        { title: 'State', kind: 'status' },
      ],
      rows: rows.map((row) => {
        const entry = row.entry;
        return [plain(signOffRoleLabel(row.role)), entry ? valueSpans(textOf(entry.name)) : [], entry ? plain(textOf(entry.title) ?? '') : [], entry ? dateSpans(entry.date) : [], entry ? plain('signed') : [{ text: 'required, not signed', bold: true }]];
      }),
    },
  ];
}
