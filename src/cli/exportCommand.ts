import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isPackFormat, packFormatOfPath, PACK_FORMATS, type PackFormat } from '../core/export/packFormat';
import { FileExistsError } from '../core/files/atomicWrite';
import { buildRecordPack, evidencePackPathIn, openRecordRepository, writeRecordPack } from '../core/usecases/exportPack';
import { isIsoDateOrDateTime } from '../core/validate/isoDates';
import { todayOn, type Clock } from '../core/vocabulary/clock';
import { readRepositoryConfig } from './repositoryConfig';
import { UsageError } from './usage';

/**
 * `reflect export <record folder> [--format html|pdf] [--out FILE] [--force] [--strict] [--repo DIR] [--today YYYY-MM-DD]`:
 * writes the record's evidence pack and prints its path. Exit 0 even when the
 * record has problems (the pack lists them) unless `--strict`, then 1 for
 * errors or warnings; 2 when the file exists (without `--force`) or nothing could be exported.
 */
export async function runExport(args: string[], out: NodeJS.WritableStream, clock: Clock, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      repo: { type: 'string' },
      today: { type: 'string' },
      format: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('export takes one change record folder, for example: reflect export docs/changes/v1.4.0');
  const today = values.today === undefined ? todayOn(clock) : readToday(values.today);
  const format = readFormat(values.format, values.out);
  const folder = resolve(positionals[0]);
  const isFolder = await stat(folder).then((s) => s.isDirectory(), () => false);
  if (!isFolder) throw new UsageError(`Cannot read "${positionals[0]}": no such folder.`);
  const opened = await openRecordRepository(folder, values.repo);
  // Graded with the repository's configuration and the local date, as the editor grades it.
  const config = await readRepositoryConfig(opened.root);
  const pack = await buildRecordPack(folder, { ...opened, config, clock, today, format });
  let target: string;
  if (values.out !== undefined) target = resolve(values.out);
  else if (opened.repository) target = evidencePackPathIn(opened.repository.root, pack.fileName);
  else throw new UsageError(`${opened.unavailable ?? 'No git repository.'} Give --out FILE to export without one.`);
  try {
    await writeRecordPack(target, pack, { force: values.force ?? false, keepOutOfGit: values.out === undefined, ...(opened.repository ? { root: opened.repository.root } : {}) });
  } catch (error) {
    if (error instanceof FileExistsError) throw new UsageError(`${target} already exists; it was not overwritten (add --force to replace it).`);
    throw error;
  }
  out.write(`${target}\n`);
  // stdout stays the path alone (scripts read it); the checksum and the tree's state go to stderr.
  err.write(`reflect: SHA-256 ${pack.sha256}\n`);
  if (pack.pdf && pack.pdf.unprintable > 0) {
    err.write(`reflect: ${pack.pdf.unprintable} ${pack.pdf.unprintable === 1 ? 'character' : 'characters'} cannot be shown in the PDF's standard fonts and ${pack.pdf.unprintable === 1 ? 'is' : 'are'} printed as [U+XXXX]; the HTML pack shows every character.\n`);
  }
  if (pack.clean === false) err.write('reflect: the working tree was not clean at export; the pack lists the uncommitted changes.\n');
  const { error: errors, warning: warnings } = pack.problems;
  if (values.strict && errors + warnings > 0) {
    err.write(`reflect: the record has ${errors} ${errors === 1 ? 'error' : 'errors'} and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} (listed in the pack).\n`);
    return 1;
  }
  return 0;
}

// The format asked for, else the one --out's extension names, else HTML; an --out that names the other format is refused.
function readFormat(asked: string | undefined, out: string | undefined): PackFormat {
  if (asked !== undefined && !isPackFormat(asked)) throw new UsageError(`--format must be ${PACK_FORMATS.join(' or ')}, not "${asked.slice(0, 40)}".`);
  const named = out === undefined ? undefined : packFormatOfPath(out);
  if (asked !== undefined && named !== undefined && named !== asked) throw new UsageError(`--out ${out} names a .${named} file, but --format is ${asked}.`);
  return asked ?? named ?? 'html';
}

function readToday(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isIsoDateOrDateTime(day)) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${day.slice(0, 40)}".`);
  return day;
}
