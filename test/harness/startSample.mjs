// `npm start`: try the built extension in a real VS Code (code-server) on a fresh sample repo.
// Expects `npm run build` to have run (the npm script chains it). Runs until Ctrl+C.
//
// The extension is installed unpacked: code-server loads any folder named
// <publisher>.<name>-<version> in its --extensions-dir, so we copy package.json and the built files
// there instead of packaging a .vsix.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, isPortFree, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { ensureInstalled, InstallError } from './install.mjs';
import { CACHE_DIR, EXTENSION_MAIN, REPO_ROOT } from './paths.mjs';
import { createSampleRepo } from './sampleRepo.mjs';

const DEFAULT_PORT = 8080;
/** What the extension needs at run time (what the .vsix would hold); missing optional ones are skipped. */
const EXTENSION_FILES = ['package.json', 'dist', 'schemas', 'media', 'README.md', 'CHANGELOG.md', 'LICENSE'];

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

/** Copies the built extension into `extensionsDir` as an unpacked extension folder. */
function installUnpacked(extensionsDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.mkdirSync(target, { recursive: true });
  for (const entry of EXTENSION_FILES) {
    const from = path.join(REPO_ROOT, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
  }
  // The extension's runtime dependencies are bundled by esbuild, so no node_modules is copied.
  return target;
}

async function main() {
  if (!fs.existsSync(EXTENSION_MAIN)) fail(`${path.relative(REPO_ROOT, EXTENSION_MAIN)} is missing: run 'npm run build' first.`);
  ensureInstalled();

  const sampleDir = path.join(CACHE_DIR, 'sample-repo');
  fs.rmSync(sampleDir, { recursive: true, force: true }); // fresh every time
  createSampleRepo(sampleDir);

  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rcl-start-extensions-'));
  installUnpacked(extensionsDir);

  const server = await startCodeServer({ port: await choosePort(), extensionsDir });
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[start] ${signal}: stopping code-server`);
    await server.stop();
    fs.rmSync(extensionsDir, { recursive: true, force: true });
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
  console.log(`[start] server log: ${server.logFile}. Press Ctrl+C to stop.`);
}

main().catch((err) => fail(err instanceof InstallError ? err.message : err.stack ?? String(err)));
