import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

  it('writes no cache when NODE_DISABLE_COMPILE_CACHE is set, and works the same', function () {
    if (!hasCompileCache) this.skip();
    const result = spawnSync(process.execPath, [CLI, 'no-such-command'], { encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: folder, NODE_DISABLE_COMPILE_CACHE: '1' } });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'reflect: Unknown command "no-such-command"; try "reflect --help".\n');
    assert.deepEqual(filesUnder(folder), []);
  });
});
