import * as vscode from 'vscode';
import { settingsLayer } from '../core/config/configLayers';
import { resolveConfig } from '../core/config/resolvedConfig';
import type { ReleaseFilter } from '../core/git/releases';

/** The `changeLog.*` keys the core's configuration reads (everything but the editor's own pageSize and trace). */
const CORE_KEYS = [
  'recordsFolder',
  'tagPattern',
  'hidePrereleases',
  'releases.family',
  'releases.paths',
  'releaseNotes.sections',
  'releaseNotes.hiddenTypes',
  'releaseNotes.includeMerges',
  'releaseNotes.paths',
  'releaseNotes.template',
  'releaseNotes.links',
  'releaseNotes.issueUrl',
  'releaseNotes.preOneZero',
  'hazardCheck.severity',
  'hazardCheck.types',
  'rollback.rules',
  'rollback.replaceDefaultRules',
  'rollback.packageFolder',
  'validation.rules',
  'validation.maxProblems',
  'validation.beyondActionMinimumDays',
  'validation.requiredSignOffs',
  'validation.clinicalSafety',
  'riskMatrix',
  'evidencePack.maxImageBytes',
] as const;

/**
 * The `changeLog` settings the person set (user, workspace or folder), as one
 * nested object: the editor layer of the configuration. Defaults are left
 * out, so they never override the repository's reflect.config.json. The one
 * place that reads `changeLog.*` for the core; the language client sends the
 * same object to the server.
 */
export function readEditorSettings(scope?: vscode.ConfigurationScope, keys: readonly (typeof CORE_KEYS)[number][] = CORE_KEYS): Record<string, unknown> {
  // The whole section in one inspect: one per key cost the extension host about 2 ms a key while the window opened.
  const layers = vscode.workspace.getConfiguration(undefined, scope).inspect<Record<string, unknown>>('changeLog');
  const inLayer = (layer: Record<string, unknown> | undefined, key: string): unknown => {
    let value: unknown = layer;
    for (const part of key.split('.')) value = isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, part) ? value[part] : undefined;
    return value;
  };
  const settings: Record<string, unknown> = {};
  for (const key of keys) {
    const value = inLayer(layers?.workspaceFolderValue, key) ?? inLayer(layers?.workspaceValue, key) ?? inLayer(layers?.globalValue, key);
    if (value === undefined) continue;
    const [head, tail] = key.split('.');
    if (tail === undefined) settings[head] = value;
    else settings[head] = { ...((settings[head] as Record<string, unknown> | undefined) ?? {}), [tail]: value };
  }
  return settings;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the editor decides without reading the repository: for choosing documents quickly and paging lists. */
export interface ChangeLogSettings {
  /** Folder, relative to the repository root, that holds change records (from the settings alone). */
  readonly recordsFolder: string;
  /** Which tags are releases (from the settings alone). */
  readonly releaseFilter: ReleaseFilter;
  /** How many releases or commits a list shows before "Load more…". */
  readonly pageSize: number;
}

/** The settings alone, resolved by the core (no reflect.config.json): use `RepositoryConfigurations` wherever a repository is known. */
export function readSettings(scope?: vscode.ConfigurationScope): ChangeLogSettings {
  const { config } = resolveConfig([settingsLayer(readEditorSettings(scope))]);
  return { recordsFolder: config.recordsFolder, releaseFilter: config.releaseFilter, pageSize: readPageSize(scope) };
}

/**
 * The records folder from the settings alone, resolved by the core as
 * `readSettings` resolves it, reading that one setting: asked for every
 * Markdown document that opens, where reading all of them is wasted.
 */
export function readRecordsFolder(scope?: vscode.ConfigurationScope): string {
  return resolveConfig([settingsLayer(readEditorSettings(scope, ['recordsFolder']))]).config.recordsFolder;
}

/** How many releases or commits a list shows before "Load more…" (10 to 5,000; 100 by default). */
export function readPageSize(scope?: vscode.ConfigurationScope): number {
  const pageSize = vscode.workspace.getConfiguration('changeLog', scope).get<number>('pageSize', 100);
  return Number.isFinite(pageSize) ? Math.min(Math.max(Math.floor(pageSize), 10), 5000) : 100;
}

/** Whether a configuration change touches settings the views depend on. */
export function affectsViews(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('changeLog');
}
