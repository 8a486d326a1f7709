import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PHASE_IDS, phaseFileNameOf } from './phases';
import { recordFolderName } from './recordLayout';

/** Every document a complete change record holds, by file name. */
export const RECORD_DOCUMENTS: readonly string[] = ['change.md', 'release-notes.md', 'rollback.md', ...PHASE_IDS.map(phaseFileNameOf), 'action-plan.md'];

/** Which of a record's documents exist on disk. */
export interface RecordPresence {
  readonly present: readonly string[];
  readonly expected: readonly string[];
}

/** Reads which documents of a version's record exist; undefined when the record folder does not. */
export async function readRecordPresence(repositoryRoot: string, recordsFolder: string, version: string): Promise<RecordPresence | undefined> {
  let names: string[];
  try {
    names = await readdir(join(repositoryRoot, recordsFolder, recordFolderName(version)));
  } catch {
    return undefined;
  }
  const present = RECORD_DOCUMENTS.filter((name) => names.includes(name));
  return { present, expected: RECORD_DOCUMENTS };
}
