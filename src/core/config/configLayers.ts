import type { PreOneZeroPolicy } from '../commits/versionBump';
import type { ReleaseNotesOptions, ReflectConfig } from './reflectConfig';
import { CONFIG_FILE_NAME, type LinkProvider } from './reflectConfig';

/** The settings the resolved configuration is made of, as one layer states them (not yet checked). */
export interface ConfigValues {
  readonly recordsFolder?: unknown;
  readonly tagPattern?: unknown;
  /** The tag family to follow (`releases.family`); wins over a tag pattern set in the same layer or below. */
  readonly family?: unknown;
  /** The family's path scope (`releases.paths`). */
  readonly familyPaths?: unknown;
  readonly hidePrereleases?: unknown;
  /** Grouping, paths, template, links, hazard check; merged key by key. */
  readonly releaseNotes?: ReleaseNotesOptions;
  readonly rollbackRules?: unknown;
  readonly replaceDefaultRules?: unknown;
  readonly packageFolder?: unknown;
  readonly validationRules?: unknown;
  readonly beyondActionMinimumDays?: unknown;
  readonly maxProblems?: unknown;
  readonly riskMatrix?: unknown;
  readonly requiredSignOffs?: unknown;
  readonly clinicalSafety?: unknown;
  readonly activity?: unknown;
  readonly maxImageBytes?: unknown;
}

/** A key of the resolved configuration. */
export type ConfigKey = keyof ConfigValues;

/**
 * One source of settings: built-in defaults < `reflect.config.json` < editor
 * settings < command-line flags. `label` names a key the way the person
 * wrote it there, so a message can point at it.
 */
export interface ConfigLayer {
  /** The file, or `settings`, or `command line`. */
  readonly source: string;
  readonly values: ConfigValues;
  label(key: ConfigKey): string;
}

const FILE_KEYS: Readonly<Record<ConfigKey, string>> = {
  recordsFolder: 'recordsFolder',
  tagPattern: 'releaseNotes.tagPattern',
  family: 'releases.family',
  familyPaths: 'releases.paths',
  hidePrereleases: 'hidePrereleases',
  releaseNotes: 'releaseNotes',
  rollbackRules: 'rollback.rules',
  replaceDefaultRules: 'rollback.replaceDefaultRules',
  packageFolder: 'rollback.packageFolder',
  validationRules: 'validation.rules',
  beyondActionMinimumDays: 'validation.beyondActionMinimumDays',
  maxProblems: 'validation.maxProblems',
  riskMatrix: 'riskMatrix',
  requiredSignOffs: 'validation.requiredSignOffs',
  clinicalSafety: 'validation.clinicalSafety',
  activity: 'activity',
  maxImageBytes: 'evidencePack.maxImageBytes',
};

const SETTING_KEYS: Readonly<Record<ConfigKey, string>> = {
  ...FILE_KEYS,
  tagPattern: 'tagPattern',
};

/** The layer of a repository's `reflect.config.json` (already parsed and checked against its schema). */
export function fileLayer(config: ReflectConfig, file = CONFIG_FILE_NAME): ConfigLayer {
  const { tagPattern, ...releaseNotes } = config.releaseNotes ?? {};
  return {
    source: file,
    label: (key) => `${file}: ${FILE_KEYS[key]}`,
    values: {
      recordsFolder: config.recordsFolder,
      tagPattern,
      family: config.releases?.family,
      familyPaths: config.releases?.paths,
      releaseNotes,
      rollbackRules: config.rollback?.rules,
      replaceDefaultRules: config.rollback?.replaceDefaultRules,
      packageFolder: config.rollback?.packageFolder,
      validationRules: config.validation?.rules,
      beyondActionMinimumDays: config.validation?.beyondActionMinimumDays,
      maxProblems: config.validation?.maxProblems,
      riskMatrix: config.riskMatrix,
      requiredSignOffs: config.validation?.requiredSignOffs,
      clinicalSafety: config.validation?.clinicalSafety,
      activity: config.activity,
      maxImageBytes: config.evidencePack?.maxImageBytes,
    },
  };
}

