import { createFolder } from './createFolder';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { refuseLinkOutOfRepository } from './safePaths';

/**
 * Creates a folder for build artefacts (rollback packages, evidence packs)
 * with a `.gitignore` holding `*`, which keeps them out of git without
 * touching the person's own ignore files. A folder inside the repository
 * `root` that leads out of it through a link (a committed `.reflect` link)
 * is refused.
 */
export async function ensureIgnoredFolder(folder: string, root: string): Promise<void> {
  await refuseLinkOutOfRepository(root, folder, `The folder ${folder}`);
  await createFolder(folder);
  await refuseLinkOutOfRepository(root, folder, `The folder ${folder}`);
  await writeFile(join(folder, '.gitignore'), '# Reflective Change Log artefacts: never commit them.\n*\n', { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}
