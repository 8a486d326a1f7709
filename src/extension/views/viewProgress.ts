import * as vscode from 'vscode';

/** Work shorter than this shows no progress, so quick reads do not flicker. */
const PROGRESS_DELAY_MS = 100;

/** Runs `work`, showing progress on a view only if it takes longer than ~100 ms. */
export async function withViewProgress<T>(viewId: string, title: string, work: () => Promise<T>): Promise<T> {
  const running = work();
  let settled = false;
  const timer = setTimeout(() => {
    if (settled) return;
    void vscode.window.withProgress({ location: { viewId }, title }, () => running.catch(() => undefined));
  }, PROGRESS_DELAY_MS);
  try {
    return await running;
  } finally {
    settled = true;
    clearTimeout(timer);
  }
}
