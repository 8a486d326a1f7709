// Preloaded (`node --import ./bench/peakMemory.mjs dist/cli.js …`) by the
// benchmark: when the process exits, writes its peak resident set size in
// kilobytes (process.resourceUsage().maxRSS) to the file BENCH_PEAK_FILE names.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_PEAK_FILE) writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
