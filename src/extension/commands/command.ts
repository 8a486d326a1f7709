import * as vscode from 'vscode';
import { ConfigShown } from '../repositoryRegistry';
import { CancelledByUser } from '../workspaceRepository';

/** One palette command: its id (declared in package.json) and what it does. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): Promise<unknown> | unknown;
}

/**
 * Registers commands so a failure reaches the person as one clear message
 * instead of an unhandled rejection.
 */
export function registerCommands(commands: readonly Command[]): vscode.Disposable {
  return vscode.Disposable.from(
    ...commands.map((command) =>
      vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
        try {
          return await command.execute(...args);
        } catch (error) {
          if (error instanceof CancelledByUser || error instanceof ConfigShown) return undefined;
          const message = error instanceof Error ? error.message : String(error);
          void vscode.window.showErrorMessage(vscode.l10n.t('Reflective Change Log: {0}', message));
          return undefined;
        }
      }),
    ),
  );
}
