// Starts and stops an isolated code-server (VS Code server + web workbench) on 127.0.0.1.
// Everything it writes (user data, extensions, log) goes to a fresh folder under .vscode-test/runs/;
// its config is the harness's own file (never ~/.config/code-server/config.yaml).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureCodeServerConfig, node24Env } from './install.mjs';
import { CODE_SERVER_ENTRY, NODE24_BIN, RUNS_DIR } from './paths.mjs';

const HOST = '127.0.0.1';

/** Log lines that are harmless offline (the marketplace is unreachable) and only drown the rest. */
const NOISE = [/ENOTFOUND open-vsx\.org/, /getaddrinfo ENOTFOUND/];

/** Settings for a quiet, deterministic workbench (see /work/shared/e2e.md). */
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  // code-server saves after a delay by default; tests and journeys decide when a file is saved.
  'files.autoSave': 'off',
};

function readJsonObject(file) {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

/** Resolves to a port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** True when `port` can be bound on 127.0.0.1. */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, HOST, () => srv.close(() => resolve(true)));
  });
}

/** A fresh folder for one server's state, under the project's cache folder. */
function mkRunDir(prefix) {
  fs.mkdirSync(RUNS_DIR, { recursive: true });
  return fs.mkdtempSync(path.join(RUNS_DIR, prefix));
}

/** Copies a code-server output stream into the log file, dropping the offline noise. */
function pipeFiltered(stream, logStream, echo) {
  let pending = '';
  stream.setEncoding('utf8');
  const emit = (line) => {
    if (NOISE.some((re) => re.test(line))) return;
    logStream.write(line + '\n');
    if (echo) process.stderr.write(`[code-server] ${line}\n`);
  };
  stream.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop();
    lines.forEach(emit);
  });
  stream.on('end', () => pending && emit(pending));
}

/** Polls GET /healthz until it answers 200, the process dies, or the timeout passes. */
async function waitHealthy(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = err.cause?.code ?? err.message;
    }
    await new Promise((r) => setTimeout(r, 200)); // poll interval
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms (last: ${lastError})`);
}

/**
 * Starts code-server.
 * @param {object} [opts]
 * @param {number} [opts.port]               fixed port (default: a free one)
 * @param {boolean} [opts.disableWorkspaceTrust=true]  false for Restricted Mode tests
 * @param {boolean} [opts.smokeTestDriver=false]  needed for the `payload` URL parameter (host tests)
 * @param {string} [opts.extensionsDir]      default: a fresh temp dir
 * @param {string} [opts.userDataDir]        default: a fresh temp dir
 * @param {object} [opts.settings]          merged over DEFAULT_SETTINGS
 * @param {object} [opts.env]               extra environment (the remote extension host inherits it)
 * @param {boolean} [opts.echo]             also print the (filtered) server log to stderr
 */
export async function startCodeServer(opts = {}) {
  const port = opts.port ?? await freePort();
  const workDir = mkRunDir('code-server-');
  const userDataDir = opts.userDataDir ?? path.join(workDir, 'user-data');
  const extensionsDir = opts.extensionsDir ?? path.join(workDir, 'extensions');
  // Without --config code-server would read (or create) ~/.config/code-server/config.yaml.
  const configFile = ensureCodeServerConfig();
  const logFile = path.join(workDir, 'code-server.log');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  // A kept user-data folder (npm start) keeps the person's own settings; ours fill in what is missing.
  const existing = opts.keepUserSettings && fs.existsSync(settingsFile) ? readJsonObject(settingsFile) : {};
  fs.writeFileSync(settingsFile, JSON.stringify({ ...DEFAULT_SETTINGS, ...opts.settings, ...existing }, null, 2) + '\n');

  const args = [
    CODE_SERVER_ENTRY,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `${HOST}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (opts.disableWorkspaceTrust ?? true) args.push('--disable-workspace-trust');
  if (opts.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');

  const logStream = fs.createWriteStream(logFile, { flags: 'a' });
  // detached: own process group, so stop() can end the extension host and pty children too.
  const child = spawn(NODE24_BIN, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...node24Env(), ...opts.env },
  });
  pipeFiltered(child.stdout, logStream, opts.echo);
  pipeFiltered(child.stderr, logStream, opts.echo);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  // Last resort if the runner dies without calling stop(): never leave a server behind.
  const killOnExit = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } };
  process.once('exit', killOnExit);

  let stopped = false;
  /** Ends the server; removes its run folder unless `keep` (a failed run keeps its log to read). */
  async function stop({ keep = false } = {}) {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timedOut = await Promise.race([exited.then(() => false),
        new Promise((r) => setTimeout(() => r(true), 5000).unref())]);
      if (timedOut) console.error('[code-server] did not stop on SIGTERM; sending SIGKILL');
    }
    // Children (extension host, ptys) may outlive the main process: end the whole group.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already empty */ }
    await new Promise((r) => logStream.end(r));
    if (!keep) fs.rmSync(workDir, { recursive: true, force: true });
  }

  /** Last `lines` lines of the server log (already filtered). */
  function logTail(lines = 80) {
    try {
      return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no code-server log)';
    }
  }

  const url = `http://${HOST}:${port}`;
  try {
    await waitHealthy(url, child, opts.healthTimeoutMs ?? 60_000);
  } catch (err) {
    await stop({ keep: true });
    err.message += `\n--- code-server log (${logFile}) ---\n${logTail()}`;
    throw err;
  }
  return { url, port, pid: child.pid, userDataDir, extensionsDir, logFile, logTail, stop, exited };
}

/** URL that opens `folder` in the workbench, with an optional extension-test `payload`. */
export function workbenchUrl(server, folder, payload) {
  const enc = (v) => encodeURIComponent(v).replace(/%2F/g, '/'); // '/' is legal in a query: keep paths readable
  let url = `${server.url}/?folder=${enc(folder)}`;
  if (payload) url += `&payload=${enc(JSON.stringify(payload))}`;
  return url;
}

/** Installs a packaged extension into `extDir` with code-server's own CLI (no server needed). */
export function installVsix(extDir, vsixPath, { userDataDir } = {}) {
  if (!fs.existsSync(vsixPath)) throw new Error(`installVsix: ${vsixPath} does not exist`);
  const scratch = userDataDir ? undefined : mkRunDir('vsix-user-data-');
  const dataDir = userDataDir ?? scratch;
  let out;
  try {
    out = execFileSync(NODE24_BIN, [CODE_SERVER_ENTRY,
      '--config', ensureCodeServerConfig(),
      '--user-data-dir', dataDir,
      '--extensions-dir', extDir,
      '--install-extension', vsixPath, '--force'], {
      encoding: 'utf8', env: node24Env(), stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000,
    });
  } catch (err) {
    throw new Error(`installing ${vsixPath} failed:\n${err.stdout ?? ''}${err.stderr ?? err.message}`);
  } finally {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (!/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsixPath} did not report success:\n${out}`);
  }
  return out.trim();
}
