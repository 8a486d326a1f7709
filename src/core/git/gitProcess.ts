import { spawn } from 'node:child_process';
import { gitExecutableFor } from './gitExecutable';
import { neutralisedArguments, neutralisedEnvironment } from './programConfigKeys';

/** How one git call is run. */
export interface GitCallOptions {
  /** Receives stdout chunk by chunk; the call then resolves to an empty buffer. */
  readonly onStdout?: (chunk: Buffer) => void;
  /** Variables added to the neutralised environment (for example GIT_FLUSH). */
  readonly env?: Readonly<Record<string, string>>;
}

/** git's stderr is kept up to this size for the error message; the rest is dropped. */
const STDERR_LIMIT = 64 * 1024;
/** At most this many git processes at once, across every repository. */
const MAX_PROCESSES = 8;

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_PROCESSES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/**
 * Runs one git command in `cwd` and resolves to its stdout. The only place
 * that spawns git: every call gets the overrides and flags of
 * `programConfigKeys.ts` and an environment without inherited GIT_*
 * variables, no shell, and no stdin; git is run by its absolute path
 * (`gitExecutable.ts`), never looked up by the system in `cwd`. Rejects with an Error whose message is
 * git's stderr (or the spawn failure) when git exits non-zero.
 *
 * simple-git's guard refuses `-c core.pager=cat`, `-c gpg.program=` and the
 * other overrides unless its unsafe options are enabled, which we never do;
 * so git is spawned here, with arguments that are ours alone.
 */
export async function runGit(cwd: string, args: readonly string[], options: GitCallOptions = {}): Promise<Buffer> {
  const argv = neutralisedArguments(args);
  const release = await slot();
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      // Never spawn('git'): the system's search would run a `git` from the repository (PATH with `.` or an empty entry; Windows looks in cwd first).
      const git = gitExecutableFor(cwd);
      if (git === undefined) {
        reject(new Error('spawn git ENOENT: git is not on PATH'));
        return;
      }
      const child = spawn(git, argv, { cwd, env: neutralisedEnvironment(options.env), stdio: ['ignore', 'pipe', 'pipe'], shell: false, windowsHide: true });
      const chunks: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        if (options.onStdout) options.onStdout(chunk);
        else chunks.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < STDERR_LIMIT) stderr += chunk.toString('utf8');
      });
      child.on('error', (error) => reject(error));
      child.on('close', (code, signal) => {
        if (code === 0) resolve(Buffer.concat(chunks));
        else reject(new Error(stderr.trim() || `git ${args[0]} ${signal ? `was stopped by ${signal}` : `exited with code ${String(code)}`}`));
      });
    });
  } finally {
    release();
  }
}
