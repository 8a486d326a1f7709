import type { ClinicalImpact } from '../commits/commitTrailers';
import type { ParsedCommit } from '../commits/conventionalCommit';
import type { CommitGroup } from '../commits/groupCommits';
import type { Bump } from '../commits/versionBump';
import type { RevisionRange } from '../git/gitRepository';
import { DEFAULT_RELEASE_NOTES_TEMPLATE } from './defaultReleaseNotesTemplate';
import { renderFrontMatter } from '../markdown/frontMatter';
import { sealFences } from '../markdown/generatedFences';
import { compileTemplate, type TemplateValue } from './logicLessTemplate';
import { escapeCodeSpan, escapeMarkdownInline } from '../markdown/markdownEscape';
import { contributorsOf, hazardsReferenced, renderClinicalImpactBlock, renderContributorsBlock, renderGroupsBlock, renderGroupsBlockInSlices, renderHazardsBlock, commitReference, issueReference } from './releaseNotesBlocks';
import type { RemoteLinks } from './remoteLinks';
import { operationalToJson, renderOperationalBlock, type OperationalGroup } from '../rollback/operationalChanges';

/** Everything release notes are made from; built by `buildReleaseNotes`. */
export interface ReleaseNotesModel {
  readonly version: string;
  readonly range: RevisionRange;
  /** The commit the range's end named when the notes were made. */
  readonly endCommit?: string;
  /** Non-merge commits in the range (each listed one appears in exactly one group). */
  readonly commitCount: number;
  readonly mergeCount: number;
  readonly groups: readonly CommitGroup[];
  readonly bump: Bump;
  readonly date: string;
  readonly author?: string;
  /** Every non-merge commit of the range, listed or hidden (for hazards and contributors). */
  readonly commits?: readonly ParsedCommit[];
  /** Commits of hidden types: counted, not listed. */
  readonly hidden?: readonly ParsedCommit[];
  readonly links?: RemoteLinks;
  /** The pathspecs the range was limited to, if any. */
  readonly paths?: readonly string[];
  /** The changed files the people who deploy act on, by class (the rollback checklist's classification). */
  readonly operational?: readonly OperationalGroup[];
}

/** The `reflect notes --format json` shape (a stable contract: keys may be added, never renamed). */
export interface ReleaseNotesJson {
  range: { from: string | null; to: string };
  commits: number;
  groups: Array<{
    type: string;
    title: string;
    commits: Array<{ hash: string; subject: string; scope: string | null; breaking: boolean; type: string | null; issues: string[]; hazards: string[]; clinicalImpact: ClinicalImpact | null }>;
  }>;
  bump: Bump;
  version: string;
  merges: number;
  hidden: number;
  hazards: Array<{ id: string; commits: string[] }>;
  contributors: Array<{ name: string; commits: number }>;
  /** Migrations, configuration, dependency, infrastructure, client-side and interface changes, each class with its files. */
  operational: ReturnType<typeof operationalToJson>;
}

/** The JSON form of release notes. */
export function releaseNotesToJson(model: ReleaseNotesModel): ReleaseNotesJson {
  const all = model.commits ?? model.groups.flatMap((g) => g.commits);
  return {
    range: { from: model.range.from ?? null, to: model.range.to },
    commits: model.commitCount,
    groups: model.groups.map((g) => ({
      type: g.type,
      title: g.title,
      commits: g.commits.map((c) => ({ hash: c.hash, subject: c.subject, scope: c.scope, breaking: c.breaking, type: c.type, issues: [...c.issueRefs], hazards: [...c.hazards], clinicalImpact: c.clinicalImpact })),
    })),
    bump: model.bump,
    version: model.version,
    merges: model.mergeCount,
    hidden: model.hidden?.length ?? 0,
    hazards: hazardsReferenced(all).map((h) => ({ id: h.id, commits: h.commits.map((c) => c.hash) })),
    contributors: contributorsOf(all),
    operational: operationalToJson(model.operational ?? []),
  };
}

/** Blocks rendered ahead, in slices (`prepareReleaseNotesBlocks`), which the template then takes as they are. */
export interface PreparedBlocks {
  readonly groupsMarkdown?: string;
}

/**
 * The costly block of a long range's notes (the commits, by group), rendered
 * with a pause every few hundred commits, when the template uses it: the
 * rendering itself then no longer holds the event loop for the whole range.
 */
export async function prepareReleaseNotesBlocks(model: ReleaseNotesModel, template: string | { readonly text: string } = DEFAULT_RELEASE_NOTES_TEMPLATE): Promise<PreparedBlocks> {
  const text = typeof template === 'string' ? template : template.text;
  if (!text.includes('groupsMarkdown')) return {};
  return { groupsMarkdown: await renderGroupsBlockInSlices(model.groups, model.links) };
}

/**
 * Release notes as Markdown with front matter, from the default template
 * or a repository's own (logic-less: it can never run code). All commit
 * text is escaped before it reaches the template; generated blocks are
 * fenced and sealed with their hash. Throws a TemplateError when the
 * template would write more than the rendering budget.
 */
