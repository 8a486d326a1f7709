import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GitProblem } from '../core/git/errors';
import { GitRepository } from '../core/git/gitRepository';
import { NO_HAZARD_REFERENCE } from '../core/render/hazardFindings';
import { releaseNotesToJson } from '../core/render/releaseNotes';
import { generateReleaseNotes, notesFindingsIn, notesUpdateRange, NotesFileUnreadable, readNotesFile, writeNotesFile, type NotesUpdateRange } from '../core/usecases/releaseNotes';
import type { ResolvedConfig } from '../core/config/resolvedConfig';
import { commandRange } from '../core/usecases/commandRange';
import { exitCodeFor, readFailOn, readReportFormat, renderReport } from './findingReports';
import { repositoryPathspecs } from './pathsArgument';
import { PICK_FAMILY_ON_COMMAND_LINE, skippedTagNamesNotice } from '../core/usecases/tagFamilies';
import { RELEASE_NOTES_FILE } from '../core/vocabulary/documentKinds';
import { recordDocumentPath } from '../core/vocabulary/recordLayout';
import { readRepositoryConfig, releaseLineFlags } from './repositoryConfig';
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
      family: { type: 'string' },
      'allow-partial': { type: 'boolean', default: false },
      template: { type: 'string' },
      paths: { type: 'string', multiple: true },
      out: { type: 'string' },
      update: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
    },
  });
  const report = values.check ? readReportFormat(values.format === 'markdown' ? 'text' : values.format) : undefined;
  const failOn = readFailOn(values['fail-on']);
  if (values.check && values.out !== undefined) throw new UsageError('--check prints a report of the findings; write the notes with --out in a run of their own.');
  if (!values.check && values['fail-on'] !== undefined) throw new UsageError('--fail-on decides the exit code of --check; add --check.');
  if (report === undefined && values.format !== 'markdown' && values.format !== 'json') throw new UsageError(`--format must be markdown or json, not "${values.format}".`);
  if (positionals.length > 1) throw new UsageError('notes takes at most one range, for example v1.0.0..v1.1.0.');
  if (values.update && values.out === undefined) throw new UsageError('--update rewrites the generated parts of the file given with --out; add --out FILE.');
  if (values.update && values.format !== 'markdown') throw new UsageError('--update works on Markdown notes only.');
  const paths = (values.paths ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()).filter((p) => p.length > 0);
  if (paths.some((p) => p.startsWith('-'))) throw new UsageError('A --paths value may not start with "-".');
  const repo = await GitRepository.open(values.repo ?? '.');
  // One read of the tag names serves the skipped-tags note and tells which ends of the range name a tag. It needs no
  // configuration, so it starts now, beside reading it; it gets a handler at once, so that a configuration error, which
  // stops the command first, cannot leave a failed tag read unhandled.
  const tagNames = repo.listTagNames();
  tagNames.catch(() => undefined);
  // Relative to where the command runs, as git reads paths (the config file's are relative to the root).
  const pathspecs = await repositoryPathspecs(paths, repo.root, resolve(values.repo ?? '.'));
  const flags = releaseLineFlags(values, { releaseNotes: { paths: pathspecs.length > 0 ? pathspecs : undefined } }, { releaseNotes: '--paths' });
  const config = await readRepositoryConfig(repo.root, flags);
  // --update without a range regenerates the range the file records, its end following the release once tagged.
  const recorded = values.update && positionals.length === 0 && values.out !== undefined ? await recordedUpdateRange(repo, config, values.out) : undefined;
  // The skipped-tags note is read beside the notes and said first, whatever happens next; it is advice, so failing to
  // read it never stops the notes.
  const noticeRead = tagNames.then((names) => skippedTagNamesNotice(names, config.releaseFilter.pattern, PICK_FAMILY_ON_COMMAND_LINE)).catch(() => undefined);
  const sayNotice = async () => {
    const notice = await noticeRead;
    if (notice) err.write(`reflect: note: ${notice.sentence}\n`);
    if (recorded?.movedTo !== undefined) err.write(`reflect: ${values.out ?? ''}: the notes now end at the release ${recorded.movedTo} instead of ${recorded.recordedTo}.\n`);
  };
  let notes;
  try {
    const range = await (recorded?.range ?? commandRange(repo, positionals[0], config.releaseFilter.pattern));
    if (!range) throw new UsageError('The repository has no commits yet, so there are no release notes to write.');
    notes = await generateReleaseNotes(repo, config, { range, today, tagNames, checkHistory: !values['allow-partial'], ...(values.template !== undefined ? { templateFile: values.template } : {}) });
  } catch (error) {
    await sayNotice();
    throw error;
  }
  await sayNotice();
  const { range } = notes.model;
  if (notes.partial) {
    throw new GitProblem('shallow-history', `${range.from ?? '(root)'}..${range.to} reaches past the history of this shallow clone, so the notes would be incomplete; run "git fetch --unshallow" or pass --allow-partial.`);
  }
  if (report !== undefined) {
    // Placed where Generate Release Notes writes the notes, on the lines that list each commit.
    const file = recordDocumentPath(config.recordsFolder, notes.model.version, RELEASE_NOTES_FILE);
    const shown = report === 'text' || report === 'json' ? relative(process.cwd(), join(repo.root, file)) : file;
    const findings = notes.findings.map((f) => ({ file: shown, line: f.range.start.line + 1, column: f.range.start.character + 1, severity: f.severity, code: f.code, message: f.message }));
    out.write(renderReport(report, findings));
    return exitCodeFor(findings, failOn);
  }
  if (values.format === 'json') {
    const findings = notesFindingsIn(notes.model, undefined, config);
    out.write(`${JSON.stringify({ ...releaseNotesToJson(notes.model), findings: findings.map((f) => ({ severity: f.severity, code: f.code, message: f.message })) }, null, 2)}\n`);
    return 0;
  }
  const { markdown } = notes;
  // Said on stderr without a line: placing each on its line of the notes would read the whole text for nothing.
  const findings = notesFindingsIn(notes.model, undefined, config);
  // A long history can hold thousands: show a few and count the rest (JSON output lists them all).
  for (const finding of findings.slice(0, MAX_FINDINGS_SHOWN)) err.write(`reflect: ${finding.severity} ${finding.code}: ${finding.message}\n`);
  if (findings.length > MAX_FINDINGS_SHOWN) err.write(`reflect: … and ${findings.length - MAX_FINDINGS_SHOWN} more ${NO_HAZARD_REFERENCE} findings (use --format json to list them all).\n`);
  if (values.out === undefined) {
    out.write(markdown);
    return 0;
  }
  const shown = values.out;
  let written;
  try {
    written = await writeNotesFile(repo.root, { target: resolve(shown), shown }, notes, { update: values.update ?? false, force: values.force ?? false });
  } catch (error) {
    if (!(error instanceof NotesFileUnreadable)) throw error;
    if (error.missing) throw new UsageError(`Cannot read "${shown}" to update it; write it first with --out ${shown} (without --update).`);
    throw new UsageError(`Cannot read "${shown}" to update it: ${error.message}`);
  }
  if (written.outcome === 'edited-by-hand') {
    err.write(`reflect: ${shown}: generated parts edited by hand (${written.fences.join(', ')}); nothing was changed. Pass --force to replace them.\n`);
    return 1;
  }
  out.write(`${shown}\n`);
  return 0;
}

/** The range a notes file records, followed to its release; undefined when it records none (the usual default range applies). */
async function recordedUpdateRange(repo: GitRepository, config: ResolvedConfig, shown: string): Promise<NotesUpdateRange | undefined> {
  let existing;
  try {
    existing = await readNotesFile(repo.root, { target: resolve(shown), shown });
  } catch (error) {
    if (!(error instanceof NotesFileUnreadable)) throw error;
    if (error.missing) throw new UsageError(`Cannot read "${shown}" to update it; write it first with --out ${shown} (without --update).`);
    throw new UsageError(`Cannot read "${shown}" to update it: ${error.message}`);
  }
  return notesUpdateRange(repo, config, existing.text);
}
