import { parseArgs } from 'node:util';
import { FileExistsError } from '../core/files/atomicWrite';
import { GitRepository } from '../core/git/gitRepository';
import { readReleaseOverview, releaseRangeOf } from '../core/git/releases';
import type { RevisionRange } from '../core/git/gitRepository';
import type { ResolvedConfig } from '../core/config/resolvedConfig';
import { bumpOfRange, proposeVersionForRange, versionScopeOf } from '../core/usecases/proposeVersion';
import { documentAuthor, documentChoiceOf, documentChoices, draftRecordDocument, hazardLogDraft, listRecordVersions, nextDuePhase, recordFileNameFor, writeRecordDocument, type RecordDocumentDraft, type TemplateContext } from '../core/usecases/recordDocuments';
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { isPhaseId, phaseFileNameOf, PHASE_IDS, type PhaseId } from '../core/vocabulary/phaseIds';
import { recordFolderName } from '../core/vocabulary/recordLayout';
import { readRepositoryConfig } from './repositoryConfig';
import { readToday } from './todayArgument';
import { UsageError } from './usage';

/**
 * `reflect new <kind> [--record V] [--phase P]`: creates one record document
 * from the editor's template, never over an existing file, and prints its
 * path (relative to the current folder's repository root). Returns the exit code.
 */
export async function runNew(args: string[], out: NodeJS.WritableStream, cwd: string, today: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      record: { type: 'string' },
      phase: { type: 'string' },
      repo: { type: 'string' },
      today: { type: 'string' },
      author: { type: 'string' },
    },
  });
  const choices = documentChoices().join(', ');
  if (positionals.length !== 1) throw new UsageError(`new takes one document kind: ${choices}.`);
  if (values.phase !== undefined && !isPhaseId(values.phase)) throw new UsageError(`--phase must be one of ${PHASE_IDS.join(', ')}, not "${values.phase.slice(0, 40)}".`);
  const choice = documentChoiceOf(positionals[0], values.phase);
  if (!choice) throw new UsageError(`"${positionals[0].slice(0, 40)}" is not a document kind; choose one of ${choices}.`);
  if (values.phase !== undefined && choice.kind !== 'reflection') throw new UsageError(`--phase is for a reflection, not for ${choice.kind}.`);
  const date = values.today === undefined ? today : readToday(values.today);
  const repository = await GitRepository.open(values.repo ?? cwd);
  const config = await readRepositoryConfig(repository.root);
  if (choice.kind === 'hazard-log') {
    if (values.record !== undefined) throw new UsageError('The hazard log is one file for every change record (at the records root); --record does not apply.');
    const author = values.author ?? (await documentAuthor(repository));
    const draft = hazardLogDraft(config.recordsFolder, { date, author, system: config.activity.system ?? basename(repository.root) });
    return writeAndPrint(repository.root, draft, out, cwd);
  }
  const version = await recordVersion(repository, config, choice.kind, values.record);
  const folder = join(repository.root, config.recordsFolder, recordFolderName(version));
  const phase: PhaseId | undefined = choice.kind === 'reflection' ? (choice.phase ?? dueOrRefuse(folder, version)) : undefined;
  const fileName = recordFileNameFor(choice.kind, phase);
  if (fileName === undefined) throw new UsageError(`A ${choice.kind} document is not kept in a change record folder; reflect new cannot create it.`);
  const context = choice.kind === 'change' || choice.kind === 'release-notes' || choice.kind === 'rollback' ? await rangeContext(repository, config, version, choice.kind === 'release-notes') : {};
  const author = values.author ?? (await documentAuthor(repository));
  const draft = await draftRecordDocument(repository.root, config.recordsFolder, version, fileName, { date, author, ...context });
  return writeAndPrint(repository.root, draft, out, cwd);
}

async function writeAndPrint(root: string, draft: RecordDocumentDraft, out: NodeJS.WritableStream, cwd: string): Promise<number> {
  let written: string;
  try {
    written = await writeRecordDocument(root, draft);
  } catch (error) {
    if (error instanceof FileExistsError) throw new UsageError(`${draft.relativePath} already exists; it was not overwritten.`);
    throw error;
  }
  // Relative to where the command runs, as the other commands print paths.
  out.write(`${relative(cwd, written) || written}\n`);
  return 0;
}

/** The record to add to: --record, else for a new change record the version the unreleased commits call for, else the newest record. */
async function recordVersion(repository: GitRepository, config: ResolvedConfig, kind: string, record: string | undefined): Promise<string> {
  if (record !== undefined) {
    if (record.trim().length === 0) throw new UsageError('--record needs a version, for example --record v1.4.0.');
    return record.trim();
  }
  if (kind === 'change') {
    const overview = await readReleaseOverview(repository, config.releaseFilter);
    if (!overview.unreleased) throw new UsageError('The repository has no commits yet; give the version with --record V.');
    return proposeVersionForRange(repository, overview.unreleased.range, versionScopeOf(config));
  }
  const [newest] = await listRecordVersions(repository.root, config.recordsFolder);
  if (newest === undefined) throw new UsageError(`There is no change record in ${config.recordsFolder} yet; start one with "reflect new change" or give --record V.`);
  return newest;
}

function dueOrRefuse(folder: string, version: string): PhaseId {
  const due = nextDuePhase((phase) => existsSync(join(folder, phaseFileNameOf(phase))));
  if (due === undefined) throw new UsageError(`Every reflection of ${version} is written; name a phase with --phase to see which.`);
  return due;
}

/** The range a change, its release notes and rollback checklist cover: the release's own if it is tagged, else latest release..the version. */
async function rangeContext(repository: GitRepository, config: ResolvedConfig, version: string, withBump: boolean): Promise<TemplateContext> {
  const overview = await readReleaseOverview(repository, config.releaseFilter);
  const tagged = overview.tags.some((t) => t.name === version);
  const range: RevisionRange | undefined = tagged ? await releaseRangeOf(repository, overview.tags, version) : overview.unreleased && { from: overview.unreleased.range.from, to: version };
  if (!range) return {};
  // An untagged version's commits are read up to HEAD, as the release notes read them.
  const bump = withBump ? await bumpOfRange(repository, tagged ? range : { ...range, to: 'HEAD' }, versionScopeOf(config)) : undefined;
  return {
    ...(bump !== undefined ? { bump } : {}), range: { ...(range.from !== undefined ? { from: range.from } : {}), to: range.to }, ...(range.from !== undefined ? { previousTag: range.from } : {}) };
}
