import * as vscode from 'vscode';
import type { GitRepository, RevisionRange } from '../core/git/gitRepository';
import { readReleaseOverview, releaseRangeOf } from '../core/git/releases';
import { proposeVersionForRange } from '../core/usecases/proposeVersion';
import { readSettings } from './configuration';
import type { ReleaseNode } from './views/releaseNodes';
import { CancelledByUser, requireRepository } from './workspaceRepository';

/** The release a command acts on: its repository, range and version. */
export interface ReleaseTarget {
  readonly repository: GitRepository;
  readonly range: RevisionRange;
  /** The tag, or for Unreleased the version its commits call for. */
  readonly version: string;
}

/** The release of a Releases-view item (context menu), or Unreleased of the repository. */
export async function releaseTargetOf(node: unknown, pick: 'unreleased' | 'ask'): Promise<ReleaseTarget> {
  if (isReleaseEntry(node)) {
    const range = await node.repo.rangeOf(node);
    const version = node.kind === 'tag' ? node.name : node.kind === 'unreleased' ? await proposeVersionForRange(node.repo.repository, range) : range.to;
    return { repository: node.repo.repository, range, version };
  }
  const { folder, repository } = await requireRepository();
  const overview = await readReleaseOverview(repository, readSettings(folder).releaseFilter);
  if (!overview.unreleased) throw new Error(vscode.l10n.t('The repository has no commits yet.'));
  const unreleased: ReleaseTarget = { repository, range: overview.unreleased.range, version: await proposeVersionForRange(repository, overview.unreleased.range) };
  if (pick === 'unreleased' || overview.tags.length === 0) return unreleased;
  const items = [
    { label: `Unreleased → ${unreleased.version}`, description: vscode.l10n.t('{0} commits since {1}', overview.unreleased.commitCount, overview.unreleased.range.from ?? 'the first commit'), tag: undefined as string | undefined },
    ...overview.tags.map((t) => ({ label: t.name, description: t.date.slice(0, 10), tag: t.name as string | undefined })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Which release?'), placeHolder: vscode.l10n.t('Pick the release to work on') });
  if (!picked) throw new CancelledByUser();
  if (picked.tag === undefined) return unreleased;
  return { repository, range: await releaseRangeOf(repository, overview.tags, picked.tag), version: picked.tag };
}

function isReleaseEntry(node: unknown): node is Extract<ReleaseNode, { type: 'release' }> {
  return typeof node === 'object' && node !== null && (node as { type?: unknown }).type === 'release';
}
