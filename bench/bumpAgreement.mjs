// How often the version bump `reflect notes` proposes for a release agrees with the version that
// was really released, over a repository's release history.
//
//   node bench/bumpAgreement.mjs <repository> [--pattern P] [--paths P] [--limit N]
//
// For each pair of consecutive releases (previous, release) it runs
// `reflect notes previous..release --format json` and compares its `bump` with the step between the
// two versions (major, minor or patch). Pre-releases are left out. Releases before 1.0.0 are counted
// apart, since their rules differ. Prints both agreement rates and every disagreement.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import semver from 'semver';

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { pattern: { type: 'string' }, paths: { type: 'string' }, limit: { type: 'string', default: '200' } },
});
const repo = positionals[0];
if (!repo) {
  console.error('usage: node bench/bumpAgreement.mjs <repository> [--pattern P] [--paths P] [--limit N]');
  process.exit(2);
}
const patternArgs = values.pattern ? ['--pattern', values.pattern] : [];
// --paths is resolved from the folder the command runs in: run reflect from the repository.
const pathArgs = values.paths ? ['--paths', values.paths] : [];

function reflect(args) {
  return execFileSync(process.execPath, [CLI, ...args, '--repo', repo], { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The version a tag stands for: the text from its first digit on. */
function versionOf(tag) {
  const at = tag.search(/\d/);
  return at < 0 ? null : semver.valid(tag.slice(at));
}

function step(from, to) {
  if (semver.major(to) !== semver.major(from)) return 'major';
  if (semver.minor(to) !== semver.minor(from)) return 'minor';
  if (semver.patch(to) !== semver.patch(from)) return 'patch';
  return 'none';
}

const tags = JSON.parse(reflect(['tags', '--format', 'json', '--hide-prereleases', ...patternArgs]))
  .map((t) => ({ name: t.name, version: versionOf(t.name) }))
  .filter((t) => t.version && !semver.prerelease(t.version))
  .sort((a, b) => semver.compare(a.version, b.version));

const results = { stable: { agree: 0, total: 0 }, zero: { agree: 0, total: 0 } };
const disagreements = [];
const limit = Number(values.limit);
for (let i = Math.max(1, tags.length - limit); i < tags.length; i++) {
  const [previous, release] = [tags[i - 1], tags[i]];
  let proposed;
  try {
    proposed = JSON.parse(reflect(['notes', `${previous.name}..${release.name}`, '--format', 'json', '--allow-partial', ...patternArgs, ...pathArgs])).bump;
  } catch (err) {
    disagreements.push(`${previous.name}..${release.name}: reflect failed: ${String(err.stderr ?? err.message).split('\n')[0]}`);
    continue;
  }
  const actual = step(previous.version, release.version);
  const bucket = semver.major(previous.version) === 0 ? results.zero : results.stable;
  bucket.total++;
  if (proposed === actual) bucket.agree++;
  else disagreements.push(`${previous.name}..${release.name}: proposed ${proposed}, released ${actual}`);
}

const rate = ({ agree, total }) => (total ? `${agree}/${total} (${((100 * agree) / total).toFixed(1)} %)` : 'none');
console.log(`${repo}: ${tags.length} releases`);
console.log(`  >= 1.0.0: ${rate(results.stable)} proposed the bump that was released`);
console.log(`  0.x:      ${rate(results.zero)}`);
if (disagreements.length) console.log(`  disagreements:\n    ${disagreements.join('\n    ')}`);
