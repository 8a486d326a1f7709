import * as assert from 'node:assert/strict';
import { GitRepository } from '../../src/core/git/gitRepository';
import { buildReleaseNotes } from '../../src/core/render/buildReleaseNotes';
import { loadReflectConfig, parseReflectConfig } from '../../src/core/config/loadReflectConfig';
import { CONFIG_FILE_NAME, mergeReleaseNotesOptions } from '../../src/core/config/reflectConfig';
import { GitFixture } from '../fixtures/gitFixture';

describe('release-notes configuration file', () => {
  it('is reflect.config.json and accepts a full, valid file', () => {
    assert.equal(CONFIG_FILE_NAME, 'reflect.config.json');
    const text = JSON.stringify({
      releaseNotes: { sections: [{ type: 'feat', title: 'New' }], hiddenTypes: ['chore'], includeMerges: true, paths: ['services/lab'], tagPattern: 'api-v*', template: '.changelog/notes.md', hazardCheck: { severity: 'info', types: ['feat'] }, links: 'gitlab', issueUrl: 'https://jira.example.org/browse/{id}' },
      rollback: { rules: [{ pattern: 'db/**', class: 'migration' }], replaceDefaultRules: false },
    });
    const loaded = parseReflectConfig(text);
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.config.releaseNotes?.tagPattern, 'api-v*');
  });

  it('reports bad JSON with its line, and uses none of it', () => {
    const loaded = parseReflectConfig('{\n  "releaseNotes": {\n    "hiddenTypes": [,]\n  }\n}');
    assert.equal(loaded.problems.length, 1);
    assert.match(loaded.problems[0].message, /reflect\.config\.json is not valid JSON/);
    assert.equal(loaded.problems[0].line, 3);
    assert.deepEqual(loaded.config, {});
  });

  it('reports schema violations by path, and uses none of it', () => {
    const loaded = parseReflectConfig(JSON.stringify({ releaseNotes: { hiddenTypes: 'chore', links: 'sourceforge', issueUrl: 'http://x/{id}', unknown: 1 }, __proto__x: 1 }));
    const messages = loaded.problems.map((p) => p.message).join('\n');
    assert.match(messages, /\/releaseNotes\/hiddenTypes must be array/);
    assert.match(messages, /\/releaseNotes\/links must be equal to one of the allowed values: auto, github/);
    assert.match(messages, /\/releaseNotes\/issueUrl must match pattern/);
    assert.match(messages, /must NOT have additional properties "unknown"/);
    assert.deepEqual(loaded.config, {});
  });

  it('treats a JSON object with __proto__ as data, never as a prototype', () => {
    const loaded = parseReflectConfig('{"__proto__": {"polluted": true}}');
    assert.ok(loaded.problems.length > 0);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('gives an empty config for a repository without the file', async () => {
    const repo = new GitFixture();
    try {
      assert.deepEqual(await loadReflectConfig(repo.dir), { config: {}, found: false, problems: [] });
      repo.write(CONFIG_FILE_NAME, '{"releaseNotes": {"hiddenTypes": ["ci"]}}');
      assert.deepEqual((await loadReflectConfig(repo.dir)).config, { releaseNotes: { hiddenTypes: ['ci'] } });
    } finally {
      repo.dispose();
    }
  });

  it('lets values the caller sets win over the file, and undefined fall through', () => {
    assert.deepEqual(mergeReleaseNotesOptions({ hiddenTypes: ['chore'], links: 'github' }, { hiddenTypes: undefined, links: 'none' }), { hiddenTypes: ['chore'], links: 'none' });
  });
});

describe('release notes with options', () => {
  let repo: GitFixture;
  before(() => {
    repo = new GitFixture();
    repo.commit('feat: first');
    repo.tag('v1.0.0');
    repo.commit('feat(lab): lab feature', 'services/lab/a.ts');
    repo.commit('fix(web): web fix', 'services/web/b.ts');
    repo.commit('chore: tidy', 'services/lab/c.ts');
    repo.commit('chore!: drop node 18', 'package.json');
  });
  after(() => repo.dispose());

  it('keeps only commits touching the given paths', async () => {
    const git = await GitRepository.open(repo.dir);
    const model = await buildReleaseNotes(git, { range: { from: 'v1.0.0', to: 'HEAD' }, date: '2026-11-25', options: { paths: ['services/lab'] } });
    assert.deepEqual(model.commits?.map((c) => c.subject).sort(), ['lab feature', 'tidy']);
    assert.equal(model.bump, 'minor');
  });

  it('orders and titles sections as configured, hides types but never breaking changes', async () => {
    const git = await GitRepository.open(repo.dir);
    const model = await buildReleaseNotes(git, { range: { from: 'v1.0.0', to: 'HEAD' }, date: '2026-11-25', options: { sections: [{ type: 'fix', title: 'Fixed' }, { type: 'feat', title: 'Added' }], hiddenTypes: ['chore'] } });
    assert.deepEqual(model.groups.map((g) => [g.type, g.title]), [['breaking', 'Breaking changes'], ['fix', 'Fixed'], ['feat', 'Added']]);
    assert.deepEqual(model.hidden?.map((c) => c.subject), ['tidy']);
    assert.equal(model.commitCount, 4);
  });
});
