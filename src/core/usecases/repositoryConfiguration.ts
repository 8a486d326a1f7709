import { fileLayer, settingsLayer, type ConfigLayer } from '../config/configLayers';
import { loadReflectConfig, type ConfigProblem } from '../config/loadReflectConfig';
import { familyPackageFolder } from '../config/familyPackageFolder';
import { resolveConfig, type ResolvedConfig } from '../config/resolvedConfig';

/** A repository's resolved configuration and everything wrong with the values it was made from. */
export interface RepositoryConfiguration {
  readonly config: ResolvedConfig;
  /** Each names the file or setting and the key; empty when every value was used. */
  readonly problems: readonly ConfigProblem[];
}

/** What a front end adds on top of the repository's `reflect.config.json`. */
export interface ConfigurationRequest {
  /** The editor's `changeLog` settings (only those the person set). */
  readonly settings?: unknown;
  /** Command-line flags, highest of all. */
  readonly flags?: ConfigLayer;
}

/**
 * Resolves a repository's configuration: defaults < `reflect.config.json` at
 * `root` < editor settings < flags. A config file with problems is not used
 * at all (its problems are returned); `root` undefined reads no file.
 */
export async function resolveRepositoryConfiguration(root: string | undefined, request: ConfigurationRequest = {}): Promise<RepositoryConfiguration> {
  const loaded = root === undefined ? undefined : await loadReflectConfig(root);
  const layers: ConfigLayer[] = [];
  if (loaded && loaded.problems.length === 0) layers.push(fileLayer(loaded.config));
  if (request.settings !== undefined) layers.push(settingsLayer(request.settings));
  if (request.flags) layers.push(request.flags);
  const { config, problems } = resolveConfig(layers);
  return { config: await withFamilyFolder(root, config), problems: [...(loaded?.problems ?? []), ...problems] };
}

/**
 * A picked tag family with no path scope configured covers its obvious
 * folder (`packages/<name>` named after it), else the whole repository.
 */
async function withFamilyFolder(root: string | undefined, config: ResolvedConfig): Promise<ResolvedConfig> {
  const { family, pathsFrom } = config.releaseLine;
  if (root === undefined || family === undefined || pathsFrom !== 'whole repository') return config;
  const folder = await familyPackageFolder(root, family);
  if (folder === undefined) return config;
  return { ...config, releaseLine: { family, paths: [folder], pathsFrom: 'package folder' }, releaseNotes: { ...config.releaseNotes, paths: [folder] } };
}
