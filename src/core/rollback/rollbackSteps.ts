import { escapeCodeSpan } from '../markdown/markdownEscape';
import type { ClassifiedFile, FileClass } from './fileClassification';
import { compareText } from '../vocabulary/textOrder';

/** Where a step sits in a rollback. */
export type RollbackPhase = 'prepare' | 'restore' | 'verify';

/** One tickable step. */
export interface RollbackStep {
  readonly phase: RollbackPhase;
  /** The class of changed files the step is for; absent for steps every rollback needs. */
  readonly class?: FileClass;
  /** The step as Markdown (untrusted values escaped). */
  readonly markdown: string;
  /** The same step as plain text. */
  readonly text: string;
}

/** What the steps need to know about the rollback. */
export interface StepContext {
  readonly targetTag?: string;
  readonly targetCommit?: string;
  /** The version being rolled back (the change record's version). */
  readonly fromVersion: string;
  readonly packageFile?: string;
  /** The package's path from the repository root, for the verify command; its file name when unknown. */
  readonly packagePath?: string;
  readonly packageSha256?: string;
}

/**
 * A command-line word that a POSIX shell reads back as exactly `text`: kept
 * as it is when it holds only safe characters, otherwise single-quoted. A tag
 * may legally be named `v1;reboot`; a step someone copies must not run it.
 */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9._/@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

type Part = string | { readonly code: string };

function step(phase: RollbackPhase, cls: FileClass | undefined, ...parts: Part[]): RollbackStep {
  const markdown = parts.map((p) => (typeof p === 'string' ? p : escapeCodeSpan(p.code))).join('');
  const text = parts.map((p) => (typeof p === 'string' ? p : p.code)).join('');
  return { phase, ...(cls ? { class: cls } : {}), markdown, text };
}

function fileList(files: readonly ClassifiedFile[]): Part[] {
  const shown = files.slice(0, 20);
  const parts: Part[] = [];
  shown.forEach((f, i) => parts.push(...(i > 0 ? [', '] : []), { code: f.path }));
  if (files.length > shown.length) parts.push(` and ${files.length - shown.length} more`);
  return parts;
}

/** Whether a path is a service worker (or its build configuration), by its name. */
export function isServiceWorker(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /^(?:sw|service-?worker|serviceWorker)\.(?:js|mjs|ts)$/i.test(name) || /-sw\.m?js$/.test(name) || /^ngsw-(?:config\.json|worker\.js)$/.test(name) || /^workbox-config\.[cm]?js$/.test(name);
}

/**
 * The ordered steps of a rollback: preparation every rollback needs, then
 * one block per class of changed file (migrations first, because the
 * previous version's code may not start on the new schema), then the checks
 * and reporting after it.
 */
