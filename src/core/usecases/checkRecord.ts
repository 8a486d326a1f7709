import { dirname, isAbsolute, join, resolve } from 'node:path';
import { resolveLinkTarget, type LinkTarget } from '../files/linkTarget';
import { enclosingRepository } from '../files/safePaths';
import { localLinksOf } from '../validate/localLinks';
import { linkProblems } from '../validate/linkRules';
import { pathInRepository } from '../files/repositoryPath';
import { parseCommit, type ParsedCommit } from '../commits/conventionalCommit';
import { partitionCommits } from '../commits/groupCommits';
import { validationOptionsOf, type ResolvedConfig } from '../config/resolvedConfig';
import { GitProblem } from '../git/errors';
import type { GitRepository, RevisionRange } from '../git/gitRepository';
import { hazardLogPathOf, readHazardLogText } from '../records/hazardLogFile';
import { readContainedRecordFiles } from '../records/recordFiles';
import { assessFindings, type RecordAssessment } from '../records/recordStatus';
import { findMissingHazardReferences } from '../render/hazardFindings';
import { parseFrontMatter } from '../validate/frontMatterParser';
import { hazardLogIndexOf, type HazardLogIndex } from '../validate/hazardLog';
import { commitHazardProblems } from '../validate/hazardRules';
import { historyProblems } from '../validate/historyRules';
import type { RecordDocument } from '../validate/recordFields';
import { analyseDocument, validateDocument } from '../validate/validateDocument';
import { applyRuleSeverities } from '../validate/ruleCatalog';
import { LineIndex, type Problem } from '../validate/problem';
import { validateRecord, type RecordFile, type RecordFileProblems } from '../validate/validateRecord';
import { CHANGE_FILE, HAZARD_LOG_FILE, RELEASE_NOTES_FILE } from '../vocabulary/documentKinds';
import { recordFolderName } from '../vocabulary/recordLayout';

/** What checking a record needs besides its files. */
export interface RecordCheck {
  readonly config: ResolvedConfig;
  /** The local date (vocabulary/clock), for overdue actions. */
  readonly today: string;
  /** Without it the release notes' hazard findings are not looked for (they need the commits). */
  readonly repository?: GitRepository;
  /** The record folder, for files named without a folder: with a repository, each document's date is checked against its git history. */
  readonly folder?: string;
  /** The hazard log as the caller has it (the editor's open text); otherwise it is read from the records root beside the record folder. */
  readonly hazardLog?: HazardLogIndex;
}

/** A hazard log read for a check: its index, its text when the records root has one, and where it is. */
interface HazardLogRead {
  readonly index: HazardLogIndex;
  readonly text?: string;
  readonly path: string;
}

/** The record folder of a check: the one given, else the folder of its first file when that is named by an absolute path. */
function recordFolderOfCheck(files: readonly RecordFile[], check: RecordCheck): string | undefined {
  const first = files[0]?.name;
  return check.folder ?? (first !== undefined && isAbsolute(first) ? dirname(first) : undefined);
}

/** The hazard log at the records root beside a record folder. */
async function hazardLogBeside(folder: string, config: ResolvedConfig): Promise<HazardLogRead> {
  const text = await readHazardLogText(folder);
  return { index: hazardLogIndexOf(text, `${config.recordsFolder}/${HAZARD_LOG_FILE}`), path: hazardLogPathOf(folder), ...(text === undefined ? {} : { text }) };
}

/**
 * The `Hazard:` trailers of change.md's range against its `hazards` and the
 * hazard log (rules `hazard-unknown`, `hazard-not-named`,
 * `hazard-not-in-commits`), graded by the configuration. Empty when the
 * range cannot be read.
 */
export async function changeHazardFindings(text: string, repository: GitRepository, config: ResolvedConfig, hazardLog: HazardLogIndex | undefined): Promise<Problem[]> {
  const range = rangeOf(text);
  if (!range) return [];
  const commits = await commitsOf(range, repository, config);
  if (!commits) return [];
  const change: RecordDocument = { fileName: CHANGE_FILE, analysis: analyseDocument(text) };
  const problems = commitHazardProblems(change, commits.filter((c) => !c.isMerge), hazardLog);
  return applyRuleSeverities(problems, config.validation.severities);
}

/**
 * The findings of one record's files, the same everywhere (the Problems
 * panel, the Change Records view, `reflect check`, the evidence pack): the
 * validator's, single- and cross-document, and for `release-notes.md` the
 * commits of its range that reference no hazard (`no-hazard-reference`).
 */
