import type { FileChange } from '../git/gitLogParsing';
import { globRegexBody } from './globPattern';

/** What a changed file is, for rolling it back. */
export type FileClass = 'migration' | 'configuration' | 'dependency' | 'infrastructure' | 'interface' | 'client' | 'code' | 'other';

/** The classes in the order a rollback deals with them. */
export const FILE_CLASSES: readonly FileClass[] = ['migration', 'configuration', 'dependency', 'code', 'client', 'infrastructure', 'interface', 'other'];

/** A glob → class rule; the first rule that matches a path wins. */
export interface ClassificationRule {
  readonly pattern: string;
  readonly class: FileClass;
}

/** A changed file with its class. */
export interface ClassifiedFile extends FileChange {
  readonly class: FileClass;
}

const rules = (cls: FileClass, patterns: string[]): ClassificationRule[] => patterns.map((pattern) => ({ pattern, class: cls }));

// Migration files by the layout each tool gives them, so that a folder merely
// called `migrations/` (a code generator's, a codemod's) is not a database.
const TIMESTAMP = '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*';
const MIGRATION_LAYOUTS = [
  '**/db/migrate/*.rb', // Rails
  '**/migrations/[0-9][0-9][0-9][0-9]_*.py', // Django
  '**/alembic/versions/*.py', // Alembic
  '**/migrations/versions/[0-9a-f]*_*.py', // Alembic under Flask-Migrate: <revision id>_<slug>.py
  '**/prisma/migrations/*/migration.sql', // Prisma
  '**/[VU][0-9]*__*.sql', // Flyway versioned and undo
  '**/R__*.sql', // Flyway repeatable
  '**/db/changelog/**/*.{xml,yaml,yml,json,sql}', // Liquibase
  '**/liquibase/**/*.{xml,yaml,yml,json,sql}',
  'db.changelog*.{xml,yaml,yml,json,sql}',
  'changelog-master.{xml,yaml,yml,json}',
  '*.{up,down}.sql', // golang-migrate
  '**/{migrations,migration,migrate}/**/*.sql', // Knex, Goose, Diesel and plain SQL folders
  `**/{migrations,migration}/${TIMESTAMP}[-_]*.{js,ts,cjs,mjs}`, // Knex, Sequelize, TypeORM: timestamp-named
  `**/Migrations/${TIMESTAMP}_*.cs`, // Entity Framework
  '**/Migrations/*ModelSnapshot.cs',
  '**/database/migrations/*.php', // Laravel
  '**/db/schema.rb',
  '**/db/structure.sql',
  'schema.sql',
];

// What a browser is served and keeps: an asset by its type, in a folder a web
// server serves as it is. `src/public/` and `lib/public/` are a package's
// public API, not a web root; a PHP or Python file in `public/` runs on the server.
const WEB_ASSET = '{js,mjs,css,html,htm,map,svg,png,jpg,jpeg,gif,webp,avif,ico,woff,woff2,ttf,otf,eot,wasm}';
const CLIENT_SIDE = [
  // Service workers and their build configuration, by their names.
  'sw.{js,mjs,ts}', 'service-worker.{js,mjs,ts}', 'serviceworker.{js,mjs,ts}', 'serviceWorker.{js,mjs,ts}', '*-sw.{js,mjs}', 'ngsw-config.json', 'ngsw-worker.js', 'workbox-config.{js,cjs,mjs}',
  // Web app manifests: the registered extension anywhere; `manifest.json` only in a web root (a browser extension's is not one).
  '*.webmanifest', '**/{public,static,wwwroot}/manifest.json',
  // CDN and cache configuration.
  '_headers', 'netlify.toml', 'vercel.json', 'staticwebapp.config.json', 'firebase.json', '*cloudfront*.{json,yml,yaml,tf}', '**/cloudfront/**',
  // Bundler output and the files of a web root.
  '**/{dist,build}/{assets,static}/**', `**/{public,static,wwwroot}/**/*.${WEB_ASSET}`,
  // Stylesheets and single-file components exist only for the browser.
  '*.{css,scss,sass,less}', '*.{vue,svelte}',
];
const NOT_CLIENT_SIDE = ['**/{src,lib}/public/**/*.{js,mjs,html,htm,map}'];

/**
 * The built-in rules: a file is classified by what it is (its name and
 * extension, a known tool's layout) and where that matters, never by one
 * word in its path. Order matters: tests and documentation are not deployed,
 * so they come first (a fixture's `config.yml` or `migrations/1.sql` is
 * neither configuration nor a migration); a lockfile is a dependency before
 * it is configuration; a pipeline's YAML is infrastructure before it is
 * configuration.
 */
