import type { GitRepository, RevisionRange } from '../git/gitRepository';
import { escapeCodeSpan } from '../markdown/markdownEscape';
import { FileClassifier, type ClassifiedFile, type FileClass, type RollbackOptions } from './fileClassification';

/**
 * The files a range changed, each with its class: the one classification the
 * rollback checklist and the release notes' operational section are both
 * made from (one `git diff`; `paths` limits it as the notes are limited).
 */
export async function readClassifiedFiles(repo: GitRepository, range: RevisionRange, options: RollbackOptions = {}, paths?: readonly string[]): Promise<ClassifiedFile[]> {
  const classifier = new FileClassifier(options.rules ?? [], options.replaceDefaultRules ?? false);
  return classifier.classify(await repo.changedFiles(range, paths));
}

/** The classes the people who deploy must act on, in the order a deployment deals with them. */
export const OPERATIONAL_CLASSES: readonly FileClass[] = ['migration', 'configuration', 'dependency', 'infrastructure', 'client', 'interface'];

/** What each operational class asks of the people deploying. */
const OPERATIONAL_TEXT: Readonly<Record<string, { readonly title: string; readonly advice: string }>> = {
  migration: { title: 'Database migrations', advice: 'Back up the data first, run them in order, and know the way back (see the rollback checklist).' },
  configuration: { title: 'Configuration', advice: 'Set the new or changed values in every environment, secrets included, before the code that reads them starts.' },
  dependency: { title: 'Dependencies', advice: 'Install exactly the versions the lockfiles pin; check they are available where you deploy.' },
  infrastructure: { title: 'Infrastructure', advice: 'Deployment, container or pipeline definitions changed: apply them with the release, and keep the previous ones at hand.' },
  client: { title: 'Client-side code', advice: 'Browsers and CDNs keep what they were served: plan the cache purge and the service-worker update, and after a rollback check what browsers load.' },
  interface: { title: 'Interfaces', advice: 'Tell the owners of connected systems (HL7 / FHIR interfaces, API consumers) when the new version goes live.' },
};

/** One class of operational change and its files. */
export interface OperationalGroup {
  readonly class: FileClass;
  readonly title: string;
  readonly advice: string;
  readonly files: readonly ClassifiedFile[];
}

/** The changed files the people who deploy must act on, grouped by class; classes with no file are left out. */
export function operationalChanges(files: readonly ClassifiedFile[]): OperationalGroup[] {
  const groups: OperationalGroup[] = [];
  for (const cls of OPERATIONAL_CLASSES) {
    const inClass = files.filter((f) => f.class === cls);
    if (inClass.length > 0) groups.push({ class: cls, ...OPERATIONAL_TEXT[cls], files: inClass });
  }
  return groups;
}

// A block a person reads before a deployment: past this many files per class, a count.
const MAX_FILES_LISTED = 50;

/** The operational section as Markdown: per class a heading, what to do, and its files (paths escaped). */
export function renderOperationalBlock(groups: readonly OperationalGroup[]): string {
  if (groups.length === 0) return 'No database migrations, configuration, dependency, infrastructure, client-side or interface changes in this range: deploying it is deploying the code.';
  return groups
    .map((group) => {
      const items = group.files.slice(0, MAX_FILES_LISTED).map((f) => `- ${escapeCodeSpan(f.path)} (${f.oldPath !== undefined ? `${f.status} from ${escapeCodeSpan(f.oldPath)}` : f.status})`);
      if (group.files.length > MAX_FILES_LISTED) items.push(`- … and ${group.files.length - MAX_FILES_LISTED} more`);
      return `### ${group.title}\n\n${group.advice}\n\n${items.join('\n')}`;
    })
    .join('\n\n');
}

/** The `operational` entries of `reflect notes --format json`. */
export function operationalToJson(groups: readonly OperationalGroup[]): Array<{ class: string; title: string; files: Array<{ path: string; status: string; oldPath?: string }> }> {
  return groups.map((g) => ({ class: g.class, title: g.title, files: g.files.map((f) => ({ path: f.path, status: f.status, ...(f.oldPath !== undefined ? { oldPath: f.oldPath } : {}) })) }));
}
