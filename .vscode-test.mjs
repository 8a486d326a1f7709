// @vscode/test-cli configuration (`npm run test:desktop`): runs the extension-host suite in a
// downloaded desktop VS Code, so it needs internet. Offline, use `npm run test:host`
// (test/harness/runHostTests.mjs), which runs the same compiled test files in code-server.
import { defineConfig } from '@vscode/test-cli';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSampleRepo } from './test/harness/sampleRepo.mjs';

// The config may be loaded more than once per run: create the sample repo only the first time.
if (!process.env.RCL_SAMPLE_REPO) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rcl-desktop-tests-'));
  process.env.RCL_SAMPLE_REPO = createSampleRepo(path.join(tmp, 'sample-repo')).dir;
}

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: process.env.RCL_SAMPLE_REPO,
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 60000 },
});
