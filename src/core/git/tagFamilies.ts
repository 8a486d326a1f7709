// Only the class used: semver's index loads every class and range at start-up.
import SemVer from 'semver/classes/semver';
import { DEFAULT_FAMILY, TagPattern, tagVersionOf } from './tagPattern';
import { compareNames } from '../vocabulary/textOrder';

/** Tags that share the text before their version: one release line of a monorepo. */
export interface TagFamily {
  /** The shared prefix without its separator: `create-vite`, `@scope/pkg`, `api`; `v` for `v1.2.3` and `1.2.3`. */
  readonly name: string;
  readonly count: number;
  /** The family's tag with the highest version. */
  readonly latest: string;
}

/** How many tags a pattern reads as releases, and the families of all of them. */
export interface TagFamilyReport {
  readonly matched: number;
  readonly total: number;
  /** Largest first; ties by name. */
  readonly families: readonly TagFamily[];
  /** The one family every tag the pattern matches belongs to, when there is one: a family picked by a pattern (`create-vite@*`). */
  readonly matchedFamily?: string;
}

// One default pattern for every name: building one per call would dominate on thousands of tags.
const DEFAULT_PATTERN = new TagPattern();

// A separator before the version, with or without a `v`: `pkg@`, `pkg-v`, `pkg_v`, `mod/v`, `pkg-`, `pkg@v`.
const SEPARATOR = /(?:[@/_-]v?)$/;

/**
 * The family a tag belongs to, or undefined when its name ends in no semver
 * version. `create-vite@5.0.0` and `create-vite-v5.0.1` are both
 * `create-vite`; `v1.2.3` and `1.2.3` are `v`. Every tag of a family matches
 * `TagPattern.forFamily(name)`.
 */
export function familyOf(tagName: string): string | undefined {
  return familyAndVersionOf(tagName)?.family;
}

function familyAndVersionOf(tagName: string): { family: string; version: string } | undefined {
  const version = tagVersionOf(tagName, DEFAULT_PATTERN);
  if (!version || version.suffix !== '') return undefined;
  return { family: familyOfPrefix(version.prefix), version: version.version };
}

function familyOfPrefix(prefix: string): string {
  if (prefix === '' || prefix === 'v') return DEFAULT_FAMILY;
  const stripped = prefix.replace(SEPARATOR, '');
  return stripped.length > 0 && stripped !== prefix ? stripped : prefix;
}

/**
 * Groups tag names into families by the text before their version: one pass
 * over the names (no git call), for the tag list one `for-each-ref` read.
 */
export function detectTagFamilies(tagNames: Iterable<string>): TagFamily[] {
  // Each version is parsed once; the family's highest is kept parsed (thousands of tags).
  const families = new Map<string, { count: number; latest: string; version: SemVer }>();
  for (const name of tagNames) {
    const read = familyAndVersionOf(name);
    if (read === undefined) continue;
    const { family } = read;
    const version = new SemVer(read.version);
    const known = families.get(family);
    if (!known) families.set(family, { count: 1, latest: name, version });
    else {
      known.count++;
      if (version.compare(known.version) > 0) Object.assign(known, { latest: name, version });
    }
  }
  return [...families]
    .map(([name, { count, latest }]) => ({ name, count, latest }))
    .sort((a, b) => b.count - a.count || compareNames(a.name, b.name));
}

/** How a pattern reads the tags: how many it matches, and every family among them. */
export function reportTagFamilies(tagNames: readonly string[], pattern: TagPattern): TagFamilyReport {
  let matched = 0;
  // The families of the matched tags: one family means the pattern picks that release line.
  const matchedFamilies = new Set<string | undefined>();
  for (const name of tagNames) {
    if (!pattern.matches(name)) continue;
    matched++;
    if (matchedFamilies.size < 2) matchedFamilies.add(familyOf(name));
  }
  const [only] = matchedFamilies;
  const report = { matched, total: tagNames.length, families: detectTagFamilies(tagNames) };
  return matchedFamilies.size === 1 && only !== undefined ? { ...report, matchedFamily: only } : report;
}

/**
 * Whether a person should be told that tags were skipped: the tag pattern
 * (the default or one's own) leaves out most tags, and tags it leaves out
 * form families. Never when a family was picked, nor for a pattern of one's
 * own whose tags all belong to one family (`create-vite@*` picks that
 * family); the default pattern is no choice, so it is said even when it
 * matches only the family `v`.
 */
export function skipsMostTags(report: TagFamilyReport, pattern: TagPattern): boolean {
  if (pattern.family !== undefined || report.matched * 2 >= report.total) return false;
  if (pattern.template === TagPattern.DEFAULT) return report.families.some((f) => f.name !== DEFAULT_FAMILY);
  if (report.matchedFamily !== undefined) return false;
  return report.families.length > 0;
}

const FAMILIES_SHOWN = 5;

/**
 * One sentence on skipped tags for a person: `the pattern v?MAJOR.MINOR.PATCH
 * matches 12 of 640 tags; families: create-vite (45), plugin-vue (80) …`.
 * `howToPick` ends it (each front end names its own flag or setting).
 */
export function describeSkippedTags(report: TagFamilyReport, pattern: TagPattern, howToPick: string): string {
  // Only the default pattern falls back to every tag (selectReleaseTags); a pattern of one's own then has no releases.
  const none = pattern.template === TagPattern.DEFAULT && pattern.family === undefined ? ', so every tag is read as a release, ordered by date' : ', so there are no releases';
  const reading =
    report.matched === 0
      ? `the tag pattern ${pattern.describe()} matches none of ${report.total} tags${none}`
      : `the tag pattern ${pattern.describe()} matches ${report.matched} of ${report.total} tags`;
  const shown = report.families.slice(0, FAMILIES_SHOWN).map((f) => `${f.name} (${f.count})`);
  const more = report.families.length > FAMILIES_SHOWN ? ` and ${report.families.length - FAMILIES_SHOWN} more` : '';
  return `${reading}; families: ${shown.join(', ')}${more}; ${howToPick}`;
}
