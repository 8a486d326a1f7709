import { createFolder } from '../files/createFolder';
import { lstat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { refuseLinkOutOfRepository } from '../files/safePaths';
import { replaceFile, writeNewFile } from '../files/atomicWrite';
import { evidencePackFileName } from './packContext';

/** The default folder for evidence packs, relative to the repository root (kept out of git by a `.gitignore` inside it). */
export const DEFAULT_EVIDENCE_FOLDER = '.reflect/evidence';

/** Where a pack with this file name is saved by default: `<repository>/.reflect/evidence/<fileName>`. */
export function evidencePackPathIn(repositoryRoot: string, fileName: string): string {
  return join(repositoryRoot, DEFAULT_EVIDENCE_FOLDER, fileName);
}

/** `<repository>/.reflect/evidence/<version>.html`: a version reduced to a safe file name (the export names its pack by `evidencePackPathIn`). */
export function defaultEvidencePackPath(repositoryRoot: string, version: string): string {
  return join(repositoryRoot, DEFAULT_EVIDENCE_FOLDER, evidencePackFileName(version));
}

/** How a pack is written. */
export interface WriteEvidencePackOptions {
  /** Replace an existing file (atomically); without it an existing file is refused with `FileExistsError`. */
  readonly force?: boolean;
  /** Put a `.gitignore` holding `*` in the folder when it has none, so packs stay out of git (for the default folder). */
  readonly keepOutOfGit?: boolean;
  /** The repository: a target inside it must not lead out of it through a link (a committed `.reflect` link, a linked folder or file). */
  readonly root?: string;
}

/**
 * Writes a pack atomically (temporary file in the same folder, then link or
 * rename), creating its folder. Never replaces an existing file unless `force`.
 */
export async function writeEvidencePack(target: string, content: string | Buffer, options: WriteEvidencePackOptions = {}): Promise<void> {
  const folder = dirname(target);
  const { root } = options;
  // Checked before the folder is made (mkdir follows links) and again after it, when every part exists.
  if (root !== undefined) await refuseLinkOutOfRepository(root, folder, `The folder ${folder}`);
  await createFolder(folder);
  if (root !== undefined) await refuseLinkOutOfRepository(root, folder, `The folder ${folder}`);
  if (options.keepOutOfGit) {
    await writeFile(join(folder, '.gitignore'), '# Evidence packs are exports: never commit them.\n*\n', { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
  // --force replaces a pack that is there; with none there yet, it writes a new one.
  if (options.force && (await lstat(target).then(() => true, () => false))) await replaceFile(target, content, root !== undefined ? { root } : {});
  else await writeNewFile(target, content);
}
