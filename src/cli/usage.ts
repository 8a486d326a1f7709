/** Raised for a bad command line: exit code 2 with a one-line message. */
export class UsageError extends Error {}

export const USAGE = `Usage: reflect <command> [options]

Commands:
  notes [<from>..<to>] [--repo DIR] [--format markdown|json] [--pattern P] [--allow-partial]
      Release notes for a range (default: latest release tag..HEAD). A range
      that reaches past a shallow clone's history is refused unless --allow-partial.
  tags [--repo DIR] [--format text|json] [--pattern P] [--hide-prereleases]
      Release tags, newest first (P defaults to v?MAJOR.MINOR.PATCH).
  check [PATH...] [--format text|json]
      Validate change-record documents (files or folders; default: docs/changes).

Exit codes: 0 success, 1 findings (errors or warnings), 2 usage, repository or I/O error.`;
