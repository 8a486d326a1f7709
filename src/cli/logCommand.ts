import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { enclosingRepository } from '../core/files/safePaths';
import { isLogEntryType, LOG_ENTRY_TYPES, LogEntryError } from '../core/records/deploymentLog';
import { appendDeploymentLogEntry, NoExecutionReflectionError } from '../core/usecases/deploymentLog';
import type { Clock } from '../core/vocabulary/clock';
import { UsageError } from './usage';

/**
 * `reflect log <record folder> "text" [--type step-started|step-done|observation|decision|problem]`:
 * appends a timestamped entry to the record's in-action-execution.md
 * "Deployment log" section (created where the template puts it when
 * missing), changing nothing else, and prints the entry. Exit 0, or 2.
 */
export async function runLog(args: string[], out: NodeJS.WritableStream, clock: Clock): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { type: { type: 'string', default: 'observation' } } });
  const types = LOG_ENTRY_TYPES.map((t) => t.id).join(', ');
  if (positionals.length !== 2) throw new UsageError('log takes a change record folder and the entry text, for example: reflect log docs/changes/v1.4.0 "Database migration started" --type step-started');
  const type = values.type ?? 'observation';
  if (!isLogEntryType(type)) throw new UsageError(`--type must be one of ${types}, not "${type.slice(0, 40)}".`);
  const folder = resolve(positionals[0]);
  if (!(await stat(folder).then((s) => s.isDirectory(), () => false))) throw new UsageError(`Cannot read "${positionals[0]}": no such folder.`);
  try {
    const edit = await appendDeploymentLogEntry(folder, { type, text: positionals[1], clock }, enclosingRepository(folder));
    out.write(`${edit.line}\n`);
  } catch (error) {
    if (error instanceof LogEntryError || error instanceof NoExecutionReflectionError) throw new UsageError(error.message);
    throw error;
  }
  return 0;
}
