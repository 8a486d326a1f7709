import { lstat } from 'node:fs/promises';
import { OutsideRepositoryError, requireInsideRepository } from '../files/safePaths';
import { basename, isAbsolute, join, relative } from 'node:path';
import { GitProblem } from '../git/errors';
import type { GitRepository, RevisionRange } from '../git/gitRepository';
import { CHANGE_FILE, ROLLBACK_FILE } from '../vocabulary/documentKinds';
import { readRecordFiles } from '../records/recordFiles';
import { assessFindings, assessRecord, type RecordAssessment } from '../records/recordStatus';
import type { RecordFile, RecordFileProblems } from '../validate/validateRecord';
import { defaultPackageFolder, kindOfManifest, packageArchiveName, packageOfTag, verifyRollbackPackage } from '../rollback/rollbackPackage';
import type { ValidationOptions } from '../validate/validationOptions';
import { localIsoDate } from '../vocabulary/clock';
import { buildEvidencePack } from './buildEvidencePack';
import type { PackageCheck, PackCommits, ReleasePackageCheck } from './evidencePackInput';
import { readEvidenceStylesheet } from './evidenceStylesheet';
import { recordOf, textOf } from './htmlText';
import type { Activity } from '../vocabulary/activity';
import { activityOf, packFileNameOf } from './packActivity';
import { createPackContext, recordVersionOf } from './packContext';
import { readPackAttachments } from './packAttachments';
import { readPackDocuments } from './packDocuments';
import { readPackProvenance, sha256Of } from './packProvenance';
import { problemTotals, type ProblemTotals } from './validationSection';
import { buildPackModel } from './model/buildPackModel';
import type { PackFormat } from './packFormat';

/** The most commits a pack lists; a longer range says how many there are and lists the newest. */
export const MAX_LISTED_COMMITS = 2000;

/** What `exportEvidencePack` reads besides the record folder. */
export interface ExportEvidencePackRequest {
  /** The repository the record belongs to; without it the commits are not listed and no package is checked. */
  readonly repository?: GitRepository;
  /** Said in the commits section when there is no repository (for example why it could not be opened). */
  readonly repositoryUnavailable?: string;
  /** The same options the editor validates with; `today` defaults to `now`'s local date, so overdue actions show. */
  readonly options: ValidationOptions;
  /**
   * The record's findings: when given (the use case exportPack passes
   * checkRecord, the release notes' hazard findings included), the record is
   * assessed by them, as in the editor and `reflect check`.
   */
  readonly findings?: (files: readonly RecordFile[]) => Promise<RecordFileProblems[]>;
  /** The configured training activity (reflect.config.json `activity`) for the cover and the file name. */
  readonly activity?: Activity;
  /** The file name template (`activity.packFileName`); `{system}-{version}-evidence.html` by default. */
  readonly packFileName?: string;
  readonly now: Date;
  /** Where rollback packages are kept; `<repository>/.reflect/packages` by default. */
  readonly packageFolder?: string;
  /** The stylesheet file; media/evidence-pack.css of this installation by default. */
  readonly stylesheetPath?: string;
  /** The repository root links must stay inside, when there is no git repository object (its folder is still known). */
  readonly root?: string;
  /** The largest image embedded (`evidencePack.maxImageBytes`). */
  readonly maxImageBytes?: number;
  /** `pdf` builds the pack as an A4 PDF too, which is then the file `sha256` and `fileName` are of; `html` by default. */
  readonly format?: PackFormat;
}

/** A built pack, ready to be written. */
export interface EvidencePack {
  readonly html: string;
  readonly format: PackFormat;
  /** The PDF, when the format is `pdf`: its bytes, page count, and how many characters its fonts could not show. */
  readonly pdf?: { readonly bytes: Uint8Array; readonly pages: number; readonly unprintable: number };
  /** SHA-256 of the written file: `html` as UTF-8, or the PDF's bytes. */
  readonly sha256: string;
  /** Whether the working tree was clean at export; undefined without a repository. */
  readonly clean?: boolean;
  /** The record's version, as the pack names it. */
  readonly version: string;
  /** The file name the pack is saved under by default (`<system>-<version>-evidence.html`, configurable, reduced to a safe name). */
  readonly fileName: string;
  readonly assessment: RecordAssessment;
  /** Open problems across the record, by severity. */
  readonly problems: ProblemTotals;
}

