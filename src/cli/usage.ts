/** Raised for a bad command line: exit code 2 with a one-line message. */
export class UsageError extends Error {}

/** The notice and deployment-log commands (kept in their own block). */
const CHANGE_CONTROL_USAGE = `  notice <record folder> --type downtime|go-live|rollback [--out FILE]
      Drafts the notice for users and the service desk from change.md (window,
      downtime, services and user groups, contact) and the release notes'
      Summary and Impacted users sections, as Markdown on stdout or in a new
      FILE (never overwritten). Facts change.md lacks are marked and named on stderr.
  log <record folder> "text" [--type step-started|step-done|observation|decision|problem]
      Appends a timestamped entry (local time with its offset) to the
      "Deployment log" section of the record's in-action-execution.md, adding
      the section where the template puts it when missing; nothing else in the
      file changes, and the file is not written if it changed meanwhile.
      The type defaults to observation.`;

export const USAGE = `Usage: reflect <command> [options]

Commands:
  notes [<from>..<to>] [--repo DIR] [--format markdown|json] [--pattern P] [--allow-partial]
        [--template FILE] [--paths P]... [--out FILE [--update [--force]]]
      Release notes for a range (default: latest release tag..HEAD); a single
      release ref (v1.2.0) means that release: the previous release..it.
      A..B with three dots is refused. A range that reaches past a shallow
      clone's history is refused unless --allow-partial.
      --paths (repeatable or comma-separated, relative to the current folder
      as git reads them) keeps only commits touching them;
      --out writes a new file (never overwrites); --update rewrites only its
      generated parts, and refuses parts edited by hand unless --force.
      reflect.config.json at the repository root configures sections and more.
  rollback [<from>..<to>] [--repo DIR] [--format markdown|json] [--package FILE] [--change V] [--out FILE]
      The rollback checklist for a range, from the files it changed.
  package <tag> [--repo DIR] [--out DIR]
      Archives the tag (never the working tree) with a checksum and manifest
      into DIR (default .reflect/packages) and prints the archive's path.
  package --verify FILE [--repo DIR]
      Re-checks a package's checksum and manifest and, inside the repository
      (or with --repo), its contents against the tag it claims; prints each
      check made. Exit 0 intact, 1 not.
  tags [--repo DIR] [--format text|json] [--pattern P] [--hide-prereleases]
      Release tags, newest first (P defaults to v?MAJOR.MINOR.PATCH).
  check [PATH...] [--format text|json]
      Validate change-record documents (files or folders; default: docs/changes).
  export <record folder> [--out FILE] [--force] [--strict] [--repo DIR] [--today YYYY-MM-DD]
      Writes the record's evidence pack, one self-contained HTML file (default
      <repo>/.reflect/evidence/<system>-<version>-evidence.html), and prints its path. Never
      overwrites a file unless --force; --strict exits 1 when the record has
      errors or warnings (the pack is still written).

${CHANGE_CONTROL_USAGE}

Exit codes: 0 success, 1 findings (errors or warnings), 2 usage, repository or I/O error.`;
