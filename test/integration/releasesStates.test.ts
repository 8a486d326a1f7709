import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { GitRepository } from '../../src/core/git/gitRepository';
import type { ReleaseNode } from '../../src/extension/views/repositoryReleases';
import { ReleasesTreeProvider } from '../../src/extension/views/releasesView';
import { CompareReleasesCommand, RemoveComparisonCommand } from '../../src/extension/commands/compareReleases';
import { RepositoryRegistry } from '../../src/extension/repositoryRegistry';
import { systemClock } from '../../src/core/vocabulary/clock';
import type { LocatedRepository } from '../../src/extension/workspaceRepository';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';

/** A Releases view over one fixture repository, as the extension builds it for a workspace folder. */
async function viewOf(dir: string): Promise<ReleasesTreeProvider> {
  const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.file(dir), name: 'fixture', index: 0 };
  const repository = await GitRepository.open(dir);
  const located: LocatedRepository = { state: 'ready', folder, path: repository.root, repository };
  return new ReleasesTreeProvider(new RepositoryRegistry(systemClock, async () => ({ state: 'ready', repositories: [located] })));
}

async function labels(view: ReleasesTreeProvider, node?: ReleaseNode): Promise<string[]> {
  return (await view.getChildren(node)).map((n) => String(view.getTreeItem(n).label));
}