/** The record folder could not be read. */
export class RecordFolderError extends Error {
  constructor(readonly folder: string) {
    super(`Cannot read the change record folder ${folder}.`);
    this.name = 'RecordFolderError';
  }
}

/**
 * Reads a change record folder and what the pack needs besides it (the
 * commits of change.md's range, the rollback package's check, the
 * stylesheet) and builds its evidence pack. Writes nothing.
 */
export async function exportEvidencePack(recordFolder: string, request: ExportEvidencePackRequest): Promise<EvidencePack> {
  // A record folder that leads out of the repository (a link to a private folder) is refused, not read into the pack.
  const files = await readRecordFiles(recordFolder, request.repository?.root);
  if (!files) throw new RecordFolderError(recordFolder);
  // The local calendar date, as everywhere else (vocabulary/clock).
  const options: ValidationOptions = { ...request.options, today: request.options.today ?? localIsoDate(request.now) };
  const assessment = request.findings ? assessFindings(await request.findings(files)) : assessRecord(files, options);
  const documents = readPackDocuments(files);
  const repository = request.repository;
  const packageFolder = request.packageFolder ?? (repository ? defaultPackageFolder(repository.root) : undefined);
  const rollback = documents.get(ROLLBACK_FILE)?.data;
  const root = repository?.root ?? request.root;
  const [commits, rollbackPackage, stylesheet, provenance, releasePackage, attachments] = await Promise.all([
    repository ? readPackCommits(repository, recordOf(documents.get(CHANGE_FILE)?.data?.range)) : Promise.resolve<PackCommits>({ state: 'unavailable', reason: request.repositoryUnavailable ?? 'no git repository was given.' }),
    packageFolder ? checkRollbackPackage(recordOf(rollback?.package), packageFolder, repository?.root, textOf(recordOf(rollback?.target)?.tag)) : Promise.resolve(undefined),
    readEvidenceStylesheet(request.stylesheetPath),
    repository ? readPackProvenance(repository, recordFolder, files) : Promise.resolve(undefined),
    packageFolder && repository ? checkReleasePackage(packageFolder, recordVersionOf(documents, basename(recordFolder)), repository.root) : Promise.resolve(undefined),
    root !== undefined ? readPackAttachments(recordFolder, root, files, request.maxImageBytes) : Promise.resolve(undefined),
  ]);
  const input = { files, assessment, commits, ...(rollbackPackage ? { rollbackPackage } : {}), ...(releasePackage ? { releasePackage } : {}), ...(provenance ? { provenance } : {}), ...(request.activity ? { activity: request.activity } : {}), ...(attachments ? { attachments } : {}), options, generatedAt: request.now, stylesheet, recordName: basename(recordFolder) };
  const context = createPackContext(input);
  const version = context.version;
  const format = request.format ?? 'html';
  const fileName = packFileNameOf(version, activityOf(request.activity, context.change), request.packFileName, format);
  const html = buildEvidencePack(input);
  // Loaded only for a PDF: the PDF library is not read when the editor starts or writes HTML.
  const pdf = format === 'pdf' ? await (await import('./pdf/renderPackPdf')).renderPackPdf(buildPackModel(input)) : undefined;
  return { html, format, ...(pdf ? { pdf } : {}), sha256: sha256Of(pdf ? Buffer.from(pdf.bytes) : html), version, fileName, assessment, problems: problemTotals({ input }), ...(provenance ? { clean: provenance.clean } : {}) };
}

/**
 * The commits of the recorded range. A version that is not tagged yet is
 * read as HEAD (the record is written before the release), and the pack says so.
 */
export async function readPackCommits(repository: GitRepository, range: Record<string, unknown> | undefined): Promise<PackCommits> {
  const from = textOf(range?.from);
  const to = textOf(range?.to);
  if (to === undefined) return { state: 'unavailable', reason: 'change.md records no range (range.to).' };
  const recorded: RevisionRange = from === undefined ? { to } : { from, to };
  try {
    return await listCommits(repository, recorded, []);
  } catch (error) {
    if (!(error instanceof GitProblem)) throw error;
    if (error.kind === 'bad-ref' && to !== 'HEAD' && !(await resolves(repository, to)) && (from === undefined || (await resolves(repository, from)))) {
      const unreleased: RevisionRange = from === undefined ? { to: 'HEAD' } : { from, to: 'HEAD' };
      return listCommits(repository, unreleased, [`${to} does not exist in the repository yet, so the commits from ${from ?? 'the first commit'} to HEAD are listed.`]).catch((again: unknown) => {
        if (again instanceof GitProblem) return { state: 'unavailable', reason: again.message };
        throw again;
      });
    }
    return { state: 'unavailable', reason: error.message };
  }
}

