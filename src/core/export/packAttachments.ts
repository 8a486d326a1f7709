import { createHash } from 'node:crypto';
import { lstat, readdir } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { resolveLinkTarget, type LinkTarget } from '../files/linkTarget';
import { openRegularFile } from '../files/regularFile';
import { localLinksOf } from '../validate/localLinks';
import type { RecordFile } from '../validate/validateRecord';
import { CHANGE_FILE, RELEASE_NOTES_FILE, ROLLBACK_FILE, ACTION_PLAN_FILE } from '../vocabulary/documentKinds';
import { PHASE_IDS, phaseFileNameOf } from '../vocabulary/phaseIds';
import { DEFAULT_MAX_IMAGE_BYTES, EVIDENCE_FOLDER } from '../vocabulary/evidenceMaterial';
import { imageTypeOf, type ImageType } from './imageTypes';

/** All embedded images together: past it, images are listed, not embedded, so a pack stays one readable file. */
export const MAX_EMBEDDED_BYTES = 40 * 1024 * 1024;
/** The most files the evidence folder lists, and how deep it is walked. */
export const MAX_EVIDENCE_FILES = 500;
export const MAX_EVIDENCE_DEPTH = 8;
/** The most bytes hashed of one file; a larger file is listed with its size only. */
export const MAX_HASHED_BYTES = 2 * 1024 * 1024 * 1024;

/** A file that is part of the pack: from the evidence folder or linked from a document. */
export interface AttachedFile {
  /** The anchor of its row in the Supporting material section. */
  readonly id: string;
  /** Its path inside the record folder (evidence files) or the repository (other linked files), POSIX-style. */
  readonly path: string;
  readonly source: 'evidence' | 'linked';
  readonly size?: number;
  readonly sha256?: string;
  /** Set when the file is shown as an image in the pack. */
  readonly image?: { readonly type: ImageType; readonly dataUri: string };
  /** Why it is not hashed, not embedded, or not read at all. */
  readonly note?: string;
}

/** Where one local link of a document leads, as the pack renders it. */
export type PackLink =
  | { readonly kind: 'document'; readonly anchor: string }
  | { readonly kind: 'file'; readonly file: AttachedFile }
  | { readonly kind: 'folder'; readonly path: string }
  | { readonly kind: 'broken'; readonly reason: string };

/** The record's supporting material, read once at export. */
export interface PackAttachments {
  /** Per document file name: each local link's destination (as markdown-it normalised it) → where it leads. */
  readonly links: ReadonlyMap<string, ReadonlyMap<string, PackLink>>;
  /** Every attached file, evidence folder first (in path order), then other linked files. */
  readonly files: readonly AttachedFile[];
  /** What the reader must know about the material (a folder not followed, a list cut short). */
  readonly notes: readonly string[];
}

/** The anchor of a record document's place in the pack. */
export function documentAnchorOf(fileName: string): string | undefined {
  if (fileName === CHANGE_FILE) return 'cover';
  if (fileName === RELEASE_NOTES_FILE) return 'release-notes';
  if (fileName === ROLLBACK_FILE) return 'rollback';
  if (fileName === ACTION_PLAN_FILE) return 'action-plan';
  const phase = PHASE_IDS.find((p) => phaseFileNameOf(p) === fileName);
  return phase ? `reflection-${phase}` : undefined;
}

/**
 * Reads the record's supporting material: every file under its `evidence/`
 * folder (nested folders walked; links and special files skipped with a
 * note) and every file a document links to inside the repository. Each is
 * listed with its size and SHA-256 (hashed as a stream, bounded); PNG,
 * JPEG, GIF and WebP images, recognised by their bytes, are embedded up to
 * `maxImageBytes`. SVG is never embedded: it can carry script and fetches.
 * No symbolic link is followed, and nothing outside the repository is read.
 */
