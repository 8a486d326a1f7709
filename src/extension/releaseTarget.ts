import * as vscode from 'vscode';
import type { GitRepository, RevisionRange } from '../core/git/gitRepository';
import { readReleaseOverview } from '../core/git/releases';
import { readReleaseRange } from '../core/usecases/releaseOverview';
import { proposeVersionForRange, versionScopeOf } from '../core/usecases/proposeVersion';
import type { RepositoryRegistry } from './repositoryRegistry';
import type { ReleaseNode } from './views/repositoryReleases';
import { CancelledByUser, requireRepository } from './workspaceRepository';

/** The release a command acts on: its repository, range and version. */
export interface ReleaseTarget {
  readonly repository: GitRepository;
  readonly range: RevisionRange;
  /**
   * The tag; for Unreleased undefined until asked for (`versionOf`), so a
   * command that reads the commits anyway (the release notes) reads them once.
   */
  readonly version: string | undefined;
}

/** The release of a Releases-view item (context menu), or Unreleased of the repository. */
export async function releaseTargetOf(registry: RepositoryRegistry, node: unknown, pick: 'unreleased' | 'ask'): Promise<ReleaseTarget> {
  const releases = isReleaseEntry(node) ? registry.releasesOf(node.root) : undefined;
  if (isReleaseEntry(node) && releases) {
    const range = await releases.rangeOf(node);
    const version = node.kind === 'tag' ? node.name : node.kind === 'unreleased' ? undefined : range.to;
    return { repository: releases.repository, range, version };
  }
  const { repository } = await requireRepository(registry.locate);
  const config = await registry.configurationFor(repository.root, { forCommand: true });
  const overview = await readReleaseOverview(repository, config.releaseFilter);
  if (!overview.unreleased) throw new Error(vscode.l10n.t('The repository has no commits yet.'));
  const unreleased: ReleaseTarget = { repository, range: overview.unreleased.range, version: undefined };
  if (pick === 'unreleased' || overview.tags.length === 0) return unreleased;
  const proposed = await versionOf(registry, unreleased);
  const items = [
    { label: `Unreleased → ${proposed}`, description: vscode.l10n.t('{0} commits since {1}', overview.unreleased.commitCount, overview.unreleased.range.from ?? 'the first commit'), tag: undefined as string | undefined },
    ...overview.tags.map((t) => ({ label: t.name, description: t.date.slice(0, 10), tag: t.name as string | undefined })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Which release?'), placeHolder: vscode.l10n.t('Pick the release to work on') });
  if (!picked) throw new CancelledByUser();
  if (picked.tag === undefined) return { ...unreleased, version: proposed };
  return { repository, range: await readReleaseRange(repository, overview.tags, picked.tag), version: picked.tag };
}

/** The version a target releases: its tag, or the one Unreleased's commits call for (scoped like the notes). */
export async function versionOf(registry: RepositoryRegistry, target: ReleaseTarget): Promise<string> {
  if (target.version !== undefined) return target.version;
  const config = await registry.configurationFor(target.repository.root);
  return proposeVersionForRange(target.repository, target.range, versionScopeOf(config));
}

function isReleaseEntry(node: unknown): node is Extract<ReleaseNode, { type: 'release' }> {
  return typeof node === 'object' && node !== null && (node as { type?: unknown }).type === 'release';
}
