import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ChangeLogApi } from '../../src/extension/main';

export const EXTENSION_ID = 'reflective-change-log.reflective-change-log';

/** The activated extension's API (its views and language client). */
export async function api(): Promise<ChangeLogApi> {
  const extension = vscode.extensions.getExtension<ChangeLogApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

/** The sample repository the suite runs in. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with the sample repository open');
  return folder.uri;
}
