import { packBlocksHtml } from './html/packBlocksHtml';
import { changeControlBlocks } from './model/changeControlModel';
import type { PackContext } from './packContext';

/**
 * The change-control page in HTML: the same blocks the PDF draws
 * (model/changeControlModel decides what the section says).
 */
export function renderChangeControl(context: PackContext): string {
  return packBlocksHtml(changeControlBlocks(context));
}
