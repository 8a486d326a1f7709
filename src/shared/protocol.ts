/** What the client passes the server in `initialize` (`initializationOptions`); other LSP clients may pass the same. */
export interface InitializationOptions {
  /** The records folder when the client cannot answer `workspace/configuration`. */
  readonly recordsFolder?: string;
  /** The client watches `**` `/*.md` and reflect.config.json itself, so the server need not register a watcher. */
  readonly watchesRecordFiles?: boolean;
  /**
   * Whether the server may read git history (each document's date against
   * its first commit). The VS Code client sends it only for a trusted
   * workspace; other clients opt in. Without it the server spawns no git.
   */
  readonly readsGitHistory?: boolean;
}

/** The name shown as the source of every diagnostic, in the Problems panel and the problem matcher. */
export const DIAGNOSTIC_SOURCE = 'Change Log';

/** The documents the client hands the server: Markdown files (then filtered by `isChangeRecordDocument`). */
export const DOCUMENT_SELECTOR = [{ scheme: 'file', language: 'markdown' }] as const;
