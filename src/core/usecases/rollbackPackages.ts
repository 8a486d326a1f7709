import { join } from 'node:path';
import type { ResolvedConfig } from '../config/resolvedConfig';
import { ensureIgnoredFolder } from '../files/ignoredFolder';
import type { GitRepository } from '../git/gitRepository';
import { createRollbackPackage, packageBaseName, type RollbackPackage } from '../rollback/rollbackPackage';

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
  if (request.outDir === undefined) await ensureIgnoredFolder(outDir, repo.root);
  return createRollbackPackage(repo, { ref: request.ref, outDir, ...(request.now ? { now: request.now } : {}) });
}
