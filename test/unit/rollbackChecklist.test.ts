import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { GitRepository } from '../../src/core/git/gitRepository';
import { DEFAULT_CLASSIFICATION_RULES, FileClassifier, simpleNamePattern, type ClassificationRule } from '../../src/core/rollback/fileClassification';
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

describe('classifying with joined rules', () => {
  // The rules read one by one, first match wins: what the joined tests must agree with.
  const oneByOne = (rules: readonly ClassificationRule[]) => {
    const globs = rules.map((r) => ({ glob: new GlobPattern(r.pattern), class: r.class }));
    return (path: string) => globs.find((g) => g.glob.matches(path))?.class ?? 'other';
  };
  // Every folder and file name the default rules mention, and some they do not, combined.
  const folders = ['', 'src/', 'db/', 'db/migrate/', 'migrations/', 'app/migrations/', 'alembic/versions/', 'prisma/migrations/20240101_init/', 'Migrations/', 'database/migrations/', 'db/changelog/v1/', 'public/', 'static/img/', 'dist/assets/', 'src/public/', 'lib/public/', 'test/', 'tests/fixtures/', 'docs/config/', '.github/', '.github/workflows/', '.ci/', 'deploy/', 'k8s/base/', 'charts/app/templates/', 'terraform/', 'ansible/roles/', 'nginx/', 'hl7/', 'fhir/', 'mappings/', 'api-spec/', 'config/', 'config/environments/', 'settings/', 'packages/a/', 'a/b/c/d/e/'];
  const files = ['index.ts', 'app.js', 'page.html', 'style.css', 'App.vue', 'sw.js', 'service-worker.ts', 'app-sw.mjs', 'manifest.json', 'site.webmanifest', 'logo.png', '0001_initial.py', 'a1b2c3_add.py', '20240101_create.ts', '20240101120000-add.js', '20240101_Init.cs', 'AppModelSnapshot.cs', 'V1__init.sql', 'U1__undo.sql', 'R__view.sql', '1.up.sql', 'schema.sql', 'structure.sql', 'schema.rb', 'changelog.xml', 'db.changelog-master.yaml', 'package.json', 'yarn.lock', 'go.mod', 'Cargo.toml', 'app.csproj', 'requirements-dev.txt', 'Dockerfile', 'docker-compose.prod.yml', 'values-prod.yaml', 'Chart.yaml', 'main.tf', 'app.service', 'nginx.conf', 'site.conf', 'ADT.hl7', 'openapi.yaml', 'api.proto', 'field-mapping.json', 'x.map.json', 'settings.py', 'appsettings.Production.json', '.env', '.env.local', 'app.ini', 'app.toml', 'ci.yml', 'README.md', 'LICENSE', 'CHANGELOG.md', 'a.test.ts', 'x_test.go', 'test_x.py', 'web.config', 'unknown.bin', 'noext'];
  const paths = folders.flatMap((folder) => files.map((file) => folder + file));
  it('gives every path the class the first matching rule gives it, with the default rules', () => {
    const expected = oneByOne(DEFAULT_CLASSIFICATION_RULES);
    const classifier = new FileClassifier();
    const differing = paths.filter((p) => classifier.classOf(p) !== expected(p)).map((p) => `${p}: ${classifier.classOf(p)} vs ${expected(p)}`);
    assert.deepEqual(differing, []);
    // The corpus reaches every class, so the comparison means something.
    assert.deepEqual(new Set(paths.map(expected)), new Set(['migration', 'configuration', 'dependency', 'code', 'client', 'infrastructure', 'interface', 'other']));
  });
  it('keeps the order across classes of a person\'s rules, interleaved and with ** in a name pattern', () => {
    const rules: ClassificationRule[] = [
      { pattern: '*.sql', class: 'code' },
      { pattern: 'db/**', class: 'migration' },
      { pattern: 'x**y', class: 'interface' },
      { pattern: '*.json', class: 'code' },
      { pattern: '**', class: 'configuration' },
    ];
    const expected = oneByOne(rules);
    const classifier = new FileClassifier(rules, true);
    for (const p of [...paths, 'db/a.sql', 'db/a.json', 'xa/by', 'x/y', 'a/x/b/y', 'db/x.y']) assert.equal(classifier.classOf(p), expected(p), p);
  });
  it('answers literal names and `*.ending` patterns from sets exactly as their globs match', () => {
    const patterns = ['*.d.ts', '*.', '*.{a,}', '.env', '*.{yml,yaml}', './package.json', '*.tar.gz', 'a+b.txt', '*.c++', '(x).md', '^$.txt', 'file[1].txt', '*.{a,b}c', '*.{a', 'a,b', 'x}', '*.*', '*.[ch]'];
    assert.deepEqual(patterns.map((p) => simpleNamePattern(p)?.kind ?? 'glob'), ['endings', 'endings', 'endings', 'name', 'endings', 'name', 'endings', 'name', 'endings', 'name', 'name', 'glob', 'glob', 'glob', 'glob', 'glob', 'glob', 'glob']);
    const names = ['x.d.ts', 'd.ts', '.d.ts', 'x.ts', 'x.', '.', 'x.a', 'x.b', 'x.bc', 'package.json', 'a+b.txt', 'aab.txt', 'x.c++', 'x.tar.gz', 'tar.gz', '.tar.gz', 'x.gz', '.env', 'x.env', '.env.local', 'x.yml', 'x.yaml.bak', '(x).md', 'x.md', '^$.txt', 'file1.txt', 'file[1].txt', 'x.{a', 'a,b', 'x}', 'x.c', 'x.h', 'noext'];
    const classes: ClassificationRule['class'][] = ['code', 'migration', 'interface', 'configuration', 'dependency', 'client', 'infrastructure'];
    // Each pattern its own class (rotating), so which rule answered shows in the class.
    const rules = patterns.map((pattern, i) => ({ pattern, class: classes[i % classes.length] }));
    for (const order of [rules, [...rules].reverse()]) {
      const expected = oneByOne(order);
      const classifier = new FileClassifier(order, true);
      for (const folder of ['', 'src/', 'a.b/c/']) for (const name of names) assert.equal(classifier.classOf(folder + name), expected(folder + name), folder + name);
    }
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
