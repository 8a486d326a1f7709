import { basename } from 'node:path';
import { DocumentDiagnosticReportKind, type Connection, type DocumentDiagnosticReport, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../core/validate/analysisCache';
import { validateDocumentWithFixes, validateRecordWithFixes } from '../../core/validate/fixedProblems';
import { todayOn } from '../../core/vocabulary/clock';
import { assertCurrent, settle, toDiagnostics } from '../diagnosticsPipeline';
import { isChangeRecordDocument } from '../../shared/documentSelection';
import type { RecordHistory } from '../recordHistory';
import { filePathOf, recordFolderOf, recordSiblingFiles, type OpenRecordFolders } from '../recordSiblings';
import type { ServerRuntime } from '../serverRuntime';
import { validationOptionsOf, type SettingsSource } from '../serverSettings';

const EMPTY: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

/**
 * Answers `textDocument/diagnostic`: waits out the debounce, validates the
 * document with the person's settings and, inside a record folder, together
 * with its siblings (open ones as edited, others from disk), and drops the
 * result when the document moved on meanwhile. Each fixable diagnostic
 * carries its fix in `data` (see handlers/codeActions).
 */
export function registerDiagnostics(connection: Connection, documents: TextDocuments<TextDocument>, settings: SettingsSource, folders: OpenRecordFolders, runtime: ServerRuntime, history?: RecordHistory): void {
  // Siblings are read from disk on each pull; their analyses are remembered while their text is unchanged.
  const analyses = new AnalysisCache();
  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    const document = documents.get(uri);
    if (!document) return EMPTY;
    const version = document.version;
    await settle(() => documents.get(uri), version, token);
    const documentSettings = await settings.forDocument(uri);
    assertCurrent(documents.get(uri), version, token);
    const text = documents.get(uri)?.getText() ?? '';
    if (!isChangeRecordDocument(uri, text, documentSettings.recordsFolder)) return EMPTY;
    const today = todayOn(runtime.clock);
    const options = validationOptionsOf(documentSettings, today);
    const folder = recordFolderOf(uri, documentSettings.recordsFolder);
    folders.track(uri, folder);
    let problems;
    if (folder === undefined) {
      problems = validateDocumentWithFixes(text, options);
    } else {
      const files = await recordSiblingFiles(folder, documents.all(), runtime.files);
      // Reading the siblings took a while: the document may have moved on.
      assertCurrent(documents.get(uri), version, token);
      const name = basename(filePathOf(uri) ?? '');
      const validated = validateRecordWithFixes(files, options, { cache: analyses, folder }).find((file) => file.name === name)?.problems ?? validateDocumentWithFixes(text, options);
      const fromHistory = history ? await history.findings(folder, name, text, documentSettings, today) : [];
      problems = fromHistory.length === 0 ? validated : [...validated, ...fromHistory].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }
    assertCurrent(documents.get(uri), version, token);
    return { kind: DocumentDiagnosticReportKind.Full, items: toDiagnostics(problems, documentSettings.validation.maxProblems, version) };
  });
}
