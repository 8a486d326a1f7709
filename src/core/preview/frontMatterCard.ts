import type MarkdownIt from 'markdown-it';
import { isDocumentKind } from '../vocabulary/documentKinds';
import { parseFrontMatter } from '../validate/frontMatterParser';
import { LineIndex } from '../validate/problem';

type MarkdownItInstance = InstanceType<typeof MarkdownIt>;
type StateCore = Parameters<Parameters<MarkdownItInstance['core']['ruler']['push']>[1]>[0];
type StateBlock = Parameters<Parameters<MarkdownItInstance['block']['ruler']['before']>[2]>[0];

const FENCE = '---';
/** The fields the card shows, in order, with their labels. */
const CARD_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['phase', 'Phase'],
  ['change', 'Change'],
  ['date', 'Date'],
  ['status', 'Status'],
  ['change_type', 'Change type'],
  ['author', 'Author'],
];

/**
 * A markdown-it plugin: the front matter of a change-record document (one
 * with our `kind`) is shown as a tidy header card; other Markdown is left to
 * whatever renders front matter already. It reads the `front_matter` token
 * VS Code's Markdown engine produces (and produces the same token itself when
 * no other plugin does), so the order plugins are applied in does not matter.
 */
export function frontMatterCardPlugin(md: MarkdownItInstance): MarkdownItInstance {
  // `enable` with ignoreInvalid returns the rules it found: a cheap public "is it there".
  if (md.block.ruler.enable(['front_matter'], true).length === 0) {
    md.block.ruler.before('fence', 'front_matter', frontMatterBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
    md.renderer.rules.front_matter ??= () => '';
  }
  md.core.ruler.push('change_log_front_matter_card', (state: StateCore) => {
    const token = state.tokens[0];
    const content = token?.type === 'front_matter' ? (token.meta as { content?: unknown } | undefined)?.content : undefined;
    if (typeof content !== 'string') return false;
    const card = renderCard(content, md.utils.escapeHtml);
    if (!card) return false;
    // The card replaces the raw front matter for our documents only.
    token.meta = null;
    const html = new state.Token('html_block', '', 0);
    html.content = card;
    html.block = true;
    html.map = token.map;
    state.tokens.splice(1, 0, html);
    return true;
  });
  return md;
}

/** The card's HTML for a front matter source, or undefined when it is not one of our documents. */
export function renderCard(yamlSource: string, escapeHtml: (text: string) => string): string | undefined {
  const text = `${FENCE}\n${yamlSource}\n${FENCE}\n`;
  const { frontMatter } = parseFrontMatter(text, new LineIndex(text));
  const data = frontMatter?.data;
  if (!data || !isDocumentKind(data.kind)) return undefined;
  const rows = CARD_FIELDS.filter(([key]) => isShown(data[key])).map(
    ([key, label]) => `<div class="change-log-card-field"><span class="change-log-card-label">${label}</span> <span class="change-log-card-value">${escapeHtml(String(data[key]))}</span></div>`,
  );
  return `<div class="change-log-card" data-kind="${escapeHtml(String(data.kind))}"><div class="change-log-card-kind">${escapeHtml(kindTitle(String(data.kind)))}</div>${rows.join('')}</div>\n`;
}

function isShown(value: unknown): boolean {
  return (typeof value === 'string' && value.length > 0) || typeof value === 'number';
}

function kindTitle(kind: string): string {
  return ({ change: 'Change record', reflection: 'Reflection', 'action-plan': 'Action plan', 'release-notes': 'Release notes', rollback: 'Rollback checklist' } as Record<string, string>)[kind] ?? kind;
}

/** Recognises `---` … `---` at the very start of a document, as VS Code's engine does. */
function frontMatterBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || state.tShift[startLine] !== 0) return false;
  if (state.src.slice(state.bMarks[startLine], state.eMarks[startLine]).trimEnd() !== FENCE) return false;
  let line = startLine + 1;
  for (; line < endLine; line++) {
    if (state.tShift[line] === 0 && state.src.slice(state.bMarks[line], state.eMarks[line]).trimEnd() === FENCE) break;
  }
  if (line >= endLine) return false;
  if (silent) return true;
  const token = state.push('front_matter', '', 0);
  token.block = true;
  token.markup = FENCE;
  token.map = [startLine, line + 1];
  token.meta = { content: state.src.slice(state.bMarks[startLine + 1], state.bMarks[line]).replace(/\n$/, '') };
  state.line = line + 1;
  return true;
}
