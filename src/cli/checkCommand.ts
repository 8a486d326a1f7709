import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { enclosingRepository, refuseLinkOutOfRepository } from '../core/files/safePaths';
import { parseArgs } from 'node:util';
import { readTextBounded } from '../core/records/recordFiles';
import { commandLineLayer } from '../core/config/configLayers';
import { RECORD_DOCUMENTS } from '../core/records/recordStatus';
import type { Problem } from '../core/validate/problem';
import { looksLikeRecordDocument, MAX_VALIDATED_LENGTH } from '../core/validate/validateDocument';
import { GitProblem } from '../core/git/errors';
import { GitRepository } from '../core/git/gitRepository';
import { checkRun } from '../core/usecases/checkRecord';
import { exitCodeFor, readFailOn, readReportFormat, renderReport, type ReportFormat } from './findingReports';
import { readRepositoryConfig } from './repositoryConfig';
import { readToday } from './todayArgument';
import { UsageError } from './usage';

/** One finding as `reflect check --format json` prints it (1-based line and column). */
export interface CheckFinding {
  file: string;
  line: number;
  column: number;
  severity: Problem['severity'];
  code: string;
  message: string;
}

interface FoundFile {
  readonly path: string;
  readonly explicit: boolean;
}

/**
 * `reflect check`: validates files and folders; a folder holding a record's
 * documents also gets the cross-document rules. It grades with the
 * repository's configuration (reflect.config.json, then --rule and
 * --beyond-action-days), as the editor does. `today` is the local date.
 * With `--staged` the documents are read from the index, not the working
 * tree. `--format` picks the report (text, JSON, or one for CI) and
 * `--fail-on` which findings exit 1. Returns the exit code.
 */
export async function runCheck(args: string[], out: NodeJS.WritableStream, cwd: string, today: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string' },
      staged: { type: 'boolean', default: false },
      today: { type: 'string' },
      rule: { type: 'string', multiple: true },
      'beyond-action-days': { type: 'string' },
    },
  });
  const format = readReportFormat(values.format);
  const failOn = readFailOn(values['fail-on']);
  const day = readToday(values.today ?? today);
  const root = enclosingRepository(cwd);
  const config = await readRepositoryConfig(root, flagsOf(values));
  const recordsFolder = config.recordsFolder;
  const targets = positionals.length > 0 ? positionals : [root === undefined ? recordsFolder : relative(cwd, join(root, recordsFolder)) || '.'];
  // The release notes' hazard findings need the commits; without a readable repository they are not looked for.
  const gitRepository = root === undefined ? undefined : await GitRepository.open(root).catch((error: unknown) => {
    if (error instanceof GitProblem) return undefined;
    throw error;
  });
  let files: ReadFile[];
  if (values.staged) {
    if (!gitRepository) throw new UsageError('--staged checks the staged versions of the records, so it needs a git repository; run it inside one.');
    files = await stagedDocuments(gitRepository, cwd, targets);
  } else {
    files = await workingTreeDocuments(root, cwd, targets);
  }
  const groups = groupByFolder(files).map((group) => {
    const texts = group.filter((file) => file.explicit || looksLikeRecordDocument(file.text) || isUnderRecordsFolder(file.path, recordsFolder));
    const isRecord = texts.some((file) => !file.explicit && RECORD_DOCUMENTS.includes(basename(file.path)));
    return { isRecord, files: texts.map((file) => ({ name: file.path, text: file.text })) };
  });
  const results = await checkRun(groups, { config, today: day, ...(gitRepository ? { repository: gitRepository } : {}) });
  const found = results.flatMap(({ name, problems }) => problems.map((problem) => ({ path: name, problem })));
  // Text and JSON name files from the current folder, as before; CI reports from the repository root, as code scanning reads them.
  const base = format === 'text' || format === 'json' || root === undefined ? cwd : root;
  const findings = found.map(({ path, problem }) => toFinding(shownFile(base, path, format), problem));
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
  out.write(renderReport(format, findings));
  return exitCodeFor(findings, failOn);
}

/** A document to check: where it is (absolute), whether it was named, and its text (from the working tree or the index). */
interface ReadFile extends FoundFile {
  readonly text: string;
}

