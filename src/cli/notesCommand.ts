import { parseArgs } from 'node:util';
import { GitProblem } from '../core/git/errors';
import { GitRepository } from '../core/git/gitRepository';
import { parseRangeSpec, readReleaseOverview } from '../core/git/releases';
import { TagPattern } from '../core/git/tagPattern';
import { buildReleaseNotes } from '../core/render/buildReleaseNotes';
import { releaseNotesToJson, renderReleaseNotesMarkdown } from '../core/render/releaseNotes';
import { UsageError } from './usage';

/** `reflect notes`: prints release notes for a range; returns the exit code. */
export async function runNotes(args: string[], out: NodeJS.WritableStream, today: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      repo: { type: 'string', default: '.' },
      format: { type: 'string', default: 'markdown' },
      pattern: { type: 'string', default: TagPattern.DEFAULT },
      'allow-partial': { type: 'boolean', default: false },
    },
  });
  if (values.format !== 'markdown' && values.format !== 'json') throw new UsageError(`--format must be markdown or json, not "${values.format}".`);
  if (positionals.length > 1) throw new UsageError('notes takes at most one range, for example v1.0.0..v1.1.0.');
  const repo = await GitRepository.open(values.repo ?? '.');
  const filter = { pattern: new TagPattern(values.pattern), hidePrereleases: false };
  const range = positionals[0] !== undefined ? parseRangeSpec(positionals[0]) : (await readReleaseOverview(repo, filter)).unreleased?.range;
  if (!range) throw new UsageError('The repository has no commits yet, so there are no release notes to write.');
  if (!values['allow-partial'] && (await repo.rangeCrossesShallowBoundary(range))) {
    throw new GitProblem('shallow-history', `${range.from ?? '(root)'}..${range.to} reaches past the history of this shallow clone, so the notes would be incomplete; run "git fetch --unshallow" or pass --allow-partial.`);
  }
  const model = await buildReleaseNotes(repo, { range, date: today });
  out.write(values.format === 'json' ? `${JSON.stringify(releaseNotesToJson(model), null, 2)}\n` : renderReleaseNotesMarkdown(model));
  return 0;
}
