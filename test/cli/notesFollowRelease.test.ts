import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { setRecordedRangeEnd } from '../../src/core/markdown/recordedRange';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const NOTES = 'docs/changes/v1.1.0/release-notes.md';

function reflect(repo: GitFixture, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: repo.dir, encoding: 'utf8', env: cleanEnv() });
}

function frontMatterOf(text: string): Record<string, unknown> {
  return parseYaml(text.split('---\n')[1]) as Record<string, unknown>;
}

/** v1.0.0, then two unreleased commits, with notes written for them while they ended at HEAD. */
function unreleasedWithNotes(prefix: string): { repo: GitFixture; notesAt: string } {
  const repo = new GitFixture(prefix);
  repo.commit('feat: first', 'src/app.ts');
  repo.tag('v1.0.0');
  repo.commit('feat: result units', 'src/units.ts');
  const notesAt = repo.commit('fix: rounding', 'src/trend.ts');
  repo.write(NOTES, '');
  const written = reflect(repo, 'notes', '--out', join(repo.dir, 'notes-first.md'));
  assert.equal(written.status, 0, written.stderr);
  writeFileSync(join(repo.dir, NOTES), readFileSync(join(repo.dir, 'notes-first.md'), 'utf8').replace('# Release notes', 'Written by the trainee, kept.\n\n# Release notes'));
  return { repo, notesAt };
}

describe('notes follow the release: --update moves the end from HEAD to the tag', () => {
  it('records the commit the notes ended at', () => {
    const { repo, notesAt } = unreleasedWithNotes('reflect-follow-record-');
    try {
      const range = frontMatterOf(readFileSync(join(repo.dir, NOTES), 'utf8')).range as Record<string, unknown>;
      assert.deepEqual(range, { from: 'v1.0.0', to: 'HEAD', end_commit: notesAt });
    } finally {
      repo.dispose();
    }
  });

  it('once the release is tagged, ends at the tag, and commits made after the tag stay out', () => {
    const { repo, notesAt } = unreleasedWithNotes('reflect-follow-tagged-');
    try {
      repo.tag('v1.1.0', true);
      repo.commit('feat: next release work', 'src/next.ts');
      const updated = reflect(repo, 'notes', '--update', '--out', NOTES);
      assert.equal(updated.status, 0, updated.stderr);
      assert.match(updated.stderr, /now end at the release v1\.1\.0 instead of HEAD/);
      const text = readFileSync(join(repo.dir, NOTES), 'utf8');
      assert.deepEqual(frontMatterOf(text).range, { from: 'v1.0.0', to: 'v1.1.0', end_commit: notesAt });
      assert.match(text, /2 commits from `v1\.0\.0` to `v1\.1\.0`/);
      assert.doesNotMatch(text, /next release work/);
      assert.match(text, /^Written by the trainee, kept\.$/m);
      // The pack names the released version, not "v1.0.0 → HEAD".
      const pack = reflect(repo, 'export', 'docs/changes/v1.1.0', '--out', join(repo.dir, 'pack.html'));
      assert.equal(pack.status, 0, pack.stderr);
      const html = readFileSync(join(repo.dir, 'pack.html'), 'utf8');
      assert.match(html, /v1\.0\.0 → v1\.1\.0/);
      assert.doesNotMatch(html, /v1\.0\.0 → HEAD/);
    } finally {
      repo.dispose();
    }
  });

  it('follows a tag made after more commits landed, and lists those commits too (the release ships them)', () => {
    const { repo } = unreleasedWithNotes('reflect-follow-later-');
    try {
      const tagged = repo.commit('fix: late fix before the release', 'src/late.ts');
      repo.tag('v1.1.0');
      repo.commit('feat: after', 'src/after.ts');
      // A later release also contains the notes' end; the first release that shipped it wins.
      repo.tag('v1.2.0');
      const updated = reflect(repo, 'notes', '--update', '--out', NOTES);
      assert.equal(updated.status, 0, updated.stderr);
      const text = readFileSync(join(repo.dir, NOTES), 'utf8');
      assert.deepEqual(frontMatterOf(text).range, { from: 'v1.0.0', to: 'v1.1.0', end_commit: tagged });
      assert.match(text, /late fix before the release/);
      assert.doesNotMatch(text, /feat: after|\bafter \(/);
    } finally {
      repo.dispose();
    }
  });

  it('stays at HEAD while nothing is tagged, and records the new end', () => {
    const { repo } = unreleasedWithNotes('reflect-follow-untagged-');
    try {
      const head = repo.commit('feat: one more', 'src/more.ts');
      const updated = reflect(repo, 'notes', '--update', '--out', NOTES);
      assert.equal(updated.status, 0, updated.stderr);
      assert.doesNotMatch(updated.stderr, /now end at/);
      const text = readFileSync(join(repo.dir, NOTES), 'utf8');
      assert.deepEqual(frontMatterOf(text).range, { from: 'v1.0.0', to: 'HEAD', end_commit: head });
      assert.match(text, /one more/);
    } finally {
      repo.dispose();
    }
  });

  it('notes written before the end commit was recorded follow the tag of their version', () => {
    const { repo } = unreleasedWithNotes('reflect-follow-old-');
    try {
      const path = join(repo.dir, NOTES);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/\n {2}end_commit: [0-9a-f]+/, ''));
      repo.tag('v1.1.0');
      repo.commit('feat: after the tag', 'src/after.ts');
      const updated = reflect(repo, 'notes', '--update', '--out', NOTES);
      assert.equal(updated.status, 0, updated.stderr);
      const range = frontMatterOf(readFileSync(path, 'utf8')).range as Record<string, unknown>;
      assert.equal(range.to, 'v1.1.0');
      assert.doesNotMatch(readFileSync(path, 'utf8'), /after the tag/);
    } finally {
      repo.dispose();
    }
  });
});

describe('setting the recorded range end edits only those values', () => {
  const notes = (range: string, eol = '\n') => `---${eol}kind: release-notes${eol}# the trainee's comment${eol}change: v1.1.0${eol}range:${eol}${range}bump: minor${eol}---${eol}${eol}Body.${eol}`;

  it('replaces `to`, inserts `end_commit` under it, and keeps comments and every other line', () => {
    const before = notes('  from: v1.0.0\n  to: HEAD # until tagged\n');
    const { text, updated } = setRecordedRangeEnd(before, { to: 'v1.1.0', endCommit: 'abcdef1234567' });
    assert.ok(updated);
    assert.equal(text, notes('  from: v1.0.0\n  to: v1.1.0 # until tagged\n  end_commit: abcdef1234567\n'));
  });

  it('quotes a tag YAML would read as something else, and keeps CRLF', () => {
    const { text } = setRecordedRangeEnd(notes('  from: v1.0.0\r\n  to: HEAD\r\n', '\r\n'), { to: '1.10', endCommit: 'abcdef1234567' });
    assert.match(text, /\r\n {2}to: "1\.10"\r\n {2}end_commit: abcdef1234567\r\n/);
    assert.equal((frontMatterOf(text.replace(/\r\n/g, '\n')).range as Record<string, unknown>).to, '1.10');
  });

  it('leaves a flow-style range, or no range, as it is', () => {
    for (const text of [notes('  {from: v1.0.0, to: HEAD}\n'), '---\nkind: release-notes\n---\nBody\n', 'No front matter.\n']) {
      assert.deepEqual(setRecordedRangeEnd(text, { to: 'v1.1.0', endCommit: 'abcdef1234567' }), { text, updated: false });
    }
  });
});
