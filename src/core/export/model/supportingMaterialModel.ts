import { EVIDENCE_FOLDER } from '../../vocabulary/evidenceMaterial';
import { plural } from '../htmlText';
import type { AttachedFile } from '../packAttachments';
import type { PackContext } from '../packContext';
import { missingSpan, paragraph, plain, type PackBlock } from './packModel';

/**
 * The record's supporting material: each file of its evidence folder and
 * each other file its documents link to, with size and SHA-256; then each
 * embedded image, captioned with its path. What was not read says why.
 */
export function supportingMaterialBlocks(context: PackContext): PackBlock[] {
  const attachments = context.input.attachments;
  if (!attachments) return [paragraph('Supporting material was not looked for: the record was exported without its repository.', 'missing')];
  const notes = attachments.notes.map((n) => paragraph(n, 'note'));
  if (attachments.files.length === 0) return [...notes, paragraph(`The record has no ${EVIDENCE_FOLDER}/ folder files and its documents link to no other files.`, 'missing')];
  const images = attachments.files.filter((f) => f.image);
  return [
    paragraph(`${plural(attachments.files.length, 'file')}; ${images.length === 1 ? '1 shown as an image' : `${images.length} shown as images`}.`),
    ...notes,
    {
      kind: 'table',
      columns: [
        { title: 'File', kind: 'text' },
        { title: 'From', kind: 'text' },
        { title: 'Size', kind: 'size' },
        { title: 'SHA-256', kind: 'hash' },
        { title: 'Note', kind: 'text' },
      ],
      rows: attachments.files.map((f) => [[{ text: f.path, code: true }], plain(f.source === 'evidence' ? 'evidence folder' : 'linked from a document'), plain(f.size === undefined ? '—' : sizeText(f.size)), f.sha256 ? [{ text: f.sha256, code: true }] : missingSpan('not hashed'), plain(noteOf(f))]),
      rowAnchors: attachments.files.map((f) => f.id),
    },
    ...images.flatMap((f): PackBlock[] => (f.image ? [{ kind: 'image', type: f.image.type, dataUri: f.image.dataUri, alt: f.path, caption: f.path }] : [])),
  ];
}

function noteOf(file: AttachedFile): string {
  if (file.note) return file.note;
  return file.image ? 'shown below' : '';
}

/** A file size as people read it: "812 bytes", "4.2 KB", "1.3 MB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return plural(bytes, 'byte');
}
