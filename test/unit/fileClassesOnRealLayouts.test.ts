import * as assert from 'node:assert/strict';
import { GitRepository } from '../../src/core/git/gitRepository';
import { buildRollbackChecklist, rollbackChecklistToJson } from '../../src/core/rollback/rollbackChecklist';
import { GitFixture } from '../fixtures/gitFixture';

/** Files laid out as real projects and migration tools lay them out, changed in one real range. */
const LAYOUTS: ReadonlyArray<readonly [string, string]> = [
  // Database migrations, by tool.
  ['src/main/resources/db/migration/V3__add_results.sql', 'migration'], // Flyway
  ['src/main/resources/db/migration/R__views.sql', 'migration'],
  ['src/main/resources/db/changelog/db.changelog-master.yaml', 'migration'], // Liquibase
  ['alembic/versions/1a2b3c4d5e6f_add_results.py', 'migration'], // Alembic
  ['app/migrations/versions/27c6a30d7c24_add_index.py', 'migration'], // Flask-Migrate
  ['db/migrate/20240101120000_add_results.rb', 'migration'], // Rails
  ['lab/migrations/0007_result_units.py', 'migration'], // Django
  ['prisma/migrations/20240101120000_init/migration.sql', 'migration'], // Prisma
  ['migrations/20240101120000_create_results.js', 'migration'], // Knex
  ['src/migrations/1700000000000-AddResults.ts', 'migration'], // TypeORM
  ['db/migrations/20240101120000-add-results.js', 'migration'], // Sequelize
  ['db/000004_results.up.sql', 'migration'], // golang-migrate
  ['Data/Migrations/20240101120000_AddResults.cs', 'migration'], // Entity Framework
  // Look like migrations or configuration by one word in the path, and are not.
  ['packages/codegen/src/migrations/rename-imports.ts', 'code'],
  ['packages/codegen/src/migrations/index.ts', 'code'],
  ['src/migrations/v2-to-v3.ts', 'code'],
  ['docs/config/options.md', 'other'],
  ['docs/migrations/upgrading.md', 'other'],
  ['test/fixtures/config/app.yml', 'other'],
  ['test/fixtures/migrations/V1__fixture.sql', 'other'],
  ['packages/core/__tests__/config.test.ts', 'other'],
  ['.github/ISSUE_TEMPLATE/bug.yml', 'other'],
  ['src/config/loader.ts', 'code'],
  ['queries/results_by_patient.sql', 'code'],
  // Client-side code: what browsers and CDNs are served and keep.
  ['public/sw.js', 'client'],
  ['src/service-worker.ts', 'client'],
  ['web/firebase-messaging-sw.js', 'client'],
  ['ngsw-config.json', 'client'],
  ['public/site.webmanifest', 'client'],
  ['public/manifest.json', 'client'],
  ['static/css/site.css', 'client'],
  ['frontend/dist/assets/index-4f2a9c1e.js', 'client'],
  ['build/static/js/main.8e1b2c3d.js', 'client'],
  ['src/main/resources/static/js/results.js', 'client'], // Spring Boot
  ['wwwroot/js/site.js', 'client'], // ASP.NET Core
  ['_headers', 'client'], // Netlify / Cloudflare Pages
  ['netlify.toml', 'client'],
  ['vercel.json', 'client'],
  ['infra/cloudfront.tf', 'client'],
  ['src/components/ResultCard.vue', 'client'],
  // Look client-side by name or folder, and are not.
  ['manifest.json', 'other'], // a browser extension's manifest
  ['extension/manifest.json', 'other'],
  ['packages/ui/src/public/index.js', 'code'], // a package's public API
  ['lib/public/api.js', 'code'],
  ['public/index.php', 'code'], // Laravel's server entry point
  ['src/public/types.ts', 'code'],
  ['test/fixtures/public/sw.js', 'other'],
  ['docs/public/logo.svg', 'other'],
  // Still configuration, by what the file is.
  ['config/production.json', 'configuration'],
  ['services/api/config/database.yml', 'configuration'],
  ['config/environments/production.rb', 'configuration'],
  ['.env.production', 'configuration'],
];

describe('rollback classes by what a file is, on a repository with real layouts', () => {
  let repo: GitFixture;
  before(() => {
    repo = new GitFixture('reflect-layouts-');
    repo.commit('feat: first', 'README.md');
    repo.tag('v1.0.0');
    for (const [path] of LAYOUTS) repo.write(path, `-- ${path}\n`);
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'feat: everything at once');
  });
  after(() => repo.dispose());

  it('classifies each file by its tool’s layout or its type, not by a word in its path', async () => {
    const git = await GitRepository.open(repo.dir);
    const checklist = rollbackChecklistToJson(await buildRollbackChecklist(git, { range: { from: 'v1.0.0', to: 'HEAD' }, change: 'v1.1.0', date: '2026-11-25' }));
    const actual = new Map(checklist.files.map((f) => [f.path, f.class]));
    for (const [path, expected] of LAYOUTS) assert.equal(actual.get(path), expected, path);
    const texts = checklist.steps.map((s) => s.text).join('\n');
    assert.doesNotMatch(texts, /rename-imports\.ts \(added\): confirm a down-migration/);
  });

  it('lets the repository’s own rules override the built-in ones', async () => {
    const git = await GitRepository.open(repo.dir);
    const options = { rules: [{ pattern: 'packages/codegen/src/migrations/**', class: 'migration' as const }, { pattern: 'docs/config/**', class: 'configuration' as const }] };
    const checklist = rollbackChecklistToJson(await buildRollbackChecklist(git, { range: { from: 'v1.0.0', to: 'HEAD' }, change: 'v1.1.0', date: '2026-11-25', options }));
    const actual = new Map(checklist.files.map((f) => [f.path, f.class]));
    assert.equal(actual.get('packages/codegen/src/migrations/rename-imports.ts'), 'migration');
    assert.equal(actual.get('docs/config/options.md'), 'configuration');
  });
});
