import { readRegularFile } from '../files/regularFile';
import { replaceFile, writeNewFile } from '../files/atomicWrite';
import { refuseLinkOutOfRepository } from '../files/safePaths';
import type { ResolvedConfig } from '../config/resolvedConfig';
import type { GitRepository, RevisionRange } from '../git/gitRepository';
import { regenerate } from '../markdown/regenerate';
import { recordedRangeOf, setRecordedRangeEnd } from '../markdown/recordedRange';
import { followRelease } from '../git/followRelease';
import { buildReleaseNotes } from '../render/buildReleaseNotes';
import { findMissingHazardReferences } from '../render/hazardFindings';
import { loadNotesTemplate, readTemplateFile } from '../render/notesTemplateFile';
import { prepareReleaseNotesBlocks, renderReleaseNotesMarkdown, type ReleaseNotesModel } from '../render/releaseNotes';
import type { Problem } from '../validate/problem';
import { RELEASE_NOTES_FILE } from '../vocabulary/documentKinds';
import { recordDocumentPath } from '../vocabulary/recordLayout';

/** What generating a release's notes needs besides the repository and its configuration. */
export interface NotesRequest {
  readonly range: RevisionRange;
  /** The release's version; for Unreleased left out, and the notes propose it from the same read of the commits. */
  readonly version?: string;
  /** The local date (vocabulary/clock) the notes are dated. */
  readonly today: string;
  /** A template file the person named; otherwise the configured one (or the built-in). */
  readonly templateFile?: string;
  /** Whether to find out if the range reaches past a shallow clone's history (read alongside the commits). */
  readonly checkHistory?: boolean;
  /** Aborted when the person cancels: the commits read are not rendered. */
  readonly signal?: AbortSignal;
  /** The repository's tag names when they are read anyway (for the skipped-tags note); else the range's ends are read on their own. */
  readonly tagNames?: Promise<readonly string[]>;
}

/** A release's notes, rendered, with their findings. */
export interface ReleaseNotes {
  readonly model: ReleaseNotesModel;
  readonly markdown: string;
  /** The hazard findings, each on the line of the rendered notes that lists its commit (placed when first read). */
  readonly findings: Problem[];
  /** The range reaches past the history of a shallow clone, so the notes miss commits (only with `checkHistory`). */
  readonly partial: boolean;
  /** Where the notes live in the release's change record, relative to the repository root. */
  readonly recordPath: string;
}

/**
 * Generates a release's notes: the commits of the range read once (the
 * version proposed from them for Unreleased), the template, and the
 * hazard findings; the shallow-clone check is read side by side.
 */
export async function generateReleaseNotes(repo: GitRepository, config: ResolvedConfig, request: NotesRequest): Promise<ReleaseNotes> {
  const options = config.releaseNotes;
  const { range } = request;
  const [partial, template, model] = await Promise.all([
    request.checkHistory ? repo.rangeCrossesShallowBoundary(range) : false,
    request.templateFile !== undefined ? readTemplateFile(request.templateFile) : loadNotesTemplate(repo.root, options.template),
    buildReleaseNotes(repo, { range, ...(request.version !== undefined ? { version: request.version } : {}), date: request.today, options, pattern: config.releaseFilter.pattern, classification: config.rollback, ...(request.tagNames !== undefined ? { tagNames: request.tagNames } : {}) }),
  ]);
  // Cancelled while git was read: rendering (the costly part for a long range) is skipped.
  request.signal?.throwIfAborted();
  // The commits' block in slices, a turn apart, then the rest of the template at once.
  const prepared = await prepareReleaseNotesBlocks(model, template);
  request.signal?.throwIfAborted();
  const markdown = renderReleaseNotesMarkdown(model, template, prepared);
  // Placing each finding on its line reads the whole rendered text: done when asked for, once.
  let findings: Problem[] | undefined;
  return {
    model,
    markdown,
    get findings() {
      findings ??= notesFindingsIn(model, markdown, config);
      return findings;
    },
    partial,
    recordPath: recordDocumentPath(config.recordsFolder, model.version, RELEASE_NOTES_FILE),
  };
}

/** Whether a range reaches past the history of a shallow clone (asked before generating, when a person may stop). */
export function notesHistoryIsPartial(repo: GitRepository, range: RevisionRange): Promise<boolean> {
  return repo.rangeCrossesShallowBoundary(range);
}

