import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commitAuthor, commitMessage } from '../../bench/commitMessages.mjs';
import { GitRepository } from '../../src/core/git/gitRepository';
import { buildReleaseNotes } from '../../src/core/render/buildReleaseNotes';
import { renderReleaseNotesMarkdown } from '../../src/core/render/releaseNotes';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';

const GOLDEN = resolve(__dirname, '../../../test/fixtures/golden');
const COMMITS = 600;

/** Writes `count` commits of the benchmark's generated history into `repo` with git fast-import, a tag every 100. */
function importGeneratedHistory(repo: GitFixture, count: number): void {
  let stream = '';
  const base = Date.UTC(2024, 0, 1) / 1000;
  for (let i = 1; i <= count; i++) {
    const message = commitMessage(i);
    const who = commitAuthor(i);
    const content = `change ${i}\n`;
    stream += `blob\nmark :${2 * i}\ndata ${Buffer.byteLength(content)}\n${content}\n`;
    stream += `commit refs/heads/main\nmark :${2 * i + 1}\nauthor ${who.name} <${who.email}> ${base + i * 600} +0000\ncommitter ${who.name} <${who.email}> ${base + i * 600} +0000\n`;
    stream += `data ${Buffer.byteLength(message)}\n${message}\n${i > 1 ? `from :${2 * i - 1}\n` : ''}M 100644 :${2 * i} src/file-${i % 20}.txt\n\n`;
    if (i % 100 === 0) stream += `reset refs/tags/v1.${i / 100}.0\nfrom :${2 * i + 1}\n\n`;
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: repo.dir, input: stream, env: cleanEnv() });
  repo.git('reset', '-q', '--hard', 'main');
}

describe('release notes of a generated history shaped like a real one', () => {
  let repo: GitFixture;
  before(() => {
    repo = new GitFixture('reflect-generated-');
    repo.git('remote', 'add', 'origin', 'git@github.com:acme/lab-results.git');
    importGeneratedHistory(repo, COMMITS);
  });
  after(() => repo.dispose());

  // The golden file was written before the rendering was made faster (issue references found without a regular expression per reference): the notes are the same to the byte.
  it('are byte for byte the notes the earlier code wrote, issue links included', async () => {
    const git = await GitRepository.open(repo.dir);
    const model = await buildReleaseNotes(git, { range: { from: 'v1.1.0', to: 'v1.6.0' }, date: '2026-11-25' });
    assert.equal(model.commitCount, 500);
    const markdown = renderReleaseNotesMarkdown(model);
    assert.match(markdown, /\[#\d+\]\(https:\/\/github\.com\/acme\/lab-results\/issues\/\d+\)/);
    const file = join(GOLDEN, 'generated-history-notes.md');
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, markdown);
    }
    assert.ok(existsSync(file), 'generated-history-notes.md has no golden file; run the tests with UPDATE_GOLDEN=1 and review it');
    assert.equal(markdown, readFileSync(file, 'utf8'));
  });
});
