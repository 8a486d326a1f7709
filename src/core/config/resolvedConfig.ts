import { familyNameProblem, TagPattern } from '../git/tagPattern';
import type { ReleaseFilter } from '../git/releases';
import { FILE_CLASSES, type ClassificationRule, type RollbackOptions } from '../rollback/fileClassification';
import { parseRiskMatrix, type RiskMatrix } from '../validate/riskMatrix';
import { parseRuleSeverities, type RuleSeverities, type RuleSetting } from '../validate/ruleCatalog';
import { DEFAULT_BEYOND_ACTION_MINIMUM_DAYS, DEFAULT_REQUIRED_SIGN_OFFS, DEFAULT_RESIDUAL_RISK_THRESHOLD, DEFAULT_SAFETY_OFFICER_RATING, type ValidationOptions } from '../validate/validationOptions';
import { DEFAULT_PACKAGE_FOLDER, DEFAULT_RECORDS_FOLDER } from '../vocabulary/recordLayout';
import { DEFAULT_PACK_FILE_NAME, type Activity } from '../vocabulary/activity';
import { SIGN_OFF_DUE_VALUES, SIGN_OFF_ROLES, type SignOffDue, type SignOffRole } from '../vocabulary/signOffRoles';
import { DEFAULT_MAX_IMAGE_BYTES } from '../vocabulary/evidenceMaterial';
import type { ConfigKey, ConfigLayer } from './configLayers';
import type { ConfigProblem } from './loadReflectConfig';
import { mergeReleaseNotesOptions, mergeRollbackOptions, type ReleaseNotesOptions } from './reflectConfig';

/** How change-record documents are checked, wherever they are checked. */
export interface ValidationSettings {
  readonly severities: RuleSeverities;
  /** Undefined for the DCB0129 / DCB0160 default. */
  readonly riskMatrix?: RiskMatrix;
  readonly beyondActionMinimumDays: number;
  /** The most problems the editor shows for one document. */
  readonly maxProblems: number;
  /** Sign-off roles change.md must carry, each from a status. */
  readonly requiredSignOffs: Readonly<Partial<Record<SignOffRole, SignOffDue>>>;
  /** Clinical risk thresholds (`validation.clinicalSafety` in reflect.config.json). */
  readonly clinicalSafety: ClinicalSafetySettings;
}

/** When a residual risk needs a justification and when the Clinical Safety Officer must sign off. */
export interface ClinicalSafetySettings {
  /** The highest residual rating accepted without a justification. */
  readonly residualRiskThreshold: number;
  /** The hazard rating from which the Clinical Safety Officer signs off before the window. */
  readonly safetyOfficerRating: number;
  /** Whether a hazard the change adds or changes also needs that sign-off. */
  readonly safetyOfficerOnHazardChange: boolean;
}

export const DEFAULT_CLINICAL_SAFETY: ClinicalSafetySettings = { residualRiskThreshold: DEFAULT_RESIDUAL_RISK_THRESHOLD, safetyOfficerRating: DEFAULT_SAFETY_OFFICER_RATING, safetyOfficerOnHazardChange: true };

/**
 * The one configuration of a repository, the same for the editor, the
 * language server and the CLI: built-in defaults < `reflect.config.json` <
 * editor settings < command-line flags.
 */
export interface ResolvedConfig {
  /** Relative POSIX path inside the repository. */
  readonly recordsFolder: string;
  readonly releaseFilter: ReleaseFilter;
  /** The release line followed: the tag family (when one is picked) and the paths its commits touch. */
  readonly releaseLine: ReleaseLine;
  /** Release-notes options, `tagPattern` included as its template; `paths` is the release line's path scope. */
  readonly releaseNotes: ReleaseNotesOptions;
  readonly rollback: RollbackOptions;
  /** Relative POSIX path inside the repository. */
  readonly packageFolder: string;
  readonly validation: ValidationSettings;
  /** The training activity packs identify (reflect.config.json `activity`); change.md's own wins field by field. */
  readonly activity: Activity;
  /** The pack's file name template (`activity.packFileName`). */
  readonly packFileName: string;
  /** The largest image a pack embeds (`evidencePack.maxImageBytes`). */
  readonly maxImageBytes: number;
}

/** Where the path scope of the release line came from. */
export type PathScopeSource = 'releaseNotes.paths' | 'releases.paths' | 'package folder' | 'whole repository';

