/** Raised for a bad command line: exit code 2 with a one-line message. */
export class UsageError extends Error {}

export const USAGE = `Usage: reflect <command> [options]

Commands:
  notes [<from>..<to>] [--repo DIR] [--format markdown|json]
      Release notes for a range (default: latest tag..HEAD).
  check [PATH...] [--format text|json]
      Validate change-record documents (files or folders; default: docs/changes).

Exit codes: 0 success, 1 findings (errors or warnings), 2 usage, repository or I/O error.`;
