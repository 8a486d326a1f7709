// Builds (once) a large repository for the benchmark with `git fast-import`:
// 50,000 commits whose messages are shaped like a real history's
// (commitMessages.mjs) and 2,000 tags (every 25th commit; every other tag
// annotated), with its refs packed as a clone has them. Cached in
// bench/.cache (git-ignored); the folder name changes with the history's shape.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commitAuthor, commitMessage } from './commitMessages.mjs';

export const COMMITS = 50_000;
export const TAG_EVERY = 25;
const HERE = dirname(fileURLToPath(import.meta.url));
export const LARGE_REPO = join(HERE, '.cache', `large-${COMMITS}-realistic`);

function versionOf(t) {
  return `v${Math.floor(t / 100)}.${Math.floor(t / 10) % 10}.${t % 10}`;
}

/** Builds the repository if it is not cached; returns its path. */
export async function ensureLargeRepository() {
  if (existsSync(join(LARGE_REPO, '.git', 'COMPLETE'))) return LARGE_REPO;
  rmSync(LARGE_REPO, { recursive: true, force: true });
  mkdirSync(LARGE_REPO, { recursive: true });
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  execFileSync('git', ['init', '-q', '-b', 'main', LARGE_REPO], { env });
  const started = Date.now();
  const importer = spawn('git', ['fast-import', '--quiet'], { cwd: LARGE_REPO, env, stdio: ['pipe', 'inherit', 'inherit'] });
  const write = (chunk) => (importer.stdin.write(chunk) ? Promise.resolve() : new Promise((r) => importer.stdin.once('drain', r)));
  const base = Date.UTC(2020, 0, 1) / 1000;
  let tags = 0;
  for (let i = 1; i <= COMMITS; i++) {
    const when = base + i * 600;
    const file = `src/module-${i % 400}/file-${i % 7}.txt`;
    const content = `content of ${file} at commit ${i}\n`;
    const msg = commitMessage(i);
    const who = commitAuthor(i);
    let chunk = `blob\nmark :${2 * i}\ndata ${Buffer.byteLength(content)}\n${content}\n`;
    chunk += `commit refs/heads/main\nmark :${2 * i + 1}\nauthor ${who.name} <${who.email}> ${when} +0000\ncommitter ${who.name} <${who.email}> ${when} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}\n`;
    if (i > 1) chunk += `from :${2 * i - 1}\n`;
    chunk += `M 100644 :${2 * i} ${file}\n\n`;
    if (i % TAG_EVERY === 0) {
      tags++;
      const name = versionOf(tags);
      if (tags % 2 === 0) chunk += `tag ${name}\nfrom :${2 * i + 1}\ntagger Release <release@example.org> ${when + 60} +0000\ndata 12\nRelease tag\n\n`;
      else chunk += `reset refs/tags/${name}\nfrom :${2 * i + 1}\n\n`;
    }
    await write(chunk);
  }
  importer.stdin.end();
  await new Promise((resolve, reject) => importer.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`)))));
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: LARGE_REPO, env });
  // A clone has its tags in packed-refs, not in 2,000 loose files.
  execFileSync('git', ['pack-refs', '--all'], { cwd: LARGE_REPO, env });
  execFileSync('touch', [join(LARGE_REPO, '.git', 'COMPLETE')]);
  console.log(`built ${COMMITS} commits and ${tags} tags in ${((Date.now() - started) / 1000).toFixed(1)} s at ${LARGE_REPO}`);
  return LARGE_REPO;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await ensureLargeRepository();
