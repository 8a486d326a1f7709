import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { GitRepository } from '../../src/core/git/gitRepository';
import { readReleaseOverview, releaseRangeOf } from '../../src/core/git/releases';
import { GitFixture } from '../fixtures/gitFixture';

/**
 * A repository whose config and attributes name a program for every hook git
 * offers: if any git call of ours ran one, the marker file would appear.
 */
describe('git reading never runs repository-configured programs', () => {
  let repo: GitFixture;
  let marker: string;

  before(() => {
    repo = new GitFixture('reflect-hostile-');
    marker = join(repo.dir, '..', `marker-${process.pid}-${Date.now()}`);
    repo.write('evil.sh', `#!/bin/sh\ntouch '${marker}'\ncat\n`);
    chmodSync(join(repo.dir, 'evil.sh'), 0o755);
    repo.commit('feat: one', 'a.txt');
    repo.tag('v1.0.0', true);
    repo.write('.gitattributes', '* diff=evil filter=evil\n');
    repo.commit('fix: two', '.gitattributes');
    repo.commit('feat: three', 'b.txt');
    repo.tag('v1.1.0');
    repo.commit('docs: four', 'c.txt');
    const script = join(repo.dir, 'evil.sh');
    for (const [key, value] of [
      ['core.fsmonitor', script],
      ['core.pager', script],
      ['core.hooksPath', repo.dir],
      ['core.editor', script],
      ['core.askPass', script],
      ['diff.external', script],
      ['diff.evil.textconv', script],
      ['diff.evil.command', script],
      ['filter.evil.smudge', script],
      ['filter.evil.clean', script],
      ['filter.evil.process', script],
      ['pager.log', script],
      ['pager.diff', script],
      ['alias.log', `!${script}`],
      ['i18n.logOutputEncoding', 'ISO-8859-1'],
    ]) repo.git('config', key, value);
    for (const hook of ['post-checkout', 'pre-commit', 'reference-transaction', 'post-index-change']) repo.write(hook, `#!/bin/sh\ntouch '${marker}'\n`);
  });

  after(() => {
    rmSync(marker, { force: true });
    repo.dispose();
  });

  it('on every path the Releases view, notes and diffs use', async () => {
    const git = await GitRepository.open(repo.dir);
    const overview = await readReleaseOverview(git);
    const range = await releaseRangeOf(git, overview.tags, 'v1.1.0');
    await git.headState();
    await git.readCommits(range, { skip: 0, limit: 1 }, ['b.txt']);
    await git.countCommits(range);
    const files = await git.changedFiles(range);
    assert.ok(files.length > 0);
    await git.changedFiles({ to: 'v1.0.0' });
    for (const file of files) await git.readBlob('v1.1.0', file.path);
    await git.readBlob('v1.1.0', 'b.txt');
    await git.isShallow();
    await git.rangeCrossesShallowBoundary(range);
    await git.tagsMergedInto('HEAD');
    await git.gitPath('HEAD');
    await git.configValue('user.name');
    assert.equal(existsSync(marker), false, 'a program named by the repository ran');
  });

  it('reads blobs as stored, without textconv or filters', async () => {
    const git = await GitRepository.open(repo.dir);
    const blob = await git.readBlob('v1.1.0', 'b.txt');
    assert.match(blob?.toString('utf8') ?? '', /^feat: three\n/);
    assert.equal(existsSync(marker), false);
  });
});
