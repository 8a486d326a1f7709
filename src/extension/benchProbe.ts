import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type * as vscode from 'vscode';

/** The environment variable `npm run bench:workbench` sets on code-server: a file for the probe's figures. */
export const BENCH_FIGURES_VARIABLE = 'REFLECT_BENCH_FIGURES';

/** How often the probe writes a line: fine enough to tell the bench's steps apart. */
const SAMPLE_MS = 100;

/**
 * For the workbench benchmark only, and only when REFLECT_BENCH_FIGURES names
 * a file (it never does for a person): appends one JSON line every 100 ms with
 * the extension host's memory (`process.memoryUsage()`) and the longest the
 * event loop was blocked since the previous line (`monitorEventLoopDelay`), so
 * the benchmark can say what each step cost the host. Otherwise it starts nothing.
 */
export function startBenchProbe(file: string | undefined = process.env[BENCH_FIGURES_VARIABLE]): vscode.Disposable {
  if (!file) return { dispose: () => undefined };
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const sample = (event: string) => {
    const { rss, heapUsed, external } = process.memoryUsage();
    const line = { time: Date.now(), event, pid: process.pid, rss, heapUsed, external, maxBlockMs: delay.max / 1e6 };
    delay.reset();
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  };
  sample('activated');
  const timer = setInterval(() => sample('sample'), SAMPLE_MS);
  return {
    dispose: () => {
      clearInterval(timer);
      delay.disable();
    },
  };
}
