import MarkdownIt from 'markdown-it';
import { readFences } from '../markdown/generatedFences';
import { isLocalPath } from '../validate/localLinks';
import { promptLinesPlugin } from '../markdown/promptLines';
import { escapeHtml } from './htmlText';
import type { AttachedFile, PackLink } from './packAttachments';

type MarkdownEngine = InstanceType<typeof MarkdownIt>;
/** A markdown-it token, as `parseMarkdownBody` gives them. */
export type Token = ReturnType<MarkdownEngine['parse']>[number];
type StateCore = Parameters<Parameters<MarkdownEngine['core']['ruler']['push']>[1]>[0];

// The only link schemes the pack makes clickable: anything else (javascript:, data:, file:, relative paths) stays plain text.
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

/** Whether a (normalised) link destination is one the pack may turn into a link. */
export function isSafeLink(url: string): boolean {
  return SAFE_LINK.test(url.trim());
}

// markdown-it hands `env` to every rule: it carries the heading offset in and the checklist counts out.
type RenderEnv = Record<string, unknown> & { headingOffset?: number; tasks?: TaskCounts; links?: ReadonlyMap<string, PackLink>; forModel?: boolean };

/** The token a renderer other than HTML finds where an image of the record is embedded; its `meta` is a `ModelImageMeta`. */
export const MODEL_IMAGE_TOKEN = 'pack_image';
/** The token holding the note after a broken link's text (its `content`), for a renderer other than HTML. */
export const MODEL_BROKEN_LINK_TOKEN = 'pack_broken_link';

/** What an embedded image token carries. */
export interface ModelImageMeta {
  readonly file: AttachedFile;
  readonly alt: string;
}

const modelImages = new WeakMap<Token, ModelImageMeta>();

/** The embedded image a `MODEL_IMAGE_TOKEN` stands for; undefined for any other token. */
export function modelImageOf(token: Token): ModelImageMeta | undefined {
  return modelImages.get(token);
}

/** How many checklist items (`- [ ]`, `- [x]`) a body holds, and how many are ticked. */
export interface TaskCounts {
  done: number;
  open: number;
}

/** A rendered body and the checklist items found in it. */
export interface RenderedBody {
  readonly html: string;
  readonly tasks: Readonly<TaskCounts>;
}

const engines = new Map<boolean, MarkdownEngine>();

// No raw HTML (it shows as text), no linkify, and links only to http, https
// and mailto: markdown-it leaves a link whose destination fails
// `validateLink` as the literal text it was written as. When the record's
// local links have been looked up (`links`), a relative path is parsed as a
// link too, and becomes a link inside the pack or a marked broken link.
function markdown(localLinks: boolean): MarkdownEngine {
  const known = engines.get(localLinks);
  if (known) return known;
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
  md.validateLink = localLinks ? (url) => isSafeLink(url) || isLocalPath(url) : isSafeLink;
  md.use(promptLinesPlugin);
  md.core.ruler.push('evidence_pack_safety', (state: StateCore) => {
    const env = state.env as RenderEnv;
    adjustBlocks(state, typeof env.headingOffset === 'number' ? env.headingOffset : 0, env.tasks ?? { done: 0, open: 0 }, env.links, env.forModel === true);
    return true;
  });
  engines.set(localLinks, md);
  return md;
}

/**
 * Renders a document body (front matter already removed) to HTML. Generated
 * fence markers are dropped first: with HTML off they would show as text.
 * Headings move down `headingOffset` levels so they sit under the pack's own.
 */
export function renderMarkdownBody(body: string, headingOffset = 2, links?: ReadonlyMap<string, PackLink>): RenderedBody {
  const tasks: TaskCounts = { done: 0, open: 0 };
  const env: RenderEnv = { headingOffset, tasks, ...(links ? { links } : {}) };
  const html = markdown(links !== undefined).render(withoutFenceMarkers(body), env);
  return { html, tasks };
}

/**
 * The same body as markdown-it tokens, after the same safety pass as
 * `renderMarkdownBody` (unsafe links dropped, checklist items as ☐ / ☑,
 * local links as `#anchor` links inside the pack): what a renderer other
 * than HTML draws from. Where the HTML has markup of its own, the tokens
 * say it instead: an embedded image is a `MODEL_IMAGE_TOKEN`, a broken
 * link's note a `MODEL_BROKEN_LINK_TOKEN`.
 */
export function parseMarkdownBody(body: string, headingOffset = 2, links?: ReadonlyMap<string, PackLink>): { readonly tokens: Token[]; readonly tasks: Readonly<TaskCounts> } {
  const tasks: TaskCounts = { done: 0, open: 0 };
  const env: RenderEnv = { headingOffset, tasks, forModel: true, ...(links ? { links } : {}) };
  return { tokens: markdown(links !== undefined).parse(withoutFenceMarkers(body), env), tasks };
}

/** The text with every generated-fence marker line removed and the generated content kept. */
export function withoutFenceMarkers(text: string): string {
  let out = '';
  let last = 0;
  // Shown, not rewritten: well-formed blocks lose their markers even when others are broken.
  for (const fence of readFences(text).fences) {
    out += text.slice(last, fence.start) + fence.content;
    last = fence.end;
  }
  out += text.slice(last);
  // A marker whose partner was deleted by hand is not a fence, but is still ours and still noise.
  return out.replace(/^<!-- reflect:(?:begin|end) [a-z][a-z0-9-]{0,63}(?: sha256=[0-9a-f]{16,64})? -->[ \t]*\r?$\n?/gm, '');
}

