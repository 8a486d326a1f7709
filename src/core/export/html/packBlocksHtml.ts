import { readableDate } from '../../vocabulary/readableDate';
import { escapeHtml, factList } from '../htmlText';
import type { ColumnKind, InlineSpan, PackBlock, PackImage, Tone } from '../model/packModel';
import { isSafeLink } from '../safeMarkdown';

// An anchor is ours (a section id, `reflection-<phase>`, `file-<n>`): only such a name reaches an attribute.
const ANCHOR = /^[a-z][a-z0-9-]{0,63}$/;
// A data URI of the record's images: checked bytes, base64 only.
const IMAGE_URI = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]*={0,2}$/;

const TONE_CLASS: Readonly<Record<Tone, string | undefined>> = { plain: undefined, note: 'remark', warning: 'warning', missing: 'missing' };
const CELL_CLASS: Readonly<Record<ColumnKind, string | undefined>> = { text: undefined, person: undefined, date: 'date', status: 'status', number: 'number', size: 'number', hash: 'hash' };

/**
 * Pack blocks as HTML: the renderer of the format-neutral model that the
 * PDF writer draws too, so a section is decided once. Every text is
 * escaped; attributes carry only our own names, a date's ISO value, a safe
 * (http, https, mailto) link or an anchor inside the pack, and an image's
 * checked data URI.
 */
export function packBlocksHtml(blocks: readonly PackBlock[]): string {
  return blocks.map(blockHtml).join('\n');
}

function blockHtml(block: PackBlock): string {
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, block.level));
      return `<h${level}${idOf(block.anchor)}>${spansHtml(block.text)}</h${level}>`;
    }
    case 'paragraph': {
      const className = TONE_CLASS[block.tone ?? 'plain'];
      return `<p${className ? ` class="${className}"` : ''}>${spansHtml(block.text)}</p>`;
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== undefined && block.start !== 1 ? ` start="${Math.trunc(block.start)}"` : '';
      return `<${tag}${start}>\n${block.items.map((item) => `<li>${itemHtml(item)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'table': {
      const head = block.columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('');
      const rows = block.rows.map((row, r) => {
        const cells = block.columns.map((column, i) => {
          const className = CELL_CLASS[column.kind];
          return `<td${className ? ` class="${className}"` : ''}>${spansHtml(row[i] ?? [], column.kind === 'hash' ? 'hash' : undefined)}</td>`;
        });
        return `<tr${idOf(block.rowAnchors?.[r])}>${cells.join('')}</tr>`;
      });
      return ['<div class="table-scroll">', '<table>', `<thead><tr>${head}</tr></thead>`, '<tbody>', ...rows, '</tbody>', '</table>', '</div>'].join('\n');
    }
    case 'facts':
      return factList(block.rows.map((row) => [row.label, spansHtml(row.value)] as const));
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case 'quote':
      return `<blockquote>\n${packBlocksHtml(block.blocks)}\n</blockquote>`;
    case 'rule':
      return '<hr>';
    case 'image':
      return imageHtml(block);
  }
}

// A list item of one plain paragraph is written tight, as markdown-it writes it.
function itemHtml(item: readonly PackBlock[]): string {
  const [only] = item;
  if (item.length === 1 && only.kind === 'paragraph' && (only.tone ?? 'plain') === 'plain') return spansHtml(only.text);
  return packBlocksHtml(item);
}

function imageHtml(image: PackImage): string {
  if (!IMAGE_URI.test(image.dataUri)) return `<p class="missing">${escapeHtml(`[image: ${image.alt}]`)}</p>`;
  const img = `<img src="${image.dataUri}" alt="${escapeHtml(image.alt)}">`;
  if (image.caption === undefined) return `<p${idOf(image.anchor)}>${img}</p>`;
  return `<figure class="attachment-image"${idOf(image.anchor)}>${img}<figcaption>${escapeHtml(image.caption)}</figcaption></figure>`;
}

function idOf(anchor: string | undefined): string {
  return anchor !== undefined && ANCHOR.test(anchor) ? ` id="${anchor}"` : '';
}

/** Spans as inline HTML: emphasis, code (of `codeClass`, such as `hash` for a checksum), dates as `<time>`, and links that are safe or inside the pack. */
export function spansHtml(spans: readonly InlineSpan[], codeClass?: 'hash'): string {
  return spans.map((span) => spanHtml(span, codeClass)).join('');
}

function spanHtml(span: InlineSpan, codeClass: 'hash' | undefined): string {
  let html = escapeHtml(span.text).replace(/\n/g, '<br>');
  if (span.date !== undefined && readableDate(span.date) !== undefined) {
    // Only an ISO value (digits, `-`, `:`, `.`, `T`, `Z`, `+`, space) reaches the attributes.
    const iso = escapeHtml(span.date.trim());
    html = `<time datetime="${iso}" title="${iso}">${html}</time>`;
  }
  if (span.code) html = codeClass ? `<code class="${codeClass}">${html}</code>` : `<code>${html}</code>`;
  if (span.missing) html = `<span class="missing">${html}</span>`;
  else if (span.italic) html = `<em>${html}</em>`;
  if (span.bold) html = `<strong>${html}</strong>`;
  if (span.href !== undefined && isSafeLink(span.href)) return `<a href="${escapeHtml(span.href)}" rel="noreferrer">${html}</a>`;
  if (span.anchor !== undefined && ANCHOR.test(span.anchor)) return `<a href="#${span.anchor}">${html}</a>`;
  return html;
}
