import { loadReflectConfig } from '../core/config/loadReflectConfig';
import type { ReflectConfig } from '../core/config/reflectConfig';
import { UsageError } from './usage';

/** Loads the repository's `reflect.config.json`; a broken file stops the command with one line saying why. */
export async function readRepositoryConfig(root: string): Promise<ReflectConfig> {
  const loaded = await loadReflectConfig(root);
  const [first, ...rest] = loaded.problems;
  if (first) {
    const where = first.line !== undefined ? ` (line ${first.line})` : '';
    throw new UsageError(`${first.message}${where}${rest.length > 0 ? ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})` : ''}`);
  }
  return loaded.config;
}
