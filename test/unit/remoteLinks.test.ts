import * as assert from 'node:assert/strict';
import { parseRemoteUrl, remoteLinks } from '../../src/core/render/remoteLinks';

const HASH = 'a'.repeat(40);

describe('links from the origin remote', () => {
  const cases: Array<[string, string, string, string]> = [
    ['https://github.com/acme/lab.git', 'https://github.com/acme/lab', `https://github.com/acme/lab/commit/${HASH}`, 'https://github.com/acme/lab/issues/7'],
    ['git@github.com:acme/lab.git', 'https://github.com/acme/lab', `https://github.com/acme/lab/commit/${HASH}`, 'https://github.com/acme/lab/issues/7'],
    ['ssh://git@gitlab.com:2222/group/sub/lab.git', 'https://gitlab.com/group/sub/lab', `https://gitlab.com/group/sub/lab/-/commit/${HASH}`, 'https://gitlab.com/group/sub/lab/-/issues/7'],
    ['https://user@bitbucket.org/team/lab.git', 'https://bitbucket.org/team/lab', `https://bitbucket.org/team/lab/commits/${HASH}`, 'https://bitbucket.org/team/lab/issues/7'],
    ['https://org@dev.azure.com/org/Project/_git/lab', 'https://dev.azure.com/org/Project/_git/lab', `https://dev.azure.com/org/Project/_git/lab/commit/${HASH}`, 'https://dev.azure.com/org/Project/_workitems/edit/7'],
    ['git@ssh.dev.azure.com:v3/org/Project/lab', 'https://dev.azure.com/org/Project/_git/lab', `https://dev.azure.com/org/Project/_git/lab/commit/${HASH}`, 'https://dev.azure.com/org/Project/_workitems/edit/7'],
    ['https://org.visualstudio.com/DefaultCollection/Project/_git/lab', 'https://dev.azure.com/org/Project/_git/lab', `https://dev.azure.com/org/Project/_git/lab/commit/${HASH}`, 'https://dev.azure.com/org/Project/_workitems/edit/7'],
    ['http://github.com/acme/lab', 'https://github.com/acme/lab', `https://github.com/acme/lab/commit/${HASH}`, 'https://github.com/acme/lab/issues/7'],
  ];
  for (const [url, web, commit, issue] of cases) {
    it(`builds https links for ${url}`, () => {
      const links = remoteLinks(url);
      assert.ok(links);
      assert.equal(links.web, web);
      assert.equal(links.commit(HASH), commit);
      assert.equal(links.issue('#7'), issue);
    });
  }

  it('gives no links for local paths, unknown hosts and odd URLs', () => {
    for (const url of ['/srv/git/lab.git', '../lab', 'file:///srv/lab.git', 'https://example.org/a/b', 'git@github.com:acme/../x.git', 'https://github.com/acme/"><script>', 'javascript:alert(1)//github.com/a/b']) {
      assert.equal(remoteLinks(url), undefined, url);
    }
    assert.equal(parseRemoteUrl('C:\\repos\\lab'), undefined);
  });

  it('can be forced for a self-hosted server, or turned off', () => {
    assert.equal(remoteLinks('git@git.hospital.nhs.uk:lab/api.git', 'gitlab')?.commit(HASH), `https://git.hospital.nhs.uk/lab/api/-/commit/${HASH}`);
    assert.equal(remoteLinks('git@github.com:acme/lab.git', 'none'), undefined);
  });

  it('links issue keys only through an https issue URL', () => {
    const links = remoteLinks('git@github.com:acme/lab.git', 'auto', 'https://jira.example.org/browse/{id}');
    assert.equal(links?.issue('LAB-12'), 'https://jira.example.org/browse/LAB-12');
    assert.equal(remoteLinks('git@github.com:acme/lab.git', 'auto', 'http://jira.example.org/{id}')?.issue('LAB-12'), undefined);
    assert.equal(remoteLinks('git@github.com:acme/lab.git')?.issue('LAB-12'), undefined);
  });
});
