// Only the functions used: semver's index loads every class and range at start-up.
import SemVer from 'semver/classes/semver';
import semverValid from 'semver/functions/valid';
import semverPrerelease from 'semver/functions/prerelease';

/**
 * Which tags are releases, and the version each stands for. The pattern is a
 * template: `MAJOR`, `MINOR` and `PATCH` stand for numbers, `*` for any run of
 * characters, `?` makes the character before it optional; anything else is
 * literal. A pre-release (`-rc.1`) and build suffix (`+b5`) may follow a
 * `PATCH`. Examples: `v?MAJOR.MINOR.PATCH` (the default), `api-v*`.
 */
export class TagPattern {
  static readonly DEFAULT = 'v?MAJOR.MINOR.PATCH';
  private readonly regex: RegExp;
  private readonly hasVersionFields: boolean;
  /** The tag family this pattern follows (`create-vite`), when it was made for one (`TagPattern.forFamily`). */
  readonly family?: string;

  /**
   * The releases of one tag family (tagFamilies.ts): the family's name, then
   * `@`, `-`, `_` or `/` and an optional `v`, then a semver version
   * (`create-vite@5.0.0`, `api-v1.2.3`, `@scope/pkg@1.0.0`). The family `v`
   * is the default pattern's tags (`v1.2.3`, `1.2.3`), followed strictly.
   */
  static forFamily(name: string): TagPattern {
    const problem = familyNameProblem(name);
    if (problem) throw new TagPatternError(problem);
    const prefix = name === DEFAULT_FAMILY ? 'v?' : `${escapeRegex(name)}(?:[@/_-]v?)?`;
    return new TagPattern(TagPattern.DEFAULT, { family: name, regex: new RegExp(`^${prefix}${SEMVER_FIELDS}$`) });
  }

  /**
   * Why a template is not a usable pattern, in words that name the template
   * (a field named twice, more than one `*`, a `?` with nothing before it), or
   * undefined when it is one.
   */
  static problemWith(template: string): string | undefined {
    const source = template.trim() || TagPattern.DEFAULT;
    for (const field of ['MAJOR', 'MINOR', 'PATCH']) {
      if (source.split(field).length > 2) return `"${clip(source)}" names ${field} more than once; MAJOR, MINOR and PATCH may each appear once.`;
    }
    if (source.split('*').length > 2) return `"${clip(source)}" has more than one "*"; one "*" stands for the part that varies.`;
    if (source.startsWith('?') || source.includes('??')) return `"${clip(source)}" has a "?" with no character before it to make optional.`;
    return undefined;
  }

  /** Throws a TagPatternError (naming the template, never a regular-expression message) when the template is not usable. */
  constructor(
    readonly template: string = TagPattern.DEFAULT,
    family?: { readonly family: string; readonly regex: RegExp },
  ) {
    if (family) {
      this.family = family.family;
      this.regex = family.regex;
      this.hasVersionFields = true;
      return;
    }
    const problem = TagPattern.problemWith(template);
    if (problem) throw new TagPatternError(problem);
    const source = template.trim() || TagPattern.DEFAULT;
    this.hasVersionFields = /MAJOR|MINOR|PATCH/.test(source);
    let body = '';
    for (let i = 0; i < source.length; ) {
      const field = /^(MAJOR|MINOR|PATCH)/.exec(source.slice(i));
      if (field) {
        body += `(?<${field[1].toLowerCase()}>0|[1-9]\\d*)`;
        if (field[1] === 'PATCH') body += '(?<pre>-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?';
        i += field[1].length;
        continue;
      }
      const char = source[i];
      if (char === '*') body += '(?<rest>.*)';
      else if (char === '?') body += '?';
      else body += char.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
      i++;
    }
    try {
      this.regex = new RegExp(`^${body}$`);
      // V8 compiles a regular expression on first use: "too large" surfaces there, so use it once here.
      this.regex.test('');
    } catch {
      // problemWith covers every case we know of; this keeps an unforeseen one from surfacing as a regular-expression error.
      throw new TagPatternError(`"${clip(source)}" is not a tag pattern: use MAJOR, MINOR and PATCH for numbers, one "*" for any text, and "?" after a character to make it optional.`);
    }
  }

  /** How the pattern is shown to a person: its template, or the family it follows. */
  describe(): string {
    return this.family === undefined ? this.template : `the ${this.family} tag family`;
  }

  /** Whether a tag name is a release under this pattern. */
  matches(name: string): boolean {
    return this.regex.test(name);
  }

  /**
   * The semver version a matching tag stands for, or null when it matches
   * without one (it is then ordered by date).
   */
  versionOf(name: string): string | null {
    return this.read(name).semver?.version ?? null;
  }

  /**
   * Whether a tag matches, and its parsed version (null when it matches
   * without one): one read of the name, for lists of thousands of tags.
   */
  read(name: string): { readonly matches: boolean; readonly semver: SemVer | null } {
    const match = this.regex.exec(name);
    if (!match) return NO_MATCH;
    const g = match.groups;
    if (!g) return MATCH_WITHOUT_VERSION;
    let text: string | undefined;
    if (this.hasVersionFields && g.major !== undefined) text = `${g.major}.${g.minor ?? '0'}.${g.patch ?? '0'}${g.pre ?? ''}`;
    else if (g.rest !== undefined) text = g.rest.replace(/^v/, '');
    return text === undefined ? MATCH_WITHOUT_VERSION : { matches: true, semver: parseSemver(text) };
  }

