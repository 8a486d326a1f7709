import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FileExistsError, writeNewFile } from '../core/files/atomicWrite';
import { writeNewFileInside } from '../core/files/namedOutput';
import { enclosingRepository } from '../core/files/safePaths';
import { isNoticeType, NOTICE_TYPES } from '../core/render/deploymentNotice';
import { draftRecordNotice, NoticeSourceError } from '../core/usecases/deploymentNotice';
import { UsageError } from './usage';

/**
 * `reflect notice <record folder> --type downtime|go-live|rollback [--out FILE]`:
 * drafts the notice as Markdown on stdout (or into a new FILE, never over
 * one); facts change.md lacks are named on stderr. Exit 0, or 2 for a bad
 * command line or a record without a readable change.md.
 */
export async function runNotice(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { type: { type: 'string' }, out: { type: 'string' } } });
  const types = NOTICE_TYPES.map((t) => t.id).join('|');
  if (positionals.length !== 1) throw new UsageError(`notice takes one change record folder, for example: reflect notice docs/changes/v1.4.0 --type ${types}`);
  if (values.type === undefined) throw new UsageError(`notice needs --type ${types}.`);
  if (!isNoticeType(values.type)) throw new UsageError(`--type must be ${NOTICE_TYPES.map((t) => t.id).join(', ')}, not "${values.type.slice(0, 40)}".`);
  const folder = resolve(positionals[0]);
  if (!(await stat(folder).then((s) => s.isDirectory(), () => false))) throw new UsageError(`Cannot read "${positionals[0]}": no such folder.`);
  let notice;
  try {
    notice = await draftRecordNotice(folder, values.type, enclosingRepository(folder));
  } catch (error) {
    if (error instanceof NoticeSourceError) throw new UsageError(error.message);
    throw error;
  }
  if (values.out === undefined) out.write(notice.markdown);
  else {
    const target = resolve(values.out);
    const root = enclosingRepository(target);
    try {
      if (root !== undefined) await writeNewFileInside(root, target, notice.markdown, values.out);
      else await writeNewFile(target, notice.markdown);
    } catch (error) {
      if (error instanceof FileExistsError) throw new UsageError(`${values.out} already exists; it was not overwritten.`);
      throw error;
    }
    out.write(`${target}\n`);
  }
  if (notice.gaps.length > 0) err.write(`reflect: change.md does not record ${notice.gaps.join(', ')}; the draft marks each gap.\n`);
  return 0;
}
