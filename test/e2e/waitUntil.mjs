// Polls a (possibly async) probe until it returns a truthy value or the timeout passes.
// Used where no single DOM event or selector says "ready" (e.g. a tree that fills in over time).

/**
 * @template T
 * @param {() => T | Promise<T>} probe  returns a truthy value when done (that value is returned)
 * @param {{ timeout?: number, interval?: number, message?: string | (() => string) }} [opts]
 */
export async function waitUntil(probe, { timeout = 30_000, interval = 250, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = undefined;
    } catch (err) {
      lastError = err; // e.g. element detached while re-rendering: try again
    }
    if (Date.now() > deadline) {
      const what = typeof message === 'function' ? message() : message;
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval)); // poll interval, not a fixed wait
  }
}
