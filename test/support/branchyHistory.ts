import { GitFixture } from '../fixtures/gitFixture';

/**
 * A history with what reachability gets wrong most easily: a merge whose
 * second parent alone reaches a tag, lightweight and annotated tags, a tag on
 * another branch, two tags on one commit, an untagged merge and a root of its own.
 */
export function branchyHistory(): GitFixture {
  const repo = new GitFixture('reflect-ancestry-');
  repo.commit('feat: first');
  repo.tag('v1.0.0');
  repo.commit('fix: second');
  repo.tag('v1.1.0', true);
  repo.git('checkout', '-q', '-b', 'side');
  repo.commit('feat: on the side', 'side.txt');
  repo.tag('v1.3.0', true);
  repo.commit('fix: more on the side', 'side.txt');
  repo.git('checkout', '-q', 'main');
  repo.commit('feat: on main', 'main.txt');
  repo.tag('v1.2.0');
  repo.git('merge', '-q', '--no-ff', '--no-edit', 'side');
  repo.commit('feat!: after the merge', 'main.txt');
  repo.tag('v2.0.0', true);
  repo.tag('v1.9.9');
  repo.git('checkout', '-q', '-b', 'old', 'v1.0.0');
  repo.commit('fix: maintenance', 'old.txt');
  repo.tag('v1.5.0', true);
  repo.git('checkout', '-q', '--orphan', 'island');
  repo.commit('docs: an unrelated root', 'island.txt');
  repo.tag('v0.9.0');
  repo.git('checkout', '-q', 'main');
  repo.commit('fix: unreleased', 'main.txt');
  return repo;
}
