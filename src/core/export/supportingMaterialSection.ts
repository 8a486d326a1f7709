import { packBlocksHtml } from './html/packBlocksHtml';
import { supportingMaterialBlocks } from './model/supportingMaterialModel';
import type { PackContext } from './packContext';

/**
 * The record's supporting material in HTML: the same blocks the PDF draws
 * (model/supportingMaterialModel decides what the section says).
 */
export function renderSupportingMaterial(context: PackContext): string {
  return packBlocksHtml(supportingMaterialBlocks(context));
}