function adjustBlocks(state: StateCore, headingOffset: number, tasks: TaskCounts, links: ReadonlyMap<string, PackLink> | undefined, forModel: boolean): void {
  const tokens = state.tokens;
  const textToken = (content: string): Token => {
    const text = new state.Token('text', '', 0);
    text.content = content;
    return text;
  };
  // Markup the pack writes itself, every value in it escaped here.
  const htmlToken = (content: string): Token => {
    const html = new state.Token('html_inline', '', 0);
    html.content = content;
    return html;
  };
  // The same decisions as tokens a renderer other than HTML reads.
  const markup: InlineMarkup = forModel
    ? {
        image: (file, alt) => {
          const image = new state.Token(MODEL_IMAGE_TOKEN, '', 0);
          modelImages.set(image, { file, alt });
          return [image];
        },
        brokenOpen: () => [],
        brokenClose: (note) => {
          const token = new state.Token(MODEL_BROKEN_LINK_TOKEN, '', 0);
          token.content = ` [broken link — ${note}]`;
          return [token];
        },
      }
    : {
        image: (file, alt) => [htmlToken(`<img src="${file.image?.dataUri ?? ''}" alt="${escapeHtml(alt)}">`)],
        brokenOpen: () => [htmlToken('<span class="broken-link">')],
        brokenClose: (note) => [htmlToken(` <span class="broken-link-note">[broken link — ${escapeHtml(note)}]</span></span>`)],
      };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if ((token.type === 'heading_open' || token.type === 'heading_close') && headingOffset > 0) {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + headingOffset)}`;
    } else if (token.type === 'fence') {
      // The info string would become a class attribute; the pack keeps attributes free of document text.
      token.info = '';
    } else if (token.type === 'list_item_open') {
      const done = taskState(token, tokens[i + 2]);
      if (done !== undefined) tasks[done ? 'done' : 'open']++;
    } else if (token.type === 'inline' && token.children) {
      token.children = safeInline(token.children, textToken, markup, links);
    }
  }
}

// A `- [ ]` or `- [x]` item becomes ☐ or ☑: a checklist that prints, with no
// form controls or script. Returns whether it is ticked, undefined for other items.
function taskState(item: Token, inline: Token | undefined): boolean | undefined {
  const first = inline?.type === 'inline' ? inline.children?.[0] : undefined;
  if (!first || first.type !== 'text') return undefined;
  const match = /^\[([ xX])\][ \t]+/.exec(first.content);
  if (!match) return undefined;
  const done = match[1] !== ' ';
  first.content = `${done ? '☑' : '☐'} ${first.content.slice(match[0].length)}`;
  item.attrJoin('class', done ? 'task task-done' : 'task task-open');
  return done;
}

// What the pack writes itself around a document's text: an embedded image and a broken link's marking.
interface InlineMarkup {
  image(file: AttachedFile, alt: string): Token[];
  brokenOpen(): Token[];
  brokenClose(note: string): Token[];
}

function safeInline(children: Token[], textToken: (content: string) => Token, markup: InlineMarkup, links: ReadonlyMap<string, PackLink> | undefined): Token[] {
  const out: Token[] = [];
  // What each open link became, so its close matches: kept, dropped, or shown as a broken link.
  const opened: Array<'kept' | 'dropped' | { broken: string }> = [];
  for (const child of children) {
    if (child.type === 'image') {
      const src = String(child.attrGet('src') ?? '');
      const alt = child.content.trim();
      const local = isSafeLink(src) ? undefined : links?.get(src);
      if (local?.kind === 'file' && local.file.image) {
        // An image of the record, embedded: bytes checked to be PNG, JPEG, GIF or WebP, never fetched.
        out.push(...markup.image(local.file, alt));
        continue;
      }
      // Other images are never fetched: the reader sees what the picture was and where it lives.
      const why = local === undefined ? '' : local.kind === 'broken' ? ` (${local.reason})` : local.kind === 'file' ? ` (${local.file.note ?? 'not embedded'}; listed under Supporting material)` : '';
      out.push(textToken(`[image: ${alt.length > 0 ? alt : 'no description'}${src ? ` — ${displayHref(src)}` : ''}${why}]`));
    } else if (child.type === 'link_open') {
      const href = String(child.attrGet('href') ?? '');
      if (isSafeLink(href)) {
        // Only the destination survives: a title attribute would carry document text into a tag.
        child.attrs = [['href', href], ['rel', 'noreferrer']];
        out.push(child);
        opened.push('kept');
        continue;
      }
      const local = links?.get(href);
      const anchor = local?.kind === 'document' ? local.anchor : local?.kind === 'file' ? local.file.id : undefined;
      if (anchor !== undefined) {
        child.attrs = [['href', `#${anchor}`]];
        out.push(child);
        opened.push('kept');
      } else if (local?.kind === 'broken') {
        out.push(...markup.brokenOpen());
        opened.push({ broken: `${displayHref(href)}: ${local.reason}` });
      } else {
        opened.push('dropped');
      }
    } else if (child.type === 'link_close') {
      const state = opened.pop();
      if (state === 'kept') out.push(child);
      else if (typeof state === 'object') out.push(...markup.brokenClose(state.broken));
    } else {
      out.push(child);
    }
  }
  return out;
}

function displayHref(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}
