import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../core/config/reflectConfig';
import type { ResolvedConfig } from '../core/config/resolvedConfig';
import { resolveRepositoryConfiguration, type RepositoryConfiguration } from '../core/usecases/repositoryConfiguration';
import { readEditorSettings } from './configuration';

const cache = new Map<string, Promise<RepositoryConfiguration>>();
const shown = new Set<string>();

/** Forgets every resolved configuration (settings or a reflect.config.json changed). */
export function forgetConfigurations(): void {
  cache.clear();
  shown.clear();
}

/**
 * The one configuration of a repository (reflect.config.json under the
 * person's settings), resolved by the core and kept until either changes.
 * Each invalid value is shown once, naming the file or setting and the key.
 * With `forCommand`, a problem also stops the command (its message already shown).
 */
export async function configurationFor(root: string, { forCommand = false } = {}): Promise<ResolvedConfig> {
  let resolving = cache.get(root);
  if (!resolving) {
    resolving = resolveRepositoryConfiguration(root, { settings: readEditorSettings(vscode.Uri.file(root)) });
    cache.set(root, resolving);
    resolving.catch(() => cache.delete(root));
  }
  const { config, problems } = await resolving;
  if (problems.length === 0) return config;
  const [first] = problems;
  const key = `${root}\n${problems.map((p) => p.message).join('\n')}`;
  if (forCommand || !shown.has(key)) {
    shown.add(key);
    const where = first.line !== undefined ? ` (line ${first.line})` : '';
    const more = problems.length > 1 ? vscode.l10n.t(' ({0} more)', problems.length - 1) : '';
    const inFile = first.file === CONFIG_FILE_NAME;
    const open = inFile ? vscode.l10n.t('Open File') : vscode.l10n.t('Open Settings');
    void vscode.window.showErrorMessage(vscode.l10n.t('Reflective Change Log: {0}{1}{2}', first.message, where, more), open).then((answer) => {
      if (answer !== open) return;
      if (inFile) void vscode.window.showTextDocument(vscode.Uri.joinPath(vscode.Uri.file(root), CONFIG_FILE_NAME));
      else void vscode.commands.executeCommand('workbench.action.openSettings', first.key?.replace(/^Setting /, '') ?? 'changeLog');
    });
  }
  if (forCommand) throw new ConfigShown();
  return config;
}

/** The config problem was already shown to the person with its own message. */
export class ConfigShown extends Error {
  constructor() {
    super('The repository configuration has problems.');
  }
}
