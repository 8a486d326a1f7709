import { EVIDENCE_FOLDER } from '../vocabulary/evidenceMaterial';
import type { AttachedFile } from './packAttachments';
import { escapeHtml, plural } from './htmlText';
import type { PackContext } from './packContext';

/**
 * The record's supporting material: each file of its evidence folder and
 * each other file its documents link to, with size and SHA-256, images
 * shown; then anything not read, and why.
 */
export function renderSupportingMaterial(context: PackContext): string {
  const attachments = context.input.attachments;
  if (!attachments) return '<p class="missing">Supporting material was not looked for: the record was exported without its repository.</p>';
  const notes = attachments.notes.map((n) => `<p class="remark">${escapeHtml(n)}</p>`).join('\n');
  if (attachments.files.length === 0) return `${notes}<p class="missing">${escapeHtml(`The record has no ${EVIDENCE_FOLDER}/ folder files and its documents link to no other files.`)}</p>`;
  const rows = attachments.files.map(
    (f) => `<tr id="${f.id}"><td><span class="file-name">${escapeHtml(f.path)}</span></td><td>${escapeHtml(f.source === 'evidence' ? 'evidence folder' : 'linked from a document')}</td><td class="number">${f.size === undefined ? '—' : escapeHtml(sizeText(f.size))}</td><td>${f.sha256 ? `<code class="sha256">${f.sha256}</code>` : '<span class="missing">not hashed</span>'}</td><td>${escapeHtml(noteOf(f))}</td></tr>`,
  );
  const images = attachments.files.filter((f) => f.image).map((f) => `<figure class="attachment-image"><img src="${f.image?.dataUri ?? ''}" alt="${escapeHtml(f.path)}"><figcaption>${escapeHtml(f.path)}</figcaption></figure>`);
  const summary = `<p>${escapeHtml(`${plural(attachments.files.length, 'file')}; ${attachments.files.filter((f) => f.image).length} shown as images.`)}</p>`;
  return [
    summary,
    notes,
    '<div class="table-scroll">',
    '<table class="attachments">',
    '<thead><tr><th>File</th><th>From</th><th>Size</th><th>SHA-256</th><th>Note</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
    '</div>',
    ...images,
  ]
    .filter((part) => part.length > 0)
    .join('\n');
}

function noteOf(file: AttachedFile): string {
  if (file.note) return file.note;
  return file.image ? 'shown below' : '';
}

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return plural(bytes, 'byte');
}
