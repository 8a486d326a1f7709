import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { GitRepository } from '../git/gitRepository';
import { FileExistsError, publishWithoutOverwrite, temporaryPathFor, writeNewFile } from '../files/atomicWrite';
import { summariseTar } from './tarEntries';

/** The default folder for rollback packages, relative to the repository root (git-ignored by the caller). */
export const DEFAULT_PACKAGE_FOLDER = '.reflect/packages';

/** The manifest written beside an archive (`<archive>.manifest.json`). */
export interface RollbackPackageManifest {
  readonly format: 'reflect-rollback-package/1';
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

/** A package on disk. */
export interface RollbackPackage {
  readonly archivePath: string;
  readonly checksumPath: string;
  readonly manifestPath: string;
  readonly manifest: RollbackPackageManifest;
}

/** A tag or other revision turned into a name that is safe as one file name. */
export function packageBaseName(ref: string): string {
  const safe = ref.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').replace(/\.{2,}/g, '.').slice(0, 100);
  return safe || 'release';
}

/**
 * Archives a tag's tree (never the working tree) as `<tag>.tar.gz` in
 * `outDir`, with `<archive>.sha256` (sha256sum format) and
 * `<archive>.manifest.json`. Each file is written to a temporary name in the
 * same folder and then published under its final name; an existing archive
 * is never overwritten.
 */
export async function createRollbackPackage(repo: GitRepository, request: { readonly ref: string; readonly outDir: string; readonly now?: Date }): Promise<RollbackPackage> {
  const commit = await repo.resolveCommit(request.ref);
  const base = packageBaseName(request.ref);
  const archiveName = `${base}.tar.gz`;
  await mkdir(request.outDir, { recursive: true });
  const archivePath = join(request.outDir, archiveName);
  const checksumPath = `${archivePath}.sha256`;
  const manifestPath = `${archivePath}.manifest.json`;
  for (const path of [archivePath, checksumPath, manifestPath]) if (await exists(path)) throw new FileExistsError(path);
  const tarPath = temporaryPathFor(join(request.outDir, `${base}.tar`));
  const gzPath = temporaryPathFor(archivePath);
  try {
    await repo.archiveTar(commit, tarPath, `${base}/`);
    const summary = await summariseTar(tarPath, false);
    const hash = createHash('sha256');
    const gzip = createGzip({ level: 9 });
    gzip.on('data', (chunk: Buffer) => hash.update(chunk));
    await pipeline(createReadStream(tarPath), gzip, createWriteStream(gzPath, { flags: 'wx' }));
    const sha256 = hash.digest('hex');
    const size = (await stat(gzPath)).size;
    await publishWithoutOverwrite(gzPath, archivePath);
    const manifest: RollbackPackageManifest = {
      format: 'reflect-rollback-package/1',
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
}

/**
 * Re-checks a package: the archive's SHA-256 against its checksum file and
 * manifest, its size and file count against the manifest, and that the
 * compressed tar reads to its end.
 */
export async function verifyRollbackPackage(archivePath: string): Promise<PackageVerification> {
  const problems: string[] = [];
  const name = basename(archivePath);
  let sha256: string;
  let size: number;
  try {
    [sha256, size] = await Promise.all([hashFile(archivePath), stat(archivePath).then((s) => s.size)]);
  } catch (error) {
    return { ok: false, problems: [`${name} cannot be read: ${(error as Error).message}`] };
  }
  const checksum = await readFile(`${archivePath}.sha256`, 'utf8').catch(() => undefined);
  if (checksum === undefined) problems.push(`${name}.sha256 is missing.`);
  else {
    const match = /^([0-9a-f]{64})\s+\*?(.+)$/m.exec(checksum.trim());
    if (!match) problems.push(`${name}.sha256 is not a sha256sum line.`);
    else if (match[1] !== sha256) problems.push(`The SHA-256 of ${name} does not match ${name}.sha256: the archive changed or is damaged.`);
    else if (match[2] !== name) problems.push(`${name}.sha256 names "${match[2]}", not ${name}.`);
  }
  let manifest: RollbackPackageManifest | undefined;
  const manifestText = await readFile(`${archivePath}.manifest.json`, 'utf8').catch(() => undefined);
  if (manifestText === undefined) problems.push(`${name}.manifest.json is missing.`);
  else {
    try {
      const parsed: unknown = JSON.parse(manifestText);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) manifest = parsed as RollbackPackageManifest;
      else problems.push(`${name}.manifest.json is not an object.`);
    } catch {
      problems.push(`${name}.manifest.json is not valid JSON.`);
    }
  }
  if (manifest) {
    if (manifest.sha256 !== sha256) problems.push(`The manifest's sha256 does not match the archive.`);
    if (manifest.size !== size) problems.push(`The manifest says ${manifest.size} bytes; the archive has ${size}.`);
    try {
      const summary = await summariseTar(archivePath, true);
      if (!summary.complete) problems.push(`${name} ends early: the archive is truncated.`);
      if (summary.files !== manifest.files) problems.push(`The manifest lists ${manifest.files} files; the archive holds ${summary.files}.`);
    } catch (error) {
      problems.push(`${name} cannot be decompressed: ${(error as Error).message}`);
    }
  }
  return { ok: problems.length === 0, problems, ...(manifest ? { manifest } : {}), sha256 };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The folder a package for `root` goes to by default. */
export function defaultPackageFolder(root: string): string {
  return join(root, DEFAULT_PACKAGE_FOLDER);
}
