import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RECORDS_FOLDER } from '../core/records/recordLayout';
import type { Problem } from '../core/validate/problem';
import { looksLikeRecordDocument, validateDocument } from '../core/validate/validateDocument';
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

/** `reflect check`: validates files and folders; returns the exit code. */
export async function runCheck(args: string[], out: NodeJS.WritableStream, cwd: string): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}".`);
  const targets = positionals.length > 0 ? positionals : [DEFAULT_RECORDS_FOLDER];
  const findings: CheckFinding[] = [];
  for (const target of targets) {
    for (const file of await documentsToCheck(join(cwd, target), target)) {
      const text = await readFile(file.path, 'utf8');
      if (!file.explicit && !looksLikeRecordDocument(text) && !isUnderRecordsFolder(file.path)) continue;
      for (const problem of validateDocument(text)) {
        findings.push({
          file: relative(cwd, file.path) || file.path,
          line: problem.range.start.line + 1,
          column: problem.range.start.character + 1,
          severity: problem.severity,
          code: problem.code,
          message: problem.message,
        });
      }
    }
  }
  if (values.format === 'json') out.write(`${JSON.stringify(findings, null, 2)}\n`);
  else for (const f of findings) out.write(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}\n`);
  return findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0;
}

function isUnderRecordsFolder(path: string): boolean {
  return path.replace(/\\/g, '/').includes(`/${DEFAULT_RECORDS_FOLDER}/`);
}

async function documentsToCheck(path: string, shown: string): Promise<Array<{ path: string; explicit: boolean }>> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UsageError(`Cannot read "${shown}": no such file or folder.`);
  }
  if (info.isFile()) return [{ path, explicit: true }];
  const found: Array<{ path: string; explicit: boolean }> = [];
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) found.push(...(await documentsToCheck(child, child)));
    else if (entry.isFile() && entry.name.endsWith('.md')) found.push({ path: child, explicit: false });
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}
