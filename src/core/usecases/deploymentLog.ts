import { join } from 'node:path';
import { replaceFile } from '../files/atomicWrite';
import { refuseLinkOutOfRepository } from '../files/safePaths';
import { formatLogEntry, insertLogEntry, type LogEntryType, type LogInsertion } from '../records/deploymentLog';
import { readTextBounded } from '../records/recordFiles';
import { MAX_VALIDATED_LENGTH } from '../validate/validateDocument';
import type { Clock } from '../vocabulary/clock';
import { phaseFileNameOf } from '../vocabulary/phaseIds';

/** The reflection a deployment log is written in. */
export const DEPLOYMENT_LOG_FILE = phaseFileNameOf('in-action-execution');

/** What to log, and when (the one clock). */
export interface LogEntryRequest {
  readonly type: LogEntryType;
  readonly text: string;
  readonly clock: Clock;
}

/**
 * The edit that adds an entry to a reflection's text: the editor applies it
 * to the open document, `appendDeploymentLogEntry` to the file. Throws
 * `LogEntryError` for empty or oversized text or an unknown type.
 */
export function deploymentLogEdit(text: string, request: LogEntryRequest): LogInsertion {
  return insertLogEntry(text, formatLogEntry(request.type, request.text, request.clock));
}

/** The record folder has no in-action-execution reflection to log into. */
export class NoExecutionReflectionError extends Error {}

/**
 * Appends a timestamped entry to the record's in-action-execution.md on
 * disk, changing nothing else in it. The file is replaced atomically only
 * if it still holds the text the entry was added to (`FileChangedError`
 * otherwise: nothing is lost, run it again); inside a repository (`root`) a
 * file that is a link leading out of it is refused.
 */
export async function appendDeploymentLogEntry(folder: string, request: LogEntryRequest, root?: string): Promise<LogInsertion> {
  const path = join(folder, DEPLOYMENT_LOG_FILE);
  let text: string;
  try {
    // A reflection that is a link leading out of the repository is not even read.
    if (root !== undefined) await refuseLinkOutOfRepository(root, path, path);
    text = await readTextBounded(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new NoExecutionReflectionError(`${path} does not exist: start the in-action-execution reflection first (Change Log: New Reflection), then log into it.`);
    }
    throw error;
  }
  if (text.length > MAX_VALIDATED_LENGTH) throw new Error(`${path} is larger than ${MAX_VALIDATED_LENGTH / 1024 / 1024} MB; it was not changed.`);
  const edit = deploymentLogEdit(text, request);
  await replaceFile(path, edit.text, { expected: text, ...(root !== undefined ? { root } : {}) });
  return edit;
}
