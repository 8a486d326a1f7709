import type { Activity } from '../vocabulary/activity';
import type { GroupingOptions, SectionTitle } from '../commits/groupCommits';
import type { PreOneZeroPolicy } from '../commits/versionBump';
import type { RollbackOptions } from '../rollback/fileClassification';

/** The repository's configuration file, at the repository root. */
export const CONFIG_FILE_NAME = 'reflect.config.json';

/** Where a repository keeps its own release-notes template, when it has one. */
export const DEFAULT_TEMPLATE_PATH = '.changelog/release-notes.md';

/** Which host commit and issue links point to; `auto` reads the origin remote. */
export type LinkProvider = 'auto' | 'github' | 'gitlab' | 'bitbucket' | 'azure-devops' | 'none';

/** How findings of the `no-hazard-reference` rule are reported. */
export interface HazardCheckOptions {
  readonly severity?: 'warning' | 'info' | 'off';
  /** Commit types that need a `Hazard:` trailer; `breaking` means any breaking change. */
  readonly types?: readonly string[];
}

/** Release-notes options: from settings, the CLI, and the repository's config file. */
export interface ReleaseNotesOptions extends GroupingOptions {
  readonly sections?: readonly SectionTitle[];
  /** Only commits touching these pathspecs (`git log -- <paths>`). */
  readonly paths?: readonly string[];
  readonly tagPattern?: string;
  /** How a bump is read while the release the range starts from is below 1.0.0. */
  readonly preOneZero?: PreOneZeroPolicy;
  /** Repository-relative path of a template file. */
  readonly template?: string;
  readonly hazardCheck?: HazardCheckOptions;
  readonly links?: LinkProvider;
  /** https URL with `{id}` for issue keys such as `ABC-123`. */
  readonly issueUrl?: string;
}

/** The whole of `reflect.config.json` (schemas/config/release-notes-config.schema.json describes it). */
export interface ReflectConfig {
  readonly recordsFolder?: string;
  readonly releaseNotes?: ReleaseNotesOptions;
  readonly rollback?: RollbackOptions & { readonly packageFolder?: string };
  readonly validation?: { readonly rules?: unknown; readonly beyondActionMinimumDays?: number; readonly maxProblems?: number; readonly requiredSignOffs?: unknown; readonly clinicalSafety?: unknown };
  readonly riskMatrix?: unknown;
  /** The training activity on every pack's cover, and the pack's file name template. */
  readonly activity?: Activity & { readonly packFileName?: string };
}

/** The hazard check used when nothing is configured. */
export const DEFAULT_HAZARD_CHECK: Required<HazardCheckOptions> = { severity: 'warning', types: ['breaking', 'feat'] };

/**
 * Combines options: a value the caller gives (a setting the person set, a
 * CLI flag) wins over the repository file's; `undefined` falls through.
 */
export function mergeReleaseNotesOptions(fromFile: ReleaseNotesOptions | undefined, fromCaller: ReleaseNotesOptions | undefined): ReleaseNotesOptions {
  const merged: Record<string, unknown> = { ...(fromFile ?? {}) };
  for (const [key, value] of Object.entries(fromCaller ?? {})) if (value !== undefined) merged[key] = value;
  return merged as ReleaseNotesOptions;
}

/** Combines rollback options the same way; caller rules come before the file's. */
export function mergeRollbackOptions(fromFile: RollbackOptions | undefined, fromCaller: RollbackOptions | undefined): RollbackOptions {
  return {
    rules: [...(fromCaller?.rules ?? []), ...(fromFile?.rules ?? [])],
    replaceDefaultRules: fromCaller?.replaceDefaultRules ?? fromFile?.replaceDefaultRules ?? false,
  };
}
