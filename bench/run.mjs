// `npm run bench`: times our git reading against git itself, on the same
// repository and range, in the same run, and prints the ratios. A benchmark,
// not a test: it asserts nothing, it reports.
import { execFile, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ensureCompetitors } from './competitors.mjs';
import { ensureLargeRepository } from './largeRepository.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const core = require(join(ROOT, 'out', 'bench', 'benchCore.js'));
const run = promisify(execFile);
const CLI = join(ROOT, 'dist', 'cli.js');
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
const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(8);

function processRunner(command, args) {
  return async () => {
    const result = spawnSync(command, args, { maxBuffer: 1 << 30 });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  };
}

const rows = [];
/** Times ours against git; `target` is a ratio, `absoluteMs` a ceiling for our median. */
async function compare(name, ours, theirs, target, absoluteMs) {
  const [a, b] = await timePair(ours, theirs);
  const ratio = median(a) / median(b);
  rows.push({ name, ours: a, git: b, ratio, target, absoluteMs });
}

const repoPath = await ensureLargeRepository();
const repo = await core.GitRepository.open(repoPath);
const tags = core.selectReleaseTags(await repo.listTags());
const newest = tags[0].name;
const older = tags[200].name;
const range5000 = `${older}..${newest}`;
const commitsIn5000 = (await repo.readCommits({ from: older, to: newest })).length;
const git = (args) => () => run('git', args, { cwd: repoPath, maxBuffer: 1 << 30 });

await compare(
  `tag list for first paint (${tags.length} tags), in-process`,
  async () => core.selectReleaseTags(await repo.listTags()),
  git(['for-each-ref', `--format=${core.TAG_FORMAT}`, 'refs/tags']),
  1.5,
);
await compare(
  `read ${commitsIn5000} commits (${range5000}), in-process (git layer)`,
  () => repo.readCommits({ from: older, to: newest }),
  git(['log', '-z', '--encoding=UTF-8', `--format=${core.LOG_FORMAT}`, range5000, '--']),
  1.5,
);
await compare(
  `read and parse ${commitsIn5000} commits as Conventional Commits, in-process`,
  () => repo.readMappedCommits({ from: older, to: newest }, core.parseCommit),
  git(['log', '-z', '--encoding=UTF-8', `--format=${core.LOG_FORMAT}`, range5000, '--']),
  1.5,
);
await compare(
  `whole process: reflect tags --format json (${tags.length} tags)`,
  processRunner(process.execPath, [CLI, 'tags', '--repo', repoPath, '--format', 'json']),
  processRunner('git', ['-C', repoPath, 'for-each-ref', `--format=${core.TAG_FORMAT}`, 'refs/tags']),
  3,
);

// Release notes: one release (25 commits), a 5,000-commit range, the whole history.
const oneRelease = `${tags[1].name}..${tags[0].name}`;
const logArgs = (range) => ['log', '-z', '--encoding=UTF-8', `--format=${core.LOG_FORMAT}`, range, '--'];
await compare(
  `notes for one release (${oneRelease}), whole process`,
  processRunner(process.execPath, [CLI, 'notes', oneRelease, '--repo', repoPath]),
  processRunner('git', ['-C', repoPath, ...logArgs(oneRelease)]),
  null,
  150,
);
await compare(
  `notes for ${commitsIn5000} commits (${range5000}), in-process, warm`,
  async () => core.renderReleaseNotesMarkdown(await core.buildReleaseNotes(repo, { range: { from: older, to: newest }, date: '2026-11-25' })),
  git(logArgs(range5000)),
  1.5,
);
// Our reads ask git for buffered output (GIT_FLUSH=0, as git does by itself
// when writing to a file); the same target against git run that way too:
await compare(
  `notes for ${commitsIn5000} commits, in-process, vs GIT_FLUSH=0 git log`,
  async () => core.renderReleaseNotesMarkdown(await core.buildReleaseNotes(repo, { range: { from: older, to: newest }, date: '2026-11-25' })),
  () => run('git', logArgs(range5000), { cwd: repoPath, maxBuffer: 1 << 30, env: { ...process.env, GIT_FLUSH: '0' } }),
  1.5,
);
await compare(
  'notes for the whole history (50,000 commits), whole process',
  processRunner(process.execPath, [CLI, 'notes', 'HEAD', '--repo', repoPath]),
  processRunner('git', ['-C', repoPath, ...logArgs('HEAD')]),
  3,
);

console.log(`\nBenchmark on ${repoPath}: ${RUNS} runs of each side, alternating with git, after a warm-up; times in ms (min / median / max).\n`);
console.log(`${'measure'.padEnd(64)} ${'ours (median)'.padStart(14)} ${'git (median)'.padStart(13)} ${'ratio'.padStart(7)}  target`);
for (const r of rows) {
  const target = r.target !== null ? `<= ${r.target}x ${r.ratio <= r.target ? 'ok' : 'OVER'}` : `< ${r.absoluteMs} ms ${median(r.ours) < r.absoluteMs ? 'ok' : 'OVER'}`;
  console.log(`${r.name.padEnd(64)} ${fmt(median(r.ours)).padStart(14)} ${fmt(median(r.git)).padStart(13)} ${r.ratio.toFixed(2).padStart(6)}x  ${target}`);
  console.log(`${''.padEnd(64)}   ours ${fmt(r.ours[0])} / ${fmt(r.ours[r.ours.length - 1])}   git ${fmt(r.git[0])} / ${fmt(r.git[r.git.length - 1])} (min / max)`);
}

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
    ['whole history (50,000 commits)', 'HEAD', null],
  ];
  console.log(`\nRelease notes by each tool, one run each, ms (git log with the same fields for scale):\n`);
  console.log(`${'range'.padEnd(34)} ${'git log'.padStart(9)} ${'reflect'.padStart(9)} ${'git-cliff'.padStart(10)} ${'conventional-changelog'.padStart(23)}`);
  for (const [label, range, fromTo] of ranges) {
    const gitMs = await once('git', logArgs(range));
    const oursMs = await once(process.execPath, [CLI, 'notes', range, '--repo', repoPath]);
    const cliffMs = gitCliff ? await once(gitCliff, [...(fromTo ? [range] : []), '-o', '/dev/null']) : NaN;
    const ccArgs = ['--stdout', '-p', 'conventionalcommits', ...(fromTo ? ['--from', fromTo[0], '--to', fromTo[1]] : ['-r', '0'])];
    const ccMs = conventional ? await once(process.execPath, [conventional, ...ccArgs]) : NaN;
    const show = (ms) => (Number.isNaN(ms) ? 'n/a' : ms === Infinity ? `> ${COMPETITOR_TIMEOUT_MS / 1000} s` : ms.toFixed(0));
    console.log(`${label.padEnd(34)} ${show(gitMs).padStart(9)} ${show(oursMs).padStart(9)} ${show(cliffMs).padStart(10)} ${show(ccMs).padStart(23)}`);
  }
}
