import { sha256Of, type DocumentProvenance, type PackProvenance } from './packProvenance';
import { escapeHtml, factList, plural } from './htmlText';
import { dateHtml } from './readableDates';
import type { PackContext } from './packContext';

/** The most other changed paths listed; the rest are counted. */
const MAX_LISTED_CHANGES = 50;

/**
 * Where the pack came from: the repository, HEAD, whether the working tree
 * was clean (uncommitted record documents named first, in a warning), and
 * per document its checksum and first and last commit.
 */
export function renderProvenance(context: PackContext): string {
  const provenance = context.input.provenance;
  if (!provenance) return `<p class="missing">${escapeHtml('No git repository was read, so the documents’ history is not shown. Their checksums:')}</p>\n${checksumTable(context)}`;
  const rows: Array<readonly [string, string]> = [
    ['Repository', escapeHtml(provenance.repository)],
    ['HEAD', provenance.head ? `<code class="hash">${escapeHtml(provenance.head)}</code>${provenance.branch ? ` on ${escapeHtml(provenance.branch)}` : ''}` : '<span class="missing">no commits yet</span>'],
    ['Working tree at export', provenance.clean ? 'clean: every record document is as committed (compared byte for byte), nothing staged and nothing untracked; unstaged edits to files outside the record are not checked, since that would let git run a filter program the repository names' : '<strong>not clean</strong>'],
  ];
  return [factList(rows), uncommittedHtml(provenance), documentTable(provenance.documents)].filter((p) => p.length > 0).join('\n');
}

/** The warning on the cover when the record was exported with uncommitted edits; empty otherwise. */
export function uncommittedBanner(provenance: PackProvenance | undefined): string {
  const edited = provenance?.documents.filter((d) => d.uncommitted) ?? [];
  if (edited.length === 0) return '';
  return `<p class="uncommitted-banner" role="note"><strong>Exported with uncommitted changes</strong> to ${escapeHtml(edited.map((d) => d.name).join(', '))}: what this pack shows is not yet in the repository’s history (see Provenance).</p>`;
}

function uncommittedHtml(provenance: PackProvenance): string {
  const edited = provenance.documents.filter((d) => d.uncommitted);
  const parts: string[] = [];
  if (edited.length > 0) {
    const items = edited.map((d) => `<li><span class="file-name">${escapeHtml(d.name)}</span>: ${d.commits === 0 ? 'never committed' : 'changed since its last commit'}</li>`);
    parts.push(`<div class="uncommitted" role="note">\n<p><strong>${escapeHtml(`${plural(edited.length, 'record document')} differed from the repository at export:`)}</strong></p>\n<ul>\n${items.join('\n')}\n</ul>\n</div>`);
  }
  if (provenance.otherChanges.length > 0) {
    const listed = provenance.otherChanges.slice(0, MAX_LISTED_CHANGES).map((p) => `<li><code>${escapeHtml(p)}</code></li>`);
    const more = provenance.otherChanges.length > MAX_LISTED_CHANGES || provenance.moreChanges ? `<p>${escapeHtml('More paths changed than are listed.')}</p>` : '';
    parts.push(`<p>${escapeHtml(`Other uncommitted or untracked paths in the working tree (${provenance.otherChanges.length}${provenance.moreChanges ? '+' : ''}):`)}</p>\n<ul class="changed-paths">\n${listed.join('\n')}\n</ul>${more}`);
  }
  return parts.join('\n');
}

function documentTable(documents: readonly DocumentProvenance[]): string {
  const rows = documents.map((d) => {
    const commit = (c: DocumentProvenance['first']) => (c ? `<code class="hash">${escapeHtml(c.hash.slice(0, 12))}</code><br><span class="date">${dateHtml(c.date)}</span><br>${escapeHtml(c.author)}` : '<span class="missing">not committed</span>');
    return `<tr><td class="file-name">${escapeHtml(d.name)}${d.uncommitted ? ' <strong>(uncommitted changes)</strong>' : ''}</td><td>${commit(d.first)}</td><td>${commit(d.last)}</td><td class="number">${d.commits}</td><td><code class="sha256">${escapeHtml(d.sha256)}</code></td></tr>`;
  });
  return ['<div class="table-scroll">', '<table class="provenance">', '<thead><tr><th>Document</th><th>First commit</th><th>Last commit</th><th>Commits</th><th>SHA-256 (as exported)</th></tr></thead>', '<tbody>', ...rows, '</tbody>', '</table>', '</div>'].join('\n');
}

function checksumTable(context: PackContext): string {
  const rows = context.input.files.map((f) => `<tr><td class="file-name">${escapeHtml(f.name)}</td><td><code class="sha256">${escapeHtml(sha256Of(f.text))}</code></td></tr>`);
  return ['<div class="table-scroll">', '<table class="provenance">', '<thead><tr><th>Document</th><th>SHA-256</th></tr></thead>', '<tbody>', ...rows, '</tbody>', '</table>', '</div>'].join('\n');
}
