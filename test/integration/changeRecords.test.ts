import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { api, workspaceRoot } from './extensionUnderTest';

const VERSION = 'v3.0.0';

function recordFolder(): string {
  return join(workspaceRoot().fsPath, 'docs', 'changes', VERSION);
}

describe('change records', () => {
  before(async () => {
    await api();
    if (existsSync(recordFolder())) await vscode.workspace.fs.delete(vscode.Uri.file(recordFolder()), { recursive: true });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(vscode.Uri.file(recordFolder()), { recursive: true });
  });

  it('starts a change record for Unreleased with its range in change.md', async () => {
    const { releases } = await api();
    releases.refresh();
    const unreleased = (await releases.getChildren()).find((n) => n.type === 'release' && n.kind === 'unreleased');
    const uri = (await vscode.commands.executeCommand('changeLog.startChangeRecord', unreleased, VERSION)) as vscode.Uri;
    assert.equal(uri.fsPath, join(recordFolder(), 'change.md'));
    const text = readFileSync(uri.fsPath, 'utf8');
    assert.match(text, /^---\nkind: change\nchange: v3\.0\.0\ndate: \d{4}-\d{2}-\d{2}\nauthor: .+\n/);
    assert.match(text, /range:\n {2}from: v1\.1\.0\n {2}to: v3\.0\.0\n/);
    assert.match(text, /^## /m);
  });

  it('never overwrites change.md when started again', async () => {
    const file = join(recordFolder(), 'change.md');
    const mine = `${readFileSync(file, 'utf8')}\nMy notes.\n`;
    await vscode.workspace.fs.writeFile(vscode.Uri.file(file), new TextEncoder().encode(mine));
    await vscode.commands.executeCommand('changeLog.startChangeRecord', undefined, VERSION);
    assert.equal(readFileSync(file, 'utf8'), mine);
  });

  it('creates a phase reflection and the action plan in that record', async () => {
    const reflection = (await vscode.commands.executeCommand('changeLog.newReflection', 'on-action', VERSION)) as vscode.Uri;
    assert.equal(reflection.fsPath, join(recordFolder(), 'on-action.md'));
    assert.match(readFileSync(reflection.fsPath, 'utf8'), /^---\nkind: reflection\nphase: on-action\nchange: v3\.0\.0\n/);
    const plan = (await vscode.commands.executeCommand('changeLog.openActionPlan', VERSION)) as vscode.Uri;
    assert.equal(plan.fsPath, join(recordFolder(), 'action-plan.md'));
    assert.match(readFileSync(plan.fsPath, 'utf8'), /^---\nkind: action-plan\n/);
  });

  it('ticks the walkthrough step of the reflection written, and no other', async () => {
    const { contextKeys: walkthrough } = await api();
    await walkthrough.update();
    const before = new Set(walkthrough.writtenDocuments());
    const phase = ['before-action', 'in-action-planning', 'in-action-execution', 'beyond-action'].find((p) => !before.has(`${p}.md`));
    assert.ok(phase, `some phase is not written yet in the sample (${[...before].join(', ')})`);
    await vscode.commands.executeCommand('changeLog.newReflection', phase, VERSION);
    await walkthrough.update();
    const added = walkthrough.writtenDocuments().filter((name) => !before.has(name));
    assert.deepEqual(added, [`${phase}.md`]);
  });

  it('shows each record with its documents, their state and completeness', async () => {
    const { records } = await api();
    records.refresh();
    const roots = await records.getChildren();
    const record = roots.find((n) => n.type === 'record' && n.version === VERSION);
    assert.ok(record, 'the new record is listed');
    assert.match(String(records.getTreeItem(record).description), /^0\/9 complete$/);
    const documents = await records.getChildren(record);
    const byName = new Map(documents.map((d) => [String(records.getTreeItem(d).label), records.getTreeItem(d)]));
    assert.deepEqual([...byName.keys()], ['change.md', 'release-notes.md', 'rollback.md', 'before-action.md', 'in-action-planning.md', 'in-action-execution.md', 'on-action.md', 'beyond-action.md', 'action-plan.md']);
    assert.equal(byName.get('rollback.md')?.contextValue, 'document-missing');
    assert.equal(byName.get('on-action.md')?.contextValue, 'document-has-problems');
    const create = byName.get('rollback.md')?.command;
    assert.equal(create?.command, 'changeLog.createRecordDocument');
    const created = (await vscode.commands.executeCommand(create.command, ...(create.arguments ?? []))) as vscode.Uri;
    assert.equal(created.fsPath, join(recordFolder(), 'rollback.md'));
    assert.match(readFileSync(created.fsPath, 'utf8'), /^---\nkind: rollback\n/);
  });

  it('exports the record as one self-contained HTML evidence pack, never replacing silently', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'reflect-pack-')), 'pack.html');
    const written = (await vscode.commands.executeCommand('changeLog.exportEvidencePack', VERSION, target)) as string;
    assert.equal(written, target);
    const html = readFileSync(target, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.ok(html.includes('v3.0.0'));
    assert.doesNotMatch(html, /<script|<link\b|\bsrc=/i);
    assert.match(html, /<style>/);
    const again = await vscode.commands.executeCommand('changeLog.exportEvidencePack', VERSION, target);
    assert.equal(again, undefined, 'an existing pack is not replaced without asking');
    assert.equal(readFileSync(target, 'utf8'), html);
  });

  it('shows a change-record header card in the Markdown preview', async () => {
    const html = (await vscode.commands.executeCommand('markdown.api.render', '---\nkind: reflection\nphase: on-action\nchange: v3.0.0\ndate: 2026-11-25\nauthor: A\n---\n\n# On action\n')) as string;
    assert.match(html, /class="change-log-card"/);
    assert.match(html, /on-action/);
  });

  it('hovers, completes and quick-fixes the front matter through the language server', async () => {
    const uri = vscode.Uri.file(join(recordFolder(), 'on-action.md'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await (await api()).languageClient.start();
    const phaseLine = document.getText().split('\n').findIndex((l) => l.startsWith('phase:'));
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(phaseLine, 2))) as vscode.Hover[];
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hoverText, /before-action/);
    assert.match(hoverText, /beyond-action/);
    // Remove the author and ask for the fix VS Code would offer on the warning.
    const authorLine = document.getText().split('\n').findIndex((l) => l.startsWith('author:'));
    const edit = new vscode.WorkspaceEdit();
    edit.delete(uri, new vscode.Range(authorLine, 0, authorLine + 1, 0));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const diagnostic = await new Promise<vscode.Diagnostic>((resolve) => {
      const find = () => vscode.languages.getDiagnostics(uri).find((d) => /"author"/.test(d.message));
      const now = find();
      if (now) return resolve(now);
      const listener = vscode.languages.onDidChangeDiagnostics(() => {
        const found = find();
        if (found) {
          listener.dispose();
          resolve(found);
        }
      });
    });
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) as vscode.CodeAction[];
    const fix = actions.find((a) => /author/.test(a.title));
    assert.ok(fix?.edit, `a fix for the missing author among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /^author:/m);
    const completions = (await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(phaseLine, 'phase: '.length))) as vscode.CompletionList;
    assert.ok(completions.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'beyond-action'), 'phase ids are offered');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('restarts the language server after it crashes, and keeps checking', async () => {
    const client = await (await api()).languageClient.start();
    const pid = (client as unknown as { _serverProcess?: { pid?: number } })._serverProcess?.pid;
    assert.ok(pid, 'the server runs as its own process');
    const restarted = new Promise<void>((resolve) => {
      let stopped = false;
      const listener = client.onDidChangeState((event) => {
        if (event.newState === State.Stopped || event.newState === State.Starting) stopped = true;
        if (stopped && event.newState === State.Running) {
          listener.dispose();
          resolve();
        }
      });
    });
    process.kill(pid, 'SIGKILL');
    await restarted;
    const newPid = (client as unknown as { _serverProcess?: { pid?: number } })._serverProcess?.pid;
    assert.ok(newPid && newPid !== pid, 'a new server process');
    // Diagnostics still arrive from the new server.
    const uri = vscode.Uri.file(join(recordFolder(), 'action-plan.md'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(1, 0), 'bogus_date_check: x\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await new Promise<void>((resolve) => {
      const check = () => vscode.languages.getDiagnostics(uri).length > 0;
      if (check()) return resolve();
      const listener = vscode.languages.onDidChangeDiagnostics(() => {
        if (check()) {
          listener.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
