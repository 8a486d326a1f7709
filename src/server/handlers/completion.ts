import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PHASE_IDS, type PhaseId } from '../../core/vocabulary/phaseIds';
import type { DocumentKind } from '../../core/vocabulary/documentKinds';
import { frontMatterCursorAt, type FrontMatterCursor } from '../../core/validate/frontMatterCursor';
import { describeField, fieldsOf, type FieldValue } from '../../core/validate/schemaFields';
import { MAX_VALIDATED_LENGTH } from '../../core/validate/validateDocument';
import { describingType, documentTypeOf, type DocumentType } from './documentType';
import { fieldMarkdown } from './fieldMarkdown';
import { fieldValueSnippet, isDate, type Now } from './fieldSnippets';

/**
 * Completion inside the front matter only: the keys a mapping still misses
 * (required first) with values shaped like the schema's, or the allowed
 * values of the field being typed, or today's date for a date field.
 */
export function completionsAt(document: TextDocument, position: Position, now: Now): CompletionItem[] {
  const text = document.getText();
  if (text.length > MAX_VALIDATED_LENGTH) return [];
  const cursor = frontMatterCursorAt(text, position.line, position.character);
  if (!cursor) return [];
  const { kind, phase } = documentTypeOf(cursor.declaredKind, cursor.declaredPhase);
  return cursor.part === 'key' ? keyCompletions(cursor, position.line, kind, phase, now) : valueCompletions(cursor, position.line, kind, phase, now, text);
}

function keyCompletions(cursor: FrontMatterCursor, line: number, kind: DocumentKind | undefined, phase: PhaseId | undefined, now: Now): CompletionItem[] {
  const range: Range = { start: { line, character: cursor.keyColumn }, end: { line, character: cursor.keyEnd } };
  const taken = new Set(cursor.siblingKeys);
  return fieldsOf(kind, cursor.parentPath, phase)
    .filter((field) => !taken.has(field.name))
    .map((field, index) => {
      const rank = field.required ? 0 : field.requiredWhen ? 1 : 2;
      const snippet = !cursor.colonAfter;
      return {
        label: field.name,
        kind: CompletionItemKind.Property,
        detail: rank === 0 ? 'required' : rank === 1 ? `required when ${field.requiredWhen}` : 'optional',
        documentation: { kind: MarkupKind.Markdown, value: fieldMarkdown(field) },
        // Required keys first, then those required in some states, each group in schema order.
        sortText: `${rank}-${String(index).padStart(4, '0')}`,
        filterText: field.name,
        insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        // The snippet carries its own indentation; the editor must not add the line's again.
        insertTextMode: InsertTextMode.asIs,
        textEdit: { range, newText: snippet ? `${field.name}:${snippetFor([...cursor.parentPath, field.name], { kind, phase }, cursor.keyColumn, now)}` : field.name },
      };
    });
}

function snippetFor(path: readonly (string | number)[], type: DocumentType, column: number, now: Now): string {
  const schema = describingType(path, type);
  return fieldValueSnippet(schema.kind, path, schema.phase, column, now);
}

function valueCompletions(cursor: FrontMatterCursor, line: number, kind: DocumentKind | undefined, phase: PhaseId | undefined, now: Now, text: string): CompletionItem[] {
  if (cursor.key === undefined || cursor.valueStart === undefined || cursor.valueEnd === undefined) return [];
  const range: Range = { start: { line, character: cursor.valueStart }, end: { line, character: cursor.valueEnd } };
  // Right after the colon (the `:` trigger), a value needs its separating space.
  const lineText = text.split('\n', line + 1)[line] ?? '';
  const lead = lineText[cursor.valueStart - 1] === ':' ? ' ' : '';
  const path = [...cursor.parentPath, cursor.key];
  const schema = describingType(path, { kind, phase });
  const info = describeField(schema.kind, path, schema.phase);
  let values: readonly FieldValue[] = info?.values ?? [];
  if (values.length === 0 && cursor.parentPath.length === 0 && cursor.key === 'phase' && (kind === undefined || kind === 'reflection')) values = PHASE_IDS.map((id) => ({ value: id }));
  const items: CompletionItem[] = values.map((value, index) => ({
    label: String(value.value),
    kind: CompletionItemKind.EnumMember,
    detail: info ? info.path.join('.') : cursor.key,
    documentation: value.description ? { kind: MarkupKind.Markdown, value: value.description } : undefined,
    sortText: String(index).padStart(4, '0'),
    textEdit: { range, newText: `${lead}${String(value.value)}` },
  }));
  if (info && isDate(info)) {
    const dateTime = info.format === 'iso-date-time';
    const value = dateTime ? now.dateTime : now.date;
    items.push({
      label: value,
      kind: CompletionItemKind.Value,
      detail: dateTime ? 'now (local time)' : 'today',
      documentation: { kind: MarkupKind.Markdown, value: fieldMarkdown(info) },
      sortText: '0000',
      textEdit: { range, newText: `${lead}${value}` },
    });
  }
  return items;
}
