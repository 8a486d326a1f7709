import { parseCommitFully } from '../commits/conventionalCommit';
import type { ResolvedConfig } from '../config/resolvedConfig';
import { remoteUrlKey } from '../git/configReads';
import type { GitRepository } from '../git/gitRepository';
import type { CommitOverview } from '../render/commitOverviewMarkdown';
import { remoteLinks, type RemoteLinks } from '../render/remoteLinks';

export type { CommitFileChange, CommitOverview } from '../render/commitOverviewMarkdown';

/**
 * Reads one commit for its details page. A merge is compared with its first
 * parent, as `git log --first-parent -p` shows it. Nothing but read-only git
 * plumbing runs; the remote URL is read as written, never contacted.
 */
export async function readCommitOverview(repo: GitRepository, config: ResolvedConfig, ref: string): Promise<CommitOverview> {
  const hash = await repo.resolveCommit(ref).catch(() => {
    throw new Error(`"${ref.slice(0, 80)}" names no commit in this repository.`);
  });
  const [[raw], links] = await Promise.all([repo.readCommits({ to: hash }, { skip: 0, limit: 1 }), readWebLinks(repo, config)]);
  if (raw === undefined) throw new Error(`"${ref.slice(0, 80)}" names no commit in this repository.`);
  const base = raw.parents[0];
  const range = { ...(base === undefined ? {} : { from: base }), to: hash };
  const [changes, counts] = await Promise.all([repo.changedFiles(range), repo.changedLineCounts(range)]);
  const files = changes.map((change) => ({ ...change, ...counts.get(change.path) }));
  return { commit: parseCommitFully(raw), parents: raw.parents, ...(base === undefined ? {} : { base }), files, ...(links ? { links } : {}) };
}

/** Commit and issue links for the repository's `origin` remote when it is a known web host, as the release notes build them. */
export async function readWebLinks(repo: GitRepository, config: ResolvedConfig): Promise<RemoteLinks | undefined> {
  const key = remoteUrlKey('origin');
  if (key === undefined || config.releaseNotes.links === 'none') return undefined;
  const remote = (await repo.configValues([key])).get(key);
  return remoteLinks(remote, config.releaseNotes.links ?? 'auto', config.releaseNotes.issueUrl);
}
