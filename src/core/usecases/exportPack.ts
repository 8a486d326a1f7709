import { dirname, resolve } from 'node:path';
import type { ResolvedConfig } from '../config/resolvedConfig';
import { validationOptionsOf } from '../config/resolvedConfig';
import { defaultEvidencePackPath, evidencePackPathIn, writeEvidencePack } from '../export/evidencePackFile';
import { exportEvidencePack, type EvidencePack } from '../export/exportEvidencePack';
import { ensureIgnoredFolder } from '../files/ignoredFolder';
import { enclosingRepository } from '../files/safePaths';
import { GitProblem } from '../git/errors';
import { GitRepository } from '../git/gitRepository';
import type { PackFormat } from '../export/packFormat';
import { todayOn, type Clock } from '../vocabulary/clock';
import { checkRecord } from './checkRecord';
import { packageFolderOf } from './rollbackPackages';

export { defaultEvidencePackPath, evidencePackPathIn };

/** The repository a record folder belongs to, or why none could be opened. */
export interface RecordRepository {
  readonly repository?: GitRepository;
  /** Why the repository could not be opened (said in the pack's commits section). */
  readonly unavailable?: string;
  /** The repository root, also when git could not open it (its reflect.config.json still counts). */
  readonly root?: string;
}

/**
 * Opens the repository of a record folder: `repo` when given, otherwise the
 * one around the folder as named (not around where a link in its path leads).
 * A git problem is kept as the reason, not thrown: a pack can be made without git.
 */
export async function openRecordRepository(folder: string, repo?: string): Promise<RecordRepository> {
  try {
    const repository = await GitRepository.open(resolve(repo ?? enclosingRepository(folder) ?? folder));
    return { repository, root: repository.root };
  } catch (error) {
    if (!(error instanceof GitProblem)) throw error;
    const root = enclosingRepository(folder);
    return { unavailable: error.message, ...(root ? { root } : {}) };
  }
}

/** What exporting a record's pack needs besides its folder. */
export interface PackRequest extends RecordRepository {
  readonly config: ResolvedConfig;
  /** The pack's time stamp and, as the local date, what is overdue. */
  readonly clock: Clock;
  /** The stylesheet file; the installation's by default. */
  readonly stylesheetPath?: string;
  /** The day the record is graded on (`reflect export --today`); the clock's local date otherwise. */
  readonly today?: string;
  /** HTML (by default) or PDF. */
  readonly format?: PackFormat;
  /** Aborted when the person cancels: the build stops at its next step, and nothing is written. */
  readonly signal?: AbortSignal;
}

/**
 * Builds a record's evidence pack, graded with the repository's
 * configuration and the local date exactly as the editor and `reflect check`
 * grade it; the repository's package folder is where its rollback package is looked for.
 */
export async function buildRecordPack(folder: string, request: PackRequest): Promise<EvidencePack> {
  const { repository, unavailable, root, config, clock, signal } = request;
  signal?.throwIfAborted();
  const now = clock.now();
  const today = request.today ?? todayOn(clock);
  const pack = await exportEvidencePack(folder, {
    ...(repository ? { repository } : {}),
    ...(unavailable ? { repositoryUnavailable: unavailable } : {}),
    options: validationOptionsOf(config, today),
    findings: (files) => {
      // Between reading the record and grading it: a cancelled export stops here.
      signal?.throwIfAborted();
      return checkRecord(files, { config, today, folder, ...(repository ? { repository } : {}) });
    },
    activity: config.activity,
    packFileName: config.packFileName,
    maxImageBytes: config.maxImageBytes,
    ...(root ? { root } : {}),
    now,
    ...(root ? { packageFolder: packageFolderOf(root, config) } : {}),
    ...(request.stylesheetPath ? { stylesheetPath: request.stylesheetPath } : {}),
    ...(request.format ? { format: request.format } : {}),
  });
  signal?.throwIfAborted();
  return pack;
}

/** Makes the default evidence folder exist, git-ignored, before a person is asked where to save (the dialog opens in it). */
export async function prepareDefaultPackFolder(root: string, defaultPath: string): Promise<void> {
  await ensureIgnoredFolder(dirname(defaultPath), root);
}

/**
 * Writes a pack: never over an existing file unless `force`; with
 * `keepOutOfGit` (the default location) its folder is git-ignored; inside the repository no link may lead out of it.
 */
export async function writeRecordPack(target: string, pack: EvidencePack, options: { readonly force: boolean; readonly keepOutOfGit: boolean; readonly root?: string; readonly signal?: AbortSignal }): Promise<void> {
  // Cancelled before writing: no file at all (the write itself is atomic, so never half a file).
  options.signal?.throwIfAborted();
  return writeEvidencePack(target, pack.pdf ? Buffer.from(pack.pdf.bytes) : pack.html, options);
}
