import { simpleGit, type SimpleGit } from 'simple-git';
import { classifyGitFailure, GitProblem } from './errors';
import { LOG_FORMAT, parseLogRecords, parseTagRecords, TAG_FORMAT, type GitCommit, type GitTag } from './gitLogParsing';

/**
 * Options that keep every git call free of programs a repository could name.
 * Only read-only plumbing is used: no command here refreshes the index (so
 * `core.fsmonitor` never runs), runs hooks, or runs a pager (stdout is a
 * pipe), and diffs pass `--no-ext-diff --no-textconv`.
 */
export const SAFE_DIFF_OPTIONS = ['--no-ext-diff', '--no-textconv'] as const;

/** A revision range `from..to`; `from` undefined means "from the first commit". */
export interface RevisionRange {
  readonly from?: string;
  readonly to: string;
}

/** Refuses a revision that git could read as an option, or that is empty. */
export function assertSafeRef(ref: string): string {
  if (ref.length === 0) throw new GitProblem('unsafe-ref', 'An empty revision was given.');
  if (ref.startsWith('-')) throw new GitProblem('unsafe-ref', `Refusing revision "${ref}": it starts with "-" and git would read it as an option.`);
  if (/[\0\n\r]/.test(ref)) throw new GitProblem('unsafe-ref', 'Refusing a revision that contains control characters.');
  return ref;
}

function rangeArgument(range: RevisionRange): string {
  const to = assertSafeRef(range.to);
  return range.from === undefined ? to : `${assertSafeRef(range.from)}..${to}`;
}

/**
 * The one place that spawns git. simple-git strips inherited GIT_* variables
 * and blocks unsafe options; we never enable its `unsafe` flags.
 */
export class GitRepository {
  private constructor(private readonly git: SimpleGit, readonly root: string) {}

  /** Opens the repository containing `dir`, or throws a GitProblem saying why not. */
  static async open(dir: string): Promise<GitRepository> {
    let git: SimpleGit;
    try {
      git = simpleGit({ baseDir: dir, maxConcurrentProcesses: 4, trimmed: false });
    } catch {
      throw new GitProblem('not-a-repository', `${dir} does not exist or is not a folder.`);
    }
    const root = (await run(git, dir, ['rev-parse', '--show-toplevel'])).trim();
    if (!root) throw new GitProblem('not-a-repository', `${dir} is not inside a git repository work tree.`);
    return new GitRepository(simpleGit({ baseDir: root, maxConcurrentProcesses: 4, trimmed: false }), root);
  }

  /** Every tag, unsorted; annotated tags are peeled to their commit. */
  async listTags(): Promise<GitTag[]> {
    return parseTagRecords(await this.raw(['for-each-ref', `--format=${TAG_FORMAT}`, 'refs/tags']));
  }

  /** The commit HEAD points at, or undefined when there are no commits yet. */
  async headCommit(): Promise<string | undefined> {
    try {
      return (await this.raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim() || undefined;
    } catch (error) {
      if (error instanceof GitProblem && (error.kind === 'no-commits' || error.kind === 'git-failed' || error.kind === 'bad-ref')) return undefined;
      throw error;
    }
  }

  /** Commits of a range, newest first. Merge commits are included and flagged by their parents. */
  async readCommits(range: RevisionRange): Promise<GitCommit[]> {
    const output = await this.raw(['log', '-z', `--format=${LOG_FORMAT}`, '--end-of-options', rangeArgument(range), '--']);
    return parseLogRecords(output);
  }

  /** How many commits a range holds, without reading them. */
  async countCommits(range: RevisionRange): Promise<number> {
    const output = await this.raw(['rev-list', '--count', '--end-of-options', rangeArgument(range), '--']);
    return Number.parseInt(output.trim(), 10) || 0;
  }

  /** Whether the repository is a shallow clone (history is truncated). */
  async isShallow(): Promise<boolean> {
    return (await this.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  /** A git config value (for example `user.name`), or undefined. */
  async configValue(key: 'user.name' | 'user.email'): Promise<string | undefined> {
    try {
      const value = (await this.raw(['config', '--get', key])).trim();
      return value || undefined;
    } catch {
      return undefined;
    }
  }

  private raw(args: string[]): Promise<string> {
    return run(this.git, this.root, args);
  }
}

async function run(git: SimpleGit, cwd: string, args: string[]): Promise<string> {
  try {
    return await git.raw(args);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw classifyGitFailure(detail, cwd);
  }
}
