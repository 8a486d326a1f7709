import { createFolder } from '../files/createFolder';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Stats } from 'node:fs';
import { lstat, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { FileTooLargeError, NotRegularFileError, openRegularFile, readRegularText } from '../files/regularFile';
import { OutsideRepositoryError, refuseLinkOutOfRepository, requireInsideRepository } from '../files/safePaths';
import type { GitRepository } from '../git/gitRepository';
import { FileExistsError, publishWithoutOverwrite, temporaryPathFor, writeNewFile } from '../files/atomicWrite';
import { compareArchiveWithTag } from './packageAgainstTag';
import { readTar, summariseTar, type TarReading } from './tarEntries';
import { DEFAULT_PACKAGE_FOLDER } from '../vocabulary/recordLayout';


/**
 * Which of a change's two artefacts a package is: the version being released
 * (`release`), or the version a rollback returns to (`rollback`). Both are an
 * archive of a tag's tree; the kind is in the file name and the manifest.
 */
export type PackageKind = 'rollback' | 'release';

/** The manifest format of each kind. */
export const PACKAGE_FORMATS: Readonly<Record<PackageKind, string>> = { rollback: 'reflect-rollback-package/1', release: 'reflect-release-package/1' };

/** The manifest written beside an archive (`<archive>.manifest.json`). */
export interface RollbackPackageManifest {
  readonly format: 'reflect-rollback-package/1' | 'reflect-release-package/1';
  /** Which artefact this is; absent in rollback manifests made before there were release packages. */
  readonly kind?: PackageKind;
  readonly tag: string;
  readonly commit: string;
  /** ISO 8601 date-time the package was made. */
  readonly created: string;
  /** The archive's file name. */
  readonly archive: string;
  readonly sha256: string;
  /** Archive size in bytes. */
  readonly size: number;
  /** Files (and symbolic links) in the archive. */
  readonly files: number;
  /** The folder every path in the archive sits under. */
  readonly prefix: string;
}

/** What to package, where, and how to stop. */
export interface PackageRequest {
  readonly ref: string;
  readonly outDir: string;
  readonly now?: Date;
  readonly kind?: PackageKind;
  /** Aborted when the person cancels. */
  readonly signal?: AbortSignal;
}

/** A package on disk. */
export interface RollbackPackage {
  readonly archivePath: string;
  readonly checksumPath: string;
  readonly manifestPath: string;
  readonly manifest: RollbackPackageManifest;
}

// What a safe name ends with when it carries a hash: a name that already
// looks like that gets one too, so no tag's name can pose as another's.
const HASH_SUFFIX = /-[0-9a-f]{12}$/;
// What a release package's name ends with; a tag whose name ends so gets a hash, so a rollback package never looks like a release package.
const RELEASE_SUFFIX = '-release';

/**
 * A tag or other revision turned into a name that is safe as one file name
 * and unique per tag: when making it safe changed anything (`v1/0.0`,
 * `a/b`), a short hash of the exact tag is appended, so `a/b` and `a-b` never
 * share a package.
 */
export function packageBaseName(ref: string): string {
  const safe = ref.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').replace(/\.{2,}/g, '.').slice(0, 100) || 'release';
  if (safe === ref && !HASH_SUFFIX.test(ref) && !ref.endsWith(RELEASE_SUFFIX)) return safe;
  return `${safe}-${createHash('sha256').update(ref, 'utf8').digest('hex').slice(0, 12)}`;
}

/** The archive name of a tag's package of a kind: `<tag>.tar.gz` for rollback, `<tag>-release.tar.gz` for release. */
export function packageArchiveName(ref: string, kind: PackageKind = 'rollback'): string {
  return `${packageBaseName(ref)}${kind === 'release' ? RELEASE_SUFFIX : ''}.tar.gz`;
}

/** The kind a manifest says it is (a manifest without `kind` is a rollback package's). */
export function kindOfManifest(manifest: RollbackPackageManifest): PackageKind {
  return manifest.format === PACKAGE_FORMATS.release ? 'release' : 'rollback';
}

/**
 * Archives a tag's tree (never the working tree) as `<tag>.tar.gz` (a release package: `<tag>-release.tar.gz`) in
 * `outDir`, with `<archive>.sha256` (sha256sum format) and
 * `<archive>.manifest.json`. Each file is written to a temporary name in the
 * same folder and then published under its final name; an existing archive
 * is never overwritten. An aborted `signal` stops the work at its next step
 * (git archive is stopped, gzip too) with an AbortError, and the temporary
 * files are removed: nothing is left behind. Once the archive is published,
 * the package is finished (its two small files are written).
 */
export async function createRollbackPackage(repo: GitRepository, request: PackageRequest): Promise<RollbackPackage> {
  const { signal } = request;
  signal?.throwIfAborted();
  const commit = await repo.resolveCommit(request.ref);
  const kind = request.kind ?? 'rollback';
  const base = packageBaseName(request.ref);
  const archiveName = packageArchiveName(request.ref, kind);
  // A committed `.reflect` link must not send packages elsewhere; a folder outside the repository is where the person asked for them.
  await refuseLinkOutOfRepository(repo.root, request.outDir, `The package folder ${request.outDir}`);
  await createFolder(request.outDir);
  await refuseLinkOutOfRepository(repo.root, request.outDir, `The package folder ${request.outDir}`);
  const archivePath = join(request.outDir, archiveName);
  const checksumPath = `${archivePath}.sha256`;
  const manifestPath = `${archivePath}.manifest.json`;
  for (const path of [archivePath, checksumPath, manifestPath]) if (await exists(path)) throw new FileExistsError(path);
  const tarPath = temporaryPathFor(join(request.outDir, archiveName.replace(/\.gz$/, '')));
  const gzPath = temporaryPathFor(archivePath);
  try {
    signal?.throwIfAborted();
    await repo.archiveTar(commit, tarPath, `${base}/`, signal);
    signal?.throwIfAborted();
    // Our own archive of the tag: no cap (it is as large as the tree).
    const summary = await summariseTar(tarPath, false, Number.MAX_SAFE_INTEGER);
    signal?.throwIfAborted();
    const hash = createHash('sha256');
    const gzip = createGzip({ level: 9 });
    gzip.on('data', (chunk: Buffer) => hash.update(chunk));
    await pipeline(createReadStream(tarPath), gzip, createWriteStream(gzPath, { flags: 'wx' }), ...(signal ? [{ signal }] : []));
    const sha256 = hash.digest('hex');
    const size = (await stat(gzPath)).size;
    // The last moment to stop: after this the archive has its name.
    signal?.throwIfAborted();
    await publishWithoutOverwrite(gzPath, archivePath);
    const manifest: RollbackPackageManifest = {
      format: kind === 'release' ? 'reflect-release-package/1' : 'reflect-rollback-package/1',
      kind,
      tag: request.ref,
      commit,
      created: (request.now ?? new Date()).toISOString(),
      archive: archiveName,
      sha256,
      size,
      files: summary.files,
      prefix: `${base}/`,
    };
    await writeNewFile(checksumPath, `${sha256}  ${archiveName}\n`);
    await writeNewFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    return { archivePath, checksumPath, manifestPath, manifest };
  } finally {
    await Promise.all([unlink(tarPath).catch(() => undefined), unlink(gzPath).catch(() => undefined)]);
  }
}

/** The result of re-checking a package. */
export interface PackageVerification {
  readonly ok: boolean;
  /** What is wrong, one sentence each; empty when intact. */
  readonly problems: readonly string[];
  readonly manifest?: RollbackPackageManifest;
  readonly sha256?: string;
  /** The checks that were made, in words: the person verifying is told what "intact" rests on. */
  readonly checks: readonly string[];
}

// A checksum line or a manifest is a few hundred bytes.
const MAX_SIDE_FILE_BYTES = 64 * 1024;

/**
 * Re-checks a package: the archive's SHA-256 against its checksum file and
 * manifest, its size and file count against the manifest, and that the
 * compressed tar reads to its end; with a repository at hand, also its
 * contents against the tag it claims (`compareArchiveWithTag`), since a
 * checksum and a manifest can be made again for a changed archive. Only regular files are read (a FIFO or a
 * device in their place is refused, never waited on), and the manifest's
 * fields are checked before any is used.
 */
export async function verifyRollbackPackage(archivePath: string, options: { readonly repository?: GitRepository } = {}): Promise<PackageVerification> {
  const problems: string[] = [];
  const checks: string[] = [];
  let unreadable = false;
  const name = basename(archivePath);
  let archive: { handle: FileHandle; stats: Stats };
  try {
    archive = await openRegularFile(archivePath, name);
  } catch (error) {
    return { ok: false, problems: [`${name} cannot be read: ${reason(error)}`], checks };
  }
  try {
    const sha256 = await hashHandle(archive.handle);
    const size = archive.stats.size;
    const checksum = await readSideFile(`${archivePath}.sha256`, `${name}.sha256`, problems);
    if (checksum !== undefined) {
      checks.push(`SHA-256 of the archive against ${name}.sha256.`);
      const match = /^([0-9a-f]{64})\s+\*?(.+)$/m.exec(checksum.trim());
      if (!match) problems.push(`${name}.sha256 is not a sha256sum line.`);
      else if (match[1] !== sha256) problems.push(`The SHA-256 of ${name} does not match ${name}.sha256: the archive changed or is damaged.`);
      else if (match[2] !== name) problems.push(`${name}.sha256 names another file, not ${name}.`);
    }
    const manifest = await readManifest(`${archivePath}.manifest.json`, `${name}.manifest.json`, problems);
    // The object format the manifest's commit was written in: its hashes are the archive's to match.
    const format = manifest?.commit.length === 64 ? 'sha256' : 'sha1';
    let reading: TarReading | undefined;
    if (manifest) {
      checks.push('SHA-256, size and name of the archive against the manifest; its file count, and that it reads to its end.');
      if (manifest.sha256 !== sha256) problems.push(`The manifest's sha256 does not match the archive.`);
      if (manifest.size !== size) problems.push(`The manifest says ${manifest.size} bytes; the archive has ${size}.`);
      if (manifest.archive !== name) problems.push(`The manifest is of ${manifest.archive}, not ${name}.`);
      try {
        // One pass over the archive: counted, and its entries hashed when there is a tag to compare them with.
        reading = await readTar(archive.handle, true, options.repository ? { hash: format } : {});
        if (!reading.complete) problems.push(`${name} ends early: the archive is truncated.`);
        if (reading.files !== manifest.files) problems.push(`The manifest lists ${manifest.files} files; the archive holds ${reading.files}.`);
      } catch (error) {
        problems.push(`${name} cannot be decompressed: ${reason(error)}`);
        unreadable = true;
      }
    }
    if (manifest && options.repository && (unreadable || !reading?.complete)) {
      checks.push(`Contents not compared with ${manifest.tag}: the archive cannot be read to its end.`);
    } else if (manifest && options.repository && reading) {
      const comparison = await compareArchiveWithTag(options.repository, { entries: reading.entries, format }, manifest);
      checks.push(comparison.check);
      problems.push(...comparison.problems);
    } else if (manifest) {
      checks.push(`Contents not compared with ${manifest.tag}: no repository at hand (run it inside the repository, or pass --repo).`);
    }
    return { ok: problems.length === 0, problems, checks, ...(manifest ? { manifest } : {}), sha256 };
  } finally {
    await archive.handle.close();
  }
}

async function readSideFile(path: string, shown: string, problems: string[]): Promise<string | undefined> {
  try {
    return await readRegularText(path, { maxBytes: MAX_SIDE_FILE_BYTES, shown });
  } catch (error) {
    problems.push((error as NodeJS.ErrnoException).code === 'ENOENT' ? `${shown} is missing.` : `${shown} cannot be read: ${reason(error)}`);
    return undefined;
  }
}

async function readManifest(path: string, shown: string, problems: string[]): Promise<RollbackPackageManifest | undefined> {
  const text = await readSideFile(path, shown, problems);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push(`${shown} is not valid JSON.`);
    return undefined;
  }
  const fieldProblems = manifestProblems(parsed);
  for (const problem of fieldProblems) problems.push(`${shown}: ${problem}`);
  return fieldProblems.length === 0 ? (parsed as RollbackPackageManifest) : undefined;
}

