import { realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The repository's real top level for `dir`: the nearest folder, from `dir`
 * up, that holds a `.git` folder or file (as git's own discovery walks), with
 * links resolved. It is where every default write of ours goes (records,
 * packages, evidence packs). `git rev-parse --show-toplevel` is not used for
 * this: it answers with `core.worktree`, which the repository's config may
 * point anywhere. Undefined when no folder up from `dir` holds `.git` (a bare
 * repository, or `dir` inside a git folder).
 */
export async function realTopLevel(dir: string): Promise<string | undefined> {
  let current = await realpath(dir);
  for (;;) {
    if (await stat(join(current, '.git')).then(() => true, () => false)) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
