import type MarkdownIt from 'markdown-it';
import { PROMPT_MARKER } from '../vocabulary/promptMarker';

type MarkdownEngine = InstanceType<typeof MarkdownIt>;
type StateCore = Parameters<Parameters<MarkdownEngine['core']['ruler']['push']>[1]>[0];
type Token = StateCore['tokens'][number];

// Inside the block quote the `>` is gone: a prompt line starts with the bold label.
const PROMPT_LABEL = PROMPT_MARKER.replace(/^>\s*\*\*/, '').replace(/\*\*$/, '');

/**
 * A markdown-it plugin: consecutive `> **Prompt:**` lines (documents written
 * before templates put a blank line between prompts) are one paragraph to
 * Markdown, so each line break before a prompt becomes a hard break and
 * every prompt reads on its own line. Nothing else changes.
 */
export function promptLinesPlugin(md: MarkdownEngine): MarkdownEngine {
  md.core.ruler.push('change_log_prompt_lines', (state: StateCore) => {
    let quoteDepth = 0;
    for (const token of state.tokens) {
      if (token.type === 'blockquote_open') quoteDepth++;
      else if (token.type === 'blockquote_close') quoteDepth--;
      else if (quoteDepth > 0 && token.type === 'inline' && token.children) breakBeforePrompts(token.children);
    }
    return true;
  });
  return md;
}

function breakBeforePrompts(children: Token[]): void {
  for (let i = 0; i < children.length; i++) {
    if (children[i].type === 'softbreak' && startsPrompt(children, i + 1)) children[i].type = 'hardbreak';
  }
}

function startsPrompt(children: readonly Token[], at: number): boolean {
  // The emphasis parser leaves an empty text token where the `**` delimiter stood.
  while (children[at]?.type === 'text' && children[at].content === '') at++;
  return children[at]?.type === 'strong_open' && children[at + 1]?.type === 'text' && children[at + 1].content === PROMPT_LABEL;
}
