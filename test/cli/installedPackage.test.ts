import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { GitFixture } from '../fixtures/gitFixture';
import { LspClient, reflectionMissingAuthor } from '../support/lspClient';
import { version } from '../../package.json';

const ROOT = resolve(__dirname, '../../..');

/** npm as `npm run` started it (its own script with this Node), else the one on PATH. */
function npm(args: string[], cwd: string) {
  const cli = process.env.npm_execpath;
  const [command, prefix] = cli && cli.endsWith('.js') ? [process.execPath, [cli]] : ['npm', []];
  return spawnSync(command, [...prefix, ...args], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
}

describe('the npm package: packed, installed offline into a prefix, both programs run', function () {
  // Packing builds the production bundles; a generous bound that only catches a hang.
  this.timeout(240_000);
  let scratch: string;
  let prefix: string;
  let tarball: string;

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'reflect-pack-'));
    const packed = npm(['pack', '--pack-destination', scratch, '--json'], ROOT);
    assert.equal(packed.status, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = join(scratch, info.filename);
    const files = info.files.map((f) => f.path).sort();
    for (const shipped of ['dist/cli.js', 'dist/server.js', 'dist/extension.js', 'README.md', 'LICENSE', 'package.json', 'schemas/change.schema.json']) assert.ok(files.includes(shipped), shipped);
    assert.deepEqual(files.filter((f) => /^(src|test|node_modules|out)\/|\.map$/.test(f)), [], 'no sources, tests or maps');
    prefix = join(scratch, 'prefix');
    mkdirSync(prefix);
    // An empty cache and --offline: nothing can come from the registry, so nothing is needed from it.
    const installed = npm(['install', '--global', '--prefix', prefix, '--offline', '--cache', join(scratch, 'cache'), '--no-audit', '--no-fund', tarball], scratch);
    assert.equal(installed.status, 0, installed.stderr);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('installs with no dependencies and no build step', () => {
    const installed = join(prefix, 'lib', 'node_modules', 'reflective-change-log');
    assert.ok(existsSync(join(installed, 'dist', 'cli.js')));
    assert.equal(existsSync(join(installed, 'node_modules')), false, 'no dependency was installed');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined);
    assert.deepEqual(readdirSync(join(prefix, 'bin')).sort(), ['reflect', 'reflect-language-server']);
  });

  it('reflect --version and a real check run from the installed bin', () => {
    const shown = spawnSync(join(prefix, 'bin', 'reflect'), ['--version'], { encoding: 'utf8' });
    assert.equal(shown.status, 0, shown.stderr);
    assert.equal(shown.stdout, `${version}\n`);
    const repo = new GitFixture();
    try {
      repo.commit('feat: first');
      const made = spawnSync(join(prefix, 'bin', 'reflect'), ['new', 'change', '--record', 'v1.0.0'], { cwd: repo.dir, encoding: 'utf8' });
      assert.equal(made.status, 0, made.stderr);
      const checked = spawnSync(join(prefix, 'bin', 'reflect'), ['check', '--format', 'sarif'], { cwd: repo.dir, encoding: 'utf8' });
      assert.equal(checked.status, 0, checked.stderr);
      assert.equal(JSON.parse(checked.stdout).version, '2.1.0');
    } finally {
      repo.dispose();
    }
  });

  it('reflect-language-server --stdio answers initialize and publishes diagnostics', async () => {
    const child = spawn(join(prefix, 'bin', 'reflect-language-server'), ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new LspClient({ reader: new StreamMessageReader(child.stdout), writer: new StreamMessageWriter(child.stdin), close: () => child.kill(), inProcess: false });
    try {
      const { capabilities } = await client.initialize();
      assert.ok(capabilities.diagnosticProvider);
      const uri = 'file:///work/docs/changes/v1.4.0/before-action.md';
      await client.open(uri, await reflectionMissingAuthor());
      const diagnostics = await client.diagnostics(uri);
      assert.ok(diagnostics.some((d) => d.code === 'missing-field'), JSON.stringify(diagnostics));
    } finally {
      await client.dispose();
    }
  });
});
