/** Where HEAD points. */
export type HeadState = { readonly kind: 'branch'; readonly branch: string; /** Its commit, when read with the branch. */ readonly commit?: string } | { readonly kind: 'detached'; readonly commit: string } | { readonly kind: 'unborn'; readonly branch?: string };

/**
 * One git call that answers both questions once HEAD has a commit: the
 * commit, then HEAD's full name (`refs/heads/<branch>`, or `HEAD` when
 * detached). Each git process is a fork of its caller, 10 to 50 ms of an
 * extension host's thread on a busy machine.
 */
export const HEAD_STATE_ARGUMENTS: readonly string[] = ['rev-parse', 'HEAD^{commit}', '--symbolic-full-name', 'HEAD', '--'];

/** HEAD's state from the answer to `HEAD_STATE_ARGUMENTS`; undefined when it says nothing (no commit yet, or no answer). */
export function headStateFromAnswer(answer: string | undefined): HeadState | undefined {
  const [commit = '', name = ''] = answer?.split('\n') ?? [];
  if (!/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(commit) || name.length === 0) return undefined;
  if (name === 'HEAD') return { kind: 'detached', commit };
  return { kind: 'branch', branch: name.startsWith('refs/heads/') ? name.slice('refs/heads/'.length) : name.replace(/^refs\//, ''), commit };
}

/** HEAD's state from `symbolic-ref --short HEAD` (empty when detached) and its commit (undefined when there is none). */
export function headStateOf(branch: string, commit: string | undefined): HeadState {
  if (commit === undefined) return { kind: 'unborn', branch: branch || undefined };
  return branch ? { kind: 'branch', branch, commit } : { kind: 'detached', commit };
}
