import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_CONFIG } from '../../src/core/config/resolvedConfig';
import { GitRepository } from '../../src/core/git/gitRepository';
import { generateReleaseNotes } from '../../src/core/usecases/releaseNotes';
import { systemClock } from '../../src/core/vocabulary/clock';
import { readEditorSettings } from '../../src/extension/configuration';
import { RepositoryRegistry } from '../../src/extension/repositoryRegistry';
import type { ReleaseNode } from '../../src/extension/views/repositoryReleases';
import { ReleasesTreeProvider } from '../../src/extension/views/releasesView';
import { WorkspaceContextKeys } from '../../src/extension/workspaceContextKeys';
import type { LocatedRepository } from '../../src/extension/workspaceRepository';
import { GitFixture } from '../fixtures/gitFixture';
import { buildMonorepo } from '../support/monorepoFixture';
import { workspaceRoot } from './extensionUnderTest';

function registryOf(dir: string, repository: GitRepository): RepositoryRegistry {
  const folder: vscode.WorkspaceFolder = { uri: vscode.Uri.file(dir), name: 'fixture', index: 0 };
  const located: LocatedRepository = { state: 'ready', folder, path: repository.root, repository };
  return new RepositoryRegistry(systemClock, async () => ({ state: 'ready', repositories: [located] }));
}

async function viewOf(dir: string): Promise<ReleasesTreeProvider> {
  return new ReleasesTreeProvider(registryOf(dir, await GitRepository.open(dir)));
}

