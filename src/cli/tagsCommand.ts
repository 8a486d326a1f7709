import { parseArgs } from 'node:util';
import { GitRepository } from '../core/git/gitRepository';
import { selectReleaseTags, type ReleaseFilter } from '../core/git/releases';
import { commandLineLayer } from '../core/config/configLayers';
import { readRepositoryConfig } from './repositoryConfig';
import { UsageError } from './usage';

/** One tag as `reflect tags --format json` prints it (a stable contract). */
export interface TagJson {
  name: string;
  hash: string;
  date: string;
  semver: boolean;
}

/** `reflect tags`: the release tags, newest first; returns the exit code. */
export async function runTags(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      repo: { type: 'string', default: '.' },
      format: { type: 'string', default: 'text' },
      pattern: { type: 'string' },
      'hide-prereleases': { type: 'boolean', default: false },
    },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}".`);
  if (positionals.length > 0) throw new UsageError(`tags takes no arguments; got "${positionals[0]}".`);
  const repo = await GitRepository.open(values.repo ?? '.');
  // The same tag pattern as the notes: reflect.config.json's, unless --pattern.
  const config = await readRepositoryConfig(repo.root, commandLineLayer({ tagPattern: values.pattern }, { tagPattern: '--pattern' }));
  const filter: ReleaseFilter = { pattern: config.releaseFilter.pattern, hidePrereleases: values['hide-prereleases'] ?? false };
  const tags = selectReleaseTags(await repo.listTags(), filter);
  const rows: TagJson[] = tags.map((t) => ({ name: t.name, hash: t.hash, date: t.date, semver: filter.pattern.versionOf(t.name) !== null }));
  if (values.format === 'json') out.write(`${JSON.stringify(rows)}\n`);
  else out.write(rows.map((t) => `${t.name}\t${t.date.slice(0, 10)}\t${t.hash.slice(0, 12)}\n`).join(''));
  return 0;
}
