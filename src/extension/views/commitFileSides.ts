import * as path from 'node:path';
import * as vscode from 'vscode';
import { gitContentUri } from '../gitContentProvider';
import type { CommitFileNode } from './repositoryReleases';

/** The left (base) and right (commit) sides of one changed file, as read-only documents. */
export function commitFileSides(file: CommitFileNode): { left: vscode.Uri; right: vscode.Uri; title: string } {
  const { root, hash, base, change } = file;
  const left = gitContentUri(root, change.status === 'added' ? undefined : base, change.oldPath ?? change.path);
  const right = gitContentUri(root, change.status === 'deleted' ? undefined : hash, change.path);
  return { left, right, title: `${path.posix.basename(change.path)} (${base ? base.slice(0, 7) : vscode.l10n.t('empty')} ↔ ${hash.slice(0, 7)})` };
}
