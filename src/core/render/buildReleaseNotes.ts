import { parseCommit } from '../commits/conventionalCommit';
import { commitGroupingOf, partitionCommits } from '../commits/groupCommits';
import { proposeRangeVersion } from '../commits/nextVersion';
import { bumpForRange } from '../commits/versionBump';
import { remoteUrlKey } from '../git/configReads';
import type { GitRepository, RevisionRange } from '../git/gitRepository';
import type { ReleaseNotesOptions } from '../config/reflectConfig';
import type { RollbackOptions } from '../rollback/fileClassification';
import { operationalChanges, readClassifiedFiles } from '../rollback/operationalChanges';
import { resolveRangeReleases, withUnknownRangeEnd } from '../git/rangeReleases';
import { TagPattern } from '../git/tagPattern';
import type { ReleaseNotesModel } from './releaseNotes';
import { remoteLinks } from './remoteLinks';

export interface ReleaseNotesRequest {
  readonly range: RevisionRange;
  /** The version the notes are for; proposed from the bump when absent. */
  readonly version?: string;
  readonly date: string;
  /** Grouping, path scoping and links; already merged from settings and the repository's config file. */
  readonly options?: ReleaseNotesOptions;
  /** Which tags are releases (the resolved configuration's, a tag family's included); else `options.tagPattern`. */
  readonly pattern?: TagPattern;
  /** How changed files are classified (the rollback rules): the operational section uses the checklist's classification. */
  readonly classification?: RollbackOptions;
  /** The repository's tag names when they are read anyway (for the skipped-tags note): the range's ends are looked up in them. */
  readonly tagNames?: Promise<readonly string[]>;
}

/**
 * Reads a range and builds the release-notes model (one `git log` call, and
 * one `git config` for the author and the remote). A commit reverted
 * within the range, and its revert, are listed together and call for no bump.
 */
export async function buildReleaseNotes(repo: GitRepository, request: ReleaseNotesRequest): Promise<ReleaseNotesModel> {
  const options = request.options ?? {};
  const paths = options.paths && options.paths.length > 0 ? options.paths : undefined;
  const wantLinks = options.links !== 'none';
  const remoteKey = remoteUrlKey('origin') ?? '';
  const pattern = request.pattern ?? new TagPattern(options.tagPattern ?? TagPattern.DEFAULT);
  const reads = Promise.all([
    // Commits are parsed as git writes them, overlapping git's own work.
    repo.readMappedCommits(request.range, parseCommit, undefined, paths),
    // The author and the remote from one `git config` run.
    repo.configValues(wantLinks ? ['user.name', remoteKey] : ['user.name']),
    // The releases at both ends, so the 0.x rules, the next version and the title do not depend on how the range is spelled.
    resolveRangeReleases(repo, request.range, pattern, request.tagNames),
    // The files the range changed, classified as the rollback checklist classifies them (one `git diff`).
    readClassifiedFiles(repo, request.range, request.classification, paths),
  ]);
  // A revision git does not know is named, whichever read failed first.
  const [commits, config, releases, files] = await reads.catch(async (problem: unknown) => {
    throw await withUnknownRangeEnd(repo, request.range, problem);
  });
  // The commit the range ends at, recorded so the notes can follow the release once it is tagged.
  const endCommit = await rangeEndCommit(repo, request.range, commits, paths);
  const author = config.get('user.name');
  const remote = wantLinks ? config.get(remoteKey) : undefined;
  const real = commits.filter((c) => !c.isMerge);
  const partition = partitionCommits(commits, commitGroupingOf(options));
  const bump = bumpForRange(commits, releases.start?.version, partition.reverted, options.preOneZero);
  // A released end is that release; otherwise the next version after the start's release.
  const version = request.version ?? (await proposeRangeVersion(repo, releases, bump, pattern));
  const links = remoteLinks(remote, options.links ?? 'auto', options.issueUrl);
  return {
    version,
    range: request.range,
    endCommit,
    commitCount: real.length,
    mergeCount: commits.length - real.length,
    groups: partition.groups,
    bump,
    date: request.date,
    author,
    commits: real,
    hidden: partition.hidden,
    operational: operationalChanges(files),
    ...(links ? { links } : {}),
    ...(paths ? { paths } : {}),
  };
}

/**
 * The commit a range ends at, from the log already read when it can be: git
 * log of `from..to` writes `to`'s commit first whenever it writes any (the
 * walk starts there, and every other commit it shows is reached from it), so
 * no process is spent asking. With paths the walk may leave `to` out, and an
 * empty range shows nothing: git is asked then.
 */
export async function rangeEndCommit(repo: GitRepository, range: RevisionRange, commits: readonly { readonly hash: string }[], paths: readonly string[] | undefined): Promise<string> {
  if (paths === undefined && commits.length > 0) return commits[0].hash;
  return repo.resolveCommit(range.to);
}
