import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { GitRepository } from '../../src/core/git/gitRepository';
import { systemClock } from '../../src/core/vocabulary/clock';
import { RepositoryRegistry } from '../../src/extension/repositoryRegistry';
import { ReleasesTreeProvider } from '../../src/extension/views/releasesView';
import { familyPickItems, PickReleaseFamilyCommand } from '../../src/extension/commands/pickReleaseFamily';
import { readTagFamilies } from '../../src/core/usecases/tagFamilies';
import { generateReleaseNotes } from '../../src/core/usecases/releaseNotes';
import type { LocatedRepository } from '../../src/extension/workspaceRepository';
import { GitFixture } from '../fixtures/gitFixture';
import { buildMonorepo } from '../support/monorepoFixture';

async function viewOf(dir: string): Promise<ReleasesTreeProvider> {
  return (await viewAndRegistryOf(dir)).view;
}

async function viewAndRegistryOf(dir: string): Promise<{ view: ReleasesTreeProvider; registry: RepositoryRegistry; root: string }> {
  const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.file(dir), name: 'fixture', index: 0 };
  const repository = await GitRepository.open(dir);
  const located: LocatedRepository = { state: 'ready', folder, path: repository.root, repository };
  const registry = new RepositoryRegistry(systemClock, async () => ({ state: 'ready', repositories: [located] }));
  return { view: new ReleasesTreeProvider(registry), registry, root: repository.root };
}

