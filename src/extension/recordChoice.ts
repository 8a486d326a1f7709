import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { GitRepository } from '../core/git/gitRepository';
import { recordFolderName } from '../core/vocabulary/recordLayout';
import { resolveWorkingVersion, versionScopeOf } from '../core/usecases/proposeVersion';
import type { RepositoryRegistry } from './repositoryRegistry';
import { listRecordVersions } from './recordDocuments';
import { CancelledByUser, requireRepository } from './workspaceRepository';

/** A change record a command works on. */
export interface RecordChoice {
  readonly repository: GitRepository;
  readonly version: string;
  /** Absolute path of the record folder (it may not exist yet). */
  readonly folder: string;
}

/**
 * The record to work on: the one given, the one the active editor is in, or
 * the record of the next release (the version Unreleased calls for).
 */
export async function currentRecord(registry: RepositoryRegistry, version?: string): Promise<RecordChoice> {
  const { repository } = await requireRepository(registry.locate);
  const config = await registry.configurationFor(repository.root, { forCommand: true });
  const recordsFolder = config.recordsFolder;
  const folderOf = (v: string) => join(repository.root, recordsFolder, recordFolderName(v));
  if (version) return { repository, version, folder: folderOf(version) };
  const active = vscode.window.activeTextEditor?.document.uri;
  const recordsRoot = join(repository.root, recordsFolder);
  if (active?.scheme === 'file' && active.fsPath.startsWith(`${recordsRoot}/`)) {
    const [name] = active.fsPath.slice(recordsRoot.length + 1).split('/');
    if (name && existsSync(join(recordsRoot, name))) return { repository, version: name, folder: join(recordsRoot, name) };
  }
  const working = await resolveWorkingVersion(repository, config.releaseFilter, versionScopeOf(config));
  return { repository, version: working, folder: folderOf(working) };
}

/** Lets the person pick any existing record, or the next release's. */
export async function pickRecord(registry: RepositoryRegistry, current: RecordChoice, { existingOnly = false } = {}): Promise<RecordChoice> {
  const config = await registry.configurationFor(current.repository.root, { forCommand: true });
  const recordsFolder = config.recordsFolder;
  const versions = await listRecordVersions(current.repository.root, recordsFolder);
  if (existingOnly && versions.length === 0) throw new Error(vscode.l10n.t('There are no change records yet: start one with "Change Log: Start Change Record".'));
  const working = await resolveWorkingVersion(current.repository, config.releaseFilter, versionScopeOf(config));
  const names = existingOnly ? versions : [...new Set([working, ...versions])];
  const picked = await vscode.window.showQuickPick(
    names.map((v) => ({ label: v, description: v === working ? 'next release' : versions.includes(v) ? 'existing record' : '' })),
    { title: vscode.l10n.t('Which change record?') },
  );
  if (!picked) throw new CancelledByUser();
  return { repository: current.repository, version: picked.label, folder: join(current.repository.root, recordsFolder, recordFolderName(picked.label)) };
}
