// `npm run bench`: times our git reading against git itself, and each whole
// `reflect` process against the floor (bench/floor.mjs: a bare Node script
// that spawns the same git command with the same arguments and environment
// and buffers its output), on the same repository and range, paired and
// interleaved in one run, and prints the ratios. A benchmark, not a test: it
// asserts nothing, it reports. BENCH_REAL=<path of a clone> adds the same
// whole-process measures on a real history, and the per-commit cost of both.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { ensureCompetitors } from './competitors.mjs';
import { ensureLargeRepository } from './largeRepository.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const core = require(join(ROOT, 'out', 'bench', 'benchCore.js'));
const run = promisify(execFile);
const CLI = join(ROOT, 'dist', 'cli.js');
const FLOOR = join(ROOT, 'bench', 'floor.mjs');
const READS_FLOOR = join(ROOT, 'bench', 'readsFloor.mjs');
const PEAK = pathToFileURL(join(ROOT, 'bench', 'peakMemory.mjs')).href;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

/**
 * Runs `ours` and `theirs` RUNS times each (after one warm-up of each),
 * alternating A, B, A, B…, so that anything else slowing the machine during
 * the run slows both sides alike. Returns sorted durations in ms for each.
 */
async function timePair(ours, theirs) {
  await ours();
  await theirs();
  const a = [];
  const b = [];
  const once = async (fn, into) => {
    const start = process.hrtime.bigint();
    await fn();
    into.push(Number(process.hrtime.bigint() - start) / 1e6);
  };
  for (let i = 0; i < RUNS; i++) {
    // Which side goes first alternates too.
    if (i % 2 === 0) {
      await once(ours, a);
      await once(theirs, b);
    } else {
      await once(theirs, b);
      await once(ours, a);
    }
  }
  return [a.sort((x, y) => x - y), b.sort((x, y) => x - y)];
}

const median = (s) => s[Math.floor(s.length / 2)];
const p90 = (s) => s[Math.min(s.length - 1, Math.ceil(s.length * 0.9) - 1)];
const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(8);

function processRunner(command, args, options = {}) {
  return async () => {
    const result = spawnSync(command, args, { maxBuffer: 1 << 30, ...options });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  };
}

/** The floor for a git read `reflect` makes: the same git, argv, environment and folder, from a bare Node script. */
function floorRunner(repoPath, gitArgs, extraEnv = {}) {
  const git = core.gitExecutableFor(repoPath);
  const argv = JSON.stringify([git, ...core.neutralisedArguments(gitArgs)]);
  return processRunner(process.execPath, [FLOOR, repoPath, argv], { env: core.neutralisedEnvironment(extraEnv) });
}

/**
 * The git reads `reflect notes <spec>` makes, as waves: one in-process run
 * is watched, and a call started while one of the current wave still ran
 * joins that wave; one started after the wave ended begins the next. Each
 * read as git gets it (neutralised arguments).
 */
async function notesReads(path, spec) {
  const calls = [];
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const stop = core.observeGitCalls((call) => calls.push(call));
  try {
    await core.runNotes([spec, '--repo', path], sink, '2026-11-25', sink);
  } finally {
    stop();
  }
  const git = core.gitExecutableFor(path);
  const waves = [];
  for (const call of calls.sort((a, b) => a.startedAt - b.startedAt)) {
    const wave = waves.at(-1);
    const argv = [git, ...core.neutralisedArguments(call.args)];
    if (wave && call.startedAt < wave.end) {
      wave.reads.push(argv);
      wave.end = Math.max(wave.end, call.startedAt + call.ms);
    } else waves.push({ reads: [argv], end: call.startedAt + call.ms });
  }
  return waves.map((w) => w.reads);
}

/** bench/readsFloor.mjs making the reads of `reflect notes <spec>` (the environment of its commit read for all). */
async function readsFloorRunner(path, spec) {
  const waves = await notesReads(path, spec);
  const runner = processRunner(process.execPath, [READS_FLOOR, path, JSON.stringify(waves)], { env: core.neutralisedEnvironment(core.LOG_ENVIRONMENT) });
  runner.shape = waves.map((wave) => wave.map((argv) => argv.find((a, i) => i > 0 && !a.startsWith('-') && argv[i - 1] !== '-c')).join(' + ')).join(', then ');
  return runner;
}

