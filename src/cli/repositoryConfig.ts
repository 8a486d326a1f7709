import { commandLineLayer, type ConfigLayer, type ConfigValues } from '../core/config/configLayers';
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

/**
 * The release-line flags a command takes: `--pattern P` or `--family NAME`
 * (not both), with any other values of the command line.
 */
export function releaseLineFlags(values: { readonly pattern?: string; readonly family?: string }, others: ConfigValues = {}, otherFlags: Partial<Record<keyof ConfigValues, string>> = {}): ConfigLayer {
  if (values.pattern !== undefined && values.family !== undefined) throw new UsageError('Give --pattern or --family, not both: a family is a tag pattern of its own.');
  return commandLineLayer({ ...others, tagPattern: values.pattern, family: values.family }, { ...otherFlags, tagPattern: '--pattern', family: '--family' });
}
