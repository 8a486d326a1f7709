import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { fileLayer } from '../../src/core/config/configLayers';
import { resolveConfig } from '../../src/core/config/resolvedConfig';
import { GitRepository } from '../../src/core/git/gitRepository';
import { findFences } from '../../src/core/markdown/generatedFences';
import { releaseNotesToJson } from '../../src/core/render/releaseNotes';
import { buildRollbackChecklist, rollbackChecklistToJson } from '../../src/core/rollback/rollbackChecklist';
import { generateReleaseNotes } from '../../src/core/usecases/releaseNotes';
import { GitFixture } from '../fixtures/gitFixture';

const RANGE = { from: 'v1.0.0', to: 'HEAD' };

/** A release a trainee made: a migration, settings, a lockfile, a pipeline, a service worker and code. */
function trainee(): GitFixture {
  const repo = new GitFixture('reflect-operational-');
  repo.commit('feat: first', 'src/app.ts');
  repo.tag('v1.0.0');
  repo.commit('feat: results units', 'db/migrate/20261101120000_add_result_units.rb');
  repo.commit('feat: units setting', 'config/production.yml');
  repo.commit('chore: bump parser', 'package-lock.json');
  repo.commit('ci: deploy job', '.github/workflows/deploy.yml');
  repo.commit('feat: offline results', 'public/sw.js');
  repo.commit('feat: cache headers', '_headers');
  repo.commit('fix: trend rounding', 'src/results/trend.ts');
  return repo;
}

describe('operational changes in the release notes, from the rollback checklist’s classification', () => {
  let repo: GitFixture;
  before(() => {
    repo = trainee();
  });
  after(() => repo.dispose());

  it('names each migration, configuration, dependency, infrastructure and client-side change with its files', async () => {
    const git = await GitRepository.open(repo.dir);
    const notes = await generateReleaseNotes(git, resolveConfig([]).config, { range: RANGE, today: '2026-12-01' });
    const block = findFences(notes.markdown).find((f) => f.name === 'operational');
    assert.ok(block, 'the notes have an operational block');
    const content = block.content;
    for (const [heading, file] of [
      ['Database migrations', 'db/migrate/20261101120000_add_result_units.rb'],
      ['Configuration', 'config/production.yml'],
      ['Dependencies', 'package-lock.json'],
      ['Infrastructure', '.github/workflows/deploy.yml'],
      ['Client-side code', 'public/sw.js'],
    ]) {
      assert.match(content, new RegExp(`### ${heading}\\n`), heading);
      assert.ok(content.includes(`\`${file}\` (added)`), `${file} under ${heading}`);
    }
    assert.ok(content.includes('`_headers`'), 'CDN cache configuration is client-side');
    assert.ok(!content.includes('trend.ts'), 'code is not an operational change');
    assert.ok(notes.markdown.indexOf('## Operational changes') < notes.markdown.indexOf('## Deployment and rollback'));
  });

  it('puts the same classes in the JSON output as the checklist gives the same files', async () => {
    const git = await GitRepository.open(repo.dir);
    const config = resolveConfig([]).config;
    const notes = await generateReleaseNotes(git, config, { range: RANGE, today: '2026-12-01' });
    const json = releaseNotesToJson(notes.model);
    const checklist = rollbackChecklistToJson(await buildRollbackChecklist(git, { range: RANGE, change: 'v1.1.0', date: '2026-12-01', options: config.rollback }));
    const fromChecklist = new Map(checklist.files.map((f) => [f.path, f.class]));
    assert.deepEqual(json.operational.map((g) => g.class), ['migration', 'configuration', 'dependency', 'infrastructure', 'client']);
    for (const group of json.operational) for (const file of group.files) assert.equal(fromChecklist.get(file.path), group.class, file.path);
  });

  it('follows the repository’s own classification rules, as the checklist does', async () => {
    const git = await GitRepository.open(repo.dir);
    const { config, problems } = resolveConfig([fileLayer({ rollback: { rules: [{ pattern: 'src/results/**', class: 'migration' }] } })]);
    assert.deepEqual(problems, []);
    const notes = releaseNotesToJson((await generateReleaseNotes(git, config, { range: RANGE, today: '2026-12-01' })).model);
    const migrations = notes.operational.find((g) => g.class === 'migration');
    assert.deepEqual(migrations?.files.map((f) => f.path).sort(), ['db/migrate/20261101120000_add_result_units.rb', 'src/results/trend.ts']);
  });

  it('says so when a range changes only code', async () => {
    const git = await GitRepository.open(repo.dir);
    const notes = await generateReleaseNotes(git, resolveConfig([]).config, { range: { from: 'HEAD~1', to: 'HEAD' }, today: '2026-12-01' });
    assert.match(findFences(notes.markdown).find((f) => f.name === 'operational')?.content ?? '', /deploying it is deploying the code/);
    assert.deepEqual(releaseNotesToJson(notes.model).operational, []);
  });
});

