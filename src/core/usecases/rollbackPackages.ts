import { join } from 'node:path';
import type { ResolvedConfig } from '../config/resolvedConfig';
import { ensureIgnoredFolder } from '../files/ignoredFolder';
import type { GitRepository } from '../git/gitRepository';
import { createRollbackPackage, packageArchiveName, type PackageKind, type RollbackPackage } from '../rollback/rollbackPackage';

/** The configured package folder of a repository, as an absolute path. */
export function packageFolderOf(root: string, config: ResolvedConfig): string {
  return join(root, config.packageFolder);
}

/** The archive name a tag's package of a kind has (rollback by default). */
export function packageFileOf(tag: string, kind: PackageKind = 'rollback'): string {
  return packageArchiveName(tag, kind);
}

/**
 * Creates the rollback package of `ref` (or, with `kind: 'release'`, the
 * release package: the same archive of the version being released, named
 * and described as such). Into the configured package folder
 * by default, which is made git-ignored first (a `.gitignore` holding `*`),
 * so making a package leaves `git status` clean; `outDir` is the person's own
 * choice and is left as it is. An aborted `signal` stops it with an
 * AbortError and leaves no archive, partial or temporary (see `createRollbackPackage`).
 */
export async function createPackage(repo: GitRepository, config: ResolvedConfig, request: { readonly ref: string; readonly outDir?: string; readonly now?: Date; readonly kind?: PackageKind; readonly signal?: AbortSignal }): Promise<RollbackPackage> {
  const outDir = request.outDir ?? packageFolderOf(repo.root, config);
  request.signal?.throwIfAborted();
  if (request.outDir === undefined) await ensureIgnoredFolder(outDir, repo.root);
  return createRollbackPackage(repo, { ref: request.ref, outDir, ...(request.now ? { now: request.now } : {}), ...(request.kind ? { kind: request.kind } : {}), ...(request.signal ? { signal: request.signal } : {}) });
}