export async function checkRecord(files: readonly RecordFile[], check: RecordCheck): Promise<RecordFileProblems[]> {
  const folder = check.hazardLog ? undefined : recordFolderOfCheck(files, check);
  const beside = folder === undefined ? undefined : await hazardLogBeside(folder, check.config);
  const results = await checkRecordFiles(files, check, check.hazardLog ?? beside?.index);
  // The hazard log read here is part of what this record is checked against: its own findings go with the record's.
  return beside?.text === undefined ? results : [...results, hazardLogFindings(beside, check)];
}

/** One folder's documents in a run: a record folder's (checked together, with the cross-document rules) or loose documents (each on its own). */
export interface CheckGroup {
  readonly files: readonly RecordFile[];
  readonly isRecord: boolean;
}

/**
 * The findings of one run over several folders (`reflect check`): each
 * record checked with its siblings against the hazard log at its records
 * root, loose documents each on their own, and each hazard log's own
 * findings once, however many records were checked against it and whether
 * it was also named as a document to check. Each log is read once.
 */
export async function checkRun(groups: readonly CheckGroup[], check: Omit<RecordCheck, 'folder' | 'hazardLog'>): Promise<RecordFileProblems[]> {
  const logs = new Map<string, Promise<HazardLogRead>>();
  const results: RecordFileProblems[] = [];
  const loose: RecordFile[] = [];
  for (const group of groups) {
    if (!group.isRecord) {
      loose.push(...group.files);
      continue;
    }
    const folder = recordFolderOfCheck(group.files, check);
    const log = folder === undefined ? undefined : await readOnce(logs, folder, check.config);
    results.push(...(await checkRecordFiles(group.files, check, log?.index)));
  }
  const read = await Promise.all(logs.values());
  const logPaths = new Set(read.filter((log) => log.text !== undefined).map((log) => log.path));
  for (const log of read) if (log.text !== undefined) results.push(hazardLogFindings(log, check));
  const options = validationOptionsOf(check.config, check.today);
  for (const file of loose) if (!logPaths.has(resolve(file.name))) results.push({ name: file.name, problems: validateDocument(file.text, options) });
  return results;
}

/** The hazard log of a record folder, read once per run however many of its records are checked. */
function readOnce(logs: Map<string, Promise<HazardLogRead>>, folder: string, config: ResolvedConfig): Promise<HazardLogRead> {
  const path = hazardLogPathOf(folder);
  let log = logs.get(path);
  if (!log) {
    log = hazardLogBeside(folder, config);
    logs.set(path, log);
  }
  return log;
}

/** A hazard log's own findings (its risks, justifications and ids), graded as the records' are. */
function hazardLogFindings(log: HazardLogRead, check: Pick<RecordCheck, 'config' | 'today'>): RecordFileProblems {
  return { name: log.path, problems: validateDocument(log.text ?? '', validationOptionsOf(check.config, check.today)) };
}

/** A record's files checked against a hazard log: the validator's findings, single- and cross-document, and those from git and links. */
async function checkRecordFiles(files: readonly RecordFile[], check: RecordCheck, hazardLog: HazardLogIndex | undefined): Promise<RecordFileProblems[]> {
  const options = { ...validationOptionsOf(check.config, check.today), ...(hazardLog ? { hazardLog } : {}) };
  const results = validateRecord(files, options);
  const repository = check.repository;
  const root = repository?.root ?? enclosingRepository(check.folder ?? dirname(resolve(files[0]?.name ?? '.')));
  return Promise.all(
    results.map(async (result, index) => {
      const text = files[index].text;
      const name = baseName(result.name);
      const hazards = repository && name === RELEASE_NOTES_FILE ? await releaseNotesFindings(text, repository, check.config) : [];
      const trailers = repository && name === CHANGE_FILE ? await changeHazardFindings(text, repository, check.config, hazardLog) : [];
      const history = repository ? await documentHistoryFindings({ name: result.name, text }, { ...check, repository }) : [];
      const folder = documentFolderOf(result.name, check.folder);
      const links = root !== undefined && folder !== undefined ? await documentLinkFindings({ name: result.name, text }, { root, folder, config: check.config }) : [];
      const extra = [...hazards, ...trailers, ...history, ...links];
      return extra.length === 0 ? result : { name: result.name, problems: [...result.problems, ...extra].sort(byPosition) };
    }),
  );
}

/**
 * One document's findings against its git history, graded by the
 * configuration (the editor adds them to the validator's; `checkRecord` does
 * the same for every file).
 */