export const DEFAULT_CLASSIFICATION_RULES: readonly ClassificationRule[] = [
  ...rules('other', [
    '**/test/**', '**/tests/**', '**/__tests__/**', '**/__mocks__/**', '**/fixtures/**', '**/__fixtures__/**', '**/testdata/**', '**/spec/**', '**/e2e/**',
    '*.{test,spec}.*', '*_test.{go,py}', 'test_*.py',
    '**/docs/**', '**/doc/**', '*.{md,mdx,markdown,rst,adoc}', 'LICENSE*', 'CHANGELOG*',
  ]),
  ...rules('dependency', [
    'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb',
    'requirements*.txt', 'Pipfile', 'Pipfile.lock', 'poetry.lock', 'pyproject.toml', 'uv.lock',
    'go.mod', 'go.sum', 'Cargo.toml', 'Cargo.lock', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'gradle.lockfile',
    '*.csproj', 'packages.config', 'packages.lock.json', 'Directory.Packages.props', 'Gemfile', 'Gemfile.lock', 'composer.json', 'composer.lock',
  ]),
  ...rules('migration', MIGRATION_LAYOUTS),
  ...rules('code', NOT_CLIENT_SIDE),
  ...rules('client', CLIENT_SIDE),
  ...rules('infrastructure', [
    'Dockerfile', '*.dockerfile', 'Containerfile', 'docker-compose*.{yml,yaml}', 'compose*.{yml,yaml}', '.dockerignore',
    '.github/workflows/**', '.gitlab-ci.yml', 'azure-pipelines*.{yml,yaml}', 'Jenkinsfile', 'bitbucket-pipelines.yml', '.ci/**', '.circleci/**',
    '*.tf', '*.tfvars', '*.hcl', '**/terraform/**', '**/charts/**/templates/**', 'Chart.yaml', 'values*.yaml', '**/ansible/**/*.{yml,yaml,j2,cfg,ini}',
    '**/{k8s,kubernetes,helm,charts,deploy,deployment,deployments,infra,manifests}/**/*.{yml,yaml,json,tpl,toml,conf}',
    'Procfile', '*.service', 'nginx*.conf', '**/nginx/**/*.conf',
  ]),
  ...rules('interface', [
    '*.hl7', '**/hl7/**', '**/fhir/**', '**/*mapping*/**/*.{json,xml,yaml,yml,csv}', '*mapping*.{json,xml,yaml,yml,csv}', '*.map.{json,xml,yaml,yml}',
    'openapi*.{json,yaml,yml}', 'swagger*.{json,yaml,yml}', '**/api-spec*/**', '*.proto', '*.graphql', '*.wsdl', '*.xsd', '*.avsc',
  ]),
  // Repository tooling that is not deployed (issue forms, editor settings).
  ...rules('other', ['.github/**', '.vscode/**', '.idea/**']),
  ...rules('configuration', [
    '**/{config,conf,settings,configuration}/**/*.{json,yml,yaml,toml,ini,conf,cfg,properties,env,xml}',
    '**/config/environments/*.rb', '**/config/initializers/*.rb', 'settings.py', '**/settings/*.py',
    '.env', '.env.*', '*.env', '*.ini', '*.conf', '*.cfg', '*.properties', '*.toml',
    'appsettings*.json', 'settings*.{json,yaml,yml}', '*.{yml,yaml}', 'web.config', 'app.config',
  ]),
  ...rules('code', [
    '*.{ts,tsx,js,jsx,mjs,cjs,py,java,kt,kts,scala,cs,vb,fs,go,rs,rb,php,c,h,cc,cpp,hpp,m,swift,dart,lua,pl,r,R,sh,bash,ps1,psm1,bat,cmd,sql}',
    '*.{html,htm,razor,cshtml,jsp,erb}',
  ]),
];

/**
 * Classifies paths with rules tried in order; the defaults follow the given
 * rules unless replaced. Consecutive rules of one class are joined into one
 * test (their order among themselves cannot change the answer): a regular
 * expression of the file-name patterns, tried on the last path segment; one
 * of the patterns that open with `**` and `/`, tried where each segment starts (what
 * `(?:.*\/)?…` would find by backtracking through the whole path); and one of
 * the other path patterns, tried on the whole path. A few tests per path
 * instead of one per rule: a large release changes thousands of files.
 * File-name patterns that are a literal name (`package.json`) or `*.` and a
 * literal ending (`*.tf`, `*.{yml,yaml}`) are looked up in sets instead: a
 * name matches `*.tf` exactly when the text after one of its dots is `tf`.
 * They are most of the rules, and a regular expression is compiled (twice,
 * as V8 tiers it up) on its first uses, which one release's handful of
 * files would pay in full.
 */
export class FileClassifier {
  private readonly runs: ReadonlyArray<ClassRun>;