describe('client-side code in the rollback checklist', () => {
  let repo: GitFixture;
  before(() => {
    repo = trainee();
  });
  after(() => repo.dispose());

  it('gets its own steps: the CDN cache, the service worker, and a check in a browser that has the new version cached', async () => {
    const git = await GitRepository.open(repo.dir);
    const checklist = rollbackChecklistToJson(await buildRollbackChecklist(git, { range: RANGE, change: 'v1.1.0', date: '2026-12-01' }));
    const client = checklist.steps.filter((s) => s.class === 'client').map((s) => s.text);
    assert.equal(client.length, 3, client.join('\n'));
    assert.match(client[0], /_headers, public\/sw\.js.*CDN cache/);
    assert.match(client[1], /^Service worker changed \(public\/sw\.js\).*unregisters itself/);
    assert.match(client[2], /new version cached/);
    // After the previous version is deployed, before the infrastructure is reverted.
    const order = checklist.steps.map((s) => s.class);
    assert.ok(order.indexOf('code') < order.indexOf('client') && order.indexOf('client') < order.indexOf('infrastructure'), order.join(','));
  });

  it('has no service-worker step when only a stylesheet changed', async () => {
    const git = await GitRepository.open(repo.dir);
    repo.commit('style: results table', 'static/css/results.css');
    const checklist = rollbackChecklistToJson(await buildRollbackChecklist(git, { range: { from: 'HEAD~1', to: 'HEAD' }, change: 'v1.1.1', date: '2026-12-01' }));
    const client = checklist.steps.filter((s) => s.class === 'client').map((s) => s.text);
    assert.equal(client.length, 2);
    assert.ok(!client.some((t) => /Service worker/.test(t)));
  });
});

describe('file names in the operational section are text, never structure', () => {
  let repo: GitFixture;
  before(() => {
    repo = new GitFixture('reflect-operational-names-');
    repo.commit('feat: first', 'src/app.ts');
    repo.tag('v1.0.0');
    for (const name of ['config/<script>alert(1)<\\script>.yml', 'config/a | b.yml', 'config/`tick`.yml', 'config/# heading.yml', 'config/<!-- reflect:end operational -->.yml', 'config/[link](javascript:x).yml']) {
      repo.commit('chore: odd name', name);
    }
  });
  after(() => repo.dispose());

  it('escapes every path, so no name opens HTML, a table, a heading or a marker', async () => {
    const git = await GitRepository.open(repo.dir);
    const notes = await generateReleaseNotes(git, resolveConfig([]).config, { range: RANGE, today: '2026-12-01' });
    assert.deepEqual(findFences(notes.markdown).map((f) => f.name), ['overview', 'clinical-impact', 'groups', 'hazards', 'operational', 'contributors']);
    const block = findFences(notes.markdown).find((f) => f.name === 'operational')?.content ?? '';
    const tokens = new MarkdownIt({ html: true }).parse(block, {});
    assert.deepEqual(tokens.filter((t) => ['html_block', 'html_inline', 'table_open', 'link_open'].includes(t.type)).map((t) => t.type), []);
    assert.equal(tokens.filter((t) => t.type === 'heading_open').length, 1, 'only the class heading');
    const html = new MarkdownIt({ html: true }).render(block);
    assert.ok(!html.includes('<script>'), html);
  });
});
