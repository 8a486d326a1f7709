import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitRepository } from '../git/gitRepository';
import { readTarContents, type TarFileEntry } from './tarEntries';

/** What holding an archive against its tag found, and which check that was. */
export interface TagComparison {
  /** The check made, in words (for the person verifying). */
  readonly check: string;
  readonly problems: readonly string[];
}

const MAX_NAMED = 5;

/**
 * Holds a package's archive against the tag its manifest claims, in the
 * repository at hand: the tag must still name the commit the package was
 * made of, and every file of that commit's tree must be in the archive with
 * the same content (blob hashes from `git ls-tree -r` against each entry
 * hashed as git hashes a blob) and executable bit, with nothing added. So an
 * archive whose content was changed and whose checksum and manifest were
 * made again to match is still found out. When the tree uses `export-ignore`,
 * which makes an archive differ from its tree on purpose, the archive is held
 * against a fresh archive of the tag instead (made the same way, so
 * `export-subst` is not expanded in either: see `archiveTar`).
 */
export async function compareArchiveWithTag(
  repo: GitRepository,
  archive: { readonly entries: readonly TarFileEntry[]; readonly format: 'sha1' | 'sha256' },
  manifest: { readonly tag: string; readonly commit: string; readonly prefix: string },
): Promise<TagComparison> {
  let commit: string;
  try {
    commit = await repo.resolveCommit(manifest.tag);
  } catch {
    return { check: `Contents not compared with a tag: ${manifest.tag} is not in this repository.`, problems: [] };
  }
  const problems: string[] = [];
  if (commit !== manifest.commit) problems.push(`${manifest.tag} now names commit ${commit.slice(0, 12)}, but the package was made of ${manifest.commit.slice(0, 12)}.`);
  const tree = await repo.listTreeEntries(commit);
  const { expected, how } = (await usesExportAttributes(repo, commit, tree.entries.map((e) => e.path)))
    ? { expected: await freshArchiveEntries(repo, commit, manifest.prefix, tree.format), how: 'a fresh archive of the tag (its tree uses export-ignore)' }
    : { expected: tree.entries.map((e) => ({ path: `${manifest.prefix}${e.path}`, link: e.mode === '120000', executable: e.mode === '100755', blobHash: e.hash })), how: 'the blob hashes of git ls-tree -r' };
  if (archive.format !== tree.format) {
    return { check: `Contents not compared with ${manifest.tag}: the package was made in a ${archive.format} repository, this one uses ${tree.format}.`, problems };
  }
  problems.push(...differences(expected, archive.entries, manifest.tag));
  return { check: `Contents held against ${manifest.tag} (commit ${commit.slice(0, 12)}): ${expected.length} files, each entry's content compared with ${how}.`, problems };
}

function differences(expected: readonly TarFileEntry[], actual: readonly TarFileEntry[], tag: string): string[] {
  const inArchive = new Map(actual.map((e) => [e.path, e]));
  const wanted = new Set(expected.map((e) => e.path));
  const missing: string[] = [];
  const changed: string[] = [];
  for (const entry of expected) {
    const found = inArchive.get(entry.path);
    if (!found) missing.push(entry.path);
    else if (found.blobHash !== entry.blobHash || found.link !== entry.link || found.executable !== entry.executable) changed.push(entry.path);
  }
  const added = actual.filter((e) => !wanted.has(e.path)).map((e) => e.path);
  const problems: string[] = [];
  if (changed.length > 0) problems.push(`${count(changed.length)} of the archive ${changed.length === 1 ? 'differs' : 'differ'} from ${tag}: ${named(changed)}.`);
  if (missing.length > 0) problems.push(`${count(missing.length)} of ${tag} ${missing.length === 1 ? 'is' : 'are'} missing from the archive: ${named(missing)}.`);
  if (added.length > 0) problems.push(`The archive holds ${count(added.length)} that ${tag} does not: ${named(added)}.`);
  return problems;
}

function count(n: number): string {
  return `${n} ${n === 1 ? 'file' : 'files'}`;
}

function named(paths: readonly string[]): string {
  const shown = paths.slice(0, MAX_NAMED).map((p) => JSON.stringify(p)).join(', ');
  return paths.length > MAX_NAMED ? `${shown} and ${paths.length - MAX_NAMED} more` : shown;
}

async function usesExportAttributes(repo: GitRepository, commit: string, paths: readonly string[]): Promise<boolean> {
  const attributeFiles = paths.filter((p) => p === '.gitattributes' || p.endsWith('/.gitattributes'));
  for (const path of attributeFiles) {
    const blob = await repo.readBlob(commit, path);
    if (blob && /export-ignore/.test(blob.toString('utf8'))) return true;
  }
  return false;
}

async function freshArchiveEntries(repo: GitRepository, commit: string, prefix: string, format: 'sha1' | 'sha256'): Promise<TarFileEntry[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'reflect-verify-'));
  try {
    const tar = join(scratch, 'fresh.tar');
    await repo.archiveTar(commit, tar, prefix);
    // Our own fresh archive of the tag: as large as the tree, no cap.
    return await readTarContents(tar, false, format, Number.MAX_SAFE_INTEGER);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