export async function readPackAttachments(folder: string, root: string, files: readonly RecordFile[], maxImageBytes = DEFAULT_MAX_IMAGE_BYTES): Promise<PackAttachments> {
  const recordFolder = resolve(folder);
  const notes: string[] = [];
  const budget = { embedded: 0, maxImageBytes };
  const byPath = new Map<string, AttachedFile>();
  let counter = 0;
  const attach = async (path: string, shown: string, source: AttachedFile['source'], size: number): Promise<AttachedFile> => {
    const known = byPath.get(path);
    if (known) return known;
    const file = await readAttachment(path, `file-${++counter}`, shown, source, size, budget);
    byPath.set(path, file);
    return file;
  };
  const evidence = await listEvidenceFolder(join(recordFolder, EVIDENCE_FOLDER), notes);
  const evidenceFiles: AttachedFile[] = [];
  for (const entry of evidence) {
    evidenceFiles.push(entry.skipped ? { id: `file-${++counter}`, path: `${EVIDENCE_FOLDER}/${entry.path}`, source: 'evidence', note: entry.skipped } : await attach(join(recordFolder, EVIDENCE_FOLDER, entry.path), `${EVIDENCE_FOLDER}/${entry.path}`, 'evidence', entry.size ?? 0));
  }
  const documentNames = new Set(files.map((f) => f.name));
  const links = new Map<string, Map<string, PackLink>>();
  const linked: AttachedFile[] = [];
  for (const file of files) {
    const map = new Map<string, PackLink>();
    for (const link of localLinksOf(file.text)) {
      if (map.has(link.href)) continue;
      const target = await resolveLinkTarget(root, recordFolder, link.path);
      const packLink = await packLinkOf(target, recordFolder, documentNames, async (t) => {
        const inRecord = inRecordOf(recordFolder, t.path);
        const before = byPath.has(t.path);
        const attached = await attach(t.path, inRecord ?? t.inRepository, inRecord?.startsWith(`${EVIDENCE_FOLDER}/`) ? 'evidence' : 'linked', t.size);
        if (!before && attached.source === 'linked') linked.push(attached);
        return attached;
      });
      map.set(link.href, packLink);
    }
    links.set(file.name, map);
  }
  return { links, files: [...evidenceFiles, ...linked], notes };
}

async function packLinkOf(target: LinkTarget, recordFolder: string, documents: ReadonlySet<string>, attach: (t: Extract<LinkTarget, { state: 'file' }>) => Promise<AttachedFile>): Promise<PackLink> {
  switch (target.state) {
    case 'file': {
      const inRecord = inRecordOf(recordFolder, target.path);
      const anchor = inRecord !== undefined && documents.has(inRecord) ? documentAnchorOf(inRecord) : undefined;
      return anchor ? { kind: 'document', anchor } : { kind: 'file', file: await attach(target) };
    }
    case 'folder':
      return { kind: 'folder', path: target.inRepository };
    case 'missing':
      return { kind: 'broken', reason: 'no such file in the repository' };
    case 'outside':
      return { kind: 'broken', reason: 'not followed: it leads outside the repository' };
    case 'through-link':
      return { kind: 'broken', reason: `not followed: it goes through the symbolic link ${target.link}` };
    case 'special':
      return { kind: 'broken', reason: `not read: it is ${target.kind}` };
  }
}

/** A path's place inside the record folder, POSIX-style; undefined outside it. */
function inRecordOf(recordFolder: string, path: string): string | undefined {
  return path.startsWith(recordFolder + sep) ? path.slice(recordFolder.length + 1).split(sep).join('/') : undefined;
}

interface EvidenceEntry {
  readonly path: string;
  readonly size?: number;
  readonly skipped?: string;
}