export function renderReleaseNotesMarkdown(model: ReleaseNotesModel, template: string | { readonly text: string; readonly path: string } = DEFAULT_RELEASE_NOTES_TEMPLATE, prepared: PreparedBlocks = {}): string {
  // A template read from a file is named by its path when its rendering goes past the output budget.
  const compiled = typeof template === 'string' ? compileTemplate(template) : compileTemplate(template.text, { name: template.path });
  const rendered = compiled(releaseNotesView(model, prepared));
  return sealFences(rendered.endsWith('\n') ? rendered : `${rendered}\n`);
}

/**
 * The values a release-notes template can use; every string is Markdown that
 * is already escaped. Each value is computed the first time the template asks
 * for it: the default template uses the ready-made blocks and never the
 * per-commit lists, which would otherwise double the rendering work.
 */
export function releaseNotesView(model: ReleaseNotesModel, prepared: PreparedBlocks = {}): TemplateValue {
  const all = model.commits ?? model.groups.flatMap((g) => g.commits);
  return lazyView({
    frontMatter: () =>
      renderFrontMatter({
        kind: 'release-notes',
        change: model.version,
        date: model.date,
        author: model.author ?? '',
        range: { from: model.range.from ?? '', to: model.range.to, ...(model.endCommit ? { end_commit: model.endCommit } : {}) },
        bump: model.bump,
      }).replace(/\n$/, ''),
    versionText: () => escapeMarkdownInline(model.version),
    fromText: () => (model.range.from ? escapeCodeSpan(model.range.from) : 'the first commit'),
    toText: () => escapeCodeSpan(model.range.to),
    date: () => escapeMarkdownInline(model.date),
    author: () => escapeMarkdownInline(model.author ?? ''),
    bump: () => model.bump,
    commitCount: () => model.commitCount,
    mergeCount: () => model.mergeCount,
    hiddenCount: () => model.hidden?.length ?? 0,
    overview: () => renderOverview(model),
    groupsMarkdown: () => prepared.groupsMarkdown ?? renderGroupsBlock(model.groups, model.links),
    hazardsMarkdown: () => renderHazardsBlock(all, model.links),
    clinicalImpactMarkdown: () => renderClinicalImpactBlock(all, model.links),
    contributorsMarkdown: () => renderContributorsBlock(all),
    operationalMarkdown: () => renderOperationalBlock(model.operational ?? []),
    operational: () =>
      (model.operational ?? []).map((g) => ({
        class: g.class,
        title: escapeMarkdownInline(g.title),
        advice: escapeMarkdownInline(g.advice),
        files: g.files.map((f) => ({ path: escapeCodeSpan(f.path), status: f.status })),
      })),
    groups: () =>
      model.groups.map((g) => ({
        type: g.type,
        title: escapeMarkdownInline(g.title),
        commits: g.commits.map((c) => ({
          hash: c.hash,
          ref: commitReference(c, model.links),
          subject: escapeMarkdownInline(c.subject),
          scope: c.scope ? escapeMarkdownInline(c.scope) : '',
          type: c.type ? escapeMarkdownInline(c.type) : '',
          breaking: c.breaking,
          notes: c.breakingNotes.map(escapeMarkdownInline),
          issues: c.issueRefs.map((r) => issueReference(r, model.links)),
        })),
      })),
    hazards: () => hazardsReferenced(all).map((h) => ({ id: escapeCodeSpan(h.id), commits: h.commits.map((c) => commitReference(c, model.links)) })),
    contributors: () => contributorsOf(all).map((p) => ({ name: escapeMarkdownInline(p.name), commits: p.commits })),
    rollbackLink: () => 'rollback.md',
  });
}

/** An object whose properties are computed on first read and then kept (own, enumerable properties, as a template expects). */
function lazyView(compute: Readonly<Record<string, () => TemplateValue>>): TemplateValue {
  const view: Record<string, TemplateValue> = {};
  for (const [key, fn] of Object.entries(compute)) {
    Object.defineProperty(view, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = fn();
        Object.defineProperty(view, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return view;
}

function renderOverview(model: ReleaseNotesModel): string {
  const from = model.range.from ? escapeCodeSpan(model.range.from) : 'the first commit';
  const asides: string[] = [];
  if (model.mergeCount > 0) asides.push(`${model.mergeCount} merge ${model.mergeCount === 1 ? 'commit' : 'commits'} not listed`);
  const hidden = model.hidden ?? [];
  if (hidden.length > 0) {
    const types = [...new Set(hidden.map((c) => c.type ?? 'other'))].sort().map(escapeCodeSpan).join(', ');
    asides.push(`${hidden.length} ${hidden.length === 1 ? 'commit' : 'commits'} of hidden types (${types}) not listed`);
  }
  let text = `${model.commitCount} ${model.commitCount === 1 ? 'commit' : 'commits'} from ${from} to ${escapeCodeSpan(model.range.to)}`;
  if (asides.length > 0) text += ` (and ${asides.join('; ')})`;
  text += `. Suggested version bump: ${model.bump}.`;
  if (model.paths && model.paths.length > 0) text += ` Only commits that touch ${model.paths.map(escapeCodeSpan).join(', ')} are included.`;
  return text;
}
