/**
 * Resolves on the event loop's next turn, after pending I/O: long work that
 * awaits it now and then (between ranges, every few thousand commits) leaves
 * the extension host free to answer in between.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
