import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { GitFixture } from '../fixtures/gitFixture';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function reflect(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(args: string[], cwd: string) {
  const run = reflect([...args, '--format', 'json'], cwd);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as { range: { from: string | null; to: string }; commits: number; bump: string; version: string; groups: Array<{ commits: Array<{ subject: string }> }> };
}

const subjects = (notes: ReturnType<typeof json>) => notes.groups.flatMap((g) => g.commits.map((c) => c.subject)).sort();

describe('reflect notes: ranges and paths as spelled on real histories', () => {
  let repo: GitFixture;
  before(() => {
    repo = new GitFixture('reflect-ranges-');
    repo.commit('feat: first', 'README.md');
    repo.tag('v8.2.0', true);
    repo.commit('feat(a): package a grows', 'packages/a/index.ts');
    repo.commit('fix(b): package b mends', 'packages/b/index.ts');
    repo.tag('v8.2.1', true);
    repo.commit('fix(a): package a again', 'packages/a/index.ts');
    repo.commit('docs: root readme', 'README.md');
    repo.tag('v8.2.2', true);
    repo.commit('feat(b): unreleased work', 'packages/b/more.ts');
  });
  after(() => repo.dispose());

  it('resolves --paths relative to the current folder, as git does', () => {
    const inPackage = json(['notes', 'v8.2.0..v8.2.2', '--paths', '.'], join(repo.dir, 'packages/a'));
    assert.deepEqual(subjects(inPackage), ['package a again', 'package a grows']);
    const fromRoot = json(['notes', 'v8.2.0..v8.2.2', '--paths', 'packages/b'], repo.dir);
    assert.deepEqual(subjects(fromRoot), ['package b mends']);
    const sibling = json(['notes', 'v8.2.0..v8.2.2', '--paths', '../b'], join(repo.dir, 'packages/a'));
    assert.deepEqual(subjects(sibling), ['package b mends']);
  });

  it('refuses a --paths value outside the repository', () => {
    const run = reflect(['notes', 'v8.2.0..v8.2.2', '--paths', '../../..'], join(repo.dir, 'packages/a'));
    assert.equal(run.code, 2);
    assert.match(run.stderr, /outside the repository/);
  });

  it('refuses a three-dot range with a message instead of garbling the version', () => {
    const run = reflect(['notes', 'v8.2.1...v8.2.2'], repo.dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^reflect: "v8\.2\.1\.\.\.v8\.2\.2" is a symmetric difference \(A\.\.\.B\).*two dots\.\n$/);
    assert.equal(run.stdout, '');
  });

  it('names the end of a range that git does not know, whichever end it is', () => {
    const cases: Array<[string[], string]> = [
      [['nosuch..v8.2.2'], '"nosuch" (the start of nosuch..v8.2.2)'],
      [['v8.2.0..nosuch'], '"nosuch" (the end of v8.2.0..nosuch)'],
      [['old..new'], '"old" (the start of old..new) or "new" (the end of old..new)'],
      [['nosuch..v8.2.2', '--paths', 'packages/a'], '"nosuch" (the start of nosuch..v8.2.2)'],
      [['nosuch'], '"nosuch"'],
    ];
    for (const command of ['notes', 'rollback']) {
      for (const [args, named] of cases) {
        if (command === 'rollback' && args.includes('--paths')) continue;
        for (const format of ['markdown', 'json']) {
          const run = reflect([command, ...args, '--format', format], repo.dir);
          assert.equal(run.code, 2, `${command} ${args.join(' ')}`);
          assert.equal(run.stdout, '');
          assert.equal(run.stderr, `reflect: git does not know the revision ${named}: no branch, tag or commit has that name here.\n`);
        }
      }
    }
  });

  it('reads a single release ref as that release: the previous release..it', () => {
    const notes = json(['notes', 'v8.2.2'], repo.dir);
    assert.deepEqual(notes.range, { from: 'v8.2.1', to: 'v8.2.2' });
    assert.equal(notes.commits, 2);
    assert.equal(notes.version, 'v8.2.2');
    const first = json(['notes', 'v8.2.0'], repo.dir);
    assert.deepEqual(first.range, { from: null, to: 'v8.2.0' });
  });

  it('reads a hash of a released commit as that release too, titled by it', () => {
    const hash = repo.git('rev-parse', 'v8.2.2^{commit}').trim();
    const notes = json(['notes', hash.slice(0, 12)], repo.dir);
    assert.deepEqual(notes.range, { from: 'v8.2.1', to: hash.slice(0, 12) });
    assert.equal(notes.version, 'v8.2.2');
    const markdown = reflect(['notes', `${hash}..HEAD`], repo.dir);
    assert.match(markdown.stdout, /^# Release notes: v8\.3\.0$/m);
  });

  it('takes the pre-1.0 policy from reflect.config.json', () => {
    const zero = new GitFixture('reflect-zero-config-');
    try {
      zero.commit('feat: first');
      zero.tag('v0.4.0');
      zero.commit('feat: a filter');
      assert.equal(json(['notes'], zero.dir).version, 'v0.5.0');
      zero.write('reflect.config.json', JSON.stringify({ releaseNotes: { preOneZero: { feat: 'patch' } } }));
      const notes = json(['notes'], zero.dir);
      assert.equal(notes.bump, 'patch');
      assert.equal(notes.version, 'v0.4.1');
    } finally {
      zero.dispose();
    }
  });
});
