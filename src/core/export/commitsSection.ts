import type { PackCommits } from './evidencePackInput';
import { packBlocksHtml } from './html/packBlocksHtml';
import { commitBlocks } from './model/recordModels';

/** The commits of the range in HTML: the same blocks the PDF draws (model/recordModels decides the section). */
export function renderCommits(commits: PackCommits): string {
  return packBlocksHtml(commitBlocks(commits));
}
