import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { packActionsFor, runPackAction } from '../../src/extension/commands/exportEvidencePack';
import { readEditorSettings } from '../../src/extension/configuration';
import { api, workspaceRoot } from './extensionUnderTest';

const VERSION = 'v3.1.0';
const REFLECTION = (phase: string, date: string, heading: string) =>
  `---\nkind: reflection\nphase: ${phase}\nchange: ${VERSION}\ndate: ${date}\nauthor: Alex Morgan\n---\n\n# ${phase}\n\n## ${heading}\n\nAn answer.\n`;

function recordFolder(): string {
  return join(workspaceRoot().fsPath, 'docs', 'changes', VERSION);
}

describe('re-reading the on-action reflection, and packs in a remote workspace', () => {
  before(async () => {
    await api();
    mkdirSync(recordFolder(), { recursive: true });
    writeFileSync(join(recordFolder(), 'on-action.md'), REFLECTION('on-action', '2026-12-04', 'What was planned and what happened'));
    writeFileSync(join(recordFolder(), 'beyond-action.md'), REFLECTION('beyond-action', '2027-01-20', 'Re-reading my on-action reflection'));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (existsSync(recordFolder())) await vscode.workspace.fs.delete(vscode.Uri.file(recordFolder()), { recursive: true });
  });

  it('offers, in a beyond-action reflection, to open the on-action one beside it', async () => {
    const beyond = vscode.Uri.file(join(recordFolder(), 'beyond-action.md'));
    const editor = await vscode.window.showTextDocument(beyond, { viewColumn: vscode.ViewColumn.One });
    const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', beyond)) as vscode.CodeLens[];
    const lens = lenses.find((l) => l.command?.command === 'changeLog.openOnActionBeside');
    assert.ok(lens, `a CodeLens is offered: ${lenses.map((l) => l.command?.title).join(', ')}`);
    assert.equal(lens.command?.title, 'Open on-action reflection beside');
    assert.equal(lens.range.start.line, editor.document.getText().split('\n').indexOf('## Re-reading my on-action reflection'), 'above the re-reading heading');
    const opened = (await vscode.commands.executeCommand('changeLog.openOnActionBeside')) as vscode.TextEditor;
    assert.equal(opened.document.uri.fsPath, join(recordFolder(), 'on-action.md'));
    assert.equal(opened.viewColumn, vscode.ViewColumn.Two, 'beside the beyond-action reflection');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, beyond.fsPath, 'focus stays where the person writes');
  });

  it('offers no CodeLens in other documents, and says so when the command has nothing to open', async () => {
    const onAction = vscode.Uri.file(join(recordFolder(), 'on-action.md'));
    await vscode.window.showTextDocument(onAction, { viewColumn: vscode.ViewColumn.One });
    const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', onAction)) as vscode.CodeLens[];
    assert.ok(!lenses.some((l) => l.command?.command === 'changeLog.openOnActionBeside'));
    // The palette hides the command here (resourceFilename == beyond-action.md); run anyway, it explains and opens nothing.
    const before = vscode.window.visibleTextEditors.length;
    assert.equal(await vscode.commands.executeCommand('changeLog.openOnActionBeside'), undefined);
    assert.equal(vscode.window.visibleTextEditors.length, before);
  });

  it('in this remote workspace, offers Open in Editor, Download and Reveal in Explorer instead of an external browser', async () => {
    assert.ok(vscode.env.remoteName, 'the host tier runs in a remote extension host');
    assert.deepEqual(packActionsFor(vscode.env, true), ['open-in-editor', 'download', 'reveal']);
    assert.deepEqual(packActionsFor(vscode.env, false), ['open-in-editor'], 'outside the workspace the Explorer cannot select it');
    assert.deepEqual(packActionsFor({ remoteName: undefined, uiKind: vscode.UIKind.Desktop }, true), ['open-in-browser']);
    const target = join(recordFolder(), 'host-test-pack.html');
    if (existsSync(target)) await vscode.workspace.fs.delete(vscode.Uri.file(target));
    writeFileSync(join(recordFolder(), 'change.md'), `---\nkind: change\nchange: ${VERSION}\ndate: 2026-11-20\nauthor: Alex Morgan\nstatus: planned\nrange:\n  from: v1.1.0\n  to: ${VERSION}\nchange_type: normal\n---\n\n# Change\n`);
    const written = (await vscode.commands.executeCommand('changeLog.exportEvidencePack', VERSION, target)) as string;
    assert.equal(written, target);
    const uri = vscode.Uri.file(target);
    await runPackAction('open-in-editor', uri);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, target, 'the pack opens inside VS Code');
    await runPackAction('reveal', uri);
    await vscode.workspace.fs.delete(uri);
  });

  it('picks up changeLog.validation.requiredSignOffs from the settings, for the editor and its server', async () => {
    const config = vscode.workspace.getConfiguration('changeLog');
    await config.update('validation.requiredSignOffs', { 'clinical-safety-officer': 'approved' }, vscode.ConfigurationTarget.Workspace);
    try {
      assert.deepEqual((readEditorSettings() as { validation?: unknown }).validation, { requiredSignOffs: { 'clinical-safety-officer': 'approved' } });
    } finally {
      await config.update('validation.requiredSignOffs', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
