import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { GitRepository } from '../../src/core/git/gitRepository';
import { FileClassifier } from '../../src/core/rollback/fileClassification';
import { GlobPattern } from '../../src/core/rollback/globPattern';
import { buildRollbackChecklist, renderRollbackChecklist, rollbackChecklistToJson } from '../../src/core/rollback/rollbackChecklist';
import { GitFixture } from '../fixtures/gitFixture';

describe('glob patterns', () => {
  it('matches *, **, ? and {a,b}, and bare names in any folder', () => {
    assert.ok(new GlobPattern('**/migrations/**').matches('db/migrations/001.sql'));
    assert.ok(new GlobPattern('**/migrations/**').matches('migrations/001.sql'));
    assert.ok(new GlobPattern('*.{yml,yaml}').matches('deep/x/app.yaml'));
    assert.ok(new GlobPattern('src/*.ts').matches('src/a.ts'));
    assert.ok(!new GlobPattern('src/*.ts').matches('src/x/a.ts'));
    assert.ok(new GlobPattern('file?.txt').matches('file1.txt'));
    assert.ok(!new GlobPattern('a.b').matches('axb'));
  });
});

describe('classifying changed files', () => {
  const classifier = new FileClassifier();
  const cases: Array<[string, string]> = [
    ['db/migrations/003_add_results.sql', 'migration'],
    ['schema.sql', 'migration'],
    ['package-lock.json', 'dependency'],
    ['services/api/requirements.txt', 'dependency'],
    ['Dockerfile', 'infrastructure'],
    ['.github/workflows/ci.yml', 'infrastructure'],
    ['deploy/k8s/app.yaml', 'infrastructure'],
    ['interfaces/hl7/ADT_A01.hl7', 'interface'],
    ['api/openapi.yaml', 'interface'],
    ['src/fhir/Patient.ts', 'interface'],
    ['config/production.json', 'configuration'],
    ['.env.example', 'configuration'],
    ['src/results/trend.ts', 'code'],
    ['README.md', 'other'],
  ];
  for (const [path, cls] of cases) it(`${path} is ${cls}`, () => assert.equal(classifier.classOf(path), cls));

  it('tries configured rules first; the first match wins', () => {
    const custom = new FileClassifier([{ pattern: 'docs/runbook/**', class: 'infrastructure' }, { pattern: '*.md', class: 'code' }]);
    assert.equal(custom.classOf('docs/runbook/restore.md'), 'infrastructure');
    assert.equal(custom.classOf('README.md'), 'code');
    assert.equal(new FileClassifier([], true).classOf('db/migrations/1.sql'), 'other');
  });
});

describe('rollback checklist', () => {
  let repo: GitFixture;
  before(() => {
    repo = new GitFixture();
    repo.commit('feat: first', 'src/app.ts');
    repo.tag('v1.0.0', true);
    repo.commit('feat: results table', 'db/migrations/002_results.sql');
    repo.commit('feat: more', 'db/migrations/001_a.sql');
    repo.commit('chore: deps', 'package-lock.json');
    repo.commit('fix: code', 'src/app.ts');
    repo.commit('docs: x', 'docs/| a | b |.md');
  });
  after(() => repo.dispose());

  it('lists files with classes and derives ordered, tickable steps', async () => {
    const git = await GitRepository.open(repo.dir);
    const checklist = await buildRollbackChecklist(git, { range: { from: 'v1.0.0', to: 'HEAD' }, change: 'v1.1.0', date: '2026-11-25', package: { file: 'v1.0.0.tar.gz', sha256: 'a'.repeat(64) } });
    const json = rollbackChecklistToJson(checklist);
    assert.deepEqual(json.range, { from: 'v1.0.0', to: 'HEAD' });
    assert.deepEqual(json.files.map((f) => [f.path, f.status, f.class]), [
      ['db/migrations/001_a.sql', 'added', 'migration'],
      ['db/migrations/002_results.sql', 'added', 'migration'],
      ['docs/| a | b |.md', 'added', 'other'],
      ['package-lock.json', 'added', 'dependency'],
      ['src/app.ts', 'modified', 'code'],
    ]);
    const texts = json.steps.map((s) => s.text);
    const at = (needle: string) => texts.findIndex((t) => t.includes(needle));
    assert.ok(at('Confirm the rollback target: v1.0.0') === 0);
    for (const needle of ['trigger criteria', 'point of no return', 'backup', 'service desk', 'Check the service after rollback', 'hazard log', 'incident']) assert.ok(at(needle) >= 0, needle);
    assert.ok(at('Migration db/migrations/002_results.sql (added): confirm a down-migration exists or restore from backup') < at('Migration db/migrations/001_a.sql'), 'newest migration first');
    assert.ok(at('Migration') < at('Reinstall the dependencies') && at('Reinstall the dependencies') < at('Deploy the previous version'));
    assert.ok(at('Deploy the previous version') < at('Check the service after rollback'));
  });

  it('renders Markdown with rollback front matter, checkboxes and escaped paths', async () => {
    const git = await GitRepository.open(repo.dir);
    const checklist = await buildRollbackChecklist(git, { range: { from: 'v1.0.0', to: 'HEAD' }, change: 'v1.1.0', date: '2026-11-25', package: { file: 'v1.0.0.tar.gz', sha256: 'a'.repeat(64) } });
    const text = renderRollbackChecklist(checklist);
    const front = parseYaml(text.split('---\n')[1]) as Record<string, unknown>;
    assert.equal(front.kind, 'rollback');
    assert.equal(front.change, 'v1.1.0');
    assert.deepEqual(front.target, { tag: 'v1.0.0', commit: repo.git('rev-parse', 'v1.0.0^{commit}').trim() });
    assert.deepEqual(front.package, { file: 'v1.0.0.tar.gz', sha256: 'a'.repeat(64) });
    assert.match(text, /^- \[ \] /m);
    const tokens = new MarkdownIt().parse(text, {});
    const table = tokens.filter((t) => t.type === 'tr_open').length;
    assert.equal(table, 6, 'header row and one row per file: a | in a path does not add columns or rows');
  });

  it('says when there is no earlier release to return to', async () => {
    const git = await GitRepository.open(repo.dir);
    const checklist = await buildRollbackChecklist(git, { range: { to: 'v1.0.0' }, date: '2026-11-25' });
    assert.equal(checklist.target, undefined);
    assert.match(renderRollbackChecklist(checklist), /no earlier release tag/);
  });
});
