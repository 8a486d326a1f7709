import type { Connection } from 'vscode-languageserver/node';

/** Quiet time after the last sibling change before the client is asked to pull diagnostics again. */
export const REFRESH_DEBOUNCE_MS = 250;

/**
 * Asks the client to pull every document's diagnostics again
 * (`workspace/diagnostic/refresh`), at most once per quiet period, and only
 * when the client said it understands the request.
 */
export class DiagnosticsRefresh {
  private timer: NodeJS.Timeout | undefined;
  private supported = false;

  constructor(private readonly connection: Connection, private readonly delayMs = REFRESH_DEBOUNCE_MS) {}

  /** Called from `initialize` with the client's `workspace.diagnostics.refreshSupport`. */
  configure(supported: boolean): void {
    this.supported = supported;
  }

  /** Refreshes now (a setting changed: every document is affected). */
  now(): void {
    this.cancel();
    if (this.supported) this.connection.languages.diagnostics.refresh().catch(ignore);
  }

  /** Refreshes after the quiet period; later calls within it push it back. */
  schedule(): void {
    if (!this.supported) return;
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.connection.languages.diagnostics.refresh().catch(ignore);
    }, this.delayMs);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

// A client that fails the refresh has nothing to redo; a rejected promise left unhandled would end the process.
function ignore(): void {}
