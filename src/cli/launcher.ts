// The `reflect` executable (dist/cli.js): turns on Node's compile cache, then
// loads the CLI bundle (dist/reflect-cli.js). The bundle is most of a
// command's start-up: compiling it took longer than the git call of a
// release's notes. With the cache, a later run reads V8's compiled code
// instead (Node checks it against the bundle's bytes; it holds no data of
// ours). NODE_DISABLE_COMPILE_CACHE=1 turns it off; Node before 22.1 has no
// cache and simply compiles.
//
// The cache is V8 code that Node loads, so it lives only in a folder of the
// person's own: $NODE_COMPILE_CACHE if set, else
// $XDG_CACHE_HOME/reflective-change-log (or ~/.cache/…), made 0700 and used
// only when it is a real folder owned by the person and writable by nobody
// else. Never the shared temporary folder, where another account could have
// made the folder first and filled it.
import { lstatSync, mkdirSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

function privateCacheFolder(): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  try {
    const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    const folder = process.env.NODE_COMPILE_CACHE || join(base, 'reflective-change-log', 'compile-cache');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stats = lstatSync(folder);
    const ours = typeof process.getuid !== 'function' || stats.uid === process.getuid();
    return stats.isDirectory() && ours && (stats.mode & 0o022) === 0 ? folder : undefined;
  } catch {
    return undefined;
  }
}

const folder = privateCacheFolder();
if (folder !== undefined) (nodeModule as { enableCompileCache?: (directory: string) => unknown }).enableCompileCache?.(folder);
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./reflect-cli.js');
