import * as vscode from 'vscode';
import type { ClassificationRule } from '../core/rollback/fileClassification';
import type { LinkProvider, ReleaseNotesOptions } from '../core/config/reflectConfig';
import type { RollbackOptions } from '../core/rollback/fileClassification';
import { DEFAULT_PACKAGE_FOLDER } from '../core/rollback/rollbackPackage';
import type { SectionTitle } from '../core/commits/groupCommits';

/**
 * A setting's value only when the person set it (user, workspace or folder),
 * so the repository's reflect.config.json is not overridden by defaults.
 */
function explicit<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const inspected = config.inspect<T>(key);
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}

/** Release-notes options from `changeLog.releaseNotes.*`, `changeLog.hazardCheck.*` and `changeLog.tagPattern`. */
export function readReleaseNotesSettings(scope?: vscode.ConfigurationScope): ReleaseNotesOptions {
  const config = vscode.workspace.getConfiguration('changeLog', scope);
  const severity = explicit<'warning' | 'info' | 'off'>(config, 'hazardCheck.severity');
  const types = explicit<string[]>(config, 'hazardCheck.types');
  const paths = explicit<string[]>(config, 'releaseNotes.paths');
  const template = explicit<string>(config, 'releaseNotes.template');
  const issueUrl = explicit<string>(config, 'releaseNotes.issueUrl');
  return {
    sections: explicit<SectionTitle[]>(config, 'releaseNotes.sections'),
    hiddenTypes: explicit<string[]>(config, 'releaseNotes.hiddenTypes'),
    includeMerges: explicit<boolean>(config, 'releaseNotes.includeMerges'),
    paths: paths && paths.length > 0 ? paths : undefined,
    template: template ? template : undefined,
    links: explicit<LinkProvider>(config, 'releaseNotes.links'),
    issueUrl: issueUrl ? issueUrl : undefined,
    tagPattern: explicit<string>(config, 'tagPattern'),
    hazardCheck: severity !== undefined || types !== undefined ? { severity, types } : undefined,
  };
}

/** Rollback options from `changeLog.rollback.*`. */
export function readRollbackSettings(scope?: vscode.ConfigurationScope): RollbackOptions {
  const config = vscode.workspace.getConfiguration('changeLog', scope);
  return { rules: explicit<ClassificationRule[]>(config, 'rollback.rules'), replaceDefaultRules: explicit<boolean>(config, 'rollback.replaceDefaultRules') };
}

/** Where rollback packages go, relative to the repository root (never `..`). */
export function readPackageFolder(scope?: vscode.ConfigurationScope): string {
  const value = vscode.workspace.getConfiguration('changeLog', scope).get<string>('rollback.packageFolder', DEFAULT_PACKAGE_FOLDER);
  const parts = value.split(/[\\/]+/).filter((p) => p.length > 0 && p !== '.');
  return parts.length === 0 || parts.includes('..') ? DEFAULT_PACKAGE_FOLDER : parts.join('/');
}
