import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, workspaceRoot } from './extensionUnderTest';

function root(): string {
  return workspaceRoot().fsPath;
}

async function releaseNode(name: string) {
  const { releases } = await api();
  releases.refresh();
  const node = (await releases.getChildren()).find((n) => n.type === 'release' && n.name === name);
  assert.ok(node, `${name} is in the Releases view`);
  return node;
}

describe('release notes and rollback material', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('writes notes for a tagged release from its item, with generated parts fenced', async () => {
    const uri = (await vscode.commands.executeCommand('changeLog.generateReleaseNotes', await releaseNode('v1.1.0'))) as vscode.Uri;
    assert.equal(vscode.workspace.asRelativePath(uri), 'docs/changes/v1.1.0/release-notes.md');
    const text = readFileSync(uri.fsPath, 'utf8');
    assert.match(text, /^---\nkind: release-notes\n/);
    assert.match(text, /<!-- reflect:begin \S+ sha256=[0-9a-f]+ -->/);
    assert.match(text, /range:\n {2}from: v1\.0\.0\n {2}to: v1\.1\.0\n/);
  });

  it('regenerating keeps every byte the person wrote outside generated parts', async () => {
    const uri = vscode.Uri.file(join(root(), 'docs/changes/v1.1.0/release-notes.md'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const original = readFileSync(uri.fsPath, 'utf8');
    const withProse = `${original}\n## Our own notes\n\nThe ward team tested this on 3 March. | a | b |\n`;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(withProse));
    await vscode.commands.executeCommand('changeLog.generateReleaseNotes', await releaseNode('v1.1.0'));
    assert.equal(readFileSync(uri.fsPath, 'utf8'), withProse);
  });

  it('regenerating notes written while the release ended at HEAD moves their range end to its tag', async () => {
    const uri = vscode.Uri.file(join(root(), 'docs/changes/v1.1.0/release-notes.md'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const tagged = readFileSync(uri.fsPath, 'utf8');
    assert.match(tagged, /\n {2}to: v1\.1\.0\n {2}end_commit: [0-9a-f]{40}\n/);
    const atHead = tagged.replace('\n  to: v1.1.0\n', '\n  to: HEAD\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(atHead));
    await vscode.commands.executeCommand('changeLog.generateReleaseNotes', await releaseNode('v1.1.0'));
    assert.equal(readFileSync(uri.fsPath, 'utf8'), tagged, 'only range.to changed, back to the tag');
  });

  it('regenerating an open file with unsaved changes goes through the editor and saves nothing', async () => {
    const uri = (await vscode.commands.executeCommand('changeLog.generateReleaseNotes', await releaseNode('v1.0.0'))) as vscode.Uri;
    const onDisk = readFileSync(uri.fsPath, 'utf8');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === uri.toString());
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, '\nUnsaved thought.\n')), 'typing into the notes');
    const unsaved = editor.document.getText();
    await vscode.commands.executeCommand('changeLog.generateReleaseNotes', await releaseNode('v1.0.0'));
    assert.equal(editor.document.getText(), unsaved, 'nothing to regenerate, and the unsaved text is intact');
    assert.equal(editor.document.isDirty, true);
    assert.equal(readFileSync(uri.fsPath, 'utf8'), onDisk, 'the file on disk was not written behind the editor');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('creates a rollback package of the previous version, out of git, and verifies it', async () => {
    const archive = (await vscode.commands.executeCommand('changeLog.createRollbackPackage', await releaseNode('v1.1.0'))) as string;
    assert.equal(archive, join(root(), '.reflect/packages/v1.0.0.tar.gz'));
    for (const suffix of ['', '.sha256', '.manifest.json']) assert.ok(existsSync(`${archive}${suffix}`), `${archive}${suffix}`);
    assert.equal(readFileSync(join(root(), '.reflect/packages/.gitignore'), 'utf8').trim().split('\n').pop(), '*');
    assert.equal(await vscode.commands.executeCommand('changeLog.verifyRollbackPackage', archive), true);
    const before = readFileSync(archive);
    assert.equal(await vscode.commands.executeCommand('changeLog.createRollbackPackage', await releaseNode('v1.1.0')), undefined, 'a second run does not replace it');
    assert.deepEqual(readFileSync(archive), before);
  });

  it('writes the rollback checklist naming the target, the package and tickable steps', async () => {
    const uri = (await vscode.commands.executeCommand('changeLog.createRollbackChecklist', await releaseNode('v1.1.0'))) as vscode.Uri;
    assert.equal(vscode.workspace.asRelativePath(uri), 'docs/changes/v1.1.0/rollback.md');
    const text = readFileSync(uri.fsPath, 'utf8');
    assert.match(text, /^---\nkind: rollback\n/);
    assert.match(text, /target:\n {2}tag: v1\.0\.0\n {2}commit: [0-9a-f]{40}\n/);
    assert.match(text, /package:\n {2}file: v1\.0\.0\.tar\.gz\n {2}sha256: [0-9a-f]{64}\n/);
    assert.ok((text.match(/^- \[ \] /gm) ?? []).length >= 8, 'tickable steps');
  });

  it('reports a tampered package', async () => {
    const archive = join(root(), '.reflect/packages/v1.0.0.tar.gz');
    const bytes = readFileSync(archive);
    bytes[bytes.length - 10] ^= 0xff;
    await vscode.workspace.fs.writeFile(vscode.Uri.file(archive), bytes);
    assert.equal(await vscode.commands.executeCommand('changeLog.verifyRollbackPackage', archive), false);
  });
});
