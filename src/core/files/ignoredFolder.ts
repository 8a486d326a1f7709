import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Creates a folder for build artefacts (rollback packages, evidence packs)
 * with a `.gitignore` holding `*`, which keeps them out of git without
 * touching the person's own ignore files.
 */
export async function ensureIgnoredFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, '.gitignore'), '# Reflective Change Log artefacts: never commit them.\n*\n', { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}
