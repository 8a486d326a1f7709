/** Raised for a bad command line: exit code 2 with a one-line message. */
export class UsageError extends Error {}

/** The commands `reflect` knows, in the order `reflect --help` lists them. */
export const COMMANDS = ['new', 'status', 'notes', 'rollback', 'package', 'tags', 'check', 'export'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Whether a word is one of the commands. */
export function isCommandName(value: string | undefined): value is CommandName {
  return value !== undefined && (COMMANDS as readonly string[]).includes(value);
}

/**
 * Each command's own usage block: `reflect X --help` prints it, an unknown
 * option of X names it, and `reflect --help` lists them all.
 */
export const COMMAND_USAGE: Readonly<Record<CommandName, string>> = {
  new: `  new <kind> [--record V] [--phase P] [--repo DIR] [--today YYYY-MM-DD] [--author NAME]
      Creates one change-record document from the template the editor uses
      and prints its path; never overwrites (exit 2 when it exists).
      <kind> is one of the record's documents: change, release-notes,
      rollback, reflection (with --phase before-action|in-action-planning|
      in-action-execution|on-action|beyond-action, default: the one due
      next), action-plan, or a phase id itself (reflect new on-action).
      --record defaults to the newest record in the records folder.`,
  status: `  status [V] [--repo DIR] [--format text|json] [--today YYYY-MM-DD]
      A record's documents (default: the newest record), each missing, with
      problems or complete, and what is due next.`,
  notes: `  notes [<from>..<to>] [--repo DIR] [--format markdown|json] [--pattern P] [--allow-partial]
        [--template FILE] [--paths P]... [--out FILE [--update [--force]]]
        [--check [--format text|json|sarif|codequality|github] [--fail-on error|warning|never]]
      Release notes for a range (default: latest release tag..HEAD); a single
      release ref (v1.2.0) means that release: the previous release..it.
      A..B with three dots is refused. A range that reaches past a shallow
      clone's history is refused unless --allow-partial.
      --paths (repeatable or comma-separated, relative to the current folder
      as git reads them) keeps only commits touching them;
      --out writes a new file (never overwrites); --update rewrites only its
      generated parts, and refuses parts edited by hand unless --force.
      --check prints the hazard findings instead of the notes, as a report
      for CI (--format, default text), placed in the record's
      release-notes.md; --fail-on (default warning) decides the exit code.
      reflect.config.json at the repository root configures sections and more.`,
  rollback: `  rollback [<from>..<to>] [--repo DIR] [--format markdown|json] [--package FILE] [--change V] [--out FILE]
      The rollback checklist for a range, from the files it changed.`,
  package: `  package <tag> [--repo DIR] [--out DIR]
      Archives the tag (never the working tree) with a checksum and manifest
      into DIR (default .reflect/packages) and prints the archive's path.
  package --verify FILE [--repo DIR]
      Re-checks a package's checksum and manifest and, inside the repository
      (or with --repo), its contents against the tag it claims; prints each
      check made. Exit 0 intact, 1 not.`,
  tags: `  tags [--repo DIR] [--format text|json] [--pattern P] [--hide-prereleases]
      Release tags, newest first (P defaults to v?MAJOR.MINOR.PATCH).`,
  check: `  check [PATH...] [--format text|json|sarif|codequality|github] [--fail-on error|warning|never]
        [--staged] [--today YYYY-MM-DD] [--rule CODE=SEVERITY]... [--beyond-action-days N]
      Validate change-record documents (files or folders; default: docs/changes),
      with the hazard findings of each record's release notes.
      sarif (2.1.0, for code scanning), codequality (GitLab Code Quality) and
      github (workflow-command annotations) are reports for CI.
      --staged checks the staged versions (the index, not the working tree):
      for a pre-commit hook. --fail-on (default warning) decides which
      findings exit 1. --rule sets a rule's severity (error, warning, info or
      off); --beyond-action-days sets the fewest days between the on-action
      and beyond-action reflections; --today sets the date.`,
  export: `  export <record folder> [--out FILE] [--force] [--strict] [--repo DIR] [--today YYYY-MM-DD]
      Writes the record's evidence pack, one self-contained HTML file (default
      <repo>/.reflect/evidence/<system>-<version>-evidence.html), and prints its path. Never
      overwrites a file unless --force; --strict exits 1 when the record has
      errors or warnings (the pack is still written).`,
};

const EXIT_CODES = 'Exit codes: 0 success, 1 findings (errors or warnings), 2 usage, repository or I/O error.';

/** `reflect --help`: every command's block. */
export const USAGE = `Usage: reflect <command> [options]    (reflect <command> --help, reflect --version)

Commands:
${COMMANDS.map((name) => COMMAND_USAGE[name]).join('\n')}

${EXIT_CODES}`;

/** `reflect X --help`: that command's block alone. */
export function commandUsage(command: CommandName): string {
  return `Usage: reflect ${command} [options]\n\n${COMMAND_USAGE[command]}\n\n${EXIT_CODES}`;
}