/**
 * The layer of the editor's `changeLog` settings, as the extension reads them
 * or a language client sends them (`workspace/configuration`, section
 * `changeLog`). Only values the person set belong here; empty strings, empty
 * lists and an empty or null risk matrix mean "not set".
 */
export function settingsLayer(raw: unknown): ConfigLayer {
  const value = objectOrEmpty(raw);
  const releaseNotes = objectOrEmpty(value.releaseNotes);
  const hazardCheck = objectOrEmpty(value.hazardCheck);
  const rollback = objectOrEmpty(value.rollback);
  const validation = objectOrEmpty(value.validation);
  const releases = objectOrEmpty(value.releases);
  const evidencePack = objectOrEmpty(value.evidencePack);
  const severity = hazardCheck.severity as 'warning' | 'info' | 'off' | undefined;
  const types = hazardCheck.types as string[] | undefined;
  const notes: ReleaseNotesOptions = {
    sections: releaseNotes.sections as ReleaseNotesOptions['sections'],
    hiddenTypes: releaseNotes.hiddenTypes as string[] | undefined,
    includeMerges: releaseNotes.includeMerges as boolean | undefined,
    paths: nonEmptyList(releaseNotes.paths),
    template: nonEmptyText(releaseNotes.template),
    links: releaseNotes.links as LinkProvider | undefined,
    issueUrl: nonEmptyText(releaseNotes.issueUrl),
    preOneZero: preOneZeroOf(releaseNotes.preOneZero),
    hazardCheck: severity !== undefined || types !== undefined ? { severity, types } : undefined,
  };
  return {
    source: 'settings',
    label: (key) => `Setting changeLog.${SETTING_KEYS[key]}`,
    values: {
      recordsFolder: value.recordsFolder,
      tagPattern: value.tagPattern,
      family: nonEmptyText(releases.family),
      familyPaths: nonEmptyList(releases.paths),
      hidePrereleases: value.hidePrereleases,
      releaseNotes: notes,
      rollbackRules: nonEmptyList(rollback.rules),
      replaceDefaultRules: rollback.replaceDefaultRules,
      packageFolder: rollback.packageFolder,
      validationRules: validation.rules,
      beyondActionMinimumDays: validation.beyondActionMinimumDays,
      maxProblems: validation.maxProblems,
      riskMatrix: isEmptyMatrix(value.riskMatrix) ? undefined : value.riskMatrix,
      requiredSignOffs: validation.requiredSignOffs,
      clinicalSafety: isEmptyObject(validation.clinicalSafety) ? undefined : validation.clinicalSafety,
      maxImageBytes: evidencePack.maxImageBytes,
    },
  };
}

/** A layer of command-line flags; `flags` names the flag that set each key (`--pattern`). */
export function commandLineLayer(values: ConfigValues, flags: Partial<Record<ConfigKey, string>>): ConfigLayer {
  return { source: 'command line', values, label: (key) => flags[key] ?? `--${key}` };
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}

function isEmptyMatrix(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);
}

function nonEmptyText(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function nonEmptyList<T>(value: unknown): T[] | undefined {
  return Array.isArray(value) && value.length > 0 ? (value as T[]) : undefined;
}

function objectOrEmpty(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The pre-1.0 policy a setting names: only the values the schema allows; anything else means "not set". */
function preOneZeroOf(raw: unknown): PreOneZeroPolicy | undefined {
  const value = objectOrEmpty(raw);
  const breaking = value.breaking === 'minor' || value.breaking === 'major' ? value.breaking : undefined;
  const feat = value.feat === 'minor' || value.feat === 'patch' ? value.feat : undefined;
  return breaking !== undefined || feat !== undefined ? { ...(breaking ? { breaking } : {}), ...(feat ? { feat } : {}) } : undefined;
}
