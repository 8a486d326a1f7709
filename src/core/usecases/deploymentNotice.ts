import { join } from 'node:path';
import { refuseLinkOutOfRepository } from '../files/safePaths';
import { draftNotice, type DeploymentNotice, type NoticeType } from '../render/deploymentNotice';
import { readTextBounded } from '../records/recordFiles';
import { analyseDocument } from '../validate/validateDocument';
import { CHANGE_FILE, RELEASE_NOTES_FILE } from '../vocabulary/documentKinds';

/** The record cannot give a notice: no change.md, or one whose front matter cannot be read. */
export class NoticeSourceError extends Error {}

/**
 * Drafts a notice of a record folder from its change.md and, when present,
 * the user-facing sections of its release-notes.md. Reads only those two
 * files, as regular files with a size cap; with `root`, neither may be a
 * link leading out of the repository.
 */
export async function draftRecordNotice(folder: string, type: NoticeType, root?: string): Promise<DeploymentNotice> {
  const changeText = await readOptional(join(folder, CHANGE_FILE), root);
  if (changeText === undefined) throw new NoticeSourceError(`${join(folder, CHANGE_FILE)} does not exist: a notice is drafted from the record's change.md.`);
  const data = analyseDocument(changeText).data;
  if (!data) throw new NoticeSourceError(`${join(folder, CHANGE_FILE)} has no readable front matter; fix it (reflect check) before drafting a notice.`);
  return draftNotice(type, data, await readOptional(join(folder, RELEASE_NOTES_FILE), root));
}

/** A file's text, or undefined when it does not exist; inside a repository (`root`), a link leading out of it is refused. */
async function readOptional(path: string, root: string | undefined): Promise<string | undefined> {
  try {
    if (root !== undefined) await refuseLinkOutOfRepository(root, path, path);
    return await readTextBounded(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
