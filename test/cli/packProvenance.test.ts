import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportEvidencePack } from '../../src/core/export/exportEvidencePack';
import { remoteWithoutCredentials, sha256Of } from '../../src/core/export/packProvenance';
import { GitRepository } from '../../src/core/git/gitRepository';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';
import { completeRecordFiles, writeRecord } from '../support/evidencePackRecord';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const NOW = new Date('2027-01-10T09:30:00Z');
const RECORD = 'docs/changes/v1.4.0';

describe('Evidence pack provenance', () => {
  let repo: GitFixture;

  beforeEach(() => {
    repo = new GitFixture('reflect-provenance-');
    repo.commit('feat: first');
    writeRecord(join(repo.dir, RECORD), completeRecordFiles());
    repo.git('add', '--', 'docs');
    repo.git('commit', '-q', '--no-verify', '--date=2026-11-25T10:00:00+00:00', '-m', 'docs: the change record');
    repo.git('remote', 'add', 'origin', 'https://trainee:ghp_secret123@git.example.org/clinic/app.git?private_token=abc');
  });
  afterEach(() => repo.dispose());

  it('remoteWithoutCredentials drops user, password, token and query; keeps scp-like addresses', () => {
    assert.equal(remoteWithoutCredentials('https://trainee:ghp_x@git.example.org/clinic/app.git?t=1#f'), 'https://git.example.org/clinic/app.git');
    assert.equal(remoteWithoutCredentials('ssh://git@host:2222/team/app.git'), 'ssh://host:2222/team/app.git');
    assert.equal(remoteWithoutCredentials('git@host:team/app.git'), 'git@host:team/app.git');
    assert.equal(remoteWithoutCredentials('user:pass@host:team/app.git'), 'host:team/app.git');
  });

  it('a clean export: repository without credentials, HEAD, each document with its commits and SHA-256, the pack checksum', async () => {
    const repository = await GitRepository.open(repo.dir);
    const head = repo.git('rev-parse', 'HEAD').trim();
    const pack = await exportEvidencePack(join(repo.dir, RECORD), { repository, options: {}, now: NOW });
    const section = pack.html.slice(pack.html.indexOf('id="provenance"'), pack.html.indexOf('id="timeline"'));
    assert.ok(section.includes('https://git.example.org/clinic/app.git'));
    assert.ok(!pack.html.includes('ghp_secret123') && !pack.html.includes('private_token'), 'no credential reaches the pack');
    assert.ok(section.includes(head));
    assert.match(section, /clean: every record document is as committed/);
    assert.equal(pack.clean, true);
    const changeText = readFileSync(join(repo.dir, RECORD, 'change.md'), 'utf8');
    assert.ok(section.includes(sha256Of(changeText)), 'the checksum of change.md as exported');
    assert.ok(section.includes(head.slice(0, 12)), 'first and last commit');
    assert.match(section, /2026-11-25T10:00:00(Z|\+00:00)/);
    assert.equal(pack.sha256, sha256Of(pack.html));
    assert.ok(!pack.html.includes('class="uncommitted-banner"'));
  });

  it('uncommitted edits to record documents are on the cover and listed first; other changes are listed', async () => {
    writeFileSync(join(repo.dir, RECORD, 'on-action.md'), `${readFileSync(join(repo.dir, RECORD, 'on-action.md'), 'utf8')}\nAdded after the commit.\n`);
    writeFileSync(join(repo.dir, RECORD, 'notes.md'), '# scratch\n');
    repo.write('src/app.js', 'changed\n');
    const pack = await exportEvidencePack(join(repo.dir, RECORD), { repository: await GitRepository.open(repo.dir), options: {}, now: NOW });
    assert.equal(pack.clean, false);
    const cover = pack.html.slice(pack.html.indexOf('id="cover"'), pack.html.indexOf('</header>'));
    assert.match(cover, /Exported with uncommitted changes<\/strong> to notes\.md, on-action\.md/);
    const section = pack.html.slice(pack.html.indexOf('id="provenance"'), pack.html.indexOf('id="timeline"'));
    assert.match(section, /<strong>not clean<\/strong>/);
    assert.match(section, /on-action\.md<\/span>: changed since its last commit/);
    assert.match(section, /notes\.md<\/span>: never committed/);
    assert.match(section, /<code>src\/app\.js<\/code>/);
  });

  it('reflect export prints the pack\'s SHA-256, which is the written file\'s', () => {
    const out = join(repo.dir, 'pack.html');
    const result = spawnSync(process.execPath, [CLI, 'export', RECORD, '--out', out, '--today', '2027-01-10'], { cwd: repo.dir, encoding: 'utf8', env: cleanEnv() });
    assert.equal(result.status, 0, result.stderr);
    const sha = /SHA-256 ([0-9a-f]{64})/.exec(result.stderr)?.[1];
    assert.equal(sha, sha256Of(readFileSync(out)));
    assert.doesNotMatch(result.stderr, /not clean/, 'the tree is read before the pack is written');
  });
});
