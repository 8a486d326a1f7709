import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readRegularText } from '../files/regularFile';
import { OutsideRepositoryError, requireInsideRepository } from '../files/safePaths';
import { MAX_VALIDATED_LENGTH } from '../validate/validateDocument';
import type { RecordFile } from '../validate/validateRecord';

/**
 * Reads a regular text file (never a FIFO or device), but never more than
 * just past the validation limit: a huge file is then reported as too large
 * instead of filling memory.
 */
export async function readTextBounded(path: string, limit = MAX_VALIDATED_LENGTH + 1): Promise<string> {
  // UTF-8 may take up to 4 bytes per UTF-16 unit counted by the limit.
  return readRegularText(path, { maxBytes: limit * 4, overLimit: 'truncate' });
}

/**
 * The Markdown files directly inside a record folder, sorted by name;
 * undefined when the folder cannot be read. Files that are links are not
 * read. With `repositoryRoot`, a folder leading outside the repository
 * through a link raises `OutsideRepositoryError` instead of being read.
 */
export async function readRecordFiles(folder: string, repositoryRoot?: string): Promise<RecordFile[] | undefined> {
  if (repositoryRoot !== undefined) await requireInsideRepository(repositoryRoot, folder, `The record folder ${folder}`);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return undefined;
  }
  const names = entries.filter((e) => e.isFile() && e.name.endsWith('.md') && !e.name.startsWith('.')).map((e) => e.name).sort();
  const files: RecordFile[] = [];
  for (const name of names) {
    try {
      files.push({ name, text: await readTextBounded(join(folder, name)) });
    } catch {
      // A file that vanished or cannot be read is treated as missing.
    }
  }
  return files;
}

/**
 * A record folder's Markdown files as the views and the language server
 * read them: undefined when the folder does not exist or, through a link,
 * leads out of the repository `root` (refused, never followed).
 */
export async function readContainedRecordFiles(folder: string, root: string): Promise<RecordFile[] | undefined> {
  try {
    return await readRecordFiles(folder, root);
  } catch (error) {
    if (error instanceof OutsideRepositoryError) return undefined;
    // The folder does not exist yet: requireInsideRepository found nothing to follow.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
