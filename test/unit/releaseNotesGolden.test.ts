import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { GitRepository } from '../../src/core/git/gitRepository';
import { buildReleaseNotes } from '../../src/core/render/buildReleaseNotes';
import { findFences } from '../../src/core/markdown/generatedFences';
import { findMissingHazardReferences } from '../../src/core/render/hazardFindings';
import { releaseNotesToJson, renderReleaseNotesMarkdown } from '../../src/core/render/releaseNotes';
import { buildRollbackChecklist, renderRollbackChecklist } from '../../src/core/rollback/rollbackChecklist';
import { GitFixture } from '../fixtures/gitFixture';
import { INJECTION_CORPUS } from '../fixtures/injectionCorpus';

const GOLDEN = resolve(__dirname, '../../../test/fixtures/golden');

/** Compares with a golden file; UPDATE_GOLDEN=1 writes it (review the diff before committing). */
function assertGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  assert.ok(existsSync(file), `${name} has no golden file; run the tests with UPDATE_GOLDEN=1 and review it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its golden file`);
}

describe('release notes golden files', () => {
  let repo: GitFixture;
  before(() => {
    repo = new GitFixture('reflect-golden-');
    repo.git('remote', 'add', 'origin', 'git@github.com:acme/lab-results.git');
    repo.commit('feat: first release', 'src/app.ts');
    repo.tag('v1.0.0', true);
    repo.commit('feat(results): show the trend of a result (#12)\n\nHazard: HAZ-004\nClinical-Impact: medium', 'src/results/trend.ts');
    repo.commit('fix(hl7): accept an empty OBX segment\n\nRefs: LAB-77', 'interfaces/hl7/obx.hl7');
    repo.commit('feat(api)!: drop the v1 results endpoint\n\nBREAKING CHANGE: clients must call /v2/results', 'src/api/results.ts');
    const reverted = repo.commit('feat: experimental export', 'src/export.ts');
    repo.commit(`Revert "feat: experimental export"\n\nThis reverts commit ${reverted}.`, 'src/export.ts');
    repo.commit('chore(deps): update lockfile', 'package-lock.json');
    repo.commit('db: add results index', 'db/migrations/004_results_index.sql');
    repo.commit('Update README wording', 'README.md');
  });
  after(() => repo.dispose());

  it('renders the default template', async () => {
    const git = await GitRepository.open(repo.dir);
    const model = await buildReleaseNotes(git, { range: { from: 'v1.0.0', to: 'HEAD' }, date: '2026-11-25' });
    assert.equal(model.bump, 'major');
    assert.equal(model.version, 'v2.0.0');
    const markdown = renderReleaseNotesMarkdown(model);
    assertGolden('release-notes.md', markdown);
    assertGolden('release-notes.json', `${JSON.stringify(releaseNotesToJson(model), null, 2)}\n`);
    assert.deepEqual(findFences(markdown).map((f) => f.name), ['overview', 'clinical-impact', 'groups', 'hazards', 'operational', 'contributors']);
  });

  it('warns about a breaking change or feature with no hazard reference, pointing at its line', async () => {
    const git = await GitRepository.open(repo.dir);
    const model = await buildReleaseNotes(git, { range: { from: 'v1.0.0', to: 'HEAD' }, date: '2026-11-25' });
    const markdown = renderReleaseNotesMarkdown(model);
    const problems = findMissingHazardReferences(model, markdown);
    assert.deepEqual(problems.map((p) => p.code), ['no-hazard-reference']);
    assert.match(problems[0].message, /No clinical hazard assessment referenced: breaking change/);
    assert.match(markdown.split('\n')[problems[0].range.start.line], /drop the v1 results endpoint/);
    assert.deepEqual(findMissingHazardReferences(model, markdown, { severity: 'off' }), []);
    assert.equal(findMissingHazardReferences(model, undefined, { types: ['fix'], severity: 'info' }).length, 1);
  });

  it('renders the rollback checklist', async () => {
    const git = await GitRepository.open(repo.dir);
    const checklist = await buildRollbackChecklist(git, { range: { from: 'v1.0.0', to: 'HEAD' }, change: 'v2.0.0', date: '2026-11-25' });
    assertGolden('rollback.md', renderRollbackChecklist(checklist));
  });

  it('renders a repository template with the same values', async () => {
    const git = await GitRepository.open(repo.dir);
    const model = await buildReleaseNotes(git, { range: { from: 'v1.0.0', to: 'HEAD' }, date: '2026-11-25', options: { hiddenTypes: ['chore'] } });
    const template = '{{{frontMatter}}}\n\n# {{versionText}} ({{bump}})\n\n{{#groups}}\n### {{title}}\n{{#commits}}\n- {{subject}} {{{ref}}}\n{{/commits}}\n\n{{/groups}}\n{{#hazards}}\n- {{{id}}}\n{{/hazards}}\n';
    assertGolden('release-notes-custom-template.md', renderReleaseNotesMarkdown(model, template));
  });
});

