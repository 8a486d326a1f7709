import { access } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ResolvedConfig } from '../config/resolvedConfig';
import { ensureIgnoredFolder } from '../files/ignoredFolder';
import type { GitRepository } from '../git/gitRepository';
import type { PackageReference } from '../rollback/rollbackChecklist';
import { createRollbackPackage, packageBaseName, verifyRollbackPackage, type PackageVerification, type RollbackPackage } from '../rollback/rollbackPackage';

/** The configured package folder of a repository, as an absolute path. */
export function packageFolderOf(root: string, config: ResolvedConfig): string {
  return join(root, config.packageFolder);
}

/** The archive name a tag's package has. */
export function packageFileOf(tag: string): string {
  return `${packageBaseName(tag)}.tar.gz`;
}

/**
 * Creates the rollback package of `ref`. Into the configured package folder
 * by default, which is made git-ignored first (a `.gitignore` holding `*`),
 * so making a package leaves `git status` clean; `outDir` is the person's own
 * choice and is left as it is.
 */
export async function createPackage(repo: GitRepository, config: ResolvedConfig, request: { readonly ref: string; readonly outDir?: string; readonly now?: Date }): Promise<RollbackPackage> {
  const outDir = request.outDir ?? packageFolderOf(repo.root, config);
  if (request.outDir === undefined) await ensureIgnoredFolder(outDir);
  return createRollbackPackage(repo, { ref: request.ref, outDir, ...(request.now ? { now: request.now } : {}) });
}

/** A package looked up by file name in a folder. */
export type PackageLookup = { readonly state: 'not-found'; readonly path: string } | ({ readonly state: 'checked'; readonly path: string } & PackageVerification);

/**
 * Looks a package up in a folder by its file name (only the name is used, so
 * a name from front matter cannot point elsewhere) and verifies it.
 */
export async function lookUpPackage(folder: string, fileName: string): Promise<PackageLookup> {
  const name = basename(fileName.replace(/\\/g, '/'));
  const path = join(folder, name);
  if (name.length === 0 || name === '.' || name === '..' || !(await access(path).then(() => true, () => false))) return { state: 'not-found', path };
  return { state: 'checked', path, ...(await verifyRollbackPackage(path)) };
}

/** What a checklist names for a verified package: its file name and checksum. */
export function referenceOf(lookup: PackageLookup): PackageReference | undefined {
  if (lookup.state !== 'checked' || !lookup.ok || !lookup.sha256) return undefined;
  return { file: lookup.manifest?.archive ?? basename(lookup.path), sha256: lookup.sha256 };
}