export function rollbackSteps(files: readonly ClassifiedFile[], context: StepContext): RollbackStep[] {
  const byClass = (cls: FileClass) => files.filter((f) => f.class === cls);
  const target: Part[] = context.targetTag ? [{ code: context.targetTag }, ' (commit ', { code: (context.targetCommit ?? '').slice(0, 12) || 'unknown' }, ')'] : ['the state before this change (there is no earlier release tag)'];
  const steps: RollbackStep[] = [
    step('prepare', undefined, 'Confirm the rollback target: ', ...target, '.'),
    context.packageFile
      ? step('prepare', undefined, 'Have the rollback package ', { code: context.packageFile }, ...(context.packageSha256 ? [' (sha256 ', { code: context.packageSha256 }, ')'] : []), ' at hand and verify it: ', { code: `reflect package --verify ${shellWord(context.packagePath ?? context.packageFile)}` }, '.')
      : step('prepare', undefined, 'Create the rollback package and record its checksum: ', { code: `reflect package ${context.targetTag ? shellWord(context.targetTag) : '<tag>'}` }, '.'),
    step('prepare', undefined, 'Agree the trigger criteria for rolling back and who decides (see "When to roll back").'),
    step('prepare', undefined, 'Name the point of no return: the moment after which rolling back costs more than fixing forward (for example once data is written in a new format).'),
    step('prepare', undefined, 'Take a backup of the data and configuration just before deployment, and test that it restores.'),
    step('prepare', undefined, 'Tell users and the service desk that a rollback may happen, the expected downtime and how they will hear.'),
  ];
  const migrations = byClass('migration');
  if (migrations.length > 0) {
    steps.push(step('restore', 'migration', 'Stop writes to the affected data (maintenance mode or read-only) before touching the schema.'));
    for (const file of [...migrations].sort((a, b) => compareText(b.path, a.path))) {
      steps.push(step('restore', 'migration', 'Migration ', { code: file.path }, ` (${file.status}): confirm a down-migration exists or restore from backup.`));
    }
    steps.push(step('restore', 'migration', 'Run the down-migrations newest first, then check the schema version matches ', ...target, '.'));
  }
  const configuration = byClass('configuration');
  if (configuration.length > 0) steps.push(step('restore', 'configuration', 'Restore the previous configuration from the target version (not from memory): ', ...fileList(configuration), '; check each environment\'s values and secrets.'));
  const dependencies = byClass('dependency');
  if (dependencies.length > 0) steps.push(step('restore', 'dependency', 'Reinstall the dependencies pinned by the target version\'s manifests and lockfiles (', ...fileList(dependencies), '); do not resolve fresh versions, and confirm the pinned ones are still available.'));
  const code = byClass('code');
  // Every rollback redeploys the previous version, whatever else it restores.
  steps.push(step('restore', code.length > 0 ? 'code' : undefined, 'Deploy the previous version from the rollback package', ...(context.packageFile ? [' ', { code: context.packageFile }] : []), ` (${code.length} code ${code.length === 1 ? 'file' : 'files'} changed) and restart the services.`));
  const client = byClass('client');
  if (client.length > 0) {
    // Browsers and CDNs keep what they were served: rolling the server back does not roll them back.
    const workers = client.filter((f) => isServiceWorker(f.path));
    steps.push(step('restore', 'client', 'Client-side files changed (', ...fileList(client), '): browsers and CDNs keep serving the new assets after the server is rolled back. Purge or invalidate the CDN cache for them and check the previous bundle is what is served.'));
    if (workers.length > 0) steps.push(step('restore', 'client', 'Service worker changed (', ...fileList(workers), '): make sure browsers fetch the previous one (serve it with `Cache-Control: no-cache`; browsers check it on navigation and at least daily), or deploy a service worker that unregisters itself; until then installed copies keep serving their cached new assets.'));
    steps.push(step('restore', 'client', 'Check in a browser with the new version cached (not a fresh profile) that the previous version loads, and tell users how to reload if it does not.'));
  }
  const infrastructure = byClass('infrastructure');
  if (infrastructure.length > 0) steps.push(step('restore', 'infrastructure', 'Revert the deployment, container and pipeline changes to the target version (', ...fileList(infrastructure), '), and redeploy the previous images.'));
  const interfaces = byClass('interface');
  if (interfaces.length > 0) {
    steps.push(step('restore', 'interface', 'Tell the owners of connected systems (HL7 / FHIR interfaces, API consumers) that the interface returns to the previous version: ', ...fileList(interfaces), '.'));
    steps.push(step('restore', 'interface', 'Find the messages sent or received with the new mappings while the change was live, and reprocess or correct them.'));
  }
  const other = byClass('other');
  if (other.length > 0) steps.push(step('restore', 'other', 'Review the other changed files and decide whether they need action: ', ...fileList(other), '.'));
  steps.push(
    step('verify', undefined, 'Check the service after rollback: the running version is ', ...target, ', smoke tests pass, and clinical users confirm key workflows.'),
    step('verify', undefined, 'Tell users and the service desk that the rollback is complete and what, if anything, they must do.'),
    step('verify', undefined, 'Update the hazard log with what happened and any new or changed hazards.'),
    step('verify', undefined, 'Report the incident through the organisation\'s incident process and record its reference here.'),
    step('verify', undefined, 'Set the status of the change record for ', { code: context.fromVersion }, ' to rolled-back and note what the change needs before it is tried again.'),
  );
  return steps;
}