const rows = [];
/** Times ours against a baseline; `target` is a ratio, `absoluteMs` a ceiling for our median. */
async function compare(name, ours, theirs, target, absoluteMs, baseline = 'git') {
  const load = loadavg()[0];
  const [a, b] = await timePair(ours, theirs);
  const ratio = median(a) / median(b);
  rows.push({ name, ours: a, git: b, ratio, target, absoluteMs, baseline, load: [load, loadavg()[0]] });
}

const repoPath = await ensureLargeRepository();
const repo = await core.GitRepository.open(repoPath);
const tags = core.selectReleaseTags(await repo.listTags());
const newest = tags[0].name;
const older = tags[200].name;
const range5000 = `${older}..${newest}`;
const commitsIn5000 = (await repo.readCommits({ from: older, to: newest })).length;
const git = (args) => () => run('git', args, { cwd: repoPath, maxBuffer: 1 << 30 });
const logArgs = (range) => ['log', '-z', '--encoding=UTF-8', `--format=${core.LOG_FORMAT}`, range, '--'];
const rangeOf = (spec) => (spec.includes('..') ? { ...(spec.split('..')[0] ? { from: spec.split('..')[0] } : {}), to: spec.split('..')[1] } : { to: spec });
/** `reflect notes` on a range against the floor running the same `git log`. */
const notesAgainstFloor = (name, path, spec, target) =>
  compare(name, processRunner(process.execPath, [CLI, 'notes', spec, '--repo', path]), floorRunner(path, core.logArguments(rangeOf(spec)), core.LOG_ENVIRONMENT), target, undefined, 'floor');

await compare(
  `tag list for first paint (${tags.length} tags), in-process`,
  async () => core.selectReleaseTags(await repo.listTags()),
  git(['for-each-ref', `--format=${core.TAG_FORMAT}`, 'refs/tags']),
  1.5,
);
await compare(
  `read ${commitsIn5000} commits (${range5000}), in-process (git layer)`,
  () => repo.readCommits({ from: older, to: newest }),
  git(logArgs(range5000)),
  1.5,
);
await compare(
  `read and parse ${commitsIn5000} commits as Conventional Commits, in-process`,
  () => repo.readMappedCommits({ from: older, to: newest }, core.parseCommit),
  git(logArgs(range5000)),
  1.5,
);
await compare(
  `whole process: reflect tags --format json (${tags.length} tags)`,
  processRunner(process.execPath, [CLI, 'tags', '--repo', repoPath, '--format', 'json']),
  floorRunner(repoPath, core.TAG_LIST_ARGUMENTS),
  1.3,
  undefined,
  'floor',
);

// Release notes: one release (25 commits), a 5,000-commit range, the whole history.
const oneRelease = `${tags[1].name}..${tags[0].name}`;
await notesAgainstFloor(`notes for one release (${oneRelease}), whole process`, repoPath, oneRelease, 1.2);
// What the reads themselves cost: the goal of 1.2x the floor against a script that makes reflect's reads and nothing else.
const oneReleaseReads = await readsFloorRunner(repoPath, oneRelease);
const readsShapes = [`one release: ${oneReleaseReads.shape}`];
await compare(
  'the reads alone (bare script, same reads and waves), one release',
  oneReleaseReads,
  floorRunner(repoPath, core.logArguments(rangeOf(oneRelease)), core.LOG_ENVIRONMENT),
  null,
  undefined,
  'floor',
);
await compare('notes for one release, whole process, against the reads alone', processRunner(process.execPath, [CLI, 'notes', oneRelease, '--repo', repoPath]), oneReleaseReads, null, undefined, 'reads');
// Node's compile cache is kept between runs; a first run (a fresh CI container) compiles the bundle.
await compare(
  'the same with the compile cache off (a first run)',
  processRunner(process.execPath, [CLI, 'notes', oneRelease, '--repo', repoPath], { env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } }),
  floorRunner(repoPath, core.logArguments(rangeOf(oneRelease)), core.LOG_ENVIRONMENT),
  null,
  undefined,
  'floor',
);
await notesAgainstFloor(`notes for ${commitsIn5000} commits (${range5000}), whole process`, repoPath, range5000, 1.3);
const rangeReads = await readsFloorRunner(repoPath, range5000);
readsShapes.push(`${commitsIn5000} commits: ${rangeReads.shape}`);
await compare(`the reads alone, ${commitsIn5000} commits`, rangeReads, floorRunner(repoPath, core.logArguments(rangeOf(range5000)), core.LOG_ENVIRONMENT), null, undefined, 'floor');
await compare(`notes for ${commitsIn5000} commits, whole process, against the reads alone`, processRunner(process.execPath, [CLI, 'notes', range5000, '--repo', repoPath]), rangeReads, null, undefined, 'reads');
const notesInProcess = async () => core.renderReleaseNotesMarkdown(await core.buildReleaseNotes(repo, { range: { from: older, to: newest }, date: '2026-11-25' }));
await compare(`notes for ${commitsIn5000} commits (${range5000}), in-process, warm`, notesInProcess, git(logArgs(range5000)), 1.5);
// Our reads ask git for buffered output (GIT_FLUSH=0, as git does by itself
// when writing to a file); the same target against git run that way too:
await compare(
  `notes for ${commitsIn5000} commits, in-process, vs GIT_FLUSH=0 git log`,
  notesInProcess,
  () => run('git', logArgs(range5000), { cwd: repoPath, maxBuffer: 1 << 30, env: { ...process.env, GIT_FLUSH: '0' } }),
  1.5,
);
// `..tag`: from the first commit (a single ref would mean that ref's release).
const wholeHistory = `..${newest}`;
const commitsInHistory = await repo.countCommits(rangeOf(wholeHistory));
await notesAgainstFloor(`notes for the whole history (${commitsInHistory} commits), whole process`, repoPath, wholeHistory, 1.3);