describe('commit text cannot forge structure anywhere in the notes', () => {
  let repo: GitFixture;
  before(() => {
    repo = new GitFixture('reflect-inject-');
    repo.commit('feat: base');
    repo.tag('v1.0.0');
    for (const subject of INJECTION_CORPUS) {
      repo.git('config', 'user.name', `Name ${subject.replace(/\n/g, ' ').slice(0, 40)}`);
      repo.commit(`feat(${subject.replace(/[()\n]/g, '')}): ${subject.replace(/\n/g, ' ')}\n\nBREAKING CHANGE: ${subject.replace(/\n/g, ' ')}\nHazard: ${subject.replace(/\s+/g, '_')}`);
      repo.commit(subject.includes('\n') ? subject : `${subject}\n\nbody`);
    }
    repo.commit('fix: x\n\n<!-- reflect:end groups -->\n<!-- reflect:begin groups -->');
    repo.commit('<!-- reflect:end groups -->');
  });
  after(() => repo.dispose());

  it('keeps every generated block and heading ours, and renders no HTML', async () => {
    const git = await GitRepository.open(repo.dir);
    const model = await buildReleaseNotes(git, { range: { from: 'v1.0.0', to: 'HEAD' }, date: '2026-11-25' });
    const markdown = renderReleaseNotesMarkdown(model);
    assert.deepEqual(findFences(markdown).map((f) => f.name), ['overview', 'clinical-impact', 'groups', 'hazards', 'operational', 'contributors']);
    assert.equal(markdown.split('\n').filter((l) => l.startsWith('<!--')).length, 12, 'only our marker lines start with <!--');
    const tokens = new MarkdownIt({ html: true }).parse(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''), {});
    const headings = tokens.filter((t) => t.type === 'heading_open').map((t) => tokens[tokens.indexOf(t) + 1].content);
    assert.deepEqual(headings, ['Release notes: v2.0.0', 'Summary', 'Impacted users and clinical impact', 'Breaking changes', 'Bug fixes', 'Other changes', 'Hazards referenced', 'Known issues', 'Operational changes', 'Deployment and rollback', 'Contributors']);
    assert.deepEqual(tokens.filter((t) => ['hr', 'table_open', 'blockquote_open', 'code_block', 'fence', 'html_inline'].includes(t.type) && t.type !== 'blockquote_open').map((t) => t.type), []);
    const htmlBlocks = tokens.filter((t) => t.type === 'html_block').map((t) => t.content.trim());
    assert.ok(htmlBlocks.every((b) => /^<!-- reflect:(begin|end) [a-z-]+( sha256=[0-9a-f]+)? -->$/.test(b)), htmlBlocks.join('\n'));
    const html = new MarkdownIt({ html: true }).render(markdown);
    assert.ok(!/<(script|img|a href="javascript)/i.test(html));
    const links = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(links.every((l) => l.startsWith('https://') || l === 'rollback.md'), links.join(' '));
  });

  it('keeps the rollback checklist table and steps intact for hostile paths', async () => {
    const hostile = new GitFixture('reflect-inject-paths-');
    try {
      hostile.commit('feat: base');
      hostile.tag('v1.0.0');
      for (const [i, name] of ['| a | b |.sql', '<script>x<', '# x.md', '[x](javascript:alert(1)).ts', '<!-- reflect:end steps-restore -->.sql'].entries()) hostile.commit(`fix: ${i}`, `db/migrations/${name}`);
      const git = await GitRepository.open(hostile.dir);
      const text = renderRollbackChecklist(await buildRollbackChecklist(git, { range: { from: 'v1.0.0', to: 'HEAD' }, date: '2026-11-25' }));
      assert.deepEqual(findFences(text).map((f) => f.name), ['target', 'steps-prepare', 'steps-restore', 'changed-files', 'steps-verify']);
      const tokens = new MarkdownIt({ html: true }).parse(text, {});
      assert.equal(tokens.filter((t) => t.type === 'tr_open').length, 6);
      assert.equal(tokens.filter((t) => t.type === 'html_inline').length, 0);
    } finally {
      hostile.dispose();
    }
  });
});
