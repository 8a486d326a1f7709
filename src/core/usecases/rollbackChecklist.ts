import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import type { ResolvedConfig } from '../config/resolvedConfig';
import type { GitRepository, RevisionRange } from '../git/gitRepository';
import { buildRollbackChecklist, renderRollbackChecklist, rollbackChecklistToJson, type PackageReference, type RollbackChecklist } from '../rollback/rollbackChecklist';
import { packageOfTag, verifyRollbackPackage, type TagPackage } from '../rollback/rollbackPackage';
import { ROLLBACK_FILE } from '../vocabulary/documentKinds';
import { recordDocumentPath } from '../vocabulary/recordLayout';
import { proposeVersionForRange, versionScopeOf } from './proposeVersion';
import { packageFolderOf } from './rollbackPackages';

/** Which rollback package the checklist names. */
export type PackageChoice =
  /** The package of the range's start in the repository's package folder, when it exists and verifies. */
  | { readonly lookup: 'package-folder' }
  /** A package file a person named; it must verify and be of the range's start. */
  | { readonly lookup: 'file'; readonly path: string; readonly shown: string }
  | { readonly lookup: 'none' };

/** What building a release's rollback checklist needs besides the repository and its configuration. */
export interface ChecklistRequest {
  readonly range: RevisionRange;
  /** The version being deployed; for Unreleased (`to` HEAD) left out, and proposed from the commits. */
  readonly change?: string;
  /** The local date (vocabulary/clock). */
  readonly today: string;
  readonly package: PackageChoice;
}

/** A built checklist and what was found about its package. */
export interface ReleaseRollbackChecklist {
  readonly checklist: RollbackChecklist;
  /** The version the checklist deploys (the record it belongs to). */
  readonly version: string;
  /** Where it lives in the release's change record, relative to the repository root. */
  readonly recordPath: string;
  /** What the package folder held for the range's start (`none` when it was not looked up). */
  readonly packageFound: TagPackage;
  readonly markdown: string;
}

/** A package a person named is not intact, or is of another version than the checklist returns to. */
export class UnusablePackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusablePackageError';
  }
}

/**
 * Builds a release's rollback checklist: the version (proposed from one read
 * of the commits, scoped like the notes, when the range ends at HEAD and none
 * is given), the package that restores the previous version, and the steps.
 */
export async function buildReleaseRollbackChecklist(repo: GitRepository, config: ResolvedConfig, request: ChecklistRequest): Promise<ReleaseRollbackChecklist> {
  const { range } = request;
  const { reference, found } = await packageFor(repo, config, range, request.package);
  // Only the version is needed for Unreleased: one read of the commits, not the notes.
  const version = request.change ?? (range.to === 'HEAD' ? await proposeVersionForRange(repo, range, versionScopeOf(config)) : range.to);
  const checklist = await buildRollbackChecklist(repo, { range, change: version, date: request.today, options: config.rollback, ...(reference ? { package: reference } : {}) });
  return { checklist, version, recordPath: recordDocumentPath(config.recordsFolder, version, ROLLBACK_FILE), packageFound: found, markdown: renderRollbackChecklist(checklist) };
}

/** The checklist as `reflect rollback --format json` prints it. */
export function rollbackChecklistJson(built: ReleaseRollbackChecklist): string {
  return `${JSON.stringify(rollbackChecklistToJson(built.checklist), null, 2)}\n`;
}

async function packageFor(repo: GitRepository, config: ResolvedConfig, range: RevisionRange, choice: PackageChoice): Promise<{ reference?: PackageReference; found: TagPackage }> {
  const none: TagPackage = { state: 'none' };
  if (choice.lookup === 'none') return { found: none };
  if (choice.lookup === 'file') return { reference: { ...(await namedPackage(choice.path, choice.shown, range.from)), path: fromRoot(repo.root, resolve(choice.path)) }, found: none };
  if (range.from === undefined) return { found: none };
  const found = await packageOfTag(packageFolderOf(repo.root, config), range.from, repo.root);
  return found.state === 'verified' ? { reference: { file: found.file, sha256: found.sha256, path: posix.join(config.packageFolder, found.file) }, found } : { found };
}

/** A path as seen from the repository root (POSIX), or absolute when it is outside it. */
function fromRoot(root: string, path: string): string {
  const inside = relative(root, path);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? path : inside.split(sep).join('/');
}

async function namedPackage(path: string, shown: string, returnsTo: string | undefined): Promise<PackageReference> {
  const verification = await verifyRollbackPackage(resolve(path));
  if (!verification.ok || !verification.manifest) throw new UnusablePackageError(`The rollback package ${shown} is not intact: ${verification.problems[0] ?? 'unknown problem'}`);
  // The package must restore the version the checklist returns to, whatever its file is called.
  if (returnsTo !== undefined && verification.manifest.tag !== returnsTo) throw new UnusablePackageError(`The rollback package ${shown} is of ${verification.manifest.tag}, but this checklist returns to ${returnsTo}.`);
  return { file: verification.manifest.archive, sha256: verification.manifest.sha256 };
}
