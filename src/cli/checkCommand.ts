import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { enclosingRepository, refuseLinkOutOfRepository } from '../core/files/safePaths';
import { parseArgs } from 'node:util';
import { readTextBounded } from '../core/records/recordFiles';
import { commandLineLayer } from '../core/config/configLayers';
import { validationOptionsOf } from '../core/config/resolvedConfig';
import { RECORD_DOCUMENTS } from '../core/records/recordStatus';
import { isIsoDateOrDateTime } from '../core/validate/isoDates';
import type { Problem } from '../core/validate/problem';
import { looksLikeRecordDocument, validateDocument } from '../core/validate/validateDocument';
import { GitProblem } from '../core/git/errors';
import { GitRepository } from '../core/git/gitRepository';
import { checkRecord } from '../core/usecases/checkRecord';
import { readRepositoryConfig } from './repositoryConfig';
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
 * Returns the exit code.
 */
export async function runCheck(args: string[], out: NodeJS.WritableStream, cwd: string, today: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      today: { type: 'string' },
      rule: { type: 'string', multiple: true },
      'beyond-action-days': { type: 'string' },
    },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}".`);
  const day = readToday(values.today ?? today);
  const root = enclosingRepository(cwd);
  const config = await readRepositoryConfig(root, flagsOf(values));
  const options = validationOptionsOf(config, day);
  const recordsFolder = config.recordsFolder;
  const targets = positionals.length > 0 ? positionals : [root === undefined ? recordsFolder : relative(cwd, join(root, recordsFolder)) || '.'];
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
  // The release notes' hazard findings need the commits; without a readable repository they are not looked for.
  const gitRepository = root === undefined ? undefined : await GitRepository.open(root).catch((error: unknown) => {
    if (error instanceof GitProblem) return undefined;
    throw error;
  });
  const findings: CheckFinding[] = [];
  const reported = new Set<string>();
  for (const group of groupByFolder([...files.values()])) {
    const texts: Array<{ file: FoundFile; text: string }> = [];
    for (const file of group) {
      const text = await readTextBounded(file.path);
      if (file.explicit || looksLikeRecordDocument(text) || isUnderRecordsFolder(file.path, recordsFolder)) texts.push({ file, text });
    }
    const isRecordFolder = texts.some(({ file }) => !file.explicit && RECORD_DOCUMENTS.includes(basename(file.path)));
    const results = isRecordFolder
      ? (await checkRecord(texts.map(({ file, text }) => ({ name: file.path, text })), { config, today: day, ...(gitRepository ? { repository: gitRepository } : {}) })).map((r) => ({ path: r.name, problems: r.problems }))
      : texts.map(({ file, text }) => ({ path: file.path, problems: validateDocument(text, options) }));
    for (const { path, problems } of results) {
      // The hazard log is checked once, whether it was named or came with a record checked against it.
      if (reported.has(path)) continue;
      reported.add(path);
      for (const problem of problems) findings.push(toFinding(relative(cwd, path) || path, problem));
    }
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
  if (values.format === 'json') out.write(`${JSON.stringify(findings, null, 2)}\n`);
  else for (const f of findings) out.write(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}\n`);
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0;
}

function readToday(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isIsoDateOrDateTime(day)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${day.slice(0, 40)}".`);
  return day;
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
function groupByFolder(files: readonly FoundFile[]): FoundFile[][] {
  const groups = new Map<string, FoundFile[]>();
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
