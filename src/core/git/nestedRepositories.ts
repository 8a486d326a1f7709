import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Slots } from '../vocabulary/slots';

/** Folders never looked into for nested repositories: build output, dependencies, git's own folder. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'target', '.vscode-test']);

/** How many folders are read at once: enough that a wide tree is not read one folder per event-loop turn, few enough to leave the thread pool to others. */
export const NESTED_SCAN_CONCURRENCY = 16;

/** Lists a folder's entries; the scan is handed one (tests count and hold its reads). */
export type ListFolder = (path: string) => Promise<readonly Pick<Dirent, 'name' | 'isDirectory'>[]>;

const listWithTypes: ListFolder = (path) => readdir(path, { withFileTypes: true });

/**
 * The folders below `root`, down to `depth` levels, that hold a `.git`
 * (folder or file: a repository, a worktree or a submodule), in depth-first
 * order. Hidden and build folders are not entered. Every folder is read
 * once, and the folders of the tree are read side by side (at most
 * `concurrency` at a time), not one after another: in an editor whose
 * extension host is busy, each sequential read waits its turn, and a
 * tree of 400 folders then took over a second.
 */
export async function nestedRepositoryFolders(root: string, depth: number, list: ListFolder = listWithTypes, concurrency = NESTED_SCAN_CONCURRENCY): Promise<string[]> {
  const slots = new Slots(concurrency);
  const read = (path: string) => slots.run(() => list(path)).catch(() => [] as Awaited<ReturnType<ListFolder>>);
  const below = async (entries: Awaited<ReturnType<ListFolder>>, parent: string, levels: number): Promise<string[]> => {
    if (levels === 0) return [];
    const children = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIPPED_FOLDERS.has(e.name)).map((e) => join(parent, e.name));
    const found = await Promise.all(
      children.map(async (child) => {
        const inner = await read(child);
        const here = inner.some((e) => e.name === '.git') ? [child] : [];
        return [...here, ...(await below(inner, child, levels - 1))];
      }),
    );
    return found.flat();
  };
  if (depth <= 0) return [];
  return below(await read(root), root, depth);
}