  /**
   * The tag a version would have on this release line when no tag of it
   * exists yet: `v0.1.0` for the default pattern, `create-vite@0.1.0` for the
   * family `create-vite` (`sub/module/v0.1.0` for a path-like family), and
   * the template filled in (`api-v*` gives `api-v0.1.0`). Falls back to
   * `v<version>` when the template has no place for a version, or fills in
   * to no name a tag could have (`*-vMAJOR.MINOR.PATCH` would start with `-`).
   */
  tagFor(version: string): string {
    const candidate = this.family !== undefined ? familyTag(this.family, version) : this.filledTemplate(version);
    const usable = !/^[-./]/.test(candidate) && this.matches(candidate) && this.versionOf(candidate) === version;
    return usable ? candidate : `v${version}`;
  }

  private filledTemplate(version: string): string {
    const source = this.template.trim() || TagPattern.DEFAULT;
    const [major, minor, patch] = version.split('.');
    const fields: Record<string, string> = { MAJOR: major, MINOR: minor, PATCH: patch };
    let text = '';
    for (let i = 0; i < source.length; ) {
      const field = /^(MAJOR|MINOR|PATCH)/.exec(source.slice(i));
      if (field) {
        text += fields[field[1]] ?? '0';
        i += field[1].length;
        continue;
      }
      const char = source[i];
      // The text a `*` stands for is the version when no field holds it; an optional character is written.
      if (char === '*') text += this.hasVersionFields ? '' : version;
      else if (char !== '?') text += char;
      i++;
    }
    return text;
  }

  /** Whether a matching tag is a pre-release (for example `v2.0.0-rc.1`). */
  isPrerelease(name: string): boolean {
    const version = this.versionOf(name);
    return version !== null && semverPrerelease(version) !== null;
  }
}

const NO_MATCH = { matches: false, semver: null } as const;
const MATCH_WITHOUT_VERSION = { matches: true, semver: null } as const;

/** A strict semver version, or null (as semver's `valid` decides, without parsing twice). */
function parseSemver(text: string): SemVer | null {
  try {
    return new SemVer(text);
  } catch {
    return null;
  }
}

/** A tag pattern that cannot be used; the message names the template and what is wrong with it. */
export class TagPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TagPatternError';
  }
}

/** The family of the default pattern's tags (`v1.2.3`, `1.2.3`). */
export const DEFAULT_FAMILY = 'v';

const SEMVER_FIELDS = '(?<major>0|[1-9]\\d*)\\.(?<minor>0|[1-9]\\d*)\\.(?<patch>0|[1-9]\\d*)(?<pre>-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?';

/** Why a text cannot name a tag family (it could not be the start of a tag name), or undefined. */
export function familyNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 200) return 'a tag family is named by the text its tags start with, such as "create-vite" or "@scope/pkg" (1 to 200 characters).';
  // Characters git never allows in a tag name, so no tag could belong to such a family.
  if (/[\0-\x20\x7f~^:?*[\\]|\.\.|@\{|^[-./]/.test(name)) return `"${clip(name)}" cannot start a tag name, so it names no tag family; run "reflect tags --families" to list them.`;
  return undefined;
}

/** A family's tag for a version, in the usual form: `pkg@1.0.0`, `@scope/pkg@1.0.0`, `sub/module/v1.0.0` (Go modules), `v1.0.0`. */
function familyTag(family: string, version: string): string {
  if (family === DEFAULT_FAMILY) return `v${version}`;
  const pathLike = family.includes('/') && !family.startsWith('@');
  return pathLike ? `${family}/v${version}` : `${family}@${version}`;
}

/**
 * The first release tag of a release line, version 0.1.0: written like the
 * line's existing tag `example` when there is one (`create-vite-v4.9.0`
 * gives `create-vite-v0.1.0`), else as the pattern writes it.
 */
export function firstReleaseTag(pattern: TagPattern = new TagPattern(), example?: string): string {
  const version = FIRST_VERSION;
  const known = example !== undefined && pattern.matches(example) ? tagVersionOf(example, pattern) : null;
  if (known) {
    const candidate = `${known.prefix}${version}`;
    if (pattern.matches(candidate)) return candidate;
  }
  return pattern.tagFor(version);
}

/** The version of a release line's first release. */
export const FIRST_VERSION = '0.1.0';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

// A version at the end of a tag's name, after any prefix (`create-vite@9.1.2`, `plugin-vue2@0.3.0`, `api-v1.2.3`).
const TRAILING_VERSION = /(?:^|[^0-9.])(v?)((?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;

/** Where a tag's version sits in its name: the text before it, the version, and the text after it. */
export interface TagVersion {
  readonly prefix: string;
  /** A semver version, without a leading `v`. */
  readonly version: string;
  readonly suffix: string;
}

/**
 * The version of a release tag and where it sits in the name: read with the
 * pattern when the tag matches it, else the semver version that ends the
 * name (so `plugin-vue2@0.3.0` is 0.3.0, never 2.0.0); null when there is none.
 */
export function tagVersionOf(name: string, pattern: TagPattern = new TagPattern()): TagVersion | null {
  const version = pattern.versionOf(name);
  if (version !== null) {
    // The version as written in the name: the last place it occurs (a prefix may hold digits too).
    const at = name.lastIndexOf(version);
    if (at >= 0) return { prefix: name.slice(0, at), version, suffix: name.slice(at + version.length) };
  }
  const trailing = TRAILING_VERSION.exec(name);
  if (!trailing) return null;
  const parsed = semverValid(trailing[2]);
  if (parsed === null) return null;
  return { prefix: name.slice(0, name.length - trailing[2].length), version: parsed, suffix: '' };
}
