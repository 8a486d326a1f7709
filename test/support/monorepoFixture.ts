import { GitFixture } from '../fixtures/gitFixture';

/**
 * A monorepo whose tags are mostly per-package families: two old `v` tags,
 * `pkg-a@1.0.0`..`pkg-a@1.3.0` (packages/pkg-a, package.json "pkg-a") and
 * `@scope/b@2.0.0`..`@scope/b@2.2.0` (packages/b, "@scope/b"), then
 * unreleased work in both packages and at the root.
 */
export function buildMonorepo(prefix = 'reflect-families-'): GitFixture {
  const repo = new GitFixture(prefix);
  repo.commit('feat: first', 'README.md');
  repo.tag('v1.0.0', true);
  repo.commit('feat: old root feature', 'README.md');
  repo.tag('v1.1.0', true);
  repo.write('packages/pkg-a/package.json', '{ "name": "pkg-a" }\n');
  repo.write('packages/b/package.json', '{ "name": "@scope/b" }\n');
  repo.git('add', '--', 'packages');
  for (let minor = 0; minor <= 3; minor++) {
    repo.commit(`feat(a): step ${minor}`, `packages/pkg-a/step${minor}.ts`);
    repo.tag(`pkg-a@1.${minor}.0`, true);
  }
  for (let minor = 0; minor <= 2; minor++) {
    repo.commit(`fix(b): mend ${minor}`, `packages/b/mend${minor}.ts`);
    repo.tag(`@scope/b@2.${minor}.0`);
  }
  repo.commit('feat(a): unreleased a', 'packages/pkg-a/next.ts');
  repo.commit('fix(b)!: unreleased b breaks', 'packages/b/next.ts');
  repo.commit('chore: root tooling', 'tooling.txt');
  return repo;
}
