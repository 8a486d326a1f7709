import * as vscode from 'vscode';
import { CancelledByUser } from './workspaceRepository';

/** Work shorter than this shows no notification, so quick commands do not flash one. */
const NOTIFICATION_DELAY_MS = 400;

/**
 * Runs the slow part of a command with a progress notification, shown once
 * the work has taken ~0.4 s. When the work only reads (the default), the
 * notification can be cancelled: the command stops there, throwing
 * `CancelledByUser` (which shows nothing), so nothing it read is written; git
 * reads already started finish in the background and are discarded. Work
 * that writes as it goes (an archive) passes `cancellable: false`.
 */
export async function withCommandProgress<T>(title: string, work: () => Promise<T>, { cancellable = true } = {}): Promise<T> {
  const running = work();
  let settled = false;
  let cancel: (() => void) | undefined;
  const cancelled = new Promise<never>((_, reject) => {
    cancel = () => reject(new CancelledByUser());
  });
  cancelled.catch(() => undefined);
  const timer = setTimeout(() => {
    if (settled) return;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable }, (_progress, token) => {
      token.onCancellationRequested(() => cancel?.());
      return running.catch(() => undefined);
    });
  }, NOTIFICATION_DELAY_MS);
  try {
    return await Promise.race([running, cancelled]);
  } finally {
    settled = true;
    clearTimeout(timer);
  }
}
