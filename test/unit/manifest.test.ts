import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const nls: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
/** The manifest with its %key% strings resolved from package.nls.json, as VS Code shows it. */
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'), (_key, value: unknown) => {
  if (typeof value !== 'string') return value;
  const match = /^%(.+)%$/.exec(value);
  if (!match) return value;
  const resolved = nls[match[1]];
  if (resolved === undefined) throw new Error(`package.nls.json lacks ${match[1]}`);
  return resolved;
});
const rawManifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const contributes = manifest.contributes;

function sources(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? readFileSync(path, 'utf8') : ''))
    .join('\n');
}

describe('extension manifest', () => {
  const extensionSource = sources(join(ROOT, 'src', 'extension'));

  it('keeps every user-facing manifest string in package.nls.json', () => {
    const raw = JSON.parse(rawManifest);
    for (const command of raw.contributes.commands) assert.match(command.title, /^%.+%$/, command.command);
    for (const [key, setting] of Object.entries<Record<string, unknown>>(raw.contributes.configuration.properties)) {
      assert.match(String(setting.description ?? setting.markdownDescription), /^%.+%$/, key);
    }
    assert.match(raw.displayName, /^%.+%$/);
  });

  it('activates only on implicit events and onLanguage:markdown, never "*"', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown']);
  });

  it('declares how it behaves in untrusted workspaces', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(manifest.capabilities.untrustedWorkspaces.description);
  });

  it('puts every command in the "Change Log" category with a handler in the extension', () => {
    for (const command of contributes.commands) {
      assert.equal(command.category, 'Change Log', command.command);
      assert.ok(extensionSource.includes(`'${command.command}'`), `${command.command} is registered somewhere in src/extension`);
    }
  });

  it('gives every setting a default and a description, under changeLog.', () => {
    for (const [key, setting] of Object.entries<Record<string, unknown>>(contributes.configuration.properties)) {
      assert.match(key, /^changeLog\./);
      assert.ok('default' in setting, `${key} has a default`);
      assert.ok(setting.description || setting.markdownDescription, `${key} has a description`);
    }
  });

  it('gives every view a welcome text', () => {
    for (const views of Object.values<Array<{ id: string }>>(contributes.views)) {
      for (const view of views) assert.ok(contributes.viewsWelcome.some((w: { view: string }) => w.view === view.id), `${view.id} has a welcome text`);
    }
  });

  it('documents every palette command and every setting in the README', () => {
    const hidden = new Set((contributes.menus.commandPalette ?? []).filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command));
    for (const command of contributes.commands) {
      if (hidden.has(command.command)) continue;
      assert.ok(readme.includes(`${command.category}: ${command.title}`), `README mentions "${command.category}: ${command.title}"`);
    }
    for (const key of Object.keys(contributes.configuration.properties)) assert.ok(readme.includes(`\`${key}\``), `README documents ${key}`);
  });
});
