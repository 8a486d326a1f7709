import { lstat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { enclosingRepository, OutsideRepositoryError, requireInsideRepository } from '../files/safePaths';
import { hazardLogIndexOf, type HazardLogIndex } from '../validate/hazardLog';
import { HAZARD_LOG_FILE } from '../vocabulary/documentKinds';
import { readTextBounded } from './recordFiles';

/** Where the hazard log of a record folder is: `hazard-log.md` at the records root, the record folder's parent. */
export function hazardLogPathOf(recordFolder: string): string {
  return join(dirname(recordFolder), HAZARD_LOG_FILE);
}

/**
 * The text of the hazard log beside a record folder; undefined when there is
 * none. A log that is a link, or that leads out of the repository, is not read
 * (never followed) and counts as absent; only a regular file is read, with a size cap.
 */
export async function readHazardLogText(recordFolder: string): Promise<string | undefined> {
  const path = hazardLogPathOf(recordFolder);
  try {
    if (!(await lstat(path)).isFile()) return undefined;
    const root = enclosingRepository(recordFolder);
    if (root !== undefined) await requireInsideRepository(root, path, `The hazard log ${HAZARD_LOG_FILE}`);
    return await readTextBounded(path);
  } catch (error) {
    if (error instanceof OutsideRepositoryError) return undefined;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES') return undefined;
    throw error;
  }
}

/** The hazard log index of a record folder, as every front end reads it. */
export async function readHazardLogOf(recordFolder: string, shownAs = HAZARD_LOG_FILE): Promise<HazardLogIndex> {
  return hazardLogIndexOf(await readHazardLogText(recordFolder), shownAs);
}
