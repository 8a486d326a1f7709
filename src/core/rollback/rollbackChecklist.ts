import type { GitRepository, RevisionRange } from '../git/gitRepository';
import { renderFrontMatter } from '../markdown/frontMatter';
import { sealFences } from '../markdown/generatedFences';
import { escapeCodeSpan, escapeMarkdownInline } from '../markdown/markdownEscape';
import type { ClassifiedFile, RollbackOptions } from './fileClassification';
import { readClassifiedFiles } from './operationalChanges';
import { rollbackSteps, type RollbackPhase, type RollbackStep } from './rollbackSteps';
import { withUnknownRangeEnd } from '../git/rangeReleases';

/** A rollback package as a checklist refers to it. */
export interface PackageReference {
  /** The archive's file name. */
  readonly file: string;
  readonly sha256: string;
  /** Where it is, from the repository root (absolute when outside it): what the verify step names, so it works when copied. */
  readonly path?: string;
}

/** Everything a rollback checklist is made from. */
export interface RollbackChecklist {
  readonly range: RevisionRange;
  /** The version being deployed (and possibly rolled back). */
  readonly change: string;
  readonly date: string;
  readonly author?: string;
  /** The version to return to: the previous tag and its commit; absent when the range starts at the first commit. */
  readonly target?: { readonly tag: string; readonly commit: string };
  readonly package?: PackageReference;
  readonly files: readonly ClassifiedFile[];
  readonly steps: readonly RollbackStep[];
}

/** What to build a checklist for. */
export interface RollbackChecklistRequest {
  readonly range: RevisionRange;
  /** The change record's version; the range's end when absent. */
  readonly change?: string;
  readonly date: string;
  readonly options?: RollbackOptions;
  readonly package?: PackageReference;
}

/** Reads the files a range changed (one `git diff`), classifies them and derives the steps. */
export async function buildRollbackChecklist(repo: GitRepository, request: RollbackChecklistRequest): Promise<RollbackChecklist> {
  const [files, author, commit] = await Promise.all([
    readClassifiedFiles(repo, request.range, request.options),
    repo.configValue('user.name'),
    request.range.from === undefined ? Promise.resolve(undefined) : repo.resolveCommit(request.range.from),
  ]).catch(async (problem: unknown) => {
    // A revision git does not know is named, whichever read failed first.
    throw await withUnknownRangeEnd(repo, request.range, problem);
  });
  const change = request.change ?? request.range.to;
  const target = request.range.from !== undefined && commit !== undefined ? { tag: request.range.from, commit } : undefined;
  const steps = rollbackSteps(files, { targetTag: target?.tag, targetCommit: target?.commit, fromVersion: change, packageFile: request.package?.file, packagePath: request.package?.path, packageSha256: request.package?.sha256 });
  return { range: request.range, change, date: request.date, ...(author ? { author } : {}), ...(target ? { target } : {}), ...(request.package ? { package: request.package } : {}), files, steps };
}

/** The `reflect rollback --format json` shape. */
export interface RollbackChecklistJson {
  range: { from: string | null; to: string };
  target: { tag: string; commit: string } | null;
  package: PackageReference | null;
  files: Array<{ path: string; status: string; class: string; oldPath?: string }>;
  steps: Array<{ phase: RollbackPhase; class: string | null; text: string }>;
}

/** The JSON form of a checklist. */
export function rollbackChecklistToJson(checklist: RollbackChecklist): RollbackChecklistJson {
  return {
    range: { from: checklist.range.from ?? null, to: checklist.range.to },
    target: checklist.target ?? null,
    package: checklist.package ?? null,
    files: checklist.files.map((f) => ({ path: f.path, status: f.status, class: f.class, ...(f.oldPath !== undefined ? { oldPath: f.oldPath } : {}) })),
    steps: checklist.steps.map((s) => ({ phase: s.phase, class: s.class ?? null, text: s.text })),
  };
}

/** The checklist as Markdown with front matter; generated parts are fenced so regeneration keeps the person's notes. */
export function renderRollbackChecklist(checklist: RollbackChecklist): string {
  const frontMatter = renderFrontMatter({
    kind: 'rollback',
    change: checklist.change,
    date: checklist.date,
    author: checklist.author ?? '',
    range: { from: checklist.range.from ?? '', to: checklist.range.to },
    ...(checklist.target ? { target: { tag: checklist.target.tag, commit: checklist.target.commit } } : {}),
    ...(checklist.package ? { package: { file: checklist.package.file, sha256: checklist.package.sha256 } } : {}),
  });
  // Blank lines inside each fence keep a list or table from running on into the marker line.
  const steps = (phase: RollbackPhase) => [`<!-- reflect:begin steps-${phase} -->`, '', ...checklist.steps.filter((x) => x.phase === phase).map((x) => `- [ ] ${x.markdown}`), '', `<!-- reflect:end steps-${phase} -->`];
  const lines: string[] = [
    `# Rollback checklist: ${escapeMarkdownInline(checklist.change)}`,
    '',
    '<!-- reflect:begin target -->',
    '',
    targetSentence(checklist),
    '',
    '<!-- reflect:end target -->',
    '',
    '## When to roll back',
    '',
    `${PROMPT} What would make you roll back (failed checks, errors, reports from clinical users), and who makes the call?`,
    '',
    `${PROMPT} Where is the point of no return, and what happens to data written after it?`,
    '',
    '## Steps',
    '',
    '### Before deployment',
    '',
    ...steps('prepare'),
    '',
    '### Rolling back',
    '',
    ...steps('restore'),
    '',
    '## Data, schema and configuration changes',
    '',
    '<!-- reflect:begin changed-files -->',
    '',
    ...changedFilesTable(checklist.files),
    '',
    '<!-- reflect:end changed-files -->',
    '',
    `${PROMPT} Which of these need special handling on the way back, and has the way back been tried on a copy?`,
    '',
    '## How long it takes',
    '',
    `${PROMPT} How long does the rollback take from decision to a working service, and how long are users without it?`,
    '',
    '## Checking the rollback worked',
    '',
    ...steps('verify'),
    '',
    `${PROMPT} Which checks, and which people, will confirm the service is safe on the previous version?`,
    '',
  ];
  return sealFences(`${frontMatter}\n${lines.join('\n')}`);
}

const PROMPT = '> **Prompt:**';

function targetSentence(checklist: RollbackChecklist): string {
  const to = escapeCodeSpan(checklist.range.to);
  if (!checklist.target) return `This change (up to ${to}) has no earlier release tag to return to: rolling back means removing it, so plan that explicitly.`;
  const pkg = checklist.package ? ` Rollback package: ${escapeCodeSpan(checklist.package.file)}, sha256 ${escapeCodeSpan(checklist.package.sha256)}.` : ' No rollback package is recorded yet.';
  return `Rolling back returns from ${to} to ${escapeCodeSpan(checklist.target.tag)} (commit ${escapeCodeSpan(checklist.target.commit.slice(0, 12))}); ${checklist.files.length} ${checklist.files.length === 1 ? 'file' : 'files'} changed between them.${pkg}`;
}

function changedFilesTable(files: readonly ClassifiedFile[]): string[] {
  if (files.length === 0) return ['No files changed in this range.'];
  return ['| File | Change | Class |', '|---|---|---|', ...files.map((f) => `| ${escapeMarkdownInline(f.oldPath ? `${f.oldPath} → ${f.path}` : f.path)} | ${f.status} | ${f.class} |`)];
}
