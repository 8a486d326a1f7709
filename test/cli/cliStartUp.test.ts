import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const hasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('reflect start-up', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'reflect-compile-cache-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps the compiled CLI bundle in Node\'s compile cache, so a later run does not compile it again', function () {
    if (!hasCompileCache) this.skip();
    const result = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: folder } });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Usage: reflect/);
    assert.ok(filesUnder(folder).length > 0, 'the cache folder holds the compiled bundle');
    // The same run again reads the cache and answers the same.
    const again = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: folder } });
    assert.equal(again.stdout, result.stdout);
  });

  it('keeps the cache in the person\'s own cache folder by default, never the shared temporary folder', function () {
    if (!hasCompileCache) this.skip();
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: folder, XDG_CACHE_HOME: '' };
    delete env.NODE_COMPILE_CACHE;
    const result = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8', env });
    assert.equal(result.status, 0, result.stderr);
    const cache = join(folder, '.cache', 'reflective-change-log', 'compile-cache');
    assert.ok(filesUnder(cache).length > 0, 'the cache is under ~/.cache');
    assert.equal(statSync(cache).mode & 0o777, 0o700);
  });

  it('does not use a cache folder others can write to (V8 code from it would run)', function () {
    if (!hasCompileCache) this.skip();
    const cache = join(folder, 'reflective-change-log', 'compile-cache');
    mkdirSync(cache, { recursive: true });
    chmodSync(cache, 0o777);
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: folder };
    delete env.NODE_COMPILE_CACHE;
    const result = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8', env });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(filesUnder(cache), []);
  });

  /** The command's code cache files (made after a run, so they hold what the command called). */
  const codeCaches = (command: string) => readdirSync(folder).filter((name) => name.startsWith(`reflect-cli-${command}-`) && name.endsWith('.v8'));
  const run = (args: string[], cli = CLI) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: folder } });

  it('keeps each command\'s compiled code after its run, and a later run uses it without writing it again', () => {
    const first = run(['--help']);
    assert.equal(first.status, 0, first.stderr);
    const unknown = run(['no-such-command']);
    assert.equal(unknown.status, 2);
    const tags = run(['tags', '--repo', folder]);
    assert.equal(tags.status, 2, 'not a repository');
    assert.equal(codeCaches('other').length, 1, 'help and unknown words share one cache');
    assert.equal(codeCaches('tags').length, 1);
    const [file] = codeCaches('tags');
    const before = statSync(join(folder, file));
    assert.equal(before.mode & 0o777, 0o600);
    const again = run(['tags', '--repo', folder]);
    assert.equal(again.stderr, tags.stderr);
    // Accepted, so not made again: the same file, untouched.
    const after = statSync(join(folder, file));
    assert.equal(after.ino, before.ino);
    assert.equal(after.mtimeMs, before.mtimeMs);
  });

  it('does not load a cache file others can write, nor a damaged one: it is made again', () => {
    assert.equal(run(['--help']).status, 0);
    const [file] = codeCaches('other');
    const path = join(folder, file);
    const good = readFileSync(path);
    chmodSync(path, 0o666);
    const open = run(['--help']);
    assert.match(open.stdout, /^Usage: reflect/);
    assert.equal(statSync(path).mode & 0o777, 0o600, 'replaced by a file of the person\'s own');
    writeFileSync(path, Buffer.alloc(good.length, 7), { mode: 0o600 });
    const damaged = run(['--help']);
    assert.equal(damaged.stdout, open.stdout);
    assert.notDeepEqual(readFileSync(path), Buffer.alloc(good.length, 7), 'the damaged cache was made again');
  });

  it('never runs old compiled code for a changed bundle: the cache is named by the bundle\'s hash, and the old one is dropped', () => {
    // A copy of the CLI whose bundle can be changed without changing its length.
    const copy = join(folder, 'dist');
    mkdirSync(copy);
    for (const name of readdirSync(dirname(CLI))) if (name.endsWith('.js')) copyFileSync(join(dirname(CLI), name), join(copy, name));
    const cli = join(copy, basename(CLI));
    const first = run(['--help'], cli);
    assert.equal(first.status, 0, first.stderr);
    const [old] = codeCaches('other');
    const bundle = join(copy, 'reflect-cli.js');
    const text = readFileSync(bundle, 'utf8');
    // Same length, different behaviour: the usage line now says "Usage: reflecT".
    writeFileSync(bundle, text.split('Usage: reflect').join('Usage: reflecT'));
    assert.equal(readFileSync(bundle, 'utf8').length, text.length);
    const second = run(['--help'], cli);
    assert.match(second.stdout, /^Usage: reflecT/);
    assert.notDeepEqual(codeCaches('other'), [old]);
    assert.equal(codeCaches('other').length, 1);
  });

  it('writes no cache when NODE_DISABLE_COMPILE_CACHE is set, and works the same', function () {
    if (!hasCompileCache) this.skip();
    const result = spawnSync(process.execPath, [CLI, 'no-such-command'], { encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: folder, NODE_DISABLE_COMPILE_CACHE: '1' } });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'reflect: Unknown command "no-such-command"; try "reflect --help".\n');
    assert.deepEqual(filesUnder(folder), []);
  });
});
