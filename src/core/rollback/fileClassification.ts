import type { FileChange } from '../git/gitLogParsing';
import { GlobPattern } from './globPattern';

/** What a changed file is, for rolling it back. */
export type FileClass = 'migration' | 'configuration' | 'dependency' | 'infrastructure' | 'interface' | 'code' | 'other';

/** The classes in the order a rollback deals with them. */
export const FILE_CLASSES: readonly FileClass[] = ['migration', 'configuration', 'dependency', 'code', 'infrastructure', 'interface', 'other'];

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

/**
 * The built-in rules. Order matters: a SQL file under `migrations/` is a
 * migration before it is code; a lockfile is a dependency before it is
 * configuration; a pipeline's YAML is infrastructure before it is configuration.
 */
export const DEFAULT_CLASSIFICATION_RULES: readonly ClassificationRule[] = [
  ...rules('migration', ['**/migrations/**', '**/migration/**', '**/migrate/**', '**/db/changelog/**', '**/alembic/versions/**', '**/flyway/**', '**/liquibase/**', '*.sql']),
  ...rules('dependency', [
    'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb',
    'requirements*.txt', 'Pipfile', 'Pipfile.lock', 'poetry.lock', 'pyproject.toml', 'uv.lock',
    'go.mod', 'go.sum', 'Cargo.toml', 'Cargo.lock', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'gradle.lockfile',
    '*.csproj', 'packages.config', 'packages.lock.json', 'Directory.Packages.props', 'Gemfile', 'Gemfile.lock', 'composer.json', 'composer.lock',
  ]),
  ...rules('infrastructure', [
    'Dockerfile', '*.dockerfile', 'Containerfile', 'docker-compose*.{yml,yaml}', 'compose*.{yml,yaml}', '.dockerignore',
    '.github/workflows/**', '.gitlab-ci.yml', 'azure-pipelines*.{yml,yaml}', 'Jenkinsfile', 'bitbucket-pipelines.yml', '.ci/**', '.circleci/**',
    '**/k8s/**', '**/kubernetes/**', '**/helm/**', '**/charts/**', '**/terraform/**', '*.tf', '*.tfvars', '**/ansible/**',
    '**/deploy/**', '**/deployment/**', '**/infra/**', 'Procfile', '*.service',
  ]),
  ...rules('interface', [
    '*.hl7', '**/hl7/**', '**/fhir/**', '**/*mapping*/**', '*mapping*.*', '*.map.{json,xml,yaml,yml}',
    'openapi*.{json,yaml,yml}', 'swagger*.{json,yaml,yml}', '**/api-spec*/**', '*.proto', '*.graphql', '*.wsdl', '*.xsd', '*.avsc',
  ]),
  ...rules('configuration', [
    '**/config/**', '**/conf/**', '**/settings/**', '.env*', '*.env', '*.ini', '*.conf', '*.cfg', '*.properties', '*.toml',
    'appsettings*.json', 'settings*.{json,yaml,yml}', '*.{yml,yaml}', 'web.config', 'app.config',
  ]),
  ...rules('code', [
    '*.{ts,tsx,js,jsx,mjs,cjs,py,java,kt,kts,scala,cs,vb,fs,go,rs,rb,php,c,h,cc,cpp,hpp,m,swift,dart,lua,pl,r,R,sh,bash,ps1,psm1,bat,cmd}',
    '*.{html,htm,css,scss,less,vue,svelte,razor,cshtml,jsp,erb}',
  ]),
];

/** Classifies paths with rules tried in order; the defaults follow the given rules unless replaced. */
export class FileClassifier {
  private readonly compiled: ReadonlyArray<{ glob: GlobPattern; class: FileClass }>;

  constructor(extraRules: readonly ClassificationRule[] = [], replaceDefaults = false) {
    const all = replaceDefaults ? extraRules : [...extraRules, ...DEFAULT_CLASSIFICATION_RULES];
    this.compiled = all.map((r) => ({ glob: new GlobPattern(r.pattern), class: r.class }));
  }

  classOf(path: string): FileClass {
    return this.compiled.find((r) => r.glob.matches(path))?.class ?? 'other';
  }

  classify(changes: readonly FileChange[]): ClassifiedFile[] {
    return changes.map((change) => ({ ...change, class: this.classOf(change.path) }));
  }
}

/** Rollback options: extra classification rules, tried before (or instead of) the defaults. */
export interface RollbackOptions {
  readonly rules?: readonly ClassificationRule[];
  readonly replaceDefaultRules?: boolean;
}
