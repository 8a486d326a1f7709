import * as vscode from 'vscode';
import { TagPattern } from '../core/git/tagPattern';
import type { ReleaseFilter } from '../core/git/releases';
import { DEFAULT_RECORDS_FOLDER, normaliseRecordsFolder } from '../core/vocabulary/recordLayout';

/** Typed access to the `changeLog.*` settings; the one place that reads them. */
export interface ChangeLogSettings {
  /** Folder, relative to the repository root, that holds change records. */
  readonly recordsFolder: string;
  /** Which tags are releases. */
  readonly releaseFilter: ReleaseFilter;
  /** How many releases or commits a list shows before "Load more…". */
  readonly pageSize: number;
}

export function readSettings(scope?: vscode.ConfigurationScope): ChangeLogSettings {
  const config = vscode.workspace.getConfiguration('changeLog', scope);
  const pageSize = config.get<number>('pageSize', 100);
  return {
    recordsFolder: normaliseRecordsFolder(config.get<string>('recordsFolder', DEFAULT_RECORDS_FOLDER)),
    releaseFilter: { pattern: new TagPattern(config.get<string>('tagPattern', TagPattern.DEFAULT)), hidePrereleases: config.get<boolean>('hidePrereleases', false) },
    pageSize: Number.isFinite(pageSize) ? Math.min(Math.max(Math.floor(pageSize), 10), 5000) : 100,
  };
}

/** Whether a configuration change touches settings the views depend on. */
export function affectsViews(event: vscode.ConfigurationChangeEvent): boolean {
  return ['recordsFolder', 'tagPattern', 'hidePrereleases', 'pageSize'].some((key) => event.affectsConfiguration(`changeLog.${key}`));
}
