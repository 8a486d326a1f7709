import { access, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where the stylesheet lives in the extension and the npm package. */
export const EVIDENCE_STYLESHEET_PATH = 'media/evidence-pack.css';

/**
 * The stylesheet inlined into every pack. Without a path it is found next to
 * the running bundle: `dist/*.js` sits one folder below `media/`, compiled
 * tests a few more, so the nearest ancestor holding it is ours.
 */
export async function readEvidenceStylesheet(path?: string): Promise<string> {
  return readFile(path ?? (await findStylesheet(__dirname)), 'utf8');
}

async function findStylesheet(start: string): Promise<string> {
  let dir = start;
  for (let depth = 0; depth < 8; depth++) {
    const candidate = join(dir, EVIDENCE_STYLESHEET_PATH);
    if (await access(candidate).then(() => true, () => false)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`The evidence pack stylesheet (${EVIDENCE_STYLESHEET_PATH}) is missing from this installation.`);
}