/** What is wrong with a manifest's fields, one sentence each naming the field; empty when every field is present and of its type. */
export function manifestProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['is not a JSON object.'];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  const check = (field: keyof RollbackPackageManifest, valid: (v: unknown) => boolean, what: string) => {
    if (!(field in record) || record[field] === undefined) problems.push(`the field "${field}" is missing.`);
    else if (!valid(record[field])) problems.push(`the field "${field}" must be ${what}.`);
  };
  const text = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 1000;
  const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  check('format', (v) => v === PACKAGE_FORMATS.rollback || v === PACKAGE_FORMATS.release, `"${PACKAGE_FORMATS.rollback}" or "${PACKAGE_FORMATS.release}"`);
  if (record.kind !== undefined) {
    const expected = record.format === PACKAGE_FORMATS.release ? 'release' : 'rollback';
    if (record.kind !== expected) problems.push(`the field "kind" must be "${expected}" for the format ${JSON.stringify(record.format)}.`);
  } else if (record.format === PACKAGE_FORMATS.release) problems.push('the field "kind" is missing.');
  check('tag', text, 'a tag name');
  check('commit', (v) => typeof v === 'string' && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(v), 'a full commit hash');
  check('created', (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)), 'an ISO 8601 date-time');
  check('archive', (v) => text(v) && !/[\\/]/.test(v as string), 'a file name');
  check('sha256', (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v), 'a SHA-256 in hex');
  check('size', count, 'a whole number of bytes');
  check('files', count, 'a whole number');
  check('prefix', (v) => typeof v === 'string' && v.length <= 1000, 'a folder name');
  return problems;
}