describe('Releases view states', () => {
  const cleanup: Array<() => void> = [];
  after(() => cleanup.forEach((c) => c()));
  function fixture(): GitFixture {
    const f = new GitFixture('reflect-host-');
    cleanup.push(() => f.dispose());
    return f;
  }

  it('no tags: Unreleased with every commit, and a hint on tagging the first release', async () => {
    const repo = fixture();
    repo.commit('feat: first');
    repo.commit('fix: second');
    const view = await viewOf(repo.dir);
    assert.deepEqual(await labels(view), ['Unreleased', 'No releases tagged yet']);
    const tooltip = String(view.getTreeItem((await view.getChildren())[1]).tooltip);
    assert.match(tooltip, /git tag/);
  });

  it('several repositories: one root item each', async () => {
    const [a, b] = [fixture(), fixture()];
    a.commit('feat: a');
    b.commit('feat: b');
    b.tag('v1.0.0');
    const located: LocatedRepository[] = [];
    for (const [index, repo] of [a, b].entries()) {
      const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.file(repo.dir), name: `repo-${index}`, index };
      const repository = await GitRepository.open(repo.dir);
      located.push({ state: 'ready', folder, path: repository.root, repository });
    }
    const view = new ReleasesTreeProvider(new RepositoryRegistry(systemClock, async () => ({ state: 'ready', repositories: located })));
    const roots = await view.getChildren();
    assert.deepEqual(roots.map((n) => n.type), ['repository', 'repository']);
    assert.deepEqual(await labels(view, roots[0]), ['Unreleased', 'No releases tagged yet']);
    assert.deepEqual(await labels(view, roots[1]), ['Unreleased', 'v1.0.0']);
  });

  it('no commits: says so', async () => {
    const repo = fixture();
    assert.deepEqual(await labels(await viewOf(repo.dir)), ['No commits yet']);
  });

  it('detached HEAD: a notice, and Unreleased counts from the release reachable from HEAD', async () => {
    const repo = fixture();
    repo.commit('feat: one');
    repo.tag('v1.0.0');
    repo.commit('fix: two');
    repo.git('checkout', '-q', '--detach', 'HEAD');
    const view = await viewOf(repo.dir);
    const names = await labels(view);
    assert.match(names[0], /^Detached HEAD at [0-9a-f]{7}$/);
    assert.deepEqual(names.slice(1), ['Unreleased', 'v1.0.0']);
  });

  it('shallow clone: a warning, and a release reaching the missing history is marked partial', async () => {
    const origin = fixture();
    for (let i = 1; i <= 5; i++) origin.commit(`feat: change ${i}`);
    origin.tag('v1.0.0');
    origin.commit('fix: after');
    const dir = mkdtempSync(join(tmpdir(), 'reflect-host-shallow-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    execFileSync('git', ['clone', '-q', '--depth', '2', '--no-single-branch', `file://${origin.dir}`, dir], { env: cleanEnv() });
    const view = await viewOf(dir);
    const roots = await view.getChildren();
    assert.deepEqual(roots.map((n) => String(view.getTreeItem(n).label)), ['Shallow clone: history is truncated', 'Unreleased', 'v1.0.0']);
    const release = roots[2];
    const children = await labels(view, release);
    assert.equal(children[0], 'Partial: this range reaches past the shallow clone');
    const unreleased = await labels(view, roots[1]);
    assert.ok(!unreleased.some((l) => l.startsWith('Partial')), 'latest tag..HEAD lies inside the fetched history');
  });

  it('pages long lists of releases with Load more…', async () => {
    const repo = fixture();
    for (let i = 0; i < 13; i++) {
      repo.commit(`feat: change ${i}`);
      repo.tag(`v1.${i}.0`);
    }
    const config = vscode.workspace.getConfiguration('changeLog');
    await config.update('pageSize', 10, vscode.ConfigurationTarget.Global);
    try {
      const view = await viewOf(repo.dir);
      const first = await view.getChildren();
      const more = first[first.length - 1];
      assert.equal(view.getTreeItem(more).label, 'Load more…');
      assert.equal(view.getTreeItem(more).description, 'showing 10 of 13');
      assert.equal(first.filter((n) => n.type === 'release' && n.kind === 'tag').length, 10);
      await view.loadMore(more);
      const all = await view.getChildren();
      assert.equal(all.filter((n) => n.type === 'release' && n.kind === 'tag').length, 13);
      assert.ok(!all.some((n) => n.type === 'more-releases'));
    } finally {
      await config.update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('compares any two refs with the same grouping and files', async () => {
    const repo = fixture();
    repo.commit('feat: one');
    repo.tag('v1.0.0');
    repo.commit('fix: two', 'two.txt');
    repo.commit('feat(api)!: three', 'three.txt');
    repo.tag('v2.0.0');
    const view = await viewOf(repo.dir);
    const [releases] = await view.repositories();
    releases.addComparison('v1.0.0', 'v2.0.0');
    const roots = await view.getChildren();
    assert.equal(view.getTreeItem(roots[0]).label, 'v1.0.0 ↔ v2.0.0');
    assert.deepEqual(await labels(view, roots[0]), ['Breaking changes', 'Bug fixes', 'Files changed']);
    const files = (await view.getChildren(roots[0])).find((n) => n.type === 'files');
    assert.ok(files);
    assert.deepEqual((await labels(view, files)).sort(), ['three.txt', 'two.txt']);
  });

  it('refuses a comparison with a ref that does not exist, keeps comparisons across refresh, and removes one at a time', async () => {
    const repo = fixture();
    repo.commit('feat: one');
    repo.tag('v1.0.0');
    repo.commit('fix: two', 'two.txt');
    repo.tag('v1.1.0');
    repo.git('branch', 'hotfix');
    const view = await viewOf(repo.dir);
    const compare = new CompareReleasesCommand(view);
    await assert.rejects(compare.execute('v1.0.0', 'no-such-ref'), /"no-such-ref" is not a branch, tag or commit/);
    const comparisons = async () => (await view.getChildren()).filter((n) => n.type === 'release' && n.kind === 'comparison').map((n) => String(view.getTreeItem(n).label));
    assert.deepEqual(await comparisons(), []);
    await compare.execute('v1.0.0', 'v1.1.0');
    await compare.execute('v1.0.0', 'hotfix');
    assert.deepEqual(await comparisons(), ['v1.0.0 ↔ hotfix', 'v1.0.0 ↔ v1.1.0']);
    view.refresh();
    assert.deepEqual(await comparisons(), ['v1.0.0 ↔ hotfix', 'v1.0.0 ↔ v1.1.0'], 'Refresh keeps them, in order');
    const [first] = (await view.getChildren()).filter((n) => n.type === 'release' && n.kind === 'comparison');
    assert.equal(view.getTreeItem(first).contextValue, 'comparison');
    new RemoveComparisonCommand(view).execute(first);
    assert.deepEqual(await comparisons(), ['v1.0.0 ↔ v1.1.0']);
    view.refresh();
    assert.deepEqual(await comparisons(), ['v1.0.0 ↔ v1.1.0'], 'a removed comparison stays removed');
  });

  it('drawing an item reads nothing from git: summaries are read when the items are listed', async () => {
    const repo = fixture();
    repo.commit('feat: one');
    repo.tag('v1.0.0');
    repo.commit('fix: two', 'two.txt');
    repo.tag('v1.1.0');
    const real = await GitRepository.open(repo.dir);
    let calls = 0;
    const counted = new Proxy(real, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.file(repo.dir), name: 'fixture', index: 0 };
    const located: LocatedRepository = { state: 'ready', folder, path: real.root, repository: counted };
    const view = new ReleasesTreeProvider(new RepositoryRegistry(systemClock, async () => ({ state: 'ready', repositories: [located] })));
    // Each tag's summary redraws its item once it is read.
    const summaries = new Promise<void>((resolve) => {
      let seen = 0;
      view.onDidChangeTreeData(() => {
        if (++seen === 2) resolve();
      });
    });
    const nodes = await view.getChildren();
    await summaries;
    const before = calls;
    const items = nodes.map((node) => view.getTreeItem(node));
    assert.equal(calls, before, 'getTreeItem started git reads');
    const latest = items.find((item) => item.label === 'v1.1.0');
    assert.match(String(latest?.description), /^1 commit/);
  });
});
