import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_VALIDATED_LENGTH } from '../validate/validateDocument';
import type { RecordFile } from '../validate/validateRecord';

/**
 * Reads a text file, but never more than just past the validation limit: a
 * huge file is then reported as too large instead of filling memory.
 */
export async function readTextBounded(path: string, limit = MAX_VALIDATED_LENGTH + 1): Promise<string> {
  const handle = await open(path, 'r');
  try {
    // UTF-8 may take up to 4 bytes per UTF-16 unit counted by the limit.
    const buffer = Buffer.alloc(Math.min(limit * 4, (await handle.stat()).size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The Markdown files directly inside a record folder, sorted by name; undefined when the folder cannot be read. */
export async function readRecordFiles(folder: string): Promise<RecordFile[] | undefined> {
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