async function workingTreeDocuments(root: string | undefined, cwd: string, targets: readonly string[]): Promise<ReadFile[]> {
  const files = new Map<string, FoundFile>();
  for (const target of targets) {
    // Absolute or relative to the current folder, as git reads paths.
    const path = resolve(cwd, target);
    if (root !== undefined) await refuseLinkOutOfRepository(root, path, `"${target}"`);
    for (const file of await documentsToCheck(path, target)) {
      const known = files.get(file.path);
      files.set(file.path, { path: file.path, explicit: file.explicit || (known?.explicit ?? false) });
    }
  }
  const read: ReadFile[] = [];
  for (const file of files.values()) read.push({ ...file, text: await readTextBounded(file.path) });
  return read;
}

/**
 * The staged versions of the Markdown documents under the targets: the
 * index, not the working tree, read through the one git module (no filter
 * or other program runs). A file that is staged for deletion is not there.
 */
async function stagedDocuments(repository: GitRepository, cwd: string, targets: readonly string[]): Promise<ReadFile[]> {
  const paths: string[] = [];
  for (const target of targets) {
    const inRepository = relative(repository.root, resolve(cwd, target));
    if (inRepository.startsWith('..') || isAbsolute(inRepository)) throw new UsageError(`"${target}" is outside the repository, so it has no staged version.`);
    paths.push(inRepository.split(sep).join('/'));
  }
  const explicit = new Set(paths);
  const read: ReadFile[] = [];
  for (const entry of await repository.stagedFiles(paths)) {
    if (!entry.path.endsWith('.md') || entry.path.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) continue;
    const blob = await repository.readBlobObject(entry.hash, (MAX_VALIDATED_LENGTH + 1) * 4);
    // A blob past the limit is checked as its first part, as a file on disk is: it is reported as too large.
    const text = blob === undefined ? 'x'.repeat(MAX_VALIDATED_LENGTH + 1) : blob.toString('utf8');
    read.push({ path: join(repository.root, ...entry.path.split('/')), explicit: explicit.has(entry.path), text });
  }
  return read;
}

function shownFile(base: string, path: string, format: ReportFormat): string {
  const shown = relative(base, path) || path;
  return format === 'text' || format === 'json' ? shown : shown.split(sep).join('/');
}

/** The flags as the top configuration layer; their values are checked by the core, like every other layer's. */
function flagsOf(values: { rule?: string[]; 'beyond-action-days'?: string }) {
  const rules: Record<string, string> = {};
  for (const rule of values.rule ?? []) {
    const [code, setting] = rule.split('=', 2);
    rules[code] = setting ?? '';
  }
  const daysText = values['beyond-action-days'];
  return commandLineLayer(
    { validationRules: values.rule ? rules : undefined, beyondActionMinimumDays: daysText === undefined ? undefined : /^-?\d+$/.test(daysText) ? Number(daysText) : daysText },
    { validationRules: '--rule', beyondActionMinimumDays: '--beyond-action-days' },
  );
}

function toFinding(file: string, problem: Problem): CheckFinding {
  return { file, line: problem.range.start.line + 1, column: problem.range.start.character + 1, severity: problem.severity, code: problem.code, message: problem.message };
}

/** Files grouped by the folder they sit in, folders in name order. */
function groupByFolder<T extends FoundFile>(files: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const folder = dirname(file.path);
    const group = groups.get(folder);
    if (group) group.push(file);
    else groups.set(folder, [file]);
  }
  return [...groups.values()];
}

function isUnderRecordsFolder(path: string, recordsFolder: string): boolean {
  return path.replace(/\\/g, '/').includes(`/${recordsFolder}/`);
}

async function documentsToCheck(path: string, shown: string): Promise<FoundFile[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UsageError(`Cannot read "${shown}": no such file or folder.`);
  }
  if (info.isFile()) return [{ path, explicit: true }];
  if (!info.isDirectory()) throw new UsageError(`Cannot read "${shown}": it is neither a file nor a folder.`);
  const found: FoundFile[] = [];
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) for (const file of await documentsToCheck(child, child)) found.push(file);
    else if (entry.isFile() && entry.name.endsWith('.md')) found.push({ path: child, explicit: false });
  }
  return found;
}
