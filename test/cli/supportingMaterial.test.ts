import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportEvidencePack } from '../../src/core/export/exportEvidencePack';
import { imageTypeOf } from '../../src/core/export/imageTypes';
import { GitRepository } from '../../src/core/git/gitRepository';
import { buildRecordPack } from '../../src/core/usecases/exportPack';
import { resolveConfig } from '../../src/core/config/resolvedConfig';
import { fileLayer } from '../../src/core/config/configLayers';
import { cleanEnv, GitFixture } from '../fixtures/gitFixture';
import { completeRecordFiles, writeRecord } from '../support/evidencePackRecord';
import { LspClient } from '../support/lspClient';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const NOW = new Date('2027-01-10T09:30:00Z');
const SECRET = 'TOP-SECRET-MARKER-7f3a';
// A real 1×1 PNG.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const LINKS = [
  '',
  '## Evidence I linked',
  '',
  '![The dashboard after go-live](evidence/screenshot.png)',
  '',
  'See [my planning notes](before-action.md) and [the deploy log](evidence/nested/logs/deploy.log).',
  '',
  'Also [a file I forgot](evidence/missing.txt), [a path out](../../../../outside.txt) and ![a linked picture](evidence/secret.png).',
  '',
  '[The app](../../../src/app.js)',
  '',
].join('\n');

