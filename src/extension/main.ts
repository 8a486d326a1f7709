import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands/command';
import { GenerateReleaseNotesCommand } from './commands/generateReleaseNotes';
import { NewReflectionCommand } from './commands/newReflection';
import { startLanguageClient } from './languageClient';
import { ReleasesTreeProvider } from './views/releasesView';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const releases = new ReleasesTreeProvider();
  context.subscriptions.push(
    releases,
    vscode.window.registerTreeDataProvider('changeLog.releases', releases),
    registerCommands([
      new GenerateReleaseNotesCommand(),
      new NewReflectionCommand(),
      { id: 'changeLog.refresh', execute: () => releases.refresh() },
    ]),
    vscode.workspace.onDidGrantWorkspaceTrust(() => releases.refresh()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => releases.refresh()),
  );
  try {
    client = await startLanguageClient(context);
  } catch (error) {
    void vscode.window.showErrorMessage(`Reflective Change Log: the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
