import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { RECORD_DOCUMENT_TYPES, writtenContextKey } from '../core/vocabulary/documentKinds';
import { listRecordVersions } from './recordDocuments';
import type { RepositoryRegistry } from './repositoryRegistry';

/** Most record folders looked into; a workspace with more has long finished the walkthrough. */
const MAX_RECORDS = 500;

/**
 * Ticks the walkthrough's steps one document at a time: for each kind of
 * record document, a context key says whether any record in the workspace
 * holds it, and each step completes on its own key (`onContext:` in
 * package.json). Creating the before-action reflection ticks that step only,
 * not every step whose button runs New Reflection. Reads folders only: no git.
 */
export class WalkthroughProgress implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private written: ReadonlySet<string> = new Set();
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly registry: RepositoryRegistry) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md', false, true, false);
    this.disposables.push(watcher, watcher.onDidCreate(() => void this.update()), watcher.onDidDelete(() => void this.update()), vscode.workspace.onDidChangeWorkspaceFolders(() => void this.update()));
    void this.update();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  /** The record document file names some record of the workspace holds (as last read). */
  writtenDocuments(): readonly string[] {
    return [...this.written].sort();
  }

  /** Reads the records again (one read at a time; changes meanwhile cause one more) and sets the keys. */
  update(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.read();
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async read(): Promise<void> {
    const names = new Set(RECORD_DOCUMENT_TYPES.map((d) => d.fileName));
    const found = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const root = folder.uri.fsPath;
      const recordsFolder = (await this.registry.configurationFor(root).catch(() => undefined))?.recordsFolder;
      if (recordsFolder === undefined) continue;
      for (const version of (await listRecordVersions(root, recordsFolder)).slice(0, MAX_RECORDS)) {
        const entries = await readdir(join(root, recordsFolder, version), { withFileTypes: true }).catch(() => []);
        for (const entry of entries) if (entry.isFile() && names.has(entry.name)) found.add(entry.name);
      }
    }
    this.written = found;
    await Promise.all(RECORD_DOCUMENT_TYPES.map(({ fileName }) => vscode.commands.executeCommand('setContext', writtenContextKey(fileName), found.has(fileName))));
  }
}