export async function documentHistoryFindings(file: RecordFile, check: RecordCheck & { readonly repository: GitRepository }): Promise<Problem[]> {
  const path = pathInRepository(file.name, check.folder, check.repository.root);
  return applyRuleSeverities(await historyFindings(file.text, path, check.repository), check.config.validation.severities);
}

/**
 * The findings of a document's date against its git history (rules
 * `date-after-first-commit`, `date-long-before-first-commit`). Empty for a
 * file outside the repository, with no commits, or when git cannot say.
 */
async function historyFindings(text: string, path: string | undefined, repository: GitRepository): Promise<Problem[]> {
  if (path === undefined) return [];
  try {
    return historyProblems(text, await repository.fileHistory(path));
  } catch (error) {
    if (error instanceof GitProblem) return [];
    throw error;
  }
}

/** What checking a document's links needs: the repository it must stay in and the folder the document is in. */
export interface LinkCheck {
  readonly root: string;
  /** The folder holding the document (links are relative to it). */
  readonly folder: string;
  readonly config: ResolvedConfig;
}

/**
 * A document's `broken-link` findings: each local link or image is looked
 * up on disk, inside the repository, following no symbolic link. The same
 * for the editor, `reflect check` and the pack.
 */
export async function documentLinkFindings(file: RecordFile, check: LinkCheck): Promise<Problem[]> {
  const links = localLinksOf(file.text);
  if (links.length === 0) return [];
  const targets: LinkTarget[] = [];
  for (const link of links) targets.push(await resolveLinkTarget(check.root, check.folder, link.path));
  return applyRuleSeverities(linkProblems(links, targets), check.config.validation.severities);
}

/** The folder of a record file: its own path's when it has one, else the record folder. */
function documentFolderOf(name: string, folder: string | undefined): string | undefined {
  if (isAbsolute(name)) return dirname(name);
  if (/[\\/]/.test(name)) return folder === undefined ? dirname(resolve(name)) : dirname(join(folder, name));
  return folder;
}

/** Reads a version's record folder and assesses it from its findings; undefined when the folder does not exist. */
export async function assessRecordFolderOf(root: string, version: string, check: RecordCheck): Promise<RecordAssessment | undefined> {
  const folder = join(root, check.config.recordsFolder, recordFolderName(version));
  const files = await readContainedRecordFiles(folder, root);
  return files && assessFindings(await checkRecord(files, { ...check, folder }));
}

/**
 * The hazard findings of a release-notes document: the commits of the range
 * its front matter names (a `to` not tagged yet is read as HEAD) that need a
 * `Hazard:` trailer and have none, each placed on the line that lists it.
 * Empty when the range cannot be read.
 */
export async function releaseNotesFindings(text: string, repository: GitRepository, config: ResolvedConfig): Promise<Problem[]> {
  const range = rangeOf(text);
  if (!range) return [];
  const commits = await commitsOf(range, repository, config);
  if (!commits) return [];
  const real = commits.filter((c) => !c.isMerge);
  const { groups } = partitionCommits(commits, config.releaseNotes);
  return findMissingHazardReferences({ commits: real, groups }, text, config.releaseNotes.hazardCheck);
}

/** The parsed commits of a range (a `to` not tagged yet is read as HEAD), or undefined when git cannot read it. */
async function commitsOf(range: RevisionRange, repository: GitRepository, config: ResolvedConfig): Promise<ParsedCommit[] | undefined> {
  const paths = config.releaseNotes.paths && config.releaseNotes.paths.length > 0 ? config.releaseNotes.paths : undefined;
  const read = (r: RevisionRange) => repository.readMappedCommits(r, parseCommit, undefined, paths);
  try {
    return await read(range).catch((error: unknown) => {
      if (error instanceof GitProblem && error.kind === 'bad-ref' && range.to !== 'HEAD') return read({ ...range, to: 'HEAD' });
      throw error;
    });
  } catch (error) {
    if (error instanceof GitProblem) return undefined;
    throw error;
  }
}

function rangeOf(text: string): RevisionRange | undefined {
  const { frontMatter } = parseFrontMatter(text, new LineIndex(text));
  const range = frontMatter?.data?.range;
  if (typeof range !== 'object' || range === null) return undefined;
  const { from, to } = range as Record<string, unknown>;
  if (typeof to !== 'string' || to.length === 0 || to.startsWith('-')) return undefined;
  return typeof from === 'string' && from.length > 0 && !from.startsWith('-') ? { from, to } : { to };
}

function byPosition(a: Problem, b: Problem): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? name;
}
