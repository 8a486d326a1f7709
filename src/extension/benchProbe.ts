import { appendFileSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type * as vscode from 'vscode';
import { observeGitCalls } from '../core/git/gitProcess';

/** The environment variable `npm run bench:workbench` sets on code-server: a file for the probe's figures. */
export const BENCH_FIGURES_VARIABLE = 'REFLECT_BENCH_FIGURES';

/** With `npm run bench:workbench -- --profile`: where the probe writes a CPU profile of the extension host. */
export const BENCH_PROFILE_VARIABLE = 'REFLECT_BENCH_PROFILE';

/** How often the probe writes a line: fine enough to tell the bench's steps apart. */
const SAMPLE_MS = 100;

/**
 * For the workbench benchmark only, and only when REFLECT_BENCH_FIGURES names
 * a file (it never does for a person): appends one JSON line every 100 ms with
 * the extension host's memory (`process.memoryUsage()`) and the longest the
 * event loop was blocked since the previous line (`monitorEventLoopDelay`), so
 * the benchmark can say what each step cost the host, and one line per git
 * call (its command, when it started, how long it took). When
 * REFLECT_BENCH_PROFILE names a file too, the host is CPU-profiled from
 * activation until a file of that name with `.stop` appended appears, and the
 * profile is written there (a `.cpuprofile`, for DevTools). Otherwise it starts nothing.
 */
export function startBenchProbe(file: string | undefined = process.env[BENCH_FIGURES_VARIABLE], profile: string | undefined = process.env[BENCH_PROFILE_VARIABLE]): vscode.Disposable {
  if (!file) return { dispose: () => undefined };
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const profiler = profile ? startProfiler(profile) : undefined;
  const sample = (event: string) => {
    const { rss, heapUsed, external } = process.memoryUsage();
    const line = { time: Date.now(), event, pid: process.pid, rss, heapUsed, external, maxBlockMs: delay.max / 1e6 };
    delay.reset();
    appendFileSync(file, `${JSON.stringify(line)}\n`);
    profiler?.writeWhenAsked();
  };
  sample('activated');
  const stopObserving = observeGitCalls(({ args, startedAt, ms }) => appendFileSync(file, `${JSON.stringify({ time: startedAt, event: 'git', command: args.slice(0, 3).join(' '), ms })}\n`));
  const timer = setInterval(() => sample('sample'), SAMPLE_MS);
  return {
    dispose: () => {
      clearInterval(timer);
      stopObserving();
      delay.disable();
      profiler?.session.disconnect();
    },
  };
}

/** Profiles this process in its own thread's inspector session; writes the profile once `<file>.stop` exists. */
function startProfiler(file: string): { readonly session: Session; writeWhenAsked(): void } {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')));
  let written = false;
  return {
    session,
    writeWhenAsked() {
      if (written || !existsSync(`${file}.stop`)) return;
      written = true;
      session.post('Profiler.stop', (error, result) => {
        if (error) return;
        // Under its own name until whole: the benchmark waits for `file` to appear.
        writeFileSync(`${file}.part`, JSON.stringify(result.profile));
        renameSync(`${file}.part`, file);
      });
    },
  };
}
