import { classifyGitFailure, GitProblem } from './errors';
import { runGit } from './gitProcess';

/** Diff options that keep a repository's config from running a program or colouring the output. */
export const SAFE_DIFF_OPTIONS = ['--no-ext-diff', '--no-textconv', '--no-color'] as const;

/** Refuses a revision that git could read as an option, or that is empty. */
export function assertSafeRef(ref: string): string {
  if (ref.length === 0) throw new GitProblem('unsafe-ref', 'An empty revision was given.');
  if (ref.startsWith('-')) throw new GitProblem('unsafe-ref', `Refusing revision "${ref}": it starts with "-" and git would read it as an option.`);
  if (/[\0\n\r]/.test(ref) || ref.length > 1024) throw new GitProblem('unsafe-ref', 'Refusing a revision that contains control characters or is too long.');
  return ref;
}

/** Runs git (through `runGit`) and returns its output as text; a failure becomes the GitProblem that says why. */
export async function run(cwd: string, args: string[], options?: Parameters<typeof runGit>[2]): Promise<string> {
  try {
    return (await runGit(cwd, args, options)).toString('utf8');
  } catch (error) {
    // Stopped on purpose: the caller's AbortError, not a git failure to explain.
    options?.signal?.throwIfAborted();
    const detail = error instanceof Error ? error.message : String(error);
    throw classifyGitFailure(detail, cwd);
  }
}
