import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitProblem } from './errors';
import { assertSafeRef, run } from './gitCall';
import { runGit } from './gitProcess';
import { NO_USER_CONFIG, UNEXPANDED_ATTRIBUTES } from './programConfigKeys';

/**
 * Reads of trees, the index and blobs as stored, and archives of a tree, for
 * `GitRepository` (`root` is its top level). None runs a filter, textconv or
 * any other program the repository's config names.
 */

/** One file of a tree, as `git ls-tree -r` lists it. */
export interface TreeEntry {
  /** `100644`, `100755` or `120000` (a symbolic link). */
  readonly mode: string;
  readonly hash: string;
  readonly path: string;
}

/**
 * The files staged in the index under literal paths (relative to the
 * root, `/`-separated), with their blob hashes: what the next commit would
 * hold. Only merged entries (stage 0): a conflicted path has no single
 * staged version. The index is read as it is, never refreshed, so no clean
 * filter or other program runs.
 */
export async function stagedFiles(root: string, paths: readonly string[]): Promise<TreeEntry[]> {
  const output = await run(root, ['ls-files', '--stage', '-z', '--', ...paths.map((p) => `:(literal)${p.replace(/\\/g, '/').replace(/^\/+/, '')}`)]);
  const entries: TreeEntry[] = [];
  for (const record of output.split('\0')) {
    // `<mode> <object> <stage>\t<path>`
    const match = /^(\d{6}) ([0-9a-f]{40,64}) (\d)\t(.+)$/s.exec(record);
    if (match && match[3] === '0' && (match[1] === '100644' || match[1] === '100755')) entries.push({ mode: match[1], hash: match[2], path: match[4] });
  }
  return entries;
}

/** The bytes of a file at a revision (`cat-file blob`, no filter or textconv), or undefined when it does not exist there. */
export async function readBlobAt(root: string, ref: string, path: string): Promise<Buffer | undefined> {
  const object = `${assertSafeRef(ref)}:${path.replace(/^\/+/, '')}`;
  try {
    return await runGit(root, ['cat-file', 'blob', object]);
  } catch {
    return undefined;
  }
}

/**
 * A blob's bytes by its hash, as stored: `cat-file blob` without
 * `--filters`, so no smudge or textconv program runs. Undefined when the
 * blob is larger than `maxBytes`.
 */
export async function readBlobObject(root: string, hash: string, maxBytes: number): Promise<Buffer | undefined> {
  if (!/^[0-9a-f]{40,64}$/.test(hash)) throw new GitProblem('bad-ref', `"${hash.slice(0, 70)}" is not an object hash.`);
  const size = Number((await run(root, ['cat-file', '-s', hash])).trim());
  if (!(size <= maxBytes)) return undefined;
  return runGit(root, ['cat-file', 'blob', hash]);
}

/** Paths of every file in the tree of a revision (what an archive of it holds). */
export async function listTreeFiles(root: string, ref: string): Promise<string[]> {
  const output = await run(root, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', '--end-of-options', assertSafeRef(ref)]);
  return output.split('\0').filter((p) => p.length > 0);
}

/** The repository's object format: `sha1` unless git says `sha256`. */
export function objectFormat(root: string): Promise<'sha1' | 'sha256'> {
  return run(root, ['rev-parse', '--show-object-format']).then(
    (f) => (f.trim() === 'sha256' ? 'sha256' : 'sha1'),
    () => 'sha1',
  );
}

/**
 * Every file of a revision's tree with its mode and blob hash (submodules
 * are left out: an archive holds none), and the object format (`sha1` or
 * `sha256`) the hashes are in.
 */
export async function listTreeEntries(root: string, ref: string): Promise<{ readonly format: 'sha1' | 'sha256'; readonly entries: readonly TreeEntry[] }> {
  const [output, format] = await Promise.all([run(root, ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', assertSafeRef(ref)]), objectFormat(root)]);
  const entries: TreeEntry[] = [];
  for (const record of output.split('\0')) {
    // `<mode> <type> <object>\t<path>`
    const match = /^(\d{6}) (\w+) ([0-9a-f]{40,64})\t(.+)$/s.exec(record);
    if (match && match[2] === 'blob') entries.push({ mode: match[1], hash: match[3], path: match[4] });
  }
  return { format, entries };
}

/**
 * Writes an uncompressed tar of a commit's tree (never the working tree)
 * to `outputFile`; `objects` is the repository's object folder and `format`
 * its object format. `git archive`
 * would run the smudge command of any filter driver the repository's config
 * names for a path (and `-c` cannot override drivers whose names only the
 * repository knows), so the archive is made in a throw-away bare repository
 * that borrows this one's objects through `objects/info/alternates` and has
 * no config of its own, and is run without the global and system config: the
 * tree's `export-ignore` still applies, but no filter driver (the
 * repository's or the user's, git-lfs included), textconv or
 * `tar.*.command` exists there, and its `info/attributes`
 * (`UNEXPANDED_ATTRIBUTES`) turns off filters, conversions and
 * `export-subst` (whose `%G?` would run gpg). The tar format is built into
 * git; compression is the caller's. An aborted `signal` stops git; the
 * partial `outputFile` is the caller's to remove.
 */
export async function archiveTreeTar(commit: string, objects: string, format: 'sha1' | 'sha256', outputFile: string, prefix?: string, signal?: AbortSignal): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'reflect-archive-'));
  try {
    // A SHA-256 repository needs a scratch repository of the same object format.
    await run(scratch, ['init', '--bare', '--quiet', ...(format === 'sha256' ? ['--object-format=sha256'] : [])], { env: NO_USER_CONFIG });
    await writeFile(join(scratch, 'objects', 'info', 'alternates'), `${objects}\n`);
    await mkdir(join(scratch, 'info')).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    await writeFile(join(scratch, 'info', 'attributes'), UNEXPANDED_ATTRIBUTES);
    const args = ['archive', '--format=tar', `--output=${outputFile}`];
    if (prefix !== undefined) args.push(`--prefix=${prefix}`);
    args.push('--end-of-options', commit);
    await run(scratch, args, { env: NO_USER_CONFIG, ...(signal ? { signal } : {}) });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
