import * as vscode from 'vscode';

/**
 * Creates a file through the workspace API unless it exists, then opens it.
 * Returns whether it was created; an existing file is opened untouched.
 */
export async function createOrOpenDocument(uri: vscode.Uri, content: string): Promise<{ created: boolean; editor: vscode.TextEditor }> {
  const exists = await fileExists(uri);
  if (!exists) {
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(content) });
    const applied = await vscode.workspace.applyEdit(edit);
    if (!applied) throw new Error(vscode.l10n.t('Could not create {0}.', vscode.workspace.asRelativePath(uri)));
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  return { created: !exists, editor };
}

async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return false;
    throw error;
  }
}
