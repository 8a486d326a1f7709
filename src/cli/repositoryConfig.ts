import type { ConfigLayer } from '../core/config/configLayers';
import { describeConfigProblems, type ResolvedConfig } from '../core/config/resolvedConfig';
import { resolveRepositoryConfiguration } from '../core/usecases/repositoryConfiguration';
import { UsageError } from './usage';

/**
 * The repository's configuration (`reflect.config.json` under the flags); any
 * invalid value, in the file or a flag, stops the command with one line
 * naming the file or flag and the key.
 */
export async function readRepositoryConfig(root: string | undefined, flags?: ConfigLayer): Promise<ResolvedConfig> {
  const { config, problems } = await resolveRepositoryConfiguration(root, { flags });
  if (problems.length > 0) throw new UsageError(describeConfigProblems(problems));
  return config;
}
