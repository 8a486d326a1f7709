import { parseArgs } from 'node:util';
import { GitRepository } from '../core/git/gitRepository';
import { selectReleases, type ReleaseFilter } from '../core/git/releases';
import { PICK_FAMILY_ON_COMMAND_LINE, skippedTagsNotice, tagFamiliesOf } from '../core/usecases/tagFamilies';
import { readRepositoryConfig, releaseLineFlags } from './repositoryConfig';
import { UsageError } from './usage';

/** One tag as `reflect tags --format json` prints it (a stable contract). */
export interface TagJson {
  name: string;
  hash: string;
  date: string;
  semver: boolean;
}

/** `reflect tags`: the release tags, newest first; returns the exit code. */
export async function runTags(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      repo: { type: 'string', default: '.' },
      format: { type: 'string', default: 'text' },
      pattern: { type: 'string' },
      family: { type: 'string' },
      families: { type: 'boolean', default: false },
      'hide-prereleases': { type: 'boolean', default: false },
    },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}".`);
  if (positionals.length > 0) throw new UsageError(`tags takes no arguments; got "${positionals[0]}".`);
  const dir = values.repo ?? '.';
  const flags = releaseLineFlags(values);
  // The tag list does not depend on the configuration: git reads it while the
  // repository is opened and its configuration read. Opening decides: when it
  // fails, its message is the one given and the list is dropped.
  const tagsRead = GitRepository.at(dir).listTags();
  tagsRead.catch(() => undefined);
  const repo = await GitRepository.open(dir);
  // The same tag pattern as the notes: reflect.config.json's, unless --pattern or --family.
  const config = await readRepositoryConfig(repo.root, flags);
  const filter: ReleaseFilter = { pattern: config.releaseFilter.pattern, hidePrereleases: values['hide-prereleases'] ?? false };
  const allTags = await tagsRead;
  if (values.families) {
    const { families } = tagFamiliesOf(allTags, filter.pattern);
    if (values.format === 'json') out.write(`${JSON.stringify(families)}\n`);
    else out.write(families.map((f) => `${f.name}\t${f.count}\t${f.latest}\n`).join(''));
    return 0;
  }
  const notice = skippedTagsNotice(allTags, filter.pattern, PICK_FAMILY_ON_COMMAND_LINE);
  if (notice) err.write(`reflect: note: ${notice.sentence}\n`);
  const rows: TagJson[] = selectReleases(allTags, filter).map(({ tag, semver }) => ({ name: tag.name, hash: tag.hash, date: tag.date, semver: semver !== null }));
  if (values.format === 'json') out.write(`${JSON.stringify(rows)}\n`);
  else out.write(rows.map((t) => `${t.name}\t${t.date.slice(0, 10)}\t${t.hash.slice(0, 12)}\n`).join(''));
  return 0;
}
