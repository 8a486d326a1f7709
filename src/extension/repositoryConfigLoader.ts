import * as vscode from 'vscode';
import { loadReflectConfig } from '../core/config/loadReflectConfig';
import { CONFIG_FILE_NAME, mergeReleaseNotesOptions, mergeRollbackOptions, type ReleaseNotesOptions } from '../core/config/reflectConfig';
import type { RollbackOptions } from '../core/rollback/fileClassification';
import { readReleaseNotesSettings, readRollbackSettings } from './releaseNotesSettings';

/**
 * The options for a repository: its reflect.config.json merged under the
 * person's settings. A broken config file stops the command with a message
 * naming the file and line, and a button to open it.
 */
export async function optionsFor(root: string): Promise<{ releaseNotes: ReleaseNotesOptions; rollback: RollbackOptions }> {
  const loaded = await loadReflectConfig(root);
  const [first] = loaded.problems;
  if (first) {
    const where = first.line !== undefined ? `, line ${first.line}` : '';
    const open = vscode.l10n.t('Open File');
    void vscode.window.showErrorMessage(vscode.l10n.t('Reflective Change Log: {0}{1}: {2} The file was not used.', CONFIG_FILE_NAME, where, first.message), open).then((answer) => {
      if (answer === open) void vscode.window.showTextDocument(vscode.Uri.joinPath(vscode.Uri.file(root), CONFIG_FILE_NAME));
    });
    throw new ConfigShown();
  }
  const scope = vscode.Uri.file(root);
  return {
    releaseNotes: mergeReleaseNotesOptions(loaded.config.releaseNotes, readReleaseNotesSettings(scope)),
    rollback: mergeRollbackOptions(loaded.config.rollback, readRollbackSettings(scope)),
  };
}

/** The config problem was already shown to the person with its own message. */
export class ConfigShown extends Error {
  constructor() {
    super('The repository configuration file has problems.');
  }
}
