import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

describe('the l10n bundle', () => {
  it('holds exactly the strings the extension passes to vscode.l10n.t (run `npm run l10n` after changing them)', function () {
    // Only a hang trips this: the exporter parses every source file with tree-sitter.
    this.timeout(120_000);
    // The exporter the `l10n` script runs, into a folder of its own.
    const out = mkdtempSync(join(tmpdir(), 'reflect-l10n-'));
    try {
      const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/@vscode/l10n-dev/dist/cli.js'), 'export', '--outDir', out, './src/extension'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const extracted = JSON.parse(readFileSync(join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
      const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
      assert.deepEqual(Object.keys(bundle).sort(), Object.keys(extracted).sort());
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('is declared in the manifest and packaged', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { l10n?: string; files?: string[] };
    assert.equal(manifest.l10n, './l10n');
    assert.ok(manifest.files?.includes('l10n/**'), 'the bundle is in the package');
  });
});
