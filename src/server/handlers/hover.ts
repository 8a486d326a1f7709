import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFrontMatter } from '../../core/validate/frontMatterParser';
import { frontMatterTargetAt } from '../../core/validate/frontMatterPosition';
import { LineIndex } from '../../core/validate/problem';
import { describeField } from '../../core/validate/schemaFields';
import { MAX_VALIDATED_LENGTH } from '../../core/validate/validateDocument';
import { describingType, documentTypeOf } from './documentType';
import { fieldMarkdown } from './fieldMarkdown';

/** Hover on a front matter key or value: the schema's description of the field and its allowed values. */
export function hoverAt(document: TextDocument, position: Position): Hover | null {
  const text = document.getText();
  if (text.length > MAX_VALIDATED_LENGTH) return null;
  const lines = new LineIndex(text);
  const { frontMatter } = parseFrontMatter(text, lines);
  if (!frontMatter) return null;
  const offset = document.offsetAt(position);
  if (offset < frontMatter.sourceOffset || offset >= frontMatter.bodyOffset) return null;
  const target = frontMatterTargetAt(frontMatter, offset);
  if (!target) return null;
  // Read from the tree, not the data: while a field is half typed the YAML may not convert, but its tree does.
  const { kind, phase } = describingType(target.path, documentTypeOf(frontMatter.document.get('kind'), frontMatter.document.get('phase')));
  const info = describeField(kind, target.path, phase);
  if (!info) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: fieldMarkdown(info, target.part === 'value' ? target.value : undefined) },
    range: lines.rangeOf(target.start, target.end),
  };
}