async function listCommits(repository: GitRepository, range: RevisionRange, notes: string[]): Promise<PackCommits> {
  const [total, commits] = await Promise.all([repository.countCommits(range), repository.readCommits(range, { skip: 0, limit: MAX_LISTED_COMMITS })]);
  const cut = commits.length < total;
  if (await repository.rangeCrossesShallowBoundary(range, cut ? undefined : commits)) {
    notes.push('The repository is a shallow clone and this range reaches past the history it holds: older commits of the range are missing from this list.');
  }
  return { state: 'listed', range, commits, total, ...(notes.length > 0 ? { notes } : {}) };
}

async function resolves(repository: GitRepository, ref: string): Promise<boolean> {
  return repository.resolveCommit(ref).then(
    () => true,
    () => false,
  );
}

/**
 * Looks for the package rollback.md names in the package folder and checks
 * it. Only the file name is used: front matter is not trusted to point
 * anywhere else on the disk. A package folder leading out of the repository
 * is not read; a package made of another tag than `targetTag` (rollback.md's
 * target) does not verify.
 */
export async function checkRollbackPackage(recordedPackage: Record<string, unknown> | undefined, packageFolder: string, repositoryRoot?: string, targetTag?: string): Promise<PackageCheck | undefined> {
  const file = textOf(recordedPackage?.file);
  if (file === undefined) return undefined;
  const name = basename(file.replace(/\\/g, '/'));
  const path = join(packageFolder, name);
  const inside = repositoryRoot === undefined ? undefined : relative(repositoryRoot, packageFolder);
  const shownFolder = inside !== undefined && !inside.startsWith('..') && !isAbsolute(inside) ? inside || '.' : packageFolder;
  if (repositoryRoot !== undefined) {
    try {
      await requireInsideRepository(repositoryRoot, packageFolder, `The package folder ${shownFolder}`);
    } catch (error) {
      if (!(error instanceof OutsideRepositoryError)) throw error;
      return { state: 'checked', ok: false, problems: [error.message] };
    }
  }
  if (name.length === 0 || name === '.' || name === '..' || !(await lstat(path).then(() => true, () => false))) return { state: 'not-found', lookedIn: shownFolder };
  const result = await verifyRollbackPackage(path);
  const problems = [...result.problems];
  if (targetTag !== undefined && result.manifest && result.manifest.tag !== targetTag) problems.push(`The package is of ${result.manifest.tag}, not of rollback.md's target ${targetTag}.`);
  if (result.manifest && kindOfManifest(result.manifest) !== 'rollback') problems.push('It is a release package, not a rollback package.');
  const recordedSha = textOf(recordedPackage?.sha256);
  if (recordedSha === undefined) problems.push('rollback.md records no SHA-256 for the package.');
  else if (result.sha256 !== undefined && recordedSha.toLowerCase() !== result.sha256) problems.push('The SHA-256 recorded in rollback.md does not match the archive.');
  return { state: 'checked', ok: problems.length === 0, problems, ...(result.sha256 ? { sha256: result.sha256 } : {}) };
}

/**
 * The release package of `version` in the package folder
 * (`<version>-release.tar.gz`): absent, or verified as the release package of
 * exactly that version, or the reasons it does not verify.
 */
export async function checkReleasePackage(packageFolder: string, version: string, repositoryRoot: string): Promise<ReleasePackageCheck> {
  const file = packageArchiveName(version, 'release');
  const found = await packageOfTag(packageFolder, version, repositoryRoot, 'release');
  const inside = relative(repositoryRoot, packageFolder);
  const lookedIn = !inside.startsWith('..') && !isAbsolute(inside) ? inside || '.' : packageFolder;
  if (found.state === 'none') return { state: 'none', file, lookedIn };
  if (found.state === 'unusable') return { state: 'checked', file, ok: false, problems: found.problems };
  return { state: 'checked', file, ok: true, problems: [], sha256: found.sha256 };
}
