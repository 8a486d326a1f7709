import * as vscode from 'vscode';
import { CancelledByUser } from './workspaceRepository';

/** Where progress shows: a notification (commands) or a view's progress bar (reading for a view). */
export type ProgressPlace = { readonly notification: true } | { readonly viewId: string };

/** Work shorter than this shows no progress, so quick work does not flash a notification or flicker a view. */
const DELAY_MS = { notification: 400, view: 100 } as const;

/** How a piece of work shows its progress. */
export interface ProgressOptions {
  /** Whether Cancel is offered (by default, on a notification): work that writes as it goes offers none. */
  readonly cancellable?: boolean;
  /**
   * When the command's work began (`performance.now()`): the delay counts from
   * then, so a command of several steps (reading, then writing and opening a
   * document) shows progress once it has taken the delay in all.
   */
  readonly since?: number;
}

/**
 * Runs slow work with progress, shown once the work has taken a moment
 * (~0.4 s for a notification, ~0.1 s on a view), so quick work shows none.
 * A cancellable notification (the default for commands) stops the work
 * there: `work`'s signal is aborted so it can stop between its steps, and
 * this throws `CancelledByUser` (which shows nothing), so nothing it read is
 * written; git reads already started finish in the background and are
 * discarded. Work that writes as it goes (an archive) passes `cancellable: false`.
 */
export async function withProgress<T>(place: ProgressPlace, title: string, work: (signal: AbortSignal) => Promise<T>, { cancellable = 'notification' in place, since }: ProgressOptions = {}): Promise<T> {
  const controller = new AbortController();
  const running = work(controller.signal);
  let settled = false;
  const cancelled = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new CancelledByUser()), { once: true }));
  cancelled.catch(() => undefined);
  const location = 'notification' in place ? vscode.ProgressLocation.Notification : { viewId: place.viewId };
  const timer = setTimeout(
    () => {
      if (settled) return;
      void vscode.window.withProgress({ location, title, cancellable }, (_progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        return running.catch(() => undefined);
      });
    },
    Math.max(0, ('notification' in place ? DELAY_MS.notification : DELAY_MS.view) - (since === undefined ? 0 : performance.now() - since)),
  );
  try {
    return await Promise.race([running, cancelled]);
  } finally {
    settled = true;
    clearTimeout(timer);
  }
}

/** Progress as a notification, for a command. */
export const NOTIFICATION: ProgressPlace = { notification: true };
