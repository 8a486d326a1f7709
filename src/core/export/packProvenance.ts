import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { GitProblem } from '../git/errors';
import type { FileCommit, GitRepository } from '../git/gitRepository';
import { pathInRepository } from '../files/repositoryPath';
import type { RecordFile } from '../validate/validateRecord';

/** Where one source document of the pack came from. */
export interface DocumentProvenance {
  readonly name: string;
  /** SHA-256 of the document's text as it went into the pack (UTF-8). */
  readonly sha256: string;
  /** Oldest and newest commit touching it; absent when it was never committed. */
  readonly first?: FileCommit;
  readonly last?: FileCommit;
  readonly commits: number;
  /** Its text differs from HEAD's, or HEAD does not have it. */
  readonly uncommitted: boolean;
}

/** The repository a pack was exported from, as it was at export. */
export interface PackProvenance {
  /** The `origin` remote's URL without credentials, or the repository folder's name. */
  readonly repository: string;
  readonly head?: string;
  readonly branch?: string;
  /** No record document, tracked file or untracked (not ignored) file differed from HEAD. */
  readonly clean: boolean;
  /** Other paths of the working tree that differ from HEAD (the index's view), and untracked ones. */
  readonly otherChanges: readonly string[];
  readonly moreChanges: boolean;
  readonly documents: readonly DocumentProvenance[];
}

/** The SHA-256 of a text, as hex. */
export function sha256Of(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A remote URL fit to print: user name, password or token and any query
 * removed from a URL (`https://user:token@host/x?private_token=…`); an
 * scp-like address (`git@host:team/app.git`) is kept, it holds no secret.
 */
export function remoteWithoutCredentials(url: string): string {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(.*)$/i.exec(trimmed);
  if (!scheme) return trimmed.replace(/^[^@/:]+:[^@/]+@/, '');
  const host = scheme[2].slice(scheme[2].lastIndexOf('@') + 1);
  const path = scheme[3].replace(/[?#].*$/, '');
  return `${scheme[1]}://${host}${path}`;
}

/**
 * Reads the provenance of a record's documents: each one's SHA-256, first
 * and last commit and commit count, whether it differs from HEAD (compared
 * byte for byte with HEAD's blob, so no filter runs), and the rest of the
 * working tree's changes. Every git call goes through `GitRepository`.
 */
export async function readPackProvenance(repository: GitRepository, folder: string, files: readonly RecordFile[]): Promise<PackProvenance> {
  const [remote, head, state, changes] = await Promise.all([
    repository.remoteUrl().catch(() => undefined),
    repository.headCommit(),
    repository.headState().catch(() => undefined),
    repository.workingTreeChanges().catch((error: unknown) => {
      if (error instanceof GitProblem) return { changed: [], untracked: [], more: false };
      throw error;
    }),
  ]);
  const recordPaths = new Set<string>();
  const documents = await Promise.all(
    files.map(async (file): Promise<DocumentProvenance> => {
      const bytes = Buffer.from(file.text, 'utf8');
      const path = pathInRepository(file.name, folder, repository.root);
      if (path !== undefined) recordPaths.add(path);
      const history = path === undefined || head === undefined ? [] : await repository.fileHistory(path, head).catch(() => []);
      const committed = path === undefined || head === undefined ? undefined : await repository.readBlob(head, path);
      const first = history[history.length - 1];
      const last = history[0];
      return { name: file.name, sha256: sha256Of(bytes), commits: history.length, uncommitted: committed === undefined || !committed.equals(bytes), ...(first ? { first } : {}), ...(last ? { last } : {}) };
    }),
  );
  const otherChanges = [...changes.changed, ...changes.untracked].filter((p) => !recordPaths.has(p));
  const clean = otherChanges.length === 0 && documents.every((d) => !d.uncommitted);
  return {
    repository: remote ? remoteWithoutCredentials(remote) : basename(repository.root),
    ...(head ? { head } : {}),
    ...(state?.kind === 'branch' ? { branch: state.branch } : {}),
    clean,
    otherChanges,
    moreChanges: changes.more,
    documents,
  };
}
