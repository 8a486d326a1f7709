import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { parseCommit } from '../../src/core/commits/conventionalCommit';
import { GitRepository, type RevisionRange } from '../../src/core/git/gitRepository';
import { rangeEndCommit } from '../../src/core/render/buildReleaseNotes';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';

/** A commit with its own dates: the clock skew of real histories (a rebased or cherry-picked commit dated before its parent). */
function commitDated(repo: GitFixture, message: string, iso: string, file = 'file.txt'): string {
  repo.write(file, `${message}\n`);
  repo.git('add', '--', file);
  execFileSync('git', ['commit', '-q', '--no-verify', '-m', message], { cwd: repo.dir, env: { ...cleanEnv(), GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso } });
  return repo.git('rev-parse', 'HEAD').trim();
}

describe('the end commit of a range, read from its log', function () {
  this.timeout(60_000);
  let repo: GitFixture;
  let git: GitRepository;

  before(async () => {
    repo = new GitFixture('reflect-end-commit-');
    repo.commit('feat: first');
    repo.tag('v1.0.0', true);
    commitDated(repo, 'fix: dated far in the future', '2030-01-01T00:00:00Z');
    repo.tag('future');
    // Later commits dated before their parents (and before v1.0.0's): the walk's date order must not put another first.
    commitDated(repo, 'feat: dated in the past', '2001-01-01T00:00:00Z');
    repo.git('checkout', '-q', '-b', 'side', 'v1.0.0');
    commitDated(repo, 'fix: on a side branch, newest date', '2035-01-01T00:00:00Z', 'side.txt');
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge branch side', 'side');
    commitDated(repo, 'docs: after the merge, oldest date', '1999-01-01T00:00:00Z', 'docs.txt');
    repo.tag('v1.1.0', true);
    repo.git('-c', 'advice.nestedTag=false', 'tag', '-a', '-m', 'a tag of a tag', 'v1.1.0-nested', 'v1.1.0');
    repo.git('checkout', '-q', '-b', 'topic');
    commitDated(repo, 'feat: topic work', '2000-06-01T00:00:00Z', 'topic.txt');
    repo.git('checkout', '-q', 'main');
    git = await GitRepository.open(repo.dir);
  });
  after(() => repo.dispose());

  const ranges: RevisionRange[] = [
    { from: 'v1.0.0', to: 'v1.1.0' },
    { to: 'v1.1.0' },
    { from: 'v1.0.0', to: 'v1.1.0-nested' },
    { from: 'v1.0.0', to: 'HEAD' },
    { from: 'future', to: 'HEAD' },
    { from: 'v1.0.0', to: 'side' },
    { from: 'main', to: 'topic' },
    { from: 'side', to: 'main' },
    { from: 'v1.1.0', to: 'v1.0.0' }, // empty: the log shows nothing
    { from: 'HEAD~1', to: 'HEAD' },
  ];
  for (const range of ranges) {
    it(`${range.from ?? '(root)'}..${range.to} is the commit git resolves`, async () => {
      const commits = await git.readMappedCommits(range, parseCommit);
      const expected = repo.git('rev-parse', '--verify', `${range.to}^{commit}`).trim();
      assert.equal(await rangeEndCommit(git, range, commits, undefined), expected);
      // With paths the log can leave the end out: git is asked.
      const limited = await git.readMappedCommits(range, parseCommit, undefined, ['docs.txt']);
      assert.equal(await rangeEndCommit(git, range, limited, ['docs.txt']), expected);
    });
  }
});
