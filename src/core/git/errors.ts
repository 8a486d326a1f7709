/** Why git could not give an answer, in words a person can act on. */
export type GitProblemKind =
  | 'git-missing'
  | 'not-a-repository'
  | 'dubious-ownership'
  | 'no-commits'
  | 'bad-ref'
  | 'unsafe-ref'
  | 'shallow-history'
  | 'git-failed';

/** An error raised by the git layer; `kind` lets callers pick a view state or an exit code. */
export class GitProblem extends Error {
  constructor(readonly kind: GitProblemKind, message: string) {
    super(message);
    this.name = 'GitProblem';
  }
}

/** Maps git's stderr or a spawn failure to a GitProblem with a specific message. */
export function classifyGitFailure(detail: string, cwd: string): GitProblem {
  const text = detail.trim();
  if (/ENOENT|spawn git|not found: git|command not found/i.test(text)) {
    return new GitProblem('git-missing', 'git is not installed or not on PATH; install git to read tags and commits.');
  }
  if (/detected dubious ownership/i.test(text)) {
    return new GitProblem(
      'dubious-ownership',
      `git refuses to read ${cwd}: the folder is owned by another user ("dubious ownership"). ` +
        'If you trust it, add it yourself with: git config --global --add safe.directory <path>',
    );
  }
  if (/not a git repository/i.test(text)) {
    return new GitProblem('not-a-repository', `${cwd} is not inside a git repository.`);
  }
  if (/does not have any commits yet|ambiguous argument 'HEAD'|unknown revision or path not in the working tree.*HEAD/is.test(text)) {
    return new GitProblem('no-commits', 'The repository has no commits yet.');
  }
  if (/unknown revision|bad revision|ambiguous argument|invalid object name|malformed object name|needed a single revision/i.test(text)) {
    return new GitProblem('bad-ref', `git does not know that revision: ${firstLine(text)}`);
  }
  return new GitProblem('git-failed', `git failed: ${firstLine(text)}`);
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim().length > 0) ?? text;
  return line.replace(/^fatal:\s*/, '');
}
