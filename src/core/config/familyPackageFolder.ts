import { join } from 'node:path';
import { readRegularText } from '../files/regularFile';
import { requireInsideRepository } from '../files/safePaths';
import { DEFAULT_FAMILY } from '../git/tagPattern';

// A package.json is small; a large one is not a package manifest worth reading here.
const MAX_PACKAGE_JSON_BYTES = 256 * 1024;

/**
 * The folder a tag family obviously lives in: `packages/<name>` (the name
 * without its `@scope/`) when that folder's package.json is named after the
 * family (`create-vite`, or `@vitejs/plugin-legacy` for the family
 * `plugin-legacy`, or exactly `@scope/pkg` for `@scope/pkg`). Undefined when
 * there is none, or the file is unreadable, not JSON, a link out of the
 * repository, or too large: the family then covers the whole repository.
 */
export async function familyPackageFolder(root: string, family: string): Promise<string | undefined> {
  if (family === DEFAULT_FAMILY) return undefined;
  const base = family.startsWith('@') ? family.slice(family.indexOf('/') + 1) : family;
  if (base.length === 0 || /[\\/]|^\.\.?$/.test(base)) return undefined;
  const folder = `packages/${base}`;
  let name: unknown;
  try {
    const real = await requireInsideRepository(root, join(root, folder, 'package.json'), `${folder}/package.json`);
    const text = await readRegularText(real, { maxBytes: MAX_PACKAGE_JSON_BYTES, shown: `${folder}/package.json` });
    name = (JSON.parse(text.replace(/^\uFEFF/, '')) as { name?: unknown } | null)?.name;
  } catch {
    return undefined;
  }
  if (typeof name !== 'string') return undefined;
  const matches = family.startsWith('@') ? name === family : name === family || (name.startsWith('@') && name.endsWith(`/${family}`));
  return matches ? folder : undefined;
}
