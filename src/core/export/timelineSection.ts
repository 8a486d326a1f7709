import { packBlocksHtml } from './html/packBlocksHtml';
import { timelineBlocks } from './model/recordModels';
import type { PackContext } from './packContext';

/** The timeline table in HTML: the same blocks the PDF draws (model/recordModels decides the section). */
export function renderTimeline(context: PackContext): string {
  return packBlocksHtml(timelineBlocks(context));
}