function reason(error: unknown): string {
  if (error instanceof NotRegularFileError || error instanceof FileTooLargeError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file.' : code ? `${code}.` : (error as Error).message;
}

async function hashHandle(handle: FileHandle): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The package of a tag found in a package folder, as a checklist may name it. */
export type TagPackage =
  | { readonly state: 'none' }
  | { readonly state: 'unusable'; readonly archivePath: string; readonly problems: readonly string[] }
  | { readonly state: 'verified'; readonly archivePath: string; readonly file: string; readonly sha256: string };

/**
 * The package of `tag` of a kind (rollback by default) in `packageFolder`:
 * absent, or verified and made of exactly that tag as that kind (its
 * manifest says so), or unusable with the reasons. A
 * package folder that leads out of the repository is unusable.
 */
export async function packageOfTag(packageFolder: string, tag: string, repositoryRoot: string, kind: PackageKind = 'rollback'): Promise<TagPackage> {
  const file = packageArchiveName(tag, kind);
  const archivePath = join(packageFolder, file);
  try {
    await requireInsideRepository(repositoryRoot, packageFolder, `The package folder ${packageFolder}`);
  } catch (error) {
    if (error instanceof OutsideRepositoryError) return { state: 'unusable', archivePath, problems: [error.message] };
    throw error;
  }
  if (!(await lstat(archivePath).then(() => true, () => false))) return { state: 'none' };
  const verification = await verifyRollbackPackage(archivePath);
  const problems = [...verification.problems];
  if (verification.manifest && verification.manifest.tag !== tag) problems.push(`It is the package of ${verification.manifest.tag}, not of ${tag}.`);
  if (verification.manifest && kindOfManifest(verification.manifest) !== kind) problems.push(`It is a ${kindOfManifest(verification.manifest)} package, not a ${kind} package.`);
  if (problems.length > 0 || !verification.sha256) return { state: 'unusable', archivePath, problems };
  return { state: 'verified', archivePath, file, sha256: verification.sha256 };
}

/** The folder a package for `root` goes to by default. */
export function defaultPackageFolder(root: string): string {
  return join(root, DEFAULT_PACKAGE_FOLDER);
}
