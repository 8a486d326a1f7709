import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { enclosingRepository, isInsideFolder } from '../files/safePaths';

/** Where to look for git, and which folders must not provide it. */
export interface GitSearch {
  /** The PATH value (PATH, or Path on Windows). */
  readonly path: string | undefined;
  /** PATHEXT on Windows. */
  readonly pathext?: string | undefined;
  readonly platform?: NodeJS.Platform;
  /** Folders whose contents must never be run: the repository being opened and the folder git runs in. */
  readonly excluded: readonly string[];
}

// Extensions Node can start without a shell; .bat and .cmd would need one (and Node refuses them without).
const SPAWNABLE_WINDOWS_EXTENSIONS = new Set(['.exe', '.com']);

/**
 * The absolute path of the git executable on PATH, searched by us rather
 * than by the operating system: relative and empty PATH entries (`.`, `::`)
 * are skipped, and so is any folder inside one of `excluded`, so a `git`
 * committed in a repository never runs in its place. On Windows, where the
 * current folder is searched first by the system, the same search is made
 * with the extensions of PATHEXT (only those that start without a shell).
 * Undefined when there is none.
 */
export function findGitExecutable(search: GitSearch): string | undefined {
  const windows = (search.platform ?? process.platform) === 'win32';
  const paths = windows ? win32 : posix;
  const { isAbsolute, join, resolve } = paths;
  const excluded = search.excluded.flatMap((folder) => withRealPath(resolve(folder)));
  const names = windows
    ? (search.pathext ?? '.COM;.EXE;.BAT;.CMD')
        .split(';')
        .map((ext) => ext.trim().toLowerCase())
        .filter((ext) => SPAWNABLE_WINDOWS_EXTENSIONS.has(ext))
        .map((ext) => `git${ext}`)
    : ['git'];
  for (const rawEntry of (search.path ?? '').split(paths.delimiter)) {
    const entry = windows ? rawEntry.replace(/^"(.*)"$/, '$1') : rawEntry;
    if (entry === '' || !isAbsolute(entry)) continue;
    const folder = resolve(entry);
    if (withRealPath(folder).some((f) => excluded.some((ex) => isInsideFolder(ex, f)))) continue;
    for (const name of names) {
      const candidate = join(folder, name);
      if (isExecutableFile(candidate, windows)) return candidate;
    }
  }
  return undefined;
}

function withRealPath(path: string): string[] {
  try {
    const real = realpathSync(path);
    return real === path ? [path] : [path, real];
  } catch {
    return [path];
  }
}

function isExecutableFile(path: string, windows: boolean): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (!windows) accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// One search per PATH (and PATHEXT): the answer is kept while they stay the same.
const found = new Map<string, string>();

/**
 * The git to run for a call in `cwd`: found once per PATH and kept, and
 * searched again (not kept) when the kept one lies inside the repository or
 * folder of this call. Undefined when git is not installed (or not on PATH).
 */
export function gitExecutableFor(cwd: string): string | undefined {
  const path = process.env.PATH ?? process.env.Path;
  const pathext = process.env.PATHEXT;
  const key = `${path ?? ''}\0${pathext ?? ''}`;
  const excluded = [cwd, enclosingRepository(cwd) ?? cwd];
  const kept = found.get(key);
  if (kept !== undefined) {
    const keptFolders = withRealPath(kept);
    const inside = excluded.flatMap(withRealPath).some((folder) => keptFolders.some((k) => isInsideFolder(folder, k)));
    if (!inside) return kept;
    return findGitExecutable({ path, pathext, excluded });
  }
  const git = findGitExecutable({ path, pathext, excluded });
  if (git !== undefined) found.set(key, git);
  return git;
}
