import * as vscode from 'vscode';
import { isChangeRecordDocument as isRecordText } from '../shared/documentSelection';
import { readRecordsFolder } from './configuration';

/** Whether a document is a change-record document: Markdown in the records folder, or with our `kind`. */
export function isChangeRecordDocument(document: vscode.TextDocument): boolean {
  if (document.uri.scheme !== 'file' || document.languageId !== 'markdown') return false;
  // The same predicate as the server's, on the first 200 lines.
  return isRecordText(document.uri.toString(), document.getText(new vscode.Range(0, 0, 200, 0)), readRecordsFolder(document.uri));
}
