import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { enclosingRepository, refuseLinkOutOfRepository } from '../core/files/safePaths';
import { parseArgs } from 'node:util';
import { readTextBounded } from '../core/records/recordFiles';
import { DEFAULT_RECORDS_FOLDER } from '../core/records/recordLayout';
import { RECORD_DOCUMENTS } from '../core/records/recordStatus';
import { isIsoDateOrDateTime } from '../core/validate/isoDates';
import type { Problem } from '../core/validate/problem';
import { isRuleSetting, ruleFor, type RuleSetting } from '../core/validate/ruleCatalog';
import { looksLikeRecordDocument, validateDocument } from '../core/validate/validateDocument';
import { validateRecord } from '../core/validate/validateRecord';
import type { ValidationOptions } from '../core/validate/validationOptions';
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
 * documents also gets the cross-document rules. Returns the exit code.
 */
export async function runCheck(args: string[], out: NodeJS.WritableStream, cwd: string, today = new Date().toISOString().slice(0, 10)): Promise<number> {
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
  const options = readOptions(values, today);
  const targets = positionals.length > 0 ? positionals : [DEFAULT_RECORDS_FOLDER];
  const repository = enclosingRepository(cwd);
  const files = new Map<string, FoundFile>();
  for (const target of targets) {
    // Absolute or relative to the current folder, as git reads paths.
    const path = resolve(cwd, target);
    if (repository !== undefined) await refuseLinkOutOfRepository(repository, path, `"${target}"`);
    for (const file of await documentsToCheck(path, target)) {
      const known = files.get(file.path);
      files.set(file.path, { path: file.path, explicit: file.explicit || (known?.explicit ?? false) });
    }
  }
  const findings: CheckFinding[] = [];
  for (const group of groupByFolder([...files.values()])) {
    const texts: Array<{ file: FoundFile; text: string }> = [];
    for (const file of group) {
      const text = await readTextBounded(file.path);
      if (file.explicit || looksLikeRecordDocument(text) || isUnderRecordsFolder(file.path)) texts.push({ file, text });
    }
    const isRecordFolder = texts.some(({ file }) => !file.explicit && RECORD_DOCUMENTS.includes(basename(file.path)));
    const results = isRecordFolder
      ? validateRecord(texts.map(({ file, text }) => ({ name: file.path, text })), options).map((r) => ({ path: r.name, problems: r.problems }))
      : texts.map(({ file, text }) => ({ path: file.path, problems: validateDocument(text, options) }));
    for (const { path, problems } of results) for (const problem of problems) findings.push(toFinding(relative(cwd, path) || path, problem));
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
  if (values.format === 'json') out.write(`${JSON.stringify(findings, null, 2)}\n`);
  else for (const f of findings) out.write(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}\n`);
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0;
}

function readOptions(values: { today?: string; rule?: string[]; 'beyond-action-days'?: string }, today: string): ValidationOptions {
  const day = values.today ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isIsoDateOrDateTime(day)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${day.slice(0, 40)}".`);
  const severities: Record<string, RuleSetting> = {};
  for (const rule of values.rule ?? []) {
    const [code, setting] = rule.split('=', 2);
    if (!ruleFor(code)) throw new UsageError(`--rule: unknown rule "${code.slice(0, 60)}"; see the README's rule table.`);
    if (!isRuleSetting(setting)) throw new UsageError(`--rule ${code}=… must be error, warning, info or off.`);
    severities[code] = setting;
  }
  const daysText = values['beyond-action-days'];
  const days = daysText === undefined ? undefined : Number(daysText);
  if (days !== undefined && (!Number.isInteger(days) || days < 0 || days > 3650)) throw new UsageError(`--beyond-action-days must be a whole number of days, not "${String(daysText).slice(0, 20)}".`);
  return { today: day, severities, ...(days === undefined ? {} : { beyondActionMinimumDays: days }) };
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

function isUnderRecordsFolder(path: string): boolean {
  return path.replace(/\\/g, '/').includes(`/${DEFAULT_RECORDS_FOLDER}/`);
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