/**
 * The hazard findings of notes as they stand in `text` (a regenerated file
 * keeps what the person wrote, so lines move); without text, each at the start.
 */
export function notesFindingsIn(model: ReleaseNotesModel, text: string | undefined, config: ResolvedConfig): Problem[] {
  return findMissingHazardReferences(model, text, config.releaseNotes.hazardCheck);
}

// Release notes are documents a person edits; far past this is not one.
const MAX_NOTES_BYTES = 16 * 1024 * 1024;

/** The notes file to update could not be read; `missing` when it does not exist. */
export class NotesFileUnreadable extends Error {
  constructor(
    readonly missing: boolean,
    message: string,
  ) {
    super(message);
    this.name = 'NotesFileUnreadable';
  }
}

/** What writing a notes file did. */
export type NotesFileOutcome = { readonly outcome: 'written' } | { readonly outcome: 'edited-by-hand'; readonly fences: readonly string[] };

/** The range to regenerate existing notes with, and the release its end moved to. */
export interface NotesUpdateRange {
  readonly range: RevisionRange;
  /** The end the notes recorded (HEAD, a branch or a tag). */
  readonly recordedTo: string;
  /** The release tag the recorded end (HEAD or a branch) moved to. */
  readonly movedTo?: string;
}

/**
 * The range existing notes are regenerated with when no range is named: the
 * one their front matter records, its end moved from HEAD (or a branch) to
 * the release that shipped it once that is tagged (see `followRelease`).
 * Undefined when the notes record no range.
 */
export async function notesUpdateRange(repo: GitRepository, config: ResolvedConfig, existingText: string): Promise<NotesUpdateRange | undefined> {
  const recorded = recordedRangeOf(existingText);
  if (!recorded) return undefined;
  const followed = await followRelease(repo, recorded, config.releaseFilter.pattern);
  return { range: followed.range, recordedTo: recorded.to, ...(followed.movedTo !== undefined ? { movedTo: followed.movedTo } : {}) };
}

/**
 * The regenerated text of existing notes with their front matter's range
 * end (`range.to`, `range.end_commit`) set to what the fresh notes were made
 * from; only those two values change outside the generated parts.
 */
export function withNotesRangeEnd(text: string, model: ReleaseNotesModel): string {
  return setRecordedRangeEnd(text, { to: model.range.to, ...(model.endCommit !== undefined ? { endCommit: model.endCommit } : {}) }).text;
}

/** Reads an existing notes file to update it (a regular file, size-capped, inside the repository). */
export async function readNotesFile(root: string, file: { readonly target: string; readonly shown: string }): Promise<{ readonly bytes: Buffer; readonly text: string }> {
  await refuseLinkOutOfRepository(root, file.target, file.shown);
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file.target, { maxBytes: MAX_NOTES_BYTES, shown: file.shown });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new NotesFileUnreadable(missing, missing ? `${file.shown} does not exist.` : (error as Error).message);
  }
  return { bytes, text: bytes.toString('utf8') };
}

/**
 * Writes notes to a file a person named: a new file (never over an existing
 * one), or with `update` only the generated parts of an existing one, and
 * parts edited by hand only with `force`. A path inside the repository may
 * not leave it through a link; the file is replaced only if it still holds
 * what was read, so a save made meanwhile is never lost.
 */
export async function writeNotesFile(root: string, file: { readonly target: string; readonly shown: string }, notes: { readonly markdown: string; readonly model: ReleaseNotesModel }, mode: { readonly update: boolean; readonly force: boolean }): Promise<NotesFileOutcome> {
  const { target, shown } = file;
  if (!mode.update) {
    await refuseLinkOutOfRepository(root, target, shown);
    await writeNewFile(target, notes.markdown);
    return { outcome: 'written' };
  }
  const { bytes, text: existing } = await readNotesFile(root, file);
  const result = regenerate(existing, notes.markdown, { name: shown });
  if (result.editedFences.length > 0 && !mode.force) return { outcome: 'edited-by-hand', fences: result.editedFences };
  const text = withNotesRangeEnd(result.text, notes.model);
  if (text !== existing) await replaceFile(target, text, { expected: bytes, root });
  return { outcome: 'written' };
}