  constructor(extraRules: readonly ClassificationRule[] = [], replaceDefaults = false) {
    const all = replaceDefaults ? extraRules : [...extraRules, ...DEFAULT_CLASSIFICATION_RULES];
    const runs: { class: FileClass; literalNames: Set<string>; endings: Set<string>; names: string[]; tails: string[]; paths: string[] }[] = [];
    for (const rule of all) {
      let run = runs[runs.length - 1];
      if (run?.class !== rule.class) runs.push((run = { class: rule.class, literalNames: new Set(), endings: new Set(), names: [], tails: [], paths: [] }));
      const simple = simpleNamePattern(rule.pattern);
      if (simple?.kind === 'name') run.literalNames.add(simple.name);
      else if (simple?.kind === 'endings') for (const ending of simple.endings) run.endings.add(ending);
      else {
        const { body, nameOnly } = globRegexBody(rule.pattern);
        if (nameOnly) run.names.push(body);
        else if (body.startsWith(ANY_FOLDERS)) run.tails.push(body.slice(ANY_FOLDERS.length));
        else run.paths.push(body);
      }
    }
    const joined = (bodies: readonly string[], flags = '') => (bodies.length === 0 ? undefined : new RegExp(`${flags ? '' : '^'}(?:${bodies.join('|')})$`, flags));
    const set = (values: Set<string>) => (values.size > 0 ? values : undefined);
    this.runs = runs.map((r) => ({ class: r.class, literalNames: set(r.literalNames), endings: set(r.endings), name: joined(r.names), tail: joined(r.tails, 'y'), path: joined(r.paths) }));
  }

  classOf(path: string): FileClass {
    const name = path.slice(path.lastIndexOf('/') + 1);
    for (const run of this.runs) {
      if (run.literalNames?.has(name) || (run.endings && hasEnding(name, run.endings)) || run.name?.test(name) || (run.tail && matchesFromASegment(run.tail, path)) || run.path?.test(path)) return run.class;
    }
    return 'other';
  }

  classify(changes: readonly FileChange[]): ClassifiedFile[] {
    return changes.map((change) => ({ ...change, class: this.classOf(change.path) }));
  }
}

interface ClassRun {
  readonly class: FileClass;
  /** File names the rules name literally (`package.json`). */
  readonly literalNames?: ReadonlySet<string>;
  /** What follows a dot in the file names of `*.ending` rules (`tf`, `d.ts`). */
  readonly endings?: ReadonlySet<string>;
  /** File-name patterns, on the last segment. */
  readonly name?: RegExp;
  /** Patterns that open with `**` and `/`, without that opening, sticky: tried from the start of each segment to the end of the path. */
  readonly tail?: RegExp;
  /** Other path patterns, on the whole path. */
  readonly path?: RegExp;
}

/** What `**` and `/` at the start of a pattern become (see `globPattern.ts`). */
const ANY_FOLDERS = '(?:.*/)?';

// Characters that make a glob more than literal text (see globPattern.ts).
const GLOB_SYNTAX = /[*?[\]{},\/]/;

/**
 * A file-name pattern that sets can answer: a literal name, or `*.` and a
 * literal ending or a brace list of literal endings (`*.{yml,yaml}`);
 * undefined for any other pattern (it is matched by regular expression).
 */
export function simpleNamePattern(source: string): { readonly kind: 'name'; readonly name: string } | { readonly kind: 'endings'; readonly endings: readonly string[] } | undefined {
  const pattern = source.replace(/^\.?\//, '');
  if (pattern.length === 0) return undefined;
  if (!GLOB_SYNTAX.test(pattern)) return { kind: 'name', name: pattern };
  if (!pattern.startsWith('*.')) return undefined;
  const ending = pattern.slice(2);
  if (!GLOB_SYNTAX.test(ending)) return { kind: 'endings', endings: [ending] };
  const list = /^\{([^*?[\]{}\/]*)\}$/.exec(ending);
  return list ? { kind: 'endings', endings: list[1].split(',') } : undefined;
}

/** Whether the text after one of a file name's dots is one of `endings` (what `*.ending` matches). */
function hasEnding(name: string, endings: ReadonlySet<string>): boolean {
  for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
    if (endings.has(name.slice(dot + 1))) return true;
  }
  return false;
}

function matchesFromASegment(tail: RegExp, path: string): boolean {
  for (let at = 0; ; ) {
    tail.lastIndex = at;
    if (tail.test(path)) return true;
    const slash = path.indexOf('/', at);
    if (slash < 0) return false;
    at = slash + 1;
  }
}

/** Rollback options: extra classification rules, tried before (or instead of) the defaults. */
export interface RollbackOptions {
  readonly rules?: readonly ClassificationRule[];
  readonly replaceDefaultRules?: boolean;
}