/** One release line of a repository: its own tags (a family, or the tag pattern), latest release, range, next version and paths. */
export interface ReleaseLine {
  /** The tag family followed (`releases.family`), when one is picked. */
  readonly family?: string;
  /** Only commits touching these pathspecs; empty for the whole repository. */
  readonly paths: readonly string[];
  readonly pathsFrom: PathScopeSource;
}

export const DEFAULT_MAX_PROBLEMS_SHOWN = 100;
const MAX_DAYS = 3650;
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** The configuration with nothing set anywhere. */
export const DEFAULT_CONFIG: ResolvedConfig = resolveConfig([]).config;

/**
 * Merges the layers, lowest first. A value that is invalid is not used (the
 * layer below it applies) and gives one problem naming where it was set and
 * why; nothing is dropped silently and nothing throws.
 */
export function resolveConfig(layers: readonly ConfigLayer[]): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const pick = <T>(key: ConfigKey, fallback: T, check: (value: unknown) => { value: T } | { problem: string }): T => {
    let chosen = fallback;
    for (const layer of layers) {
      const value = layer.values[key];
      if (value === undefined) continue;
      const checked = check(value);
      if ('problem' in checked) problems.push({ file: layer.source, key: layer.label(key), message: `${layer.label(key)} is not used: ${checked.problem}` });
      else chosen = checked.value;
    }
    return chosen;
  };
  const recordsFolder = pick<string>('recordsFolder', DEFAULT_RECORDS_FOLDER, (v) => folderInside(v, 'docs/changes'));
  const packageFolder = pick<string>('packageFolder', DEFAULT_PACKAGE_FOLDER, (v) => folderInside(v, '.reflect/packages'));
  const tagPattern = releasePatternOf(layers, problems);
  const familyPaths = pick<string[] | undefined>('familyPaths', undefined, checkPaths);
  const hidePrereleases = pick<boolean>('hidePrereleases', false, (v) => (typeof v === 'boolean' ? { value: v } : { problem: 'it must be true or false.' }));
  const beyondActionMinimumDays = pick<number>('beyondActionMinimumDays', DEFAULT_BEYOND_ACTION_MINIMUM_DAYS, (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_DAYS ? { value: v } : { problem: `it must be a whole number of days from 0 to ${MAX_DAYS}, not ${shown(v)}.` },
  );
  const maxProblems = pick<number>('maxProblems', DEFAULT_MAX_PROBLEMS_SHOWN, (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= 1 ? { value: Math.floor(v) } : { problem: `it must be a number of at least 1, not ${shown(v)}.` },
  );
  const riskMatrix = pick<RiskMatrix | undefined>('riskMatrix', undefined, (v) => {
    const { matrix, problems: reasons } = parseRiskMatrix(v);
    return matrix ? { value: matrix } : { problem: `${reasons[0]}${reasons.length > 1 ? ` (and ${reasons.length - 1} more)` : ''} The DCB0129 / DCB0160 default applies.` };
  });
  const requiredSignOffs = pick<Readonly<Partial<Record<SignOffRole, SignOffDue>>>>('requiredSignOffs', DEFAULT_REQUIRED_SIGN_OFFS, checkSignOffs);
  // Merged threshold by threshold: a setting that names one of them keeps the others from the layers below.
  let clinicalSafety: ClinicalSafetySettings = DEFAULT_CLINICAL_SAFETY;
  pick<undefined>('clinicalSafety', undefined, (v) => {
    const checked = checkClinicalSafety(v);
    if ('value' in checked) clinicalSafety = { ...clinicalSafety, ...checked.value };
    return 'value' in checked ? { value: undefined } : checked;
  });
  const maxImageBytes = pick<number>('maxImageBytes', DEFAULT_MAX_IMAGE_BYTES, (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= 1024 && v <= MAX_IMAGE_BYTES ? { value: v } : { problem: `it must be a whole number of bytes from 1024 to ${MAX_IMAGE_BYTES}, not ${shown(v)}.` },
  );
  const activitySettings = pick<Activity & { packFileName?: string }>('activity', {}, checkActivity);
  const { packFileName = DEFAULT_PACK_FILE_NAME, ...activity } = activitySettings;
  const severities: Record<string, RuleSetting> = {};
  let releaseNotes: ReleaseNotesOptions = {};
  let rollback: RollbackOptions = { rules: [], replaceDefaultRules: false };
  for (const layer of layers) {
    const { validationRules, releaseNotes: notes, rollbackRules, replaceDefaultRules } = layer.values;
    if (validationRules !== undefined) {
      const parsed = parseRuleSeverities(validationRules);
      Object.assign(severities, parsed.severities);
      for (const reason of parsed.problems) problems.push({ file: layer.source, key: layer.label('validationRules'), message: `${layer.label('validationRules')}: ${reason}` });
    }
    if (notes) releaseNotes = mergeReleaseNotesOptions(releaseNotes, notes);
    const rules = rollbackRules === undefined ? undefined : checkRules(rollbackRules);
    if (rules && 'problem' in rules) problems.push({ file: layer.source, key: layer.label('rollbackRules'), message: `${layer.label('rollbackRules')} is not used: ${rules.problem}` });
    const replace = typeof replaceDefaultRules === 'boolean' ? replaceDefaultRules : undefined;
    if (replaceDefaultRules !== undefined && replace === undefined) problems.push({ file: layer.source, key: layer.label('replaceDefaultRules'), message: `${layer.label('replaceDefaultRules')} is not used: it must be true or false.` });
    rollback = mergeRollbackOptions(rollback, { rules: rules && 'value' in rules ? rules.value : undefined, replaceDefaultRules: replace });
  }
  const family = tagPattern.family;
  if (familyPaths && family === undefined) {
    const layer = [...layers].reverse().find((l) => l.values.familyPaths !== undefined);
    const key = layer?.label('familyPaths') ?? 'releases.paths';
    problems.push({ file: layer?.source ?? 'settings', key, message: `${key} is not used: it is the path scope of a tag family; set releases.family too, or use releaseNotes.paths.` });
  }
  const releaseLine: ReleaseLine =
    releaseNotes.paths && releaseNotes.paths.length > 0
      ? { ...(family !== undefined ? { family } : {}), paths: releaseNotes.paths, pathsFrom: 'releaseNotes.paths' }
      : family !== undefined && familyPaths
        ? { family, paths: familyPaths, pathsFrom: 'releases.paths' }
        : { ...(family !== undefined ? { family } : {}), paths: [], pathsFrom: 'whole repository' };
  const config: ResolvedConfig = {
    recordsFolder,
    releaseFilter: { pattern: tagPattern, hidePrereleases },
    releaseLine,
    releaseNotes: { ...releaseNotes, ...(releaseLine.paths.length > 0 ? { paths: releaseLine.paths } : {}), tagPattern: tagPattern.template },
    rollback,
    packageFolder,
    validation: { severities, ...(riskMatrix ? { riskMatrix } : {}), beyondActionMinimumDays, maxProblems, requiredSignOffs, clinicalSafety },
    activity,
    packFileName,
    maxImageBytes,
  };
  return { config, problems };
}

/** The validator's options for a day: the same for the editor, the views, `reflect check` and the evidence pack. */
export function validationOptionsOf(config: ResolvedConfig, today: string): ValidationOptions {
  const { severities, riskMatrix, beyondActionMinimumDays, requiredSignOffs, clinicalSafety } = config.validation;
  return { severities, ...(riskMatrix ? { riskMatrix } : {}), beyondActionMinimumDays, requiredSignOffs, ...clinicalSafety, today };
}

/** One line for a person: the first problem, and how many more there are. */
export function describeConfigProblems(problems: readonly ConfigProblem[]): string {
  const [first, ...rest] = problems;
  if (!first) return '';
  const where = first.line !== undefined ? ` (line ${first.line})` : '';
  return `${first.message}${where}${rest.length > 0 ? ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})` : ''}`;
}

function checkSignOffs(value: unknown): { value: Partial<Record<SignOffRole, SignOffDue>> } | { problem: string } {
  const roles = SIGN_OFF_ROLES.map((r) => r.id) as readonly string[];
  const problem = { problem: `it must map roles (${roles.join(', ')}) to the status from which each is due (${SIGN_OFF_DUE_VALUES.join(', ')}).` };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return problem;
  const result: Partial<Record<SignOffRole, SignOffDue>> = {};
  for (const [role, due] of Object.entries(value)) {
    if (!roles.includes(role) || !(SIGN_OFF_DUE_VALUES as readonly unknown[]).includes(due)) return problem;
    result[role as SignOffRole] = due as SignOffDue;
  }
  return { value: result };
}

function checkClinicalSafety(value: unknown): { value: Partial<ClinicalSafetySettings> } | { problem: string } {
  const example = 'an object such as { "residualRiskThreshold": 2, "safetyOfficerRating": 3, "safetyOfficerOnHazardChange": true }';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: `it must be ${example}.` };
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, given] of Object.entries(source)) {
    if (key === 'residualRiskThreshold' || key === 'safetyOfficerRating') {
      if (typeof given !== 'number' || !Number.isInteger(given) || given < 1 || given > 5) return { problem: `${key} must be a rating from 1 to 5, not ${shown(given)}.` };
    } else if (key === 'safetyOfficerOnHazardChange') {
      if (typeof given !== 'boolean') return { problem: `${key} must be true or false.` };
    } else return { problem: `"${key.slice(0, 40)}" is not one of its keys; it must be ${example}.` };
    result[key] = given;
  }
  return { value: result as Partial<ClinicalSafetySettings> };
}

function checkActivity(value: unknown): { value: Activity & { packFileName?: string } } | { problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'it must be an object such as { "title": "…", "trainee": "…", "system": "…" }.' };
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key of ['title', 'trainee', 'supervisor', 'organisation', 'system', 'packFileName']) {
    const field = source[key];
    if (field === undefined) continue;
    if (typeof field !== 'string') return { problem: `activity.${key} must be text.` };
    if (field.trim().length > 0) result[key] = field.trim();
  }
  const outcomes = source.learningOutcomes;
  if (outcomes !== undefined) {
    if (!Array.isArray(outcomes) || !outcomes.every((o) => typeof o === 'string')) return { problem: 'activity.learningOutcomes must be a list of text.' };
    result.learningOutcomes = outcomes.filter((o: string) => o.trim().length > 0);
  }
  return { value: result as Activity & { packFileName?: string } };
}

/**
 * The tag pattern of the release line: each layer's `tagPattern`, then its
 * `releases.family` (a family wins over a pattern of the same layer); the
 * highest layer that sets either decides.
 */
function releasePatternOf(layers: readonly ConfigLayer[], problems: ConfigProblem[]): TagPattern {
  let pattern = new TagPattern();
  for (const layer of layers) {
    for (const key of ['tagPattern', 'family'] as const) {
      const value = layer.values[key];
      if (value === undefined) continue;
      const checked = key === 'tagPattern' ? checkTagPattern(value) : checkFamily(value);
      if ('problem' in checked) problems.push({ file: layer.source, key: layer.label(key), message: `${layer.label(key)} is not used: ${checked.problem}` });
      else pattern = checked.value;
    }
  }
  return pattern;
}

function checkFamily(value: unknown): { value: TagPattern } | { problem: string } {
  if (typeof value !== 'string') return { problem: 'it must name a tag family, such as "create-vite" for tags like create-vite@5.0.0.' };
  const problem = familyNameProblem(value.trim());
  return problem ? { problem } : { value: TagPattern.forFamily(value.trim()) };
}

function checkPaths(value: unknown): { value: string[] } | { problem: string } {
  const problem = { problem: 'it must be a list of paths inside the repository, such as ["packages/create-vite"], none starting with "-".' };
  if (!Array.isArray(value) || value.length === 0) return problem;
  const paths = value.map((p) => (typeof p === 'string' ? p.trim() : ''));
  return paths.every((p) => p.length > 0 && !p.startsWith('-') && p.length <= 500) ? { value: paths } : problem;
}

function checkTagPattern(value: unknown): { value: TagPattern } | { problem: string } {
  if (typeof value !== 'string' || value.trim().length === 0) return { problem: 'it must be a tag pattern such as "v?MAJOR.MINOR.PATCH".' };
  const problem = TagPattern.problemWith(value);
  return problem ? { problem } : { value: new TagPattern(value) };
}

/** A relative folder inside the repository: no absolute path, no `..`, not empty. */
function folderInside(value: unknown, example: string): { value: string } | { problem: string } {
  if (typeof value !== 'string') return { problem: `it must be a folder inside the repository, such as "${example}".` };
  const parts = value.split(/[\\/]+/).filter((p) => p.length > 0 && p !== '.');
  if (/^([\\/]|[A-Za-z]:)/.test(value) || parts.includes('..') || parts.length === 0) {
    return { problem: `it must be a folder inside the repository, such as "${example}", not ${shown(value)}.` };
  }
  return { value: parts.join('/') };
}

function checkRules(value: unknown): { value: ClassificationRule[] } | { problem: string } {
  if (!Array.isArray(value)) return { problem: 'it must be a list of { "pattern": "…", "class": "…" } rules.' };
  for (const rule of value as unknown[]) {
    const { pattern, class: cls } = (rule ?? {}) as Record<string, unknown>;
    if (typeof pattern !== 'string' || pattern.length === 0 || !(FILE_CLASSES as readonly unknown[]).includes(cls)) {
      return { problem: `each rule needs a "pattern" and a "class" (one of ${FILE_CLASSES.join(', ')}).` };
    }
  }
  return { value: value as ClassificationRule[] };
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
