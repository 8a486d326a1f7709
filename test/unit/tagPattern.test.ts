import * as assert from 'node:assert/strict';
import type { GitTag } from '../../src/core/git/gitLogParsing';
import { selectReleaseTags } from '../../src/core/git/releases';
import { TagPattern } from '../../src/core/git/tagPattern';

function tag(name: string, date: string): GitTag {
  return { name, hash: 'a'.repeat(40), date, annotated: false };
}

describe('tag pattern', () => {
  it('reads versions from the default pattern, with or without v and with pre-releases', () => {
    const pattern = new TagPattern();
    assert.equal(pattern.versionOf('v1.2.3'), '1.2.3');
    assert.equal(pattern.versionOf('1.2.3'), '1.2.3');
    assert.equal(pattern.versionOf('v2.0.0-rc.1'), '2.0.0-rc.1');
    assert.equal(pattern.versionOf('v1.2.3+build.5'), '1.2.3');
    assert.equal(pattern.matches('release-2024'), false);
    assert.equal(pattern.matches('v1.2'), false);
    assert.equal(pattern.isPrerelease('v2.0.0-rc.1'), true);
  });

  it('scopes one product of a monorepo with a wildcard', () => {
    const pattern = new TagPattern('api-v*');
    assert.equal(pattern.matches('api-v1.4.0'), true);
    assert.equal(pattern.matches('web-v1.4.0'), false);
    assert.equal(pattern.versionOf('api-v1.4.0'), '1.4.0');
    assert.equal(pattern.versionOf('api-vnext'), null);
  });

  it('treats regular-expression characters in the template literally', () => {
    const pattern = new TagPattern('release(MAJOR.MINOR.PATCH)');
    assert.equal(pattern.matches('release(1.0.0)'), true);
    assert.equal(pattern.matches('releaseX1.0.0)'), false);
  });
});

describe('selecting release tags', () => {
  const tags = [tag('v1.10.0', '2026-01-01'), tag('v1.9.0', '2026-02-01'), tag('v2.0.0-rc.1', '2026-03-01'), tag('nightly', '2026-04-01'), tag('v1.0.0', '2025-01-01')];

  it('orders by semver precedence, not by date or name', () => {
    assert.deepEqual(selectReleaseTags(tags).map((t) => t.name), ['v2.0.0-rc.1', 'v1.10.0', 'v1.9.0', 'v1.0.0']);
  });

  it('hides pre-releases when asked', () => {
    assert.deepEqual(selectReleaseTags(tags, { pattern: new TagPattern(), hidePrereleases: true }).map((t) => t.name), ['v1.10.0', 'v1.9.0', 'v1.0.0']);
  });

  it('falls back to every tag by date when none matches the default pattern', () => {
    const dated = [tag('release-a', '2026-01-01'), tag('release-b', '2026-03-01'), tag('release-c', '2026-02-01')];
    assert.deepEqual(selectReleaseTags(dated).map((t) => t.name), ['release-b', 'release-c', 'release-a']);
  });

  it('shows only matching tags for a custom pattern', () => {
    const mono = [tag('api-v1.0.0', '2026-01-01'), tag('web-v3.0.0', '2026-01-02'), tag('api-v1.1.0', '2026-01-03')];
    assert.deepEqual(selectReleaseTags(mono, { pattern: new TagPattern('api-v*'), hidePrereleases: false }).map((t) => t.name), ['api-v1.1.0', 'api-v1.0.0']);
  });
});

describe('a tag pattern too large for a regular expression', () => {
  it('is refused when made, naming the pattern, not when first matched with a raw regular-expression error', () => {
    const huge = 'a'.repeat(100_000);
    let pattern: TagPattern | undefined;
    try {
      pattern = new TagPattern(huge);
    } catch (error) {
      assert.doesNotMatch((error as Error).message, /Invalid regular expression/);
      assert.match((error as Error).message, /is not a tag pattern/);
      return;
    }
    assert.doesNotThrow(() => pattern?.matches('v1.0.0'));
  });
});
