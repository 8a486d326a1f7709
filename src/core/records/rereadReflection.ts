import { basename, dirname, join } from 'node:path';
import { phaseFileNameOf } from '../vocabulary/phaseIds';
import { PHASE_GUIDES } from './phases';

/** The beyond-action heading (from its schema) under which the writer re-reads the on-action reflection. */
export const REREAD_HEADING: string | undefined = PHASE_GUIDES['beyond-action'].sections.find((s) => /\bon-action\b/i.test(s.heading))?.heading;

/**
 * The on-action reflection a beyond-action reflection re-reads: `on-action.md`
 * beside it in the same record folder. Undefined for any other document.
 */
export function onActionCompanionOf(path: string): string | undefined {
  if (basename(path) !== phaseFileNameOf('beyond-action')) return undefined;
  return join(dirname(path), phaseFileNameOf('on-action'));
}

/** The zero-based line of the re-reading heading in a document, or undefined. */
export function rereadHeadingLine(text: string): number | undefined {
  if (REREAD_HEADING === undefined) return undefined;
  const index = text.split(/\r?\n/).findIndex((line) => /^#{1,6}\s+/.test(line) && line.replace(/^#{1,6}\s+/, '').trim() === REREAD_HEADING);
  return index >= 0 ? index : undefined;
}
