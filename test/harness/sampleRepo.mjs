// Builds a small, deterministic git repository for the tests:
//   v1.0.0 (annotated tag, 2026-01-15) <- v1.1.0 (lightweight tag, 2026-03-02) <- 4 unreleased commits
// plus the committed change record docs/changes/v1.1.0/change.md.
//
// Usage: node test/harness/sampleRepo.mjs <dir>     (or import { createSampleRepo })
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SAMPLE_AUTHOR = { name: 'Sample Author', email: 'sample@example.org' };

export const V110_CHANGE_RECORD = `---
kind: change
change: v1.1.0
date: 2026-03-01
author: Sample Author
status: deployed
---

# Change v1.1.0

## Summary

Lab results view for the ward team.
`;

/** Subjects of the commits after the last tag, oldest first (what "Unreleased" should list). */
export const UNRELEASED_SUBJECTS = [
  'feat(results): show lab result trend',
  'fix: handle empty HL7 segment',
  'feat(api)!: drop v1 endpoint',
  'Update README wording',
];

// Each step: files to write (path -> content), the commit message and its date; optionally a tag.
const HISTORY = [
  { date: '2026-01-05T09:00:00Z', message: 'chore: initial project skeleton',
    files: { 'README.md': '# Ward Results\n\nShows lab results to the ward team.\n', 'src/app.js': "console.log('ward results');\n" } },
  { date: '2026-01-09T11:30:00Z', message: 'feat: patient list view',
    files: { 'src/patients.js': 'export const patients = [];\n' } },
  { date: '2026-01-15T14:00:00Z', message: 'fix: sort patients by ward',
    files: { 'src/patients.js': 'export const patients = [];\nexport const byWard = (a, b) => a.ward.localeCompare(b.ward);\n' },
    tag: { name: 'v1.0.0', annotated: true, message: 'Release v1.0.0' } },
  { date: '2026-02-10T10:00:00Z', message: 'feat(results): lab results view',
    files: { 'src/results.js': 'export function results() { return []; }\n' } },
  { date: '2026-03-01T16:00:00Z', message: 'docs: add change record for v1.1.0',
    files: { 'docs/changes/v1.1.0/change.md': V110_CHANGE_RECORD } },
  { date: '2026-03-02T09:15:00Z', message: 'fix(results): align units column',
    files: { 'src/results.js': 'export function results() { return []; }\nexport const UNIT_WIDTH = 8;\n' },
    tag: { name: 'v1.1.0', annotated: false } },
  // Unreleased (after v1.1.0):
  { date: '2026-03-10T10:00:00Z', message: UNRELEASED_SUBJECTS[0],
    files: { 'src/trend.js': 'export function trend(values) { return values.slice(-5); }\n' } },
  { date: '2026-03-12T13:20:00Z', message: UNRELEASED_SUBJECTS[1],
    files: { 'src/hl7.js': "export function segments(msg) { return msg ? msg.split('\\r') : []; }\n" } },
  { date: '2026-03-16T08:45:00Z',
    message: `${UNRELEASED_SUBJECTS[2]}\n\nThe /api/v1 routes are removed.\n\nBREAKING CHANGE: clients must call /api/v2; /api/v1 now returns 404.\n`,
    files: { 'src/api.js': "export const routes = ['/api/v2/results'];\n" } },
  { date: '2026-03-18T17:05:00Z', message: UNRELEASED_SUBJECTS[3],
    files: { 'README.md': '# Ward Results\n\nShows recent lab results to the ward team.\n' } },
];

/** git with an environment isolated from the machine's and the user's configuration. */
function gitRunner(dir) {
  const baseEnv = { ...process.env };
  // Variables that would redirect git to another repository (e.g. when run from a git hook).
  for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_AUTHOR_NAME',
    'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL']) delete baseEnv[k];
  const env = { ...baseEnv, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };
  return (args, date) => execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: date ? { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : env,
  });
}

/**
 * Creates the sample repository in `dir` (created if needed; must be empty or absent).
 * Returns facts the tests assert on.
 */
export function createSampleRepo(dir) {
  dir = path.resolve(dir);
  fs.mkdirSync(dir, { recursive: true });
  if (fs.readdirSync(dir).length > 0) throw new Error(`createSampleRepo: ${dir} is not empty`);
  const git = gitRunner(dir);
  git(['init', '-q', '-b', 'main']);
  // Local config, so whatever reads the repo (the extension, the CLI) sees the same author.
  git(['config', 'user.name', SAMPLE_AUTHOR.name]);
  git(['config', 'user.email', SAMPLE_AUTHOR.email]);
  git(['config', 'commit.gpgsign', 'false']);
  git(['config', 'tag.gpgsign', 'false']);
  git(['config', 'core.autocrlf', 'false']);

  for (const step of HISTORY) {
    for (const [rel, content] of Object.entries(step.files)) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    git(['add', '-A']);
    git(['commit', '-q', '-m', step.message], step.date);
    if (step.tag?.annotated) git(['tag', '-a', step.tag.name, '-m', step.tag.message], step.date);
    else if (step.tag) git(['tag', step.tag.name], step.date);
  }
  return {
    dir,
    tags: { 'v1.0.0': '2026-01-15', 'v1.1.0': '2026-03-02' },
    unreleasedSubjects: UNRELEASED_SUBJECTS,
    head: git(['rev-parse', 'HEAD']).trim(),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node test/harness/sampleRepo.mjs <dir>');
    process.exit(2);
  }
  const info = createSampleRepo(dir);
  console.log(`sample repo created at ${info.dir} (HEAD ${info.head.slice(0, 12)})`);
}