describe('Releases view: tag families and whole-range group counts', () => {
  const cleanup: Array<() => void> = [];
  after(() => cleanup.forEach((c) => c()));
  const config = () => vscode.workspace.getConfiguration('changeLog');

  it('says the default pattern skipped most tags, names the families, and offers to pick one', async () => {
    const repo = buildMonorepo('reflect-host-families-');
    cleanup.push(() => repo.dispose());
    const { view, root } = await viewAndRegistryOf(repo.dir);
    const roots = await view.getChildren();
    const item = view.getTreeItem(roots[0]);
    assert.equal(item.label, 'Tag pattern matches 2 of 9 tags: pick a tag family');
    assert.match(String(item.tooltip), /families: pkg-a \(4\), @scope\/b \(3\), v \(2\); pick one with Change Log: Pick Release Family, which sets changeLog\.releases\.family/);
    assert.equal(item.command?.command, 'changeLog.pickReleaseFamily');
    assert.deepEqual(item.command?.arguments, [root]);
    assert.ok((await vscode.commands.getCommands(true)).includes('changeLog.pickReleaseFamily'), 'the notice runs a registered command');
    assert.deepEqual(roots.slice(1).map((n) => String(view.getTreeItem(n).label)), ['Unreleased', 'v1.1.0', 'v1.0.0']);
  });

  it('the family quick pick lists each family with its tag count and newest release, the followed one marked', async () => {
    const repo = buildMonorepo('reflect-host-family-items-');
    cleanup.push(() => repo.dispose());
    const families = await readTagFamilies(await GitRepository.open(repo.dir));
    assert.deepEqual(
      familyPickItems(families, undefined).map((i) => [i.label, i.description, i.family]),
      [
        ['pkg-a', '4 tags · newest pkg-a@1.3.0', 'pkg-a'],
        ['@scope/b', '3 tags · newest @scope/b@2.2.0', '@scope/b'],
        ['v', '2 tags · newest v1.1.0', 'v'],
      ],
    );
    const following = familyPickItems(families, '@scope/b');
    assert.deepEqual(following.filter((i) => i.picked).map((i) => i.label), ['@scope/b']);
    assert.deepEqual(following.at(-1)?.family, undefined, 'a last row follows the tag pattern again');
    assert.match(String(following.at(-1)?.label), /No family: follow the tag pattern/);
  });

  it('Pick Release Family writes the workspace setting and rescopes the view to the family', async () => {
    const repo = buildMonorepo('reflect-host-family-pick-');
    cleanup.push(() => repo.dispose());
    const { view, registry, root } = await viewAndRegistryOf(repo.dir);
    await view.getChildren();
    const command = new PickReleaseFamilyCommand(registry, view);
    const redrawn = new Promise<void>((resolve) => {
      const listening = view.onDidChangeTreeData(() => {
        listening.dispose();
        resolve();
      });
    });
    try {
      assert.equal(await command.execute(root, 'pkg-a'), 'pkg-a');
      await redrawn;
      assert.equal(config().inspect('releases.family')?.workspaceValue, 'pkg-a', 'written to the workspace settings');
      const roots = await view.getChildren();
      assert.deepEqual(roots.map((n) => String(view.getTreeItem(n).label)), ['Unreleased', 'pkg-a@1.3.0', 'pkg-a@1.2.0', 'pkg-a@1.1.0', 'pkg-a@1.0.0'], 'the notice is gone and the family is the release line');
      await assert.rejects(command.execute(root, 'pkg-z'), /"pkg-z" is not a tag family of this repository; its families are pkg-a, @scope\/b, v\./);
      assert.equal(config().inspect('releases.family')?.workspaceValue, 'pkg-a', 'a refused family writes nothing');
    } finally {
      await config().update('releases.family', undefined, vscode.ConfigurationTarget.Workspace);
    }
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

  it('a family with no release yet says how to tag its first one in its own format', async () => {
    const repo = buildMonorepo('reflect-host-family-first-');
    cleanup.push(() => repo.dispose());
    repo.write('packages/pkg-c/package.json', '{ "name": "pkg-c" }\n');
    repo.git('add', '--', 'packages/pkg-c/package.json');
    repo.commit('feat(c): a new package', 'packages/pkg-c/index.ts');
    await config().update('releases.family', 'pkg-c', vscode.ConfigurationTarget.Global);
    try {
      const view = await viewOf(repo.dir);
      const roots = await view.getChildren();
      assert.deepEqual(roots.map((n) => String(view.getTreeItem(n).label)), ['Unreleased', 'No releases tagged yet']);
      assert.match(String(view.getTreeItem(roots[1]).tooltip), /No tag of the pkg-c tag family yet\. Tag the commit you release, for example: git tag -a pkg-c@0\.1\.0 -m "First release"/);
    } finally {
      await config().update('releases.family', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('groups with the configured sections and hidden types, with the counts of the release notes', async () => {
    const repo = new GitFixture('reflect-host-sections-');
    cleanup.push(() => repo.dispose());
    repo.commit('feat: base');
    repo.tag('v1.0.0');
    for (let i = 0; i < 3; i++) repo.commit(`deps: bump lib ${i}`, `deps${i}.txt`);
    for (let i = 0; i < 2; i++) repo.commit(`chore: tidy ${i}`, `chore${i}.txt`);
    repo.commit('feat: a feature', 'feat.txt');
    repo.commit('core: not configured', 'core.txt');
    repo.write('reflect.config.json', JSON.stringify({ releaseNotes: { sections: [{ type: 'feat', title: 'New' }, { type: 'deps', title: 'Dependencies' }], hiddenTypes: ['chore'] } }));
    const { view, registry, root } = await viewAndRegistryOf(repo.dir);
    const [unreleased] = await view.getChildren();
    const children = await view.getChildren(unreleased);
    const headings = children.filter((n) => n.type === 'group').map((n) => `${String(view.getTreeItem(n).label)} ${String(view.getTreeItem(n).description)}`);
    assert.deepEqual(headings, ['New 1', 'Dependencies 3', 'Other changes 1']);
    const notes = await generateReleaseNotes(await GitRepository.open(repo.dir), await registry.configurationFor(root), { range: { from: 'v1.0.0', to: 'HEAD' }, today: '2030-01-15' });
    assert.deepEqual(headings, notes.model.groups.map((g) => `${g.title} ${g.commits.length}`), 'the same headings and counts as the notes');
    const hidden = children.find((n) => n.type === 'notice' && n.id.startsWith('hidden:'));
    assert.ok(hidden, 'the hidden commits are said, as the notes say them');
    assert.equal(view.getTreeItem(hidden).label, '2 commits of hidden types (chore) not listed');
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
