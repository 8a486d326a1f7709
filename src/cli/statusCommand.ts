import { parseArgs } from 'node:util';
import { GitRepository } from '../core/git/gitRepository';
import { nextDueDocument, type NextDue, type RecordAssessment } from '../core/records/recordStatus';
import { assessRecordFolderOf } from '../core/usecases/checkRecord';
import { listRecordVersions } from '../core/usecases/recordDocuments';
import { recordDocumentPath } from '../core/vocabulary/recordLayout';
import { readRepositoryConfig } from './repositoryConfig';
import { readToday } from './todayArgument';
import { UsageError } from './usage';

/** A record's state as `reflect status --format json` prints it (a stable contract). */
export interface StatusJson {
  record: string;
  folder: string;
  complete: number;
  present: number;
  expected: number;
  documents: Array<{ file: string; kind: string; phase?: string; state: string; errors: number; warnings: number; info: number }>;
  next: { file: string; kind: string; phase?: string; action: NextDue['action']; command: string } | null;
}

/**
 * `reflect status [V]`: a record's documents (default: the newest record),
 * each missing, with problems or complete (graded as the editor's Change
 * Records view grades them), and what is due next. Exit 0; 2 when there is no such record.
 */
export async function runStatus(args: string[], out: NodeJS.WritableStream, cwd: string, today: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      repo: { type: 'string' },
      format: { type: 'string', default: 'text' },
      today: { type: 'string' },
    },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}".`);
  if (positionals.length > 1) throw new UsageError('status takes at most one record version, for example: reflect status v1.4.0');
  const day = values.today === undefined ? today : readToday(values.today);
  const repository = await GitRepository.open(values.repo ?? cwd);
  const config = await readRepositoryConfig(repository.root);
  const version = positionals[0] ?? (await listRecordVersions(repository.root, config.recordsFolder))[0];
  if (version === undefined) throw new UsageError(`There is no change record in ${config.recordsFolder} yet; start one with "reflect new change".`);
  const assessment = await assessRecordFolderOf(repository.root, version, { config, today: day, repository });
  if (!assessment) throw new UsageError(`There is no change record ${version} in ${config.recordsFolder}.`);
  const status = statusJson(version, recordDocumentPath(config.recordsFolder, version, ''), assessment);
  out.write(values.format === 'json' ? `${JSON.stringify(status, null, 2)}\n` : statusText(status));
  return 0;
}

function statusJson(version: string, folder: string, assessment: RecordAssessment): StatusJson {
  const next = nextDueDocument(assessment);
  return {
    record: version,
    folder: folder.replace(/\/$/, ''),
    complete: assessment.complete,
    present: assessment.present,
    expected: assessment.expected,
    documents: assessment.documents.map((d) => ({
      file: d.fileName,
      kind: d.kind,
      ...(d.phase ? { phase: d.phase } : {}),
      state: d.state,
      errors: d.counts.error,
      warnings: d.counts.warning,
      info: d.counts.info,
    })),
    next: next ? { file: next.fileName, kind: next.kind, ...(next.phase ? { phase: next.phase } : {}), action: next.action, command: nextCommand(version, folder, next) } : null,
  };
}

function nextCommand(version: string, folder: string, next: NextDue): string {
  if (next.action === 'finish') return `reflect check ${folder}${next.fileName}`;
  return `reflect new ${next.phase ?? next.kind} --record ${version}`;
}

const STATE_WORDS: Record<string, string> = { missing: 'missing', 'has-problems': 'has problems', complete: 'complete' };

function statusText(status: StatusJson): string {
  const lines = [`${status.record} (${status.folder}): ${status.complete}/${status.expected} complete, ${status.present} written`];
  for (const d of status.documents) {
    const counts = [plural(d.errors, 'error'), plural(d.warnings, 'warning'), d.info > 0 ? `${d.info} info` : ''].filter((c) => c.length > 0);
    lines.push(`  ${(STATE_WORDS[d.state] ?? d.state).padEnd(13)} ${d.file}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`);
  }
  if (status.next) lines.push(`Next: ${status.next.action} ${status.next.file}: ${status.next.command}`);
  else lines.push('Next: nothing; every document is complete.');
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`;
}
