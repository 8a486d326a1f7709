import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readRegularFile } from '../core/files/regularFile';
import { refuseLinkOutOfRepository } from '../core/files/safePaths';
import { GitProblem } from '../core/git/errors';
import { GitRepository } from '../core/git/gitRepository';
import { buildReleaseNotes } from '../core/render/buildReleaseNotes';
import { findMissingHazardReferences, NO_HAZARD_REFERENCE } from '../core/render/hazardFindings';
import { loadNotesTemplate, readTemplateFile } from '../core/render/notesTemplateFile';
import { regenerate } from '../core/markdown/regenerate';
import { commandLineLayer } from '../core/config/configLayers';
import { releaseNotesToJson, renderReleaseNotesMarkdown } from '../core/render/releaseNotes';
import { replaceFile, writeNewFile } from '../core/files/atomicWrite';
import { repositoryPathspecs } from './pathsArgument';
import { rangeArgument } from './rangeArgument';
import { readRepositoryConfig } from './repositoryConfig';
import { UsageError } from './usage';

const MAX_FINDINGS_SHOWN = 10;

/** `reflect notes`: prints or writes release notes for a range; returns the exit code. */
export async function runNotes(args: string[], out: NodeJS.WritableStream, today: string, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      repo: { type: 'string', default: '.' },
      format: { type: 'string', default: 'markdown' },
      pattern: { type: 'string' },
      'allow-partial': { type: 'boolean', default: false },
      template: { type: 'string' },
      paths: { type: 'string', multiple: true },
      out: { type: 'string' },
      update: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  if (values.format !== 'markdown' && values.format !== 'json') throw new UsageError(`--format must be markdown or json, not "${values.format}".`);
  if (positionals.length > 1) throw new UsageError('notes takes at most one range, for example v1.0.0..v1.1.0.');
  if (values.update && values.out === undefined) throw new UsageError('--update rewrites the generated parts of the file given with --out; add --out FILE.');
  if (values.update && values.format !== 'markdown') throw new UsageError('--update works on Markdown notes only.');
  const paths = (values.paths ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()).filter((p) => p.length > 0);
  if (paths.some((p) => p.startsWith('-'))) throw new UsageError('A --paths value may not start with "-".');
  const repo = await GitRepository.open(values.repo ?? '.');
  // Relative to where the command runs, as git reads paths (the config file's are relative to the root).
  const pathspecs = await repositoryPathspecs(paths, repo.root, resolve(values.repo ?? '.'));
  const flags = commandLineLayer({ tagPattern: values.pattern, releaseNotes: { paths: pathspecs.length > 0 ? pathspecs : undefined } }, { tagPattern: '--pattern', releaseNotes: '--paths' });
  const config = await readRepositoryConfig(repo.root, flags);
  const options = config.releaseNotes;
  const range = await rangeArgument(repo, positionals[0], config.releaseFilter.pattern);
  if (!range) throw new UsageError('The repository has no commits yet, so there are no release notes to write.');
  // The shallow-clone check, the template and the commits are read side by side.
  const [partial, template, model] = await Promise.all([
    values['allow-partial'] ? false : repo.rangeCrossesShallowBoundary(range),
    values.template !== undefined ? readTemplateFile(values.template) : loadNotesTemplate(repo.root, options.template),
    buildReleaseNotes(repo, { range, date: today, options }),
  ]);
  if (partial) {
    throw new GitProblem('shallow-history', `${range.from ?? '(root)'}..${range.to} reaches past the history of this shallow clone, so the notes would be incomplete; run "git fetch --unshallow" or pass --allow-partial.`);
  }
  if (values.format === 'json') {
    const findings = findMissingHazardReferences(model, undefined, options.hazardCheck);
    out.write(`${JSON.stringify({ ...releaseNotesToJson(model), findings: findings.map((f) => ({ severity: f.severity, code: f.code, message: f.message })) }, null, 2)}\n`);
    return 0;
  }
  const markdown = renderReleaseNotesMarkdown(model, template);
  const findings = findMissingHazardReferences(model, markdown, options.hazardCheck);
  // A long history can hold thousands: show a few and count the rest (JSON output lists them all).
  for (const finding of findings.slice(0, MAX_FINDINGS_SHOWN)) err.write(`reflect: ${finding.severity} ${finding.code}: ${finding.message}\n`);
  if (findings.length > MAX_FINDINGS_SHOWN) err.write(`reflect: … and ${findings.length - MAX_FINDINGS_SHOWN} more ${NO_HAZARD_REFERENCE} findings (use --format json to list them all).\n`);
  if (values.out === undefined) {
    out.write(markdown);
    return 0;
  }
  const target = resolve(values.out);
  await refuseLinkOutOfRepository(repo.root, target, values.out);
  if (!values.update) {
    await writeNewFile(target, markdown);
    out.write(`${values.out}\n`);
    return 0;
  }
  return updateNotesFile({ root: repo.root, target, shown: values.out }, markdown, values.force ?? false, out, err);
}

// Release notes are documents a person edits; far past this is not one.
const MAX_NOTES_BYTES = 16 * 1024 * 1024;

async function updateNotesFile(file: { root: string; target: string; shown: string }, fresh: string, force: boolean, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { root, target, shown } = file;
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(target, { maxBytes: MAX_NOTES_BYTES, shown });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`Cannot read "${shown}" to update it; write it first with --out ${shown} (without --update).`);
    throw new UsageError(`Cannot read "${shown}" to update it: ${(error as Error).message}`);
  }
  const existing = bytes.toString('utf8');
  const result = regenerate(existing, fresh, { name: shown });
  if (result.editedFences.length > 0 && !force) {
    err.write(`reflect: ${shown}: generated parts edited by hand (${result.editedFences.join(', ')}); nothing was changed. Pass --force to replace them.\n`);
    return 1;
  }
  // Replaced only if the file still holds the bytes read above: a save made meanwhile is never lost.
  if (result.text !== existing) await replaceFile(target, result.text, { expected: bytes, root });
  out.write(`${shown}\n`);
  return 0;
}