describe('Supporting material: the evidence folder and linked files in the pack', () => {
  let repo: GitFixture;
  let outside: string;
  const record = 'docs/changes/v1.4.0';

  before(() => {
    repo = new GitFixture('reflect-material-');
    outside = mkdtempSync(join(tmpdir(), 'reflect-outside-'));
    writeFileSync(join(outside, 'secret.png'), SECRET);
    writeFileSync(join(outside, 'outside.txt'), SECRET);
    repo.write('src/app.js', 'console.log("app");\n');
    repo.commit('feat: first');
    const files = completeRecordFiles();
    files['on-action.md'] += LINKS;
    const folder = writeRecord(join(repo.dir, record), files);
    mkdirSync(join(folder, 'evidence/nested/logs'), { recursive: true });
    writeFileSync(join(folder, 'evidence/screenshot.png'), PNG);
    writeFileSync(join(folder, 'evidence/nested/logs/deploy.log'), 'deployed at 21:05\n');
    writeFileSync(join(folder, 'evidence/fake.png'), '<html><script>alert(1)</script></html>');
    writeFileSync(join(folder, 'evidence/drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    writeFileSync(join(folder, 'evidence/big.png'), Buffer.concat([PNG, Buffer.alloc(4096)]));
    symlinkSync(join(outside, 'secret.png'), join(folder, 'evidence/secret.png'));
    symlinkSync(outside, join(folder, 'evidence/elsewhere'));
    spawnSync('mkfifo', [join(folder, 'evidence/pipe')]);
    writeFileSync(join(folder, 'evidence/a"><script>x.log'), 'hostile name\n');
    writeFileSync(join(repo.dir, 'reflect.config.json'), JSON.stringify({ evidencePack: { maxImageBytes: 2048 } }));
  });
  after(() => {
    repo.dispose();
    rmSync(outside, { recursive: true, force: true });
  });

  it('lists every evidence file with size and SHA-256, embeds real raster images only, and never follows a link', async () => {
    const config = resolveConfig([fileLayer({ evidencePack: { maxImageBytes: 2048 } })]).config;
    const repository = await GitRepository.open(repo.dir);
    const pack = await buildRecordPack(join(repo.dir, record), { repository, root: repository.root, config, clock: { now: () => NOW } });
    const html = pack.html;
    const material = html.slice(html.indexOf('id="supporting-material"'), html.indexOf('id="commits"'));
    const row = (path: string) => new RegExp(`<tr id="file-\\d+"><td><code>${path.replace(/[./]/g, '\\$&')}</code></td><td>([^<]*)</td><td class="number">([^<]*)</td><td class="hash">([\\s\\S]*?)</td><td>([^<]*)</td></tr>`).exec(material);
    const log = row('evidence/nested/logs/deploy.log');
    assert.ok(log, material.slice(0, 2000));
    assert.equal(log[2], '18 bytes');
    assert.equal(log[3], `<code class="hash">${sha('deployed at 21:05\n')}</code>`);
    assert.equal(row('evidence/screenshot.png')?.[4], 'shown below');
    assert.match(row('evidence/fake.png')?.[4] ?? '', /not embedded: its content is not a PNG, JPEG, GIF or WebP image/);
    assert.match(row('evidence/drawing.svg')?.[4] ?? '', /SVG is not embedded: it can carry script/);
    assert.match(row('evidence/big.png')?.[4] ?? '', /not embedded: larger than the 2 KB cap for images/);
    assert.equal(row('evidence/secret.png')?.[4], 'a symbolic link: not followed');
    assert.equal(row('evidence/elsewhere')?.[4], 'a symbolic link: not followed');
    assert.match(row('evidence/pipe')?.[4] ?? '', /a FIFO \(named pipe\): not read/);
    assert.ok(row('src/app.js'), 'a linked repository file is listed too');
    assert.equal(row('src/app.js')?.[3], `<code class="hash">${sha('console.log("app");\n')}</code>`);
    // The image embedded where it was linked, and in the material; its bytes as they are.
    const dataUri = `data:image/png;base64,${PNG.toString('base64')}`;
    assert.ok(html.includes(`<img src="${dataUri}" alt="The dashboard after go-live">`));
    assert.equal(html.split('<img ').length - 1, 2, 'only the real PNG is an image, where it is linked and under Supporting material');
    assert.ok(!html.includes(SECRET), 'nothing behind a link or outside the repository is read');
    assert.doesNotMatch(html, /<svg|alert\(1\)<\/script>|<script/);
    assert.ok(material.includes('<code>evidence/a&quot;&gt;&lt;script&gt;x.log</code>'), 'a file name is text, escaped');
  });

  it('turns links between record documents into links inside the pack, and shows broken links as findings, not raw Markdown', async () => {
    const repository = await GitRepository.open(repo.dir);
    const pack = await buildRecordPack(join(repo.dir, record), { repository, root: repository.root, config: resolveConfig([]).config, clock: { now: () => NOW } });
    const onAction = pack.html.slice(pack.html.indexOf('id="reflection-on-action"'), pack.html.indexOf('id="reflection-beyond-action"'));
    assert.match(onAction, /<a href="#reflection-before-action">my planning notes<\/a>/);
    assert.match(onAction, /<a href="#file-\d+">the deploy log<\/a>/);
    assert.match(onAction, /<span class="broken-link">a file I forgot <span class="broken-link-note">\[broken link — evidence\/missing\.txt: no such file in the repository\]<\/span><\/span>/);
    assert.match(onAction, /a path out <span class="broken-link-note">\[broken link — \.\.\/\.\.\/\.\.\/\.\.\/outside\.txt: not followed: it leads outside the repository\]/);
    assert.match(onAction, /\[image: a linked picture — evidence\/secret\.png \(not followed: it goes through the symbolic link docs\/changes\/v1\.4\.0\/evidence\/secret\.png\)\]/);
    assert.doesNotMatch(onAction, /\]\(evidence\//, 'no raw Markdown link is left');
    const validation = pack.html.slice(pack.html.indexOf('id="validation"'), pack.html.indexOf('id="provenance"'));
    assert.equal(validation.match(/<code>broken-link<\/code>/g)?.length, 3, validation);
    assert.equal(pack.problems.warning, 3);
  });

  it('reflect check reports the same broken-link findings, on the line of each link', () => {
    const result = spawnSync(process.execPath, [CLI, 'check', record], { cwd: repo.dir, encoding: 'utf8', env: cleanEnv() });
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.split('\n').filter((l) => l.includes('broken-link'));
    assert.equal(lines.length, 3, result.stdout);
    assert.match(lines[0], /on-action\.md:\d+:\d+: warning broken-link: The link "evidence\/missing\.txt" leads to no file: docs\/changes\/v1\.4\.0\/evidence\/missing\.txt does not exist in the repository\./);
    assert.match(lines[1], /The link "\.\.\/\.\.\/\.\.\/\.\.\/outside\.txt" leads outside the repository; it is not followed/);
    assert.match(lines[2], /The image "evidence\/secret\.png" goes through a symbolic link/);
  });

  it('the editor gets the same finding from the language server, placed on the link', async () => {
    const client = new LspClient();
    try {
      await client.initialize({ recordsFolder: 'docs/changes' });
      const path = join(realpathSync(repo.dir), record, 'on-action.md');
      const uri = pathToFileURL(path).href;
      const text = completeRecordFiles()['on-action.md'] + LINKS;
      await client.open(uri, text);
      const found = (await client.diagnostics(uri)).filter((d) => d.code === 'broken-link');
      assert.equal(found.length, 3, JSON.stringify(found));
      const line = text.split('\n').findIndex((l) => l.includes('evidence/missing.txt'));
      assert.equal(found[0].range.start.line, line);
      assert.equal(text.split('\n')[line].slice(found[0].range.start.character, found[0].range.end.character), 'evidence/missing.txt');
    } finally {
      await client.dispose();
    }
  });

  it('recognises images by their bytes, not their names', () => {
    assert.equal(imageTypeOf(PNG), 'image/png');
    assert.equal(imageTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
    assert.equal(imageTypeOf(Buffer.from('GIF89a....')), 'image/gif');
    assert.equal(imageTypeOf(Buffer.from('RIFF\0\0\0\0WEBPVP8 ')), 'image/webp');
    assert.equal(imageTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), undefined);
    assert.equal(imageTypeOf(Buffer.from('\x89PNG')), undefined, 'too short to be a PNG');
  });

  it('exporting without a repository still looks inside the folder git would use, and a missing image is a broken link', async () => {
    const pack = await exportEvidencePack(join(repo.dir, record), { options: {}, now: NOW, root: repo.dir });
    assert.match(pack.html, /<tr id="file-\d+"><td><code>evidence\/screenshot\.png<\/code>/);
  });
});