/** Runs `body` with one user setting of changeLog set, and unsets it after, whatever happens. */
async function withUserSetting<T>(key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('changeLog');
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    return await body();
  } finally {
    await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

/** A repository whose Unreleased range holds two merges of topic branches. */
function withMerges(): GitFixture {
  const repo = new GitFixture('reflect-host-merges-');
  repo.commit('feat: base', 'base.txt');
  repo.tag('v1.0.0', true);
  for (const topic of ['alerts', 'doses']) {
    repo.git('checkout', '-q', '-b', topic);
    repo.commit(`feat: ${topic}`, `${topic}.txt`);
    repo.git('checkout', '-q', 'main');
    repo.commit(`fix: beside ${topic}`, `main-${topic}.txt`);
    repo.git('merge', '-q', '--no-ff', '-m', `Merge branch '${topic}'`, topic);
  }
  return repo;
}

describe('Editor experience: counts, files and reading on demand', () => {
  const cleanup: Array<() => void> = [];
  after(() => cleanup.forEach((c) => c()));

  it('Unreleased counts what its release notes list, and says the merges they leave out', async () => {
    const repo = withMerges();
    cleanup.push(() => repo.dispose());
    const view = await viewOf(repo.dir);
    const [unreleased] = await view.getChildren();
    assert.equal(view.getTreeItem(unreleased).label, 'Unreleased');
    assert.equal(view.getTreeItem(unreleased).description, '4 commits, 2 merges not listed');
    // The notes Generate Release Notes writes for the same range.
    const notes = await generateReleaseNotes(await GitRepository.open(repo.dir), DEFAULT_CONFIG, { range: { from: 'v1.0.0', to: 'HEAD' }, today: '2030-01-15' });
    assert.match(notes.markdown, /4 commits from `?v1\.0\.0`? to `?HEAD`? \(and 2 merge commits not listed\)/);
  });

  it('Files changed says how many files the release changed, each with the theme\'s icon for its kind of file', async () => {
    const repo = withMerges();
    cleanup.push(() => repo.dispose());
    const view = await viewOf(repo.dir);
    const [unreleased] = await view.getChildren();
    const files = (await view.getChildren(unreleased)).find((n) => n.type === 'files');
    assert.ok(files);
    const item = view.getTreeItem(files);
    assert.equal(`${String(item.label)} ${String(item.description)}`, 'Files changed 4');
    const rows = await view.getChildren(files);
    assert.equal(rows.length, 4);
    const row = view.getTreeItem(rows[0]);
    assert.equal(row.iconPath, vscode.ThemeIcon.File, 'the theme decides the icon from the file name');
    assert.equal(row.resourceUri?.scheme, 'file');
    assert.match(String(row.description), /^A added$/);
  });

  it('with a tag family, Files changed counts only the files of its package', async () => {
    const repo = buildMonorepo('reflect-host-family-files-');
    cleanup.push(() => repo.dispose());
    await withUserSetting('releases.family', 'pkg-a', async () => {
      const view = await viewOf(repo.dir);
      const [unreleased] = await view.getChildren();
      const files = (await view.getChildren(unreleased)).find((n): n is Extract<ReleaseNode, { type: 'files' }> => n.type === 'files');
      assert.ok(files);
      assert.equal(view.getTreeItem(files).description, '1', 'packages/pkg-a/next.ts only: not packages/b nor the root tooling');
      const [only] = await view.getChildren(files);
      assert.equal(only.type === 'file' && only.change.path, 'packages/pkg-a/next.ts');
    });
  });

  it('a long range shows its first page at once, grouped, and its counts once the whole range is read', async () => {
    const repo = new GitFixture('reflect-host-long-range-');
    cleanup.push(() => repo.dispose());
    repo.commit('feat: base', 'base.txt');
    repo.tag('v1.0.0');
    for (let i = 0; i < 5; i++) repo.commit(`fix: mend ${i}`, `fix${i}.txt`);
    for (let i = 0; i < 55; i++) repo.git('commit', '-q', '--allow-empty', '-m', `feat: step ${i}`);
    await withUserSetting('pageSize', 10, async () => {
      const view = await viewOf(repo.dir);
      const [unreleased] = await view.getChildren();
      const drawn = (nodes: readonly ReleaseNode[]) => nodes.map((n) => `${String(view.getTreeItem(n).label)}: ${String(view.getTreeItem(n).description ?? '')}`);
      // 60 commits are more than five pages of 10: the first page comes first.
      const counted = new Promise<void>((resolve) => view.onDidChangeTreeData((node) => node === unreleased && resolve()));
      assert.deepEqual(drawn(await view.getChildren(unreleased)), ['Features: 10 loaded · counting…', 'Files changed: ']);
      await counted;
      assert.deepEqual(drawn(await view.getChildren(unreleased)), ['Features: 55 · 10 loaded', 'Bug fixes: 5 · 0 loaded', 'Load more…: showing 10 of 60', 'Files changed: 5']);
    });
  });

  it('Load more… on a row from before a refresh redraws the whole view (the tree holds other nodes now)', async () => {
    const repo = new GitFixture('reflect-host-more-refresh-');
    cleanup.push(() => repo.dispose());
    repo.commit('feat: base', 'base.txt');
    repo.tag('v1.0.0');
    for (let i = 0; i < 30; i++) repo.git('commit', '-q', '--allow-empty', '-m', `feat: step ${i}`);
    await withUserSetting('pageSize', 10, async () => {
      const view = await viewOf(repo.dir);
      const [unreleased] = await view.getChildren();
      const more = (await view.getChildren(unreleased)).find((n) => n.type === 'more-commits');
      assert.ok(more, 'the range has a Load more… row');
      const events: unknown[] = [];
      const listening = view.onDidChangeTreeData((node) => events.push(node));
      try {
        // Unchanged view: only the release is redrawn.
        await view.loadMore(more);
        assert.deepEqual(events.slice(-1), [unreleased]);
        // The repository changed and the view was read again: the old row's release is no longer one of its nodes.
        view.refresh();
        await view.getChildren();
        await view.loadMore(more);
        assert.equal(events.at(-1), undefined, 'the whole view is redrawn');
      } finally {
        listening.dispose();
      }
    });
  });

  it('the walkthrough keys read nothing until a view shows; then a new record document causes a read', async () => {
    const root = workspaceRoot().fsPath;
    const registry = registryOf(root, await GitRepository.open(root));
    const visibility = new vscode.EventEmitter<vscode.TreeViewVisibilityChangeEvent>();
    const keys = new WorkspaceContextKeys(registry, [{ visible: false, onDidChangeVisibility: visibility.event }]);
    const nextRead = () => new Promise<void>((resolve) => keys.onDidRead(() => resolve()));
    try {
      assert.equal(keys.hasRead, false, 'created while its views are hidden: nothing read');
      const shown = nextRead();
      visibility.fire({ visible: true });
      await shown;
      assert.equal(keys.hasRead, true);
      const folder = join(root, 'docs', 'changes', 'v9.8.7');
      const created = nextRead();
      await vscode.workspace.fs.writeFile(vscode.Uri.file(join(folder, 'change.md')), new TextEncoder().encode('---\nkind: change\n---\n'));
      await created;
      assert.ok(keys.writtenDocuments().includes('change.md'));
      await vscode.workspace.fs.delete(vscode.Uri.file(folder), { recursive: true });
      assert.equal(existsSync(folder), false);
    } finally {
      keys.dispose();
      visibility.dispose();
    }
  });
});

describe('RepositoryRegistry: one search of the workspace at a time', () => {
  it('shares a search under way between those who ask at once, and looks again once it is done or forgotten', async () => {
    let searches = 0;
    const finishers: Array<() => void> = [];
    const registry = new RepositoryRegistry(systemClock, () => {
      searches++;
      return new Promise((resolve) => finishers.push(() => resolve({ state: 'noFolder', repositories: [] })));
    });
    const [a, b, c] = [registry.locate(), registry.locate(), registry.locate()];
    assert.equal(searches, 1, 'the views and the status bar asking at once start one search');
    finishers[0]();
    assert.deepEqual(await Promise.all([a, b, c]), [{ state: 'noFolder', repositories: [] }, { state: 'noFolder', repositories: [] }, { state: 'noFolder', repositories: [] }]);
    const later = registry.locate();
    assert.equal(searches, 2, 'a finished search is not kept');
    registry.forgetRepositories();
    const afterForget = registry.locate();
    assert.equal(searches, 3, 'after trust, folders or settings change, a search under way is not shared');
    finishers[1]();
    finishers[2]();
    await Promise.all([later, afterForget]);
  });

  it('lets a failed search fail every asker, and looks again after it', async () => {
    let searches = 0;
    const registry = new RepositoryRegistry(systemClock, async () => {
      searches++;
      throw new Error('no git');
    });
    const results = await Promise.allSettled([registry.locate(), registry.locate()]);
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
    assert.equal(searches, 1);
    await assert.rejects(registry.locate(), /no git/);
    assert.equal(searches, 2);
  });
});

describe('readEditorSettings: the settings a person set, layer by layer, in one read', () => {
  /** The reading it replaced: one inspect per key, folder over workspace over user. */
  function perKey(scope: vscode.Uri | undefined): Record<string, unknown> {
    const config = vscode.workspace.getConfiguration('changeLog', scope);
    const settings: Record<string, unknown> = {};
    for (const key of ['recordsFolder', 'tagPattern', 'hidePrereleases', 'releaseNotes.sections', 'releaseNotes.includeMerges', 'validation.maxProblems', 'validation.rules', 'riskMatrix']) {
      const inspected = config.inspect(key);
      const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
      if (value === undefined) continue;
      const [head, tail] = key.split('.');
      if (tail === undefined) settings[head] = value;
      else settings[head] = { ...((settings[head] as Record<string, unknown> | undefined) ?? {}), [tail]: value };
    }
    return settings;
  }

  it('agrees with one inspect per key for values set for the user, the workspace and both', async () => {
    const config = vscode.workspace.getConfiguration('changeLog');
    const scope = vscode.workspace.workspaceFolders?.[0]?.uri;
    const set: Array<[string, unknown, vscode.ConfigurationTarget]> = [
      ['recordsFolder', 'records/user', vscode.ConfigurationTarget.Global],
      ['releaseNotes.sections', [{ type: 'feat', title: 'New' }], vscode.ConfigurationTarget.Global],
      ['validation.maxProblems', 40, vscode.ConfigurationTarget.Global],
      ['validation.maxProblems', 60, vscode.ConfigurationTarget.Workspace],
      ['releaseNotes.includeMerges', true, vscode.ConfigurationTarget.Workspace],
      ['hidePrereleases', false, vscode.ConfigurationTarget.Global],
    ];
    try {
      for (const [key, value, target] of set) await config.update(key, value, target);
      const read = readEditorSettings(scope);
      assert.deepEqual(read, { ...read, ...perKey(scope) }, 'every key set is read as the per-key reading reads it');
      assert.equal(read.recordsFolder, 'records/user');
      assert.deepEqual(read.validation, { maxProblems: 60 }, 'the workspace value wins over the user value');
      assert.deepEqual((read.releaseNotes as Record<string, unknown>).includeMerges, true);
      assert.equal(read.hidePrereleases, false, 'a false value set by the person is kept');
      assert.equal('tagPattern' in read, false, 'defaults are left out');
      assert.deepEqual(readEditorSettings(scope, ['recordsFolder']), { recordsFolder: 'records/user' });
    } finally {
      for (const [key, , target] of set) await config.update(key, undefined, target);
    }
    assert.deepEqual(readEditorSettings(scope), perKey(scope));
  });
});