/** Peak resident memory (MB) of one `reflect notes` process on a range. */
function peakMemoryMb(path, spec) {
  const folder = mkdtempSync(join(tmpdir(), 'reflect-bench-'));
  try {
    const file = join(folder, 'peak');
    const result = spawnSync(process.execPath, ['--import', PEAK, CLI, 'notes', spec, '--repo', path], { maxBuffer: 1 << 30, env: { ...process.env, BENCH_PEAK_FILE: file } });
    if (result.status !== 0) throw new Error(`reflect notes ${spec} failed: ${result.stderr}`);
    return Number(readFileSync(file, 'utf8')) / 1024;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
const range20000 = `${tags[800].name}..${newest}`;
const commitsIn20000 = await repo.countCommits(rangeOf(range20000));
const peaks = [];
for (let i = 0; i < Math.max(3, Math.min(RUNS, 5)); i++) peaks.push(peakMemoryMb(repoPath, range20000));
peaks.sort((x, y) => x - y);

// A real history, when one is given: the same whole-process measures, and the per-commit cost.
const realPath = process.env.BENCH_REAL;
const perCommit = [{ label: `generated, ${commitsIn5000} commits`, commits: commitsIn5000, ms: median(rows.find((r) => r.name.startsWith(`notes for ${commitsIn5000} commits (`) && r.name.endsWith('in-process, warm')).ours) }];
if (realPath) {
  const real = await core.GitRepository.open(realPath);
  const realTags = core.selectReleaseTags(await real.listTags());
  // The newest range of 5,000 commits or more between two releases, else the whole history.
  let from;
  for (const tag of realTags.slice(1)) {
    if ((await real.countCommits({ from: tag.name, to: realTags[0].name })) >= 5000) {
      from = tag.name;
      break;
    }
  }
  const spec = from ? `${from}..${realTags[0].name}` : '..HEAD';
  const count = await real.countCommits(rangeOf(spec));
  const name = realPath.split('/').filter(Boolean).pop();
  await notesAgainstFloor(`${name}: notes for ${count} commits (${spec}), whole process`, realPath, spec, 1.3);
  await notesAgainstFloor(`${name}: notes for one release (${realTags[1].name}..${realTags[0].name}), whole process`, realPath, `${realTags[1].name}..${realTags[0].name}`, 1.2);
  const realInProcess = async () => core.renderReleaseNotesMarkdown(await core.buildReleaseNotes(real, { range: rangeOf(spec), date: '2026-11-25' }));
  await compare(`${name}: notes for ${count} commits, in-process, warm`, realInProcess, () => run('git', logArgs(spec.startsWith('..') ? spec.slice(2) : spec), { cwd: realPath, maxBuffer: 1 << 30 }), 1.5);
  perCommit.push({ label: `${name}, ${count} commits`, commits: count, ms: median(rows[rows.length - 1].ours) });
}

console.log(`\nBenchmark on ${repoPath}: ${RUNS} runs of each side, alternating with the baseline, after a warm-up; times in ms.`);
console.log('Baselines: git = git itself in-process (execFile); floor = bench/floor.mjs, a bare Node script spawning the same git command and buffering its output.');
console.log('reads = bench/readsFloor.mjs, a bare Node script making the git reads reflect notes makes, in the same waves:');
for (const shape of readsShapes) console.log(`  ${shape}`);
console.log('Ratios are of the medians; p90 is the 90th percentile; load is the 1-minute load average at the start and end of the measure.\n');
console.log(`${'measure'.padEnd(72)} ${'ours'.padStart(8)} ${'p90'.padStart(8)} ${'base'.padStart(8)} ${'p90'.padStart(8)} ${'ratio'.padStart(6)} ${'p90'.padStart(6)}  target            load`);
for (const r of rows) {
  const target = r.target !== null && r.target !== undefined ? `<= ${r.target}x ${r.ratio <= r.target ? 'ok' : 'OVER'}` : r.absoluteMs !== undefined ? `< ${r.absoluteMs} ms ${median(r.ours) < r.absoluteMs ? 'ok' : 'OVER'}` : '(reported)';
  console.log(`${r.name.padEnd(72)} ${fmt(median(r.ours))} ${fmt(p90(r.ours))} ${fmt(median(r.git))} ${fmt(p90(r.git))} ${r.ratio.toFixed(2).padStart(5)}x ${(p90(r.ours) / p90(r.git)).toFixed(2).padStart(5)}x  ${r.baseline.padEnd(5)} ${target.padEnd(12)} ${r.load.map((l) => l.toFixed(1)).join('→')}`);
}
const peakTarget = 100;
console.log(`\nPeak memory of reflect notes for ${commitsIn20000} commits (${range20000}): ${median(peaks).toFixed(1)} MB median, ${peaks[peaks.length - 1].toFixed(1)} MB max of ${peaks.length} runs (target < ${peakTarget} MB ${peaks[peaks.length - 1] < peakTarget ? 'ok' : 'OVER'})`);
console.log('\nPer-commit cost of in-process notes (median):');
for (const p of perCommit) console.log(`  ${p.label.padEnd(40)} ${((p.ms * 1000) / p.commits).toFixed(1)} µs per commit`);

// Other changelog tools on the same ranges (one run each: they are slow on large histories,
// so each run is stopped after BENCH_COMPETITOR_TIMEOUT seconds, 120 by default).
const COMPETITOR_TIMEOUT_MS = Number(process.env.BENCH_COMPETITOR_TIMEOUT ?? 120) * 1000;
if (process.env.BENCH_COMPETITORS !== '0') {
  const { gitCliff, conventional } = ensureCompetitors();
  const once = async (command, args) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: repoPath, maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'], timeout: COMPETITOR_TIMEOUT_MS });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.error && /ETIMEDOUT/.test(String(result.error))) return Infinity;
    return result.status === 0 ? ms : NaN;
  };
  const ranges = [
    ['one release (25 commits)', oneRelease, [tags[1].name, tags[0].name]],
    [`${commitsIn5000} commits`, range5000, [older, newest]],
    [`whole history (${commitsInHistory} commits)`, wholeHistory, null],
  ];
  console.log(`\nRelease notes by each tool, one run each, ms (git log with the same fields for scale):\n`);
  console.log(`${'range'.padEnd(34)} ${'git log'.padStart(9)} ${'reflect'.padStart(9)} ${'git-cliff'.padStart(10)} ${'conventional-changelog'.padStart(23)}`);
  for (const [label, range, fromTo] of ranges) {
    // git reads `..X` as HEAD..X; for us it is the history up to X.
    const gitMs = await once('git', logArgs(range.startsWith('..') ? range.slice(2) : range));
    const oursMs = await once(process.execPath, [CLI, 'notes', range, '--repo', repoPath]);
    const cliffMs = gitCliff ? await once(gitCliff, [...(fromTo ? [range] : []), '-o', '/dev/null']) : NaN;
    const ccArgs = ['--stdout', '-p', 'conventionalcommits', ...(fromTo ? ['--from', fromTo[0], '--to', fromTo[1]] : ['-r', '0'])];
    const ccMs = conventional ? await once(process.execPath, [conventional, ...ccArgs]) : NaN;
    const show = (ms) => (Number.isNaN(ms) ? 'n/a' : ms === Infinity ? `> ${COMPETITOR_TIMEOUT_MS / 1000} s` : ms.toFixed(0));
    console.log(`${label.padEnd(34)} ${show(gitMs).padStart(9)} ${show(oursMs).padStart(9)} ${show(cliffMs).padStart(10)} ${show(ccMs).padStart(23)}`);
  }
}
