import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hazardLogPathOf } from '../core/records/hazardLogFile';
import { hazardLogIndexOf, type HazardLogIndex } from '../core/validate/hazardLog';
import type { RecordFile } from '../core/validate/validateRecord';
import { HAZARD_LOG_FILE } from '../core/vocabulary/documentKinds';
import type { ServerFiles } from './serverRuntime';

/** The file-system path of a `file:` URI, or undefined for any other URI. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The folder directly holding a file, as a path, or undefined for a non-file URI. */
export function folderOf(uri: string): string | undefined {
  const path = filePathOf(uri);
  return path === undefined ? undefined : dirname(path);
}

/**
 * The record folder a document sits directly in (`<recordsFolder>/<version>/<file>.md`),
 * as a path, or undefined. The records folder is relative to an unknown
 * workspace root, so it is matched as the end of the path, as the client does.
 */
export function recordFolderOf(uri: string, recordsFolder: string): string | undefined {
  const path = filePathOf(uri);
  if (path === undefined || !path.toLowerCase().endsWith('.md')) return undefined;
  const folder = dirname(path);
  const want = recordsFolder.split('/').filter((p) => p.length > 0);
  const have = dirname(folder).split(/[\\/]+/).filter((p) => p.length > 0);
  if (want.length === 0 || have.length < want.length) return undefined;
  const tail = have.slice(have.length - want.length);
  return tail.every((part, i) => part === want[i]) ? folder : undefined;
}

/**
 * The Markdown files of a record folder as the editor sees them: open
 * documents with their current text (saved or not), the others as on disk
 * (none from a folder that leads out of its repository).
 */
export async function recordSiblingFiles(folder: string, openDocuments: readonly TextDocument[], disk: ServerFiles): Promise<RecordFile[]> {
  const files = new Map<string, string>();
  for (const file of (await disk.readRecordFolder(folder)) ?? []) files.set(file.name, file.text);
  for (const document of openDocuments) {
    const path = filePathOf(document.uri);
    if (path === undefined || dirname(path) !== folder) continue;
    const name = basename(path);
    if (name.toLowerCase().endsWith('.md') && !name.startsWith('.')) files.set(name, document.getText());
  }
  return [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, text]) => ({ name, text }));
}

/** Which record folder each open document was last validated in, to know whose diagnostics a file change affects. */
export class OpenRecordFolders {
  private readonly folders = new Map<string, string>();

  /** Notes the record folder of an open document, or that it has none. */
  track(uri: string, folder: string | undefined): void {
    if (folder === undefined) this.folders.delete(uri);
    else this.folders.set(uri, folder);
  }

  forget(uri: string): void {
    this.folders.delete(uri);
  }

  /**
   * Whether a document is open in a record folder that is checked against
   * this file as its hazard log (`hazard-log.md` at the records root): those
   * documents' findings change when the log does.
   */
  dependsOnHazardLog(uri: string): boolean {
    const path = filePathOf(uri);
    if (path === undefined || basename(path) !== HAZARD_LOG_FILE) return false;
    for (const folder of this.folders.values()) if (hazardLogPathOf(folder) === path) return true;
    return false;
  }

  /** Whether a document other than `except` is open in a record folder. */
  hasOpenDocumentIn(folder: string | undefined, except?: string): boolean {
    if (folder === undefined) return false;
    for (const [uri, tracked] of this.folders) if (tracked === folder && uri !== except) return true;
    return false;
  }
}

/**
 * The hazard log beside a record folder as the editor sees it: the open
 * document's text when it is open (saved or not), else as on disk.
 */
export async function recordHazardLog(folder: string, openDocuments: readonly TextDocument[], disk: ServerFiles, shownAs: string): Promise<HazardLogIndex> {
  const path = hazardLogPathOf(folder);
  const open = openDocuments.find((document) => filePathOf(document.uri) === path);
  return hazardLogIndexOf(open ? open.getText() : await disk.readHazardLog(folder), shownAs);
}
