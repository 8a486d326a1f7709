// `npm start`: try Reflective Change Log in a real VS Code (code-server) on a sample repository.
// Runs exactly what a user installs: the packaged .vsix (`npm start` builds it first), installed
// into the launcher's own extensions folder, so names, icons, walkthrough media and l10n resolve
// as in a real installation. Runs until Ctrl+C (or SIGTERM).
//
//   node test/harness/startSample.mjs [--reset] [--state <dir>]
//     --reset        delete the sample repository and recreate it (your edits there are lost)
//     --state <dir>  where the sample repository and the workbench's state live
//                    (default .vscode-test/start/, kept between starts)
//   PORT=<n>         listen on this port (default 8080, or a free one when 8080 is taken)
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, installVsix, isPortFree, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { ensureInstalled, InstallError } from './install.mjs';
import { REPO_ROOT, START_STATE_DIR, VSIX_PATH } from './paths.mjs';
import { createSampleRepo } from './sampleRepo.mjs';

const DEFAULT_PORT = 8080;

function fail(message) {
  console.error(`[start] ${message}`);
  process.exit(1);
}

async function choosePort() {
  if (process.env.PORT) {
    const port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`PORT=${process.env.PORT} is not a valid port`);
    if (!(await isPortFree(port))) fail(`port ${port} (from PORT) is already in use`);
    return port;
  }
  if (await isPortFree(DEFAULT_PORT)) return DEFAULT_PORT;
  const port = await freePort();
  console.log(`[start] port ${DEFAULT_PORT} is in use; using ${port} instead`);
  return port;
}

function options() {
  try {
    const { values } = parseArgs({
      options: { reset: { type: 'boolean', default: false }, state: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
    return values;
  } catch (err) {
    return fail(`${err.message}\nusage: npm start [-- --reset] [-- --state <dir>]`);
  }
}

/** Keeps the sample repository between starts; `--reset` (or a missing repository) recreates it. */
function prepareSampleRepo(dir, reset) {
  const exists = fs.existsSync(path.join(dir, '.git'));
  if (exists && !reset) {
    console.log(`[start] using the sample repository from an earlier start: ${dir} (npm run start:reset recreates it)`);
    return;
  }
  if (reset) console.log(`[start] --reset: recreating the sample repository ${dir}`);
  fs.rmSync(dir, { recursive: true, force: true });
  createSampleRepo(dir);
  console.log(`[start] created the sample repository ${dir}`);
}

async function main() {
  const opts = options();
  if (opts.help) {
    console.log('usage: npm start [-- --reset]   (npm run start:reset recreates the sample repository)');
    return;
  }
  if (!fs.existsSync(VSIX_PATH)) fail(`${path.relative(REPO_ROOT, VSIX_PATH)} is missing: run 'npm run package' first (npm start does).`);
  ensureInstalled();

  const stateDir = path.resolve(opts.state ?? START_STATE_DIR);
  const sampleDir = path.join(stateDir, 'sample-repo');
  const extensionsDir = path.join(stateDir, 'extensions');
  const userDataDir = path.join(stateDir, 'user-data');
  fs.mkdirSync(extensionsDir, { recursive: true });
  prepareSampleRepo(sampleDir, opts.reset);
  console.log(`[start] ${installVsix(extensionsDir, VSIX_PATH, { userDataDir }).split('\n').pop()}`);

  const server = await startCodeServer({ port: await choosePort(), extensionsDir, userDataDir, keepUserSettings: true });
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[start] ${signal}: stopping code-server`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  server.exited.then((code) => {
    if (stopping) return;
    console.error(`[start] code-server exited (code ${code}). Log tail:\n${server.logTail(40)}`);
    process.exit(1);
  });

  console.log(`Reflective Change Log is running: ${workbenchUrl(server, sampleDir)}`);
  console.log('[start] open that URL in a browser; press Ctrl+C here to stop.');
}

main().catch((err) => fail(err instanceof InstallError ? err.message : err.stack ?? String(err)));