// Walks the evidence folder with lstat only: a link is listed as skipped, never followed.
async function listEvidenceFolder(folder: string, notes: string[]): Promise<EvidenceEntry[]> {
  const top = await lstat(folder).catch(() => undefined);
  if (!top) return [];
  if (top.isSymbolicLink()) {
    notes.push(`The record's ${EVIDENCE_FOLDER} folder is a symbolic link; it was not followed.`);
    return [];
  }
  if (!top.isDirectory()) {
    notes.push(`The record's ${EVIDENCE_FOLDER} is not a folder; it was not read.`);
    return [];
  }
  const entries: EvidenceEntry[] = [];
  const walk = async (dir: string, prefix: string, depth: number): Promise<void> => {
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      if (entries.length >= MAX_EVIDENCE_FILES) {
        if (!notes.some((n) => n.startsWith('Only the first'))) notes.push(`Only the first ${MAX_EVIDENCE_FILES} files of the ${EVIDENCE_FOLDER} folder are listed.`);
        return;
      }
      const path = prefix ? `${prefix}/${name}` : name;
      const stats = await lstat(join(dir, name)).catch(() => undefined);
      if (!stats) continue;
      if (stats.isSymbolicLink()) entries.push({ path, skipped: 'a symbolic link: not followed' });
      else if (stats.isDirectory()) {
        if (depth >= MAX_EVIDENCE_DEPTH) entries.push({ path: `${path}/`, skipped: `a folder nested more than ${MAX_EVIDENCE_DEPTH} deep: not read` });
        else await walk(join(dir, name), path, depth + 1);
      } else if (stats.isFile()) entries.push({ path, size: stats.size });
      else entries.push({ path, skipped: `${stats.isFIFO() ? 'a FIFO (named pipe)' : stats.isSocket() ? 'a socket' : 'a device'}: not read` });
    }
  };
  await walk(folder, '', 1);
  return entries;
}

// Hashes a regular file as a stream (never more than MAX_HASHED_BYTES) and embeds it when it is a small raster image.
async function readAttachment(path: string, id: string, shown: string, source: AttachedFile['source'], size: number, budget: { embedded: number; maxImageBytes: number }): Promise<AttachedFile> {
  const base = { id, path: shown, source, size };
  if (size > MAX_HASHED_BYTES) return { ...base, note: `not hashed: larger than ${formatBytes(MAX_HASHED_BYTES)}` };
  let opened;
  try {
    opened = await openRegularFile(path, shown);
  } catch (error) {
    return { ...base, note: `not read: ${error instanceof Error ? error.message.replace(`${shown} `, '') : 'it could not be opened'}` };
  }
  const { handle } = opened;
  const hash = createHash('sha256');
  const keepBytes = size <= budget.maxImageBytes && looksLikeImageName(shown);
  const kept: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of handle.createReadStream({ autoClose: false, end: MAX_HASHED_BYTES - 1 })) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      total += bytes.length;
      if (keepBytes && total <= budget.maxImageBytes) kept.push(bytes);
    }
  } finally {
    await handle.close();
  }
  const sha256 = hash.digest('hex');
  const result = { ...base, size: total, sha256 };
  if (!looksLikeImageName(shown)) return result;
  if (/\.svgz?$/i.test(shown)) return { ...result, note: 'SVG is not embedded: it can carry script and fetch other files' };
  if (total > budget.maxImageBytes) return { ...result, note: `not embedded: larger than the ${formatBytes(budget.maxImageBytes)} cap for images` };
  const bytes = Buffer.concat(kept, total);
  const type = imageTypeOf(bytes);
  if (!type) return { ...result, note: 'not embedded: its content is not a PNG, JPEG, GIF or WebP image' };
  if (budget.embedded + total > MAX_EMBEDDED_BYTES) return { ...result, note: `not embedded: the pack already embeds ${formatBytes(MAX_EMBEDDED_BYTES)} of images` };
  budget.embedded += total;
  return { ...result, image: { type, dataUri: `data:${type};base64,${bytes.toString('base64')}` } };
}

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.svgz']);

function looksLikeImageName(path: string): boolean {
  return IMAGE_EXTENSIONS.has(extname(path).toLowerCase());
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${Math.round(bytes / (1024 * 1024 * 1024))} GB`;
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
