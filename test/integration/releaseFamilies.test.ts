import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GitRepository } from '../../src/core/git/gitRepository';
import { systemClock } from '../../src/core/vocabulary/clock';
import { RepositoryRegistry } from '../../src/extension/repositoryRegistry';
import { ReleasesTreeProvider } from '../../src/extension/views/releasesView';
import type { LocatedRepository } from '../../src/extension/workspaceRepository';
import { GitFixture } from '../fixtures/gitFixture';
import { buildMonorepo } from '../support/monorepoFixture';

async function viewOf(dir: string): Promise<ReleasesTreeProvider> {
  const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.file(dir), name: 'fixture', index: 0 };
  const repository = await GitRepository.open(dir);
  const located: LocatedRepository = { state: 'ready', folder, path: repository.root, repository };
  return new ReleasesTreeProvider(new RepositoryRegistry(systemClock, async () => ({ state: 'ready', repositories: [located] })));
}

describe('Releases view: tag families and whole-range group counts', () => {
  const cleanup: Array<() => void> = [];
  after(() => cleanup.forEach((c) => c()));
  const config = () => vscode.workspace.getConfiguration('changeLog');

  it('says the default pattern skipped most tags, names the families, and opens the family setting', async () => {
    const repo = buildMonorepo('reflect-host-families-');
    cleanup.push(() => repo.dispose());
    const view = await viewOf(repo.dir);
    const roots = await view.getChildren();
    const item = view.getTreeItem(roots[0]);
    assert.equal(item.label, 'Tag pattern matches 2 of 9 tags: pick a tag family');
    assert.match(String(item.tooltip), /families: pkg-a \(4\), @scope\/b \(3\), v \(2\); pick one with the changeLog\.releases\.family setting/);
    assert.deepEqual(item.command?.command, 'workbench.action.openSettings');
    assert.deepEqual(item.command?.arguments, ['changeLog.releases.family']);
    assert.deepEqual(roots.slice(1).map((n) => String(view.getTreeItem(n).label)), ['Unreleased', 'v1.1.0', 'v1.0.0']);
  });

  it('with changeLog.releases.family the family is the release line: its tags, and Unreleased within its package', async () => {
    const repo = buildMonorepo('reflect-host-family-');
    cleanup.push(() => repo.dispose());
    await config().update('releases.family', 'pkg-a', vscode.ConfigurationTarget.Global);
    try {
      const view = await viewOf(repo.dir);
      const roots = await view.getChildren();
      assert.deepEqual(roots.map((n) => String(view.getTreeItem(n).label)), ['Unreleased', 'pkg-a@1.3.0', 'pkg-a@1.2.0', 'pkg-a@1.1.0', 'pkg-a@1.0.0']);
      assert.match(String(view.getTreeItem(roots[0]).description), /^1 commit\b/);
      const groups = await view.getChildren(roots[0]);
      assert.deepEqual(groups.filter((n) => n.type === 'group').map((n) => `${String(view.getTreeItem(n).label)} ${String(view.getTreeItem(n).description)}`), ['Features 1']);
    } finally {
      await config().update('releases.family', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('group headings count the whole range, not the page loaded so far', async () => {
    const repo = new GitFixture('reflect-host-counts-');
    cleanup.push(() => repo.dispose());
    repo.commit('feat: base');
    repo.tag('v1.0.0');
    for (let i = 0; i < 8; i++) repo.commit(`feat!: old break ${i}`, `old${i}.txt`);
    for (let i = 0; i < 7; i++) repo.commit(`fix: mend ${i}`, `fix${i}.txt`);
    for (let i = 0; i < 3; i++) repo.commit(`feat!: new break ${i}`, `new${i}.txt`);
    await config().update('pageSize', 10, vscode.ConfigurationTarget.Global);
    try {
      const view = await viewOf(repo.dir);
      const [unreleased] = await view.getChildren();
      const heading = async () =>
        (await view.getChildren(unreleased)).filter((n) => n.type === 'group').map((n) => `${String(view.getTreeItem(n).label)}: ${String(view.getTreeItem(n).description)}`);
      assert.deepEqual(await heading(), ['Breaking changes: 11 · 3 loaded', 'Bug fixes: 7']);
      const more = (await view.getChildren(unreleased)).find((n) => n.type === 'more-commits');
      assert.ok(more, 'a Load more… item for the rest of the range');
      await view.loadMore(more);
      assert.deepEqual(await heading(), ['Breaking changes: 11', 'Bug fixes: 7']);
    } finally {
      await config().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
