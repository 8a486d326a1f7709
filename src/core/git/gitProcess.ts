import { spawn } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { gitExecutableFor } from './gitExecutable';
import { neutralisedArguments, neutralisedEnvironment } from './programConfigKeys';
import { Slots } from '../vocabulary/slots';

/** How one git call is run. */
export interface GitCallOptions {
  /** Receives stdout chunk by chunk; the call then resolves to an empty buffer. */
  readonly onStdout?: (chunk: Buffer) => void;
  /** Variables added to the neutralised environment (for example GIT_FLUSH). */
  readonly env?: Readonly<Record<string, string>>;
  /** Stops git (SIGTERM) when aborted; the call then rejects with the signal's AbortError. */
  readonly signal?: AbortSignal;
  /**
   * Work nobody is waiting on (the releases' counts): git runs at a
   * lower scheduling priority, so that on a busy machine the reads a person
   * waits for, and the editor itself, get the processor first.
   */
  readonly background?: boolean;
}

/** The `nice` value of background reads (0 is normal, 19 the lowest). */
export const BACKGROUND_PRIORITY = 10;

/** git's stderr is kept up to this size for the error message; the rest is dropped. */
const STDERR_LIMIT = 64 * 1024;
/** At most this many git processes at once, across every repository. */
const MAX_PROCESSES = 8;

const processes = new Slots(MAX_PROCESSES);

/** git ran and exited non-zero: `exitCode` says how (null when a signal stopped it); the message is git's stderr. */
export class GitExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
  ) {
    super(message);
  }
}

/** One finished git call, as an observer hears it: its arguments (before neutralising), when it started and how long it took. */
export interface GitCallRecord {
  readonly args: readonly string[];
  readonly startedAt: number;
  readonly ms: number;
}

let observer: ((call: GitCallRecord) => void) | undefined;

/**
 * Hears every git call when it ends (the workbench benchmark's probe counts
 * them per step); one observer at a time, none by default. Returns the undo.
 */
export function observeGitCalls(listener: (call: GitCallRecord) => void): () => void {
  observer = listener;
  return () => {
    if (observer === listener) observer = undefined;
  };
}

let spawnedThisTurn = false;

/**
 * Resolves in a turn of the event loop that has started no git process yet,
 * and claims it. Starting a process forks the whole calling process, and the
 * fork blocks its thread until the child has started git: 10 to 50 ms in an
 * extension host of 200 MB on a busy machine, so four reads started together
 * blocked it for 130 ms. One start per turn lets the work between them (a
 * view's rows on their way to the window) go first. Exported for its test.
 */
export async function nextSpawnTurn(): Promise<void> {
  while (spawnedThisTurn) await new Promise<void>((resolve) => setImmediate(resolve));
  spawnedThisTurn = true;
  setImmediate(() => {
    spawnedThisTurn = false;
  });
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
export async function runGit(cwd: string, args: readonly string[], options: GitCallOptions = {}, start: typeof spawn = spawn): Promise<Buffer> {
  const argv = neutralisedArguments(args);
  options.signal?.throwIfAborted();
  const release = await processes.take();
  const startedAt = Date.now();
  try {
    await nextSpawnTurn();
    options.signal?.throwIfAborted();
    return await new Promise<Buffer>((resolve, reject) => {
      // Never spawn('git'): the system's search would run a `git` from the repository (PATH with `.` or an empty entry; Windows looks in cwd first).
      const git = gitExecutableFor(cwd);
      if (git === undefined) {
        reject(new Error('spawn git ENOENT: git is not on PATH'));
        return;
      }
      const child = start(git, argv, { cwd, env: neutralisedEnvironment(options.env), stdio: ['ignore', 'pipe', 'pipe'], shell: false, windowsHide: true, ...(options.signal ? { signal: options.signal } : {}) });
      if (options.background && child.pid !== undefined) {
        try {
          // Lowered, never raised: a caller already running lower keeps its own.
          setPriority(child.pid, Math.max(getPriority(), BACKGROUND_PRIORITY));
        } catch {
          // Not allowed here: it runs at the normal priority.
        }
      }
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
        else reject(new GitExitError(stderr.trim() || `git ${args[0]} ${signal ? `was stopped by ${signal}` : `exited with code ${String(code)}`}`, code));
      });
    });
  } finally {
    release();
    observer?.({ args, startedAt, ms: Date.now() - startedAt });
  }
}
