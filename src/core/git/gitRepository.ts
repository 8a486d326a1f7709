import { statSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { readConfigValues, remoteUrlKey } from './configReads';
import { GitProblem } from './errors';
import { assertSafeRef, run, SAFE_DIFF_OPTIONS } from './gitCall';
import { HEAD_STATE_ARGUMENTS, headStateFromAnswer, headStateOf, type HeadState } from './headState';
import { archiveTreeTar, listTreeEntries, objectFormat, readBlobAt, listTreeFiles, readBlobObject, stagedFiles, type TreeEntry } from './treeReads';
import { realTopLevel } from './topLevel';
import { LOG_FORMAT, LogRecordReader, parseNameStatus, parseNumstat, parseTagRecords, TAG_FORMAT, type FileChange, type GitCommit, type GitTag } from './gitLogParsing';

/**
 * Every git call here is read-only plumbing, spawned by `runGit`, which gives
 * each call the overrides and flags of the table in `programConfigKeys.ts`
 * (no hook, pager, fsmonitor, signature check, external diff, textconv or
 * filter runs, whatever the repository's config or its includes say) and an
 * environment without inherited GIT_* variables. Blobs are read with
 * `cat-file` without `--textconv` or `--filters`; those reads, of trees, the
 * index and blobs, are in `treeReads.ts`.
 */


/** One commit of a file's history. */
export interface FileCommit {
  readonly hash: string;
  /** ISO 8601 author date. */
  readonly date: string;
  readonly author: string;
}

/** A revision range `from..to`; `from` undefined means "from the first commit". */
export interface RevisionRange {
  readonly from?: string;
  readonly to: string;
}

export type { HeadState } from './headState';

function rangeArgument(range: RevisionRange): string {
  const to = assertSafeRef(range.to);
  return range.from === undefined ? to : `${assertSafeRef(range.from)}..${to}`;
}

/** The `git log` arguments (before `runGit` neutralises them) of a range's commits; the benchmark's floor runs the same. */
export function logArguments(range: RevisionRange, page?: Page, paths?: readonly string[]): string[] {
  const args = ['log', '-z', '--encoding=UTF-8', `--format=${LOG_FORMAT}`];
  if (page) args.push(`--skip=${Math.max(0, Math.floor(page.skip))}`, `--max-count=${Math.max(1, Math.floor(page.limit))}`);
  args.push('--end-of-options', rangeArgument(range), '--', ...(paths ?? []));
  return args;
}

/** Variables added to a log read's environment (see `readMappedCommits`). */
export const LOG_ENVIRONMENT: Readonly<Record<string, string>> = { GIT_FLUSH: '0' };

/** The `git for-each-ref` arguments of the whole tag list. */
export const TAG_LIST_ARGUMENTS: readonly string[] = ['for-each-ref', `--format=${TAG_FORMAT}`, 'refs/tags'];

/** Paging of a long commit list. */
export interface Page {
  readonly skip: number;
  readonly limit: number;
}

/** How many file histories (`fileHistory`) one repository keeps. */
const MAX_KEPT_HISTORIES = 256;

/** The reads a person names: tags, commits, blobs, config. Every git call goes through `runGit`. */
export class GitRepository {
  private shallowSet: Promise<ReadonlySet<string>> | undefined;
  /** The git folder (`git rev-parse --git-path .`), when `open` read it. */
  private gitFolder: string | undefined;
  /** File histories read at a HEAD commit (`fileHistory`), by commit and path. */
  private readonly histories = new Map<string, Promise<FileCommit[]>>();

  /** `root` is the repository's real top level: the folder holding `.git`, never a `core.worktree` elsewhere. */
  private constructor(readonly root: string) {}

  /** Opens the repository containing `dir`, or throws a GitProblem saying why not. */
  static async open(dir: string): Promise<GitRepository> {
    assertFolder(dir);
    // git's first answer is only a check that `dir` is in a work tree: with
    // `core.worktree` set it names that folder, which may be anywhere. The
    // same call names the shallow-clone file and the git folder, so the check
    // a range's notes need and the folder the views watch cost no process of
    // their own. The lines are read by position; a path holding a line break
    // cannot be read so and is asked again.
    const [output, realDir] = await Promise.all([run(dir, ['rev-parse', '--show-toplevel', '--git-path', 'shallow', '--git-path', '.']), realpath(dir)]);
    const lines = output.split('\n');
    const workTree = (lines[0] ?? '').trim();
    if (!workTree) throw new GitProblem('not-a-repository', `${dir} is not inside a git repository work tree.`);
    const root = await realTopLevel(dir);
    if (root === undefined) throw new GitProblem('not-a-repository', `${dir} is a git repository without a work tree of its own (its core.worktree names ${workTree}).`);
    const repository = new GitRepository(root);
    // git writes the paths relative to its working folder: `dir` with links resolved.
    if (lines.length === 4 && lines[3] === '' && lines[1] && lines[2]) {
      repository.shallowSet = readShallowFile(resolve(realDir, lines[1]));
      repository.gitFolder = resolve(realDir, lines[2]);
    }
    return repository;
  }

  /**
   * A repository at `dir` without first asking git for its root: one spawn
   * fewer for one-shot reads such as `reflect tags`. Problems (not a
   * repository, git missing) surface at the first call instead.
   */
  static at(dir: string): GitRepository {
    assertFolder(dir);
    return new GitRepository(dir);
  }

  /** Every tag, unsorted; annotated tags are peeled to their commit. */
  async listTags(): Promise<GitTag[]> {
    return parseTagRecords(await this.raw([...TAG_LIST_ARGUMENTS]));
  }

  /** Every tag's name, unsorted: no tag object is read (the cheapest tag read, for counting tags and their families). */
  async listTagNames(): Promise<string[]> {
    return (await this.raw(['for-each-ref', '--format=%(refname:strip=2)', 'refs/tags'])).split('\n').filter((name) => name.length > 0);
  }

  /** Local and remote-tracking branch names (`main`, `origin/main`), for pickers; at most `limit`. */
  async listBranches(limit = 1000): Promise<string[]> {
    const output = await this.raw(['for-each-ref', '--format=%(refname:short)', `--count=${Math.max(1, Math.floor(limit))}`, '--sort=-committerdate', 'refs/heads', 'refs/remotes']);
    return output.split('\n').filter((name) => name.length > 0 && !name.endsWith('/HEAD'));
  }

  /**
   * The tag named exactly `name`, or undefined: one ref read, whatever the
   * number of tags. A name git would never give a tag (glob characters,
   * `..`, a leading `-`) is no tag.
   */
  async tagNamed(name: string): Promise<GitTag | undefined> {
    return (await this.tagsNamed([name])).get(name);
  }

  /**
   * The tags named exactly as `names` (by name; names that are no tag are
   * absent), in one ref read whatever the number of tags. A name git would
   * never give a tag (glob characters, `..`, a leading `-`) is no tag.
   */
  async tagsNamed(names: readonly string[]): Promise<Map<string, GitTag>> {
    const wanted = [...new Set(names)].filter(couldBeTagName);
    const found = new Map<string, GitTag>();
    if (wanted.length === 0) return found;
    const tags = parseTagRecords(await this.raw(['for-each-ref', `--format=${TAG_FORMAT}`, ...wanted.map((name) => `refs/tags/${assertSafeRef(name)}`)]));
    for (const tag of tags) if (wanted.includes(tag.name)) found.set(tag.name, tag);
    return found;
  }

  /** The tags on the commit `ref` names (lightweight and annotated alike): only those, however many tags there are. */
  async tagsPointingAt(ref: string): Promise<GitTag[]> {
    return parseTagRecords(await this.raw(['for-each-ref', `--points-at=${assertSafeRef(ref)}`, `--format=${TAG_FORMAT}`, 'refs/tags']));
  }

  /** Names of the tags whose commits are reachable from `ref`. */
  async tagsMergedInto(ref: string): Promise<string[]> {
    const output = await this.raw(['for-each-ref', `--merged=${assertSafeRef(ref)}`, '--format=%(refname:strip=2)', 'refs/tags']);
    return output.split('\n').filter((line) => line.length > 0);
  }

  /** Names of the tags whose commits contain `commit` (it is reachable from them): the releases that shipped it. */
  async tagsContaining(commit: string): Promise<string[]> {
    const output = await this.raw(['for-each-ref', `--contains=${assertSafeRef(commit)}`, '--format=%(refname:strip=2)', 'refs/tags']);
    return output.split('\n').filter((line) => line.length > 0);
  }

  /** The commit HEAD points at, or undefined when there are no commits yet. */
  async headCommit(): Promise<string | undefined> {
    try {
      return (await this.raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim() || undefined;
    } catch (error) {
      if (error instanceof GitProblem && error.kind !== 'git-missing' && error.kind !== 'dubious-ownership') return undefined;
      throw error;
    }
  }

  /** Whether HEAD is on a branch, detached, or on a branch with no commits yet (asked the longer way). */
  async headState(): Promise<HeadState> {
    const answer = await this.raw([...HEAD_STATE_ARGUMENTS]).catch((error: unknown) => {
      if (error instanceof GitProblem && (error.kind === 'git-missing' || error.kind === 'dubious-ownership')) throw error;
      return undefined;
    });
    const state = headStateFromAnswer(answer);
    if (state !== undefined) return state;
    const [branch, head] = await Promise.all([this.raw(['symbolic-ref', '--quiet', '--short', 'HEAD']).then((s) => s.trim(), () => ''), this.headCommit()]);
    return headStateOf(branch, head);
  }

  /**
   * Commits of a range, newest first, re-encoded to UTF-8 by git from each
   * commit's declared encoding. Merge commits are included (flagged by their parents).
   */
  async readCommits(range: RevisionRange, page?: Page, paths?: readonly string[]): Promise<GitCommit[]> {
    return this.readMappedCommits(range, (commit) => commit, page, paths);
  }

  /**
   * Reads a range and maps each commit as soon as git has written it, so the
   * mapping (for example Conventional Commit parsing) overlaps git's own work.
   */
  async readMappedCommits<T>(range: RevisionRange, map: (commit: GitCommit) => T, page?: Page, paths?: readonly string[]): Promise<T[]> {
    const args = logArguments(range, page, paths);
    const reader = new LogRecordReader(map);
    const decoder = new StringDecoder('utf8');
    // GIT_FLUSH=0: git writes its output in blocks instead of flushing after
    // every commit into the pipe, which costs git and us a system call and an
    // event per commit. Chunks are parsed as they come, never collected.
    await run(this.root, args, { env: LOG_ENVIRONMENT, onStdout: (chunk) => reader.push(decoder.write(chunk)) });
    reader.push(decoder.end());
    return reader.end();
  }

  /**
   * How many commits a range holds (with `mergesOnly`, merge commits only; with
   * `withoutMerges`, the commits release notes list), only those touching
   * `paths` when given, without reading them.
   */
  async countCommits(range: RevisionRange, paths?: readonly string[], { mergesOnly = false, withoutMerges = false } = {}): Promise<number> {
    const merges = mergesOnly ? ['--merges'] : withoutMerges ? ['--no-merges'] : [];
    const output = await this.raw(['rev-list', '--count', ...merges, '--end-of-options', rangeArgument(range), '--', ...(paths ?? [])]);
    return Number.parseInt(output.trim(), 10) || 0;
  }

  /** Paths changed between the two ends of a range (renames detected), limited to `paths` (pathspecs) when given. */
  async changedFiles(range: RevisionRange, paths?: readonly string[]): Promise<FileChange[]> {
    const to = assertSafeRef(range.to);
    const from = range.from === undefined ? await this.emptyTree() : assertSafeRef(range.from);
    const output = await this.raw(['diff', '--name-status', '-z', '-M', ...SAFE_DIFF_OPTIONS, '--end-of-options', from, to, '--', ...(paths ?? [])]);
    return parseNameStatus(output);
  }

  /** Lines added and removed per path between the two ends of a range (renames by their new path); binary files are absent. */
  async changedLineCounts(range: RevisionRange): Promise<Map<string, { readonly added: number; readonly removed: number }>> {
    const to = assertSafeRef(range.to);
    const from = range.from === undefined ? await this.emptyTree() : assertSafeRef(range.from);
    return parseNumstat(await this.raw(['diff', '--numstat', '-z', '-M', ...SAFE_DIFF_OPTIONS, '--end-of-options', from, to, '--']));
  }

  /** The bytes of a file at a revision, or undefined when it does not exist there. */
  readBlob(ref: string, path: string): Promise<Buffer | undefined> {
    return readBlobAt(this.root, ref, path);
  }

  /**
   * The commits that touched one file, newest first, as hash, author date and
   * author (renames are not followed). The path is literal, never a pattern.
   * Read at HEAD's commit: a file's history there never changes, so the
   * views, the status bar and the pack share one walk of the history (on a
   * long history, seconds of git) until HEAD moves. Empty before the first commit.
   * `headCommit`: HEAD's commit when the caller has read it already (one git call fewer per document).
   */
  async fileHistory(path: string, headCommit?: string): Promise<FileCommit[]> {
    const head = headCommit ?? (await this.headCommit());
    if (head === undefined) return [];
    const literal = `:(literal)${path.replace(/\\/g, '/').replace(/^\/+/, '')}`;
    const key = `${head}\0${literal}`;
    let reading = this.histories.get(key);
    if (reading === undefined) {
      reading = this.readMappedCommits({ to: head }, (c) => ({ hash: c.hash, date: c.date, author: c.authorName }), undefined, [literal]);
      this.histories.set(key, reading);
      reading.catch(() => this.histories.delete(key));
      // The oldest reading goes first: a few hundred documents' histories at most are kept.
      if (this.histories.size > MAX_KEPT_HISTORIES) this.histories.delete(this.histories.keys().next().value as string);
    }
    return [...(await reading)];
  }

  /**
   * Paths that differ from HEAD in the working tree or the index, and
   * untracked files that are not ignored, at most `limit` of each. The index
   * is never refreshed (plumbing only), so no clean filter runs: a file
   * touched but unchanged may be listed as changed.
   */
  async workingTreeChanges(limit = 200): Promise<{ changed: string[]; untracked: string[]; more: boolean }> {
    const [changed, untracked] = await Promise.all([
      // The index against HEAD only: comparing working-tree files would make git hash touched ones
      // through their clean filter, a program the repository's config may name. Record documents
      // are compared byte for byte by the caller instead.
      this.raw(['diff-index', '--cached', '--name-only', '-z', ...SAFE_DIFF_OPTIONS, 'HEAD', '--']),
      this.raw(['ls-files', '--others', '--exclude-standard', '-z', '--']),
    ]);
    const split = (output: string) => output.split('\0').filter((p) => p.length > 0);
    const [a, b] = [split(changed), split(untracked)];
    return { changed: a.slice(0, limit), untracked: b.slice(0, limit), more: a.length > limit || b.length > limit };
  }

  /** Whether the repository is a shallow clone (history is truncated). */
  async isShallow(): Promise<boolean> {
    return (await this.shallowCommits()).size > 0;
  }

  /**
   * Whether a range's history may be incomplete: some commit in it is a
   * shallow boundary, whose parents were not fetched.
   */
  async rangeCrossesShallowBoundary(range: RevisionRange, commits?: readonly GitCommit[]): Promise<boolean> {
    const shallow = await this.shallowCommits();
    if (shallow.size === 0) return false;
    const hashes = commits ? commits.map((c) => c.hash) : (await this.raw(['rev-list', '--end-of-options', rangeArgument(range), '--'])).split('\n');
    return hashes.some((hash) => shallow.has(hash.trim()));
  }

  /** A git config value (for example `user.name`), or undefined. */
  async configValue(key: 'user.name' | 'user.email'): Promise<string | undefined> {
    return (await this.configValues([key])).get(key);
  }

  /**
   * Several config values from one `git config --list` run (see
   * `configReads.ts`); keys that are not set, or are empty, are absent.
   */
  configValues(keys: readonly string[]): Promise<Map<string, string>> {
    return readConfigValues(this.root, keys);
  }

  /** Absolute path of a file inside the git directory (`HEAD`, `packed-refs`, …). */
  async gitPath(name: string): Promise<string> {
    if (name === '.' && this.gitFolder !== undefined) return this.gitFolder;
    const path = (await this.raw(['rev-parse', '--git-path', name])).trim();
    return isAbsolute(path) ? path : join(this.root, path);
  }

  private shallowCommits(): Promise<ReadonlySet<string>> {
    this.shallowSet ??= this.gitPath('shallow').then(readShallowFile, () => new Set<string>());
    return this.shallowSet;
  }

  private async emptyTree(): Promise<string> {
    return (await this.raw(['hash-object', '-t', 'tree', '/dev/null'])).trim();
  }

  private raw(args: string[]): Promise<string> {
    return run(this.root, args);
  }

  /**
   * The URL of a remote as written in the repository config (no `insteadOf`
   * rewriting, no network), or undefined when there is none.
   */
  async remoteUrl(name = 'origin'): Promise<string | undefined> {
    const key = remoteUrlKey(name);
    return key ? (await this.configValues([key])).get(key) : undefined;
  }

  /** The full commit hash a revision names (a tag is peeled to its commit). */
  async resolveCommit(ref: string): Promise<string> {
    let output: string;
    try {
      output = await this.raw(['rev-parse', '--verify', '--end-of-options', `${assertSafeRef(ref)}^{commit}`]);
    } catch (error) {
      // rev-parse --verify says only "Needed a single revision" (classified as bad-ref): name the revision.
      if (error instanceof GitProblem && error.kind === 'bad-ref') throw new GitProblem('bad-ref', `git does not know the revision "${ref.slice(0, 200)}": no branch, tag or commit has that name here.`);
      throw error;
    }
    return output.trim();
  }

  /** The files staged in the index under literal paths, with their blob hashes (see `treeReads.ts`). */
  stagedFiles(paths: readonly string[]): Promise<TreeEntry[]> {
    return stagedFiles(this.root, paths);
  }

  /** A blob's bytes by its hash, as stored; undefined when larger than `maxBytes` (see `treeReads.ts`). */
  readBlobObject(hash: string, maxBytes: number): Promise<Buffer | undefined> {
    return readBlobObject(this.root, hash, maxBytes);
  }

  /** Paths of every file in the tree of a revision (what an archive of it holds). */
  listTreeFiles(ref: string): Promise<string[]> {
    return listTreeFiles(this.root, ref);
  }

  /** Every file of a revision's tree with its mode and blob hash, and the object format (see `treeReads.ts`). */
  listTreeEntries(ref: string): Promise<{ readonly format: 'sha1' | 'sha256'; readonly entries: readonly TreeEntry[] }> {
    return listTreeEntries(this.root, ref);
  }

  /** Writes an uncompressed tar of a revision's tree, never running a filter (see `treeReads.ts`); an aborted `signal` stops it. */
  async archiveTar(ref: string, outputFile: string, prefix?: string, signal?: AbortSignal): Promise<void> {
    const [commit, objects, format] = await Promise.all([this.resolveCommit(ref), this.gitPath('objects'), objectFormat(this.root)]);
    return archiveTreeTar(commit, objects, format, outputFile, prefix, signal);
  }
}

/** Whether git could have given a tag this name: no glob characters, `..`, leading `-`, `@{` or control characters. */
function couldBeTagName(name: string): boolean {
  return name.length > 0 && !/[*?[\\\s~^:]|\.\.|^-|@\{/.test(name) && !/[\0\n\r]/.test(name);
}

/** The commits a shallow clone's `shallow` file names; none when it does not exist. */
function readShallowFile(file: string): Promise<ReadonlySet<string>> {
  return readFile(file, 'utf8').then(
    (text) => new Set(text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0)),
    () => new Set<string>(),
  );
}

function assertFolder(dir: string): void {
  const isFolder = statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
  if (!isFolder) throw new GitProblem('not-a-repository', `${dir} does not exist or is not a folder.`);
}
