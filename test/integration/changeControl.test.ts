import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, workspaceRoot } from './extensionUnderTest';

const VERSION = 'v4.0.0';
const ENTRY = /^- \d{4}-\d{2}-\d{2}T\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}) — step started — Database migration started$/m;

function recordFolder(): string {
  return join(workspaceRoot().fsPath, 'docs', 'changes', VERSION);
}

describe('notices and the deployment log from the palette', () => {
  before(async () => {
    await api();
    if (existsSync(recordFolder())) await vscode.workspace.fs.delete(vscode.Uri.file(recordFolder()), { recursive: true });
    const change = (await vscode.commands.executeCommand('changeLog.startChangeRecord', undefined, VERSION)) as vscode.Uri;
    const text = readFileSync(change.fsPath, 'utf8').replace(
      /\n---\n/,
      '\ndeployment:\n  start: 2026-12-02T20:00:00Z\n  end: 2026-12-02T22:00:00Z\n  expected_downtime_minutes: 30\naffected:\n  services: [Pathology results viewer]\n  user_groups: [Ward nurses]\ncontact: Clinical systems team\n---\n',
    );
    writeFileSync(change.fsPath, text);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.file(recordFolder()), { recursive: true });
  });

  it('drafts a downtime notice into an untitled Markdown document', async () => {
    const document = (await vscode.commands.executeCommand('changeLog.draftNotice', VERSION, 'downtime')) as vscode.TextDocument;
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'markdown');
    assert.match(document.getText(), /^\*\*Subject\*\*: Planned downtime: Pathology results viewer v4\.0\.0, 2026-12-02T20:00:00Z$/m);
    assert.match(document.getText(), /^- \*\*Expected downtime\*\*: 30 minutes$/m);
    assert.match(document.getText(), /\*\*Contact\*\*: Clinical systems team/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('logs into a new in-action-execution reflection, created from its template', async () => {
    const line = (await vscode.commands.executeCommand('changeLog.addDeploymentLogEntry', VERSION, 'step-started', 'Database migration started')) as string;
    assert.match(line, ENTRY);
    const file = join(recordFolder(), 'in-action-execution.md');
    const onDisk = readFileSync(file, 'utf8');
    assert.match(onDisk, ENTRY, 'saved: the document had no unsaved changes of the person');
    assert.ok(onDisk.indexOf('## Deployment log') < onDisk.indexOf(line));
    assert.ok(onDisk.indexOf(line) < onDisk.indexOf('## Unexpected events and decisions'));
  });

  it('never writes under an editor with unsaved changes: the entry goes into the open document', async () => {
    const file = join(recordFolder(), 'in-action-execution.md');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(document.getText().length), '\nMy unsaved note.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const saved = readFileSync(file, 'utf8');
    const line = (await vscode.commands.executeCommand('changeLog.addDeploymentLogEntry', VERSION, 'observation', 'Queue depth normal')) as string;
    assert.match(line, / — observation — Queue depth normal$/);
    assert.ok(document.getText().includes(line), 'the entry is in the editor');
    assert.ok(document.getText().includes('My unsaved note.'), "the person's unsaved text is kept");
    assert.equal(document.isDirty, true, 'left for the person to save');
    assert.equal(readFileSync(file, 'utf8'), saved, 'the file on disk was not touched');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
