import * as vscode from 'vscode';
import { DEFAULT_RECORDS_FOLDER, normaliseRecordsFolder } from '../core/records/recordLayout';

/** Typed access to the `changeLog.*` settings; the one place that reads them. */
export interface ChangeLogSettings {
  /** Folder, relative to the workspace folder, that holds change records. */
  readonly recordsFolder: string;
}

export function readSettings(scope?: vscode.ConfigurationScope): ChangeLogSettings {
  const config = vscode.workspace.getConfiguration('changeLog', scope);
  return { recordsFolder: normaliseRecordsFolder(config.get<string>('recordsFolder', DEFAULT_RECORDS_FOLDER)) };
}
