import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { ChangeLogApi } from '../../src/extension/main';
import { api, EXTENSION_ID, workspaceRoot } from './extensionUnderTest';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** The visible editor showing `uri`, if any. */
function editorOf(uri: vscode.Uri): vscode.TextEditor | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
}

/** A diagnostic's rule code, whether or not it carries a documentation link. */
function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

/** Resolves with the diagnostics of `uri` once `accept` holds, waiting on change events. */
function diagnosticsWhen(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const now = vscode.languages.getDiagnostics(uri);
    if (accept(now)) return resolve(now);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const current = vscode.languages.getDiagnostics(uri);
      if (accept(current)) {
        listener.dispose();
        resolve(current);
      }
    });
  });
}

/** The description of a tree item once `accept` holds, waiting on the provider's change events. */
function descriptionWhen(releases: ChangeLogApi['releases'], node: Parameters<ChangeLogApi['releases']['getTreeItem']>[0], accept: (description: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    const read = () => String(releases.getTreeItem(node).description ?? '');
    if (accept(read())) return resolve(read());
    const listener = releases.onDidChangeTreeData(() => {
      if (!accept(read())) return;
      listener.dispose();
      resolve(read());
    });
  });
}

describe('Reflective Change Log in the extension host', () => {
  const record = () => vscode.Uri.joinPath(workspaceRoot(), 'docs', 'changes', 'v2.0.0');

  before(async () => {
    await api();
    if (await exists(record())) await vscode.workspace.fs.delete(record(), { recursive: true });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('contributes a handler for every command in its manifest', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: Array<{ command: string; category: string }> } };
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of manifest.contributes.commands) {
      assert.ok(registered.has(command.command), `${command.command} has a handler`);
      assert.equal(command.category, 'Change Log');
    }
  });

  it('shows Unreleased with its count, then tags newest first with dates and counts', async () => {
    const { releases } = await api();
    releases.refresh();
    const roots = await releases.getChildren();
    const items = roots.map((node) => releases.getTreeItem(node));
    assert.deepEqual(items.map((i) => i.label), ['Unreleased', 'v1.1.0', 'v1.0.0']);
    assert.equal(items[0].description, '4 commits');
    // Tag counts are read after first paint; the view updates each item when its count arrives.
    const described = await Promise.all(roots.slice(1).map((node) => descriptionWhen(releases, node, (d) => /commit/.test(d))));
    assert.match(described[0], /^\d+ commits · 2026-03-02/);
    assert.match(described[1], /^\d+ commits? · 2026-01-15/);
    const children = await releases.getChildren(roots[0]);
    const titles = children.map((g) => releases.getTreeItem(g).label);
    assert.deepEqual(titles, ['Breaking changes', 'Features', 'Bug fixes', 'Other changes', 'Files changed']);
  });

  it('lists the files a release changed and serves both versions read-only', async () => {
    const { releases } = await api();
    const roots = await releases.getChildren();
    const children = await releases.getChildren(roots[0]);
    const filesNode = children.find((c) => releases.getTreeItem(c).label === 'Files changed');
    assert.ok(filesNode);
    const files = await releases.getChildren(filesNode);
    assert.ok(files.length > 0, 'Unreleased changed some files');
    const item = releases.getTreeItem(files[0]);
    assert.equal(item.command?.command, 'vscode.diff');
    const [left, right] = item.command?.arguments as [vscode.Uri, vscode.Uri];
    assert.equal(right.scheme, 'changelog-git');
    const document = await vscode.workspace.openTextDocument(right);
    assert.ok(document.getText().length > 0, 'the new version has content');
    assert.equal(left.scheme, 'changelog-git');
    await vscode.workspace.openTextDocument(left);
  });

  it('opens a commit: its details page, its files with diffs against the parent, copy and compare actions', async () => {
    const { releases } = await api();
    const roots = await releases.getChildren();
    const features = (await releases.getChildren(roots[0])).find((c) => releases.getTreeItem(c).label === 'Features');
    assert.ok(features, 'Unreleased has features');
    const [commit] = await releases.getChildren(features);
    assert.equal(commit.type, 'commit');
    const item = releases.getTreeItem(commit);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'a commit expands to its files');
    assert.match(String(item.contextValue), /^commit(\.remote)?$/);
    assert.equal(item.label, 'show lab result trend', 'the subject leads the label');
    assert.match(String(item.description), /^results · [0-9a-f]{7} · /, 'the scope goes to the description');
    const icons = new Map((await releases.getChildren(roots[0])).map((g) => [releases.getTreeItem(g).label, (releases.getTreeItem(g).iconPath as vscode.ThemeIcon | undefined)?.id]));
    assert.notEqual(icons.get('Features'), icons.get('Bug fixes'), 'Features and Bug fixes have icons of their own');
    assert.equal(item.command?.command, 'changeLog.openCommit');
    const details = (await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []))) as vscode.Uri;
    assert.equal(details.scheme, 'changelog-commit');
    const page = (await vscode.workspace.openTextDocument(details)).getText();
    assert.ok(commit.type === 'commit' && page.includes(commit.commit.hash), 'the page names the full hash');
    assert.match(page, /^## Message$/m);
    assert.match(page, /^## Files changed \(\d+, \+\d+ −\d+\)/m);
    const files = await releases.getChildren(commit);
    assert.ok(files.length > 0 && files.every((f) => f.type === 'commit-file'));
    const fileItem = releases.getTreeItem(files[0]);
    assert.equal(fileItem.resourceUri?.scheme, 'file', 'files take the theme\'s file icons from their path');
    assert.match(String(fileItem.description), /[AMDRCT] (\+\d+ −\d+|binary)$/);
    assert.equal(fileItem.command?.command, 'vscode.diff');
    const [, right] = fileItem.command?.arguments as [vscode.Uri, vscode.Uri];
    assert.ok((await vscode.workspace.openTextDocument(right)).getText().length > 0, 'the commit side has content');
    await vscode.commands.executeCommand('changeLog.copyCommitId', commit);
    assert.equal(await vscode.env.clipboard.readText(), commit.type === 'commit' ? commit.commit.hash : '');
    await vscode.commands.executeCommand('changeLog.copyCommitMessage', commit);
    assert.equal(await vscode.env.clipboard.readText(), commit.type === 'commit' ? commit.commit.message.trimEnd() : '');
    await vscode.commands.executeCommand('changeLog.openCommitChanges', commit);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('generates release notes for latest tag..HEAD into the change record and opens them', async () => {
    const uri = (await vscode.commands.executeCommand('changeLog.generateReleaseNotes')) as vscode.Uri;
    assert.ok(uri, 'the command returns the file it wrote');
    assert.equal(vscode.workspace.asRelativePath(uri), 'docs/changes/v2.0.0/release-notes.md');
    assert.ok(editorOf(uri), 'the notes are shown in an editor');
    const text = await readText(uri);
    assert.match(text, /^---\nkind: release-notes\n/);
    const order = ['## Breaking changes', '## Features', '## Bug fixes', '## Other changes'].map((h) => text.indexOf(h));
    assert.ok(order.every((i) => i > 0), text);
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    for (const subject of ['drop v1 endpoint', 'show lab result trend', 'handle empty HL7 segment', 'Update README wording']) assert.ok(text.includes(subject), subject);
  });

  it('never overwrites release notes that exist', async () => {
    const uri = vscode.Uri.joinPath(record(), 'release-notes.md');
    const edited = `${await readText(uri)}\nMy own words.\n`;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(edited));
    await vscode.commands.executeCommand('changeLog.generateReleaseNotes');
    assert.equal(await readText(uri), edited);
  });

  it('creates the before-action reflection from its template and reports a deleted field', async () => {
    const uri = (await vscode.commands.executeCommand('changeLog.newReflection', 'before-action')) as vscode.Uri;
    assert.equal(vscode.workspace.asRelativePath(uri), 'docs/changes/v2.0.0/before-action.md');
    const editor = editorOf(uri);
    assert.ok(editor, 'the reflection is shown in an editor');
    const text = editor.document.getText();
    assert.match(text, /^---\nkind: reflection\nphase: before-action\nchange: v2\.0\.0\ndate: \d{4}-\d{2}-\d{2}\nauthor: .+\n---\n/);
    assert.match(text, /## Objectives\n\n> \*\*Prompt:\*\* /);
    // Opening a change-record document starts the language server.
    await (await api()).languageClient.start();
    // A fresh template has only unanswered prompts (information), no warnings or errors.
    const fresh = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === 'unanswered-prompt'));
    assert.deepEqual(fresh.filter((d) => d.severity !== vscode.DiagnosticSeverity.Information).map((d) => d.message), []);

    const authorLine = editor.document.getText().split('\n').findIndex((l) => l.startsWith('author:'));
    await editor.edit((b) => b.delete(new vscode.Range(authorLine, 0, authorLine + 1, 0)));
    const diagnostics = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === 'missing-field'));
    const missing = diagnostics.find((d) => codeOf(d) === 'missing-field');
    assert.ok(missing);
    // Each rule links to its section of the README.
    const target = typeof missing.code === 'object' ? missing.code.target : undefined;
    assert.match(String(target), /README\.md#missing-field$/);
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(missing.source, 'Change Log');
    assert.match(missing.message, /"author"/);
  });

  it('refreshes by itself when a tag is created', async () => {
    const { releases } = await api();
    const root = workspaceRoot().fsPath;
    const before = (await releases.getChildren()).map((n) => String(releases.getTreeItem(n).label));
    assert.ok(!before.includes('v0.9.0'));
    const changed = new Promise<void>((resolve) => {
      const listener = releases.onDidChangeTreeData(async (node) => {
        if (node !== undefined) return;
        const now = (await releases.getChildren()).map((n) => String(releases.getTreeItem(n).label));
        if (now.includes('v0.9.0')) {
          listener.dispose();
          resolve();
        }
      });
    });
    execFileSync('git', ['tag', 'v0.9.0', 'v1.0.0~1'], { cwd: root });
    try {
      await changed;
    } finally {
      execFileSync('git', ['tag', '-d', 'v0.9.0'], { cwd: root });
    }
  });

  it('opens an existing reflection without touching its unsaved changes', async () => {
    const uri = vscode.Uri.joinPath(record(), 'before-action.md');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.ok(document.isDirty, 'the previous test left an unsaved edit');
    const unsaved = document.getText();
    const onDisk = await readText(uri);
    const opened = (await vscode.commands.executeCommand('changeLog.newReflection', 'before-action', 'v2.0.0')) as vscode.Uri;
    assert.equal(opened.toString(), uri.toString());
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    assert.ok(shown, 'the existing reflection is shown');
    assert.equal(shown.document.getText(), unsaved);
    assert.equal(await readText(uri), onDisk);
  });
});
