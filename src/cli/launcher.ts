// The `reflect` executable (dist/cli.js): loads the CLI bundle
// (dist/reflect-cli.js) with V8's compiled code kept from an earlier run.
// Compiling is most of a command's start-up: it took longer than the git call
// of a release's notes. Node's own compile cache keeps only what V8 compiles
// before the code runs, so every function a command calls was compiled again
// on every run; this cache is made after the run (one per command, so each
// holds what its runs call), and Node's stays on for the other files it
// loads. V8 checks cached code against the source's length and its own
// version and flags; the file name adds a CRC-32 of the bundle's bytes (and
// of Node's version, architecture and flags), so a changed bundle never meets
// old code. The name tells a changed bundle from the one the cache was made
// from; it is not a guard against an attacker, who could change the bundle
// itself. CRC-32 rather than SHA-256: loading node:crypto costs a command
// about 6 ms, more than `reflect tags` spends on its own work.
// NODE_DISABLE_COMPILE_CACHE=1 turns both off.
//
// The cache is V8 code that Node loads, so it lives only in a folder of the
// person's own: $NODE_COMPILE_CACHE if set, else
// $XDG_CACHE_HOME/reflective-change-log (or ~/.cache/…), made 0700 and used
// only when it is a real folder owned by the person and writable by nobody
// else, and each file in it only when it is a regular file of theirs that
// nobody else can write. Never the shared temporary folder, where another
// account could have made the folder first and filled it.
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';
import { isCommandName } from './usage';

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

const BUNDLE = join(__dirname, 'reflect-cli.js');
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** The bytes of a cache file the person owns and nobody else can write, or undefined. */
function readOwnFile(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const stats = fstatSync(fd);
    const ours = typeof process.getuid !== 'function' || stats.uid === process.getuid();
    if (!stats.isFile() || !ours || (stats.mode & 0o022) !== 0 || stats.size > MAX_CACHE_BYTES) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes a cache file whole (a new file renamed over the old) and drops this command's caches of other bundles; never fails the command. */
function saveQuietly(folder: string, name: string, prefix: string, data: Buffer): void {
  const temporary = join(folder, `${name}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data, { flag: 'wx', mode: 0o600 });
    renameSync(temporary, join(folder, name));
    for (const old of readdirSync(folder)) if (old.startsWith(prefix) && old !== name && old.endsWith('.v8')) unlinkSync(join(folder, old));
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
  }
}

/** The bundle's CRC-32 and length, with `runtime` mixed in; a SHA-256 on a Node without zlib.crc32 (before 22.2). */
function bundleKey(bytes: Buffer, runtime: string): string {
  const crc32 = (zlib as { crc32?: (data: Buffer | string, value?: number) => number }).crc32;
  if (crc32 === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(bytes).update(runtime).digest('hex').slice(0, 32);
  }
  return `${crc32(runtime, crc32(bytes)).toString(16).padStart(8, '0')}-${bytes.length.toString(16)}`;
}

/** Runs the bundle as Node would run it as a CommonJS module, compiled with the command's cached code when there is some. */
function runWithCodeCache(folder: string): void {
  // Checked as read: the decoded text would have to be encoded to UTF-8 again first.
  const bytes = readFileSync(BUNDLE);
  const source = bytes.toString('utf8').replace(/^#!.*/, '');
  const command = isCommandName(process.argv[2]) ? process.argv[2] : 'other';
  const key = bundleKey(bytes, `\0${process.version} ${process.arch} ${process.execArgv.join(' ')}`);
  const prefix = `reflect-cli-${command}-`;
  const name = `${prefix}${key}.v8`;
  const cachedData = readOwnFile(join(folder, name));
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, ...(cachedData ? { cachedData } : {}) });
  // Made after the run, when V8 has compiled what the command called.
  process.once('exit', () => {
    if (cachedData === undefined || script.cachedDataRejected === true) saveQuietly(folder, name, prefix, script.createCachedData());
  });
  const module = { exports: {}, filename: BUNDLE, id: BUNDLE, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, nodeModule.createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
}

const folder = privateCacheFolder();
if (folder !== undefined) {
  (nodeModule as { enableCompileCache?: (directory: string) => unknown }).enableCompileCache?.(folder);
  runWithCodeCache(folder);
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./reflect-cli.js');
}
