/**
 * A logic-less template engine in the manner of Mustache, small enough to
 * read in one sitting, so a repository's template can never run code:
 *
 * - `{{name}}` and `{{{name}}}` insert a value (dotted names look into
 *   objects; `{{.}}` is the current item). Values are inserted as they are:
 *   the view holds Markdown that is already escaped.
 * - `{{#name}}…{{/name}}` repeats for each item of a list, shows once for a
 *   true value or an object (which becomes the context), and not at all for
 *   false, empty lists, empty strings and missing names.
 * - `{{^name}}…{{/name}}` shows when the value is missing, false or empty.
 * - `{{! comment }}` is dropped.
 *
 * There are no partials, no delimiter changes, no helpers and no lambdas: a
 * function in the view is treated as missing. A tag on a line of its own
 * (a section, inverted section or comment) takes its line with it.
 */

/** A value a template can see: text, numbers, booleans, lists and plain objects only. */
export type TemplateValue = string | number | boolean | null | undefined | readonly TemplateValue[] | { readonly [key: string]: TemplateValue };

/** A template that could not be read; says where and why. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

type Node = { kind: 'text'; text: string } | { kind: 'value'; name: string } | { kind: 'section'; name: string; inverted: boolean; children: Node[] };

const MAX_TEMPLATE_LENGTH = 512 * 1024;
const MAX_DEPTH = 32;
const TAG = /\{\{(\{?)\s*([#^/!]?)\s*([^{}]*?)\s*\}?\}\}/g;
const NAME = /^(?:\.|[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*)$/;

/** Parses a template once; throws a TemplateError for unbalanced sections or unknown tags. */
export function compileTemplate(source: string): (view: TemplateValue) => string {
  if (source.length > MAX_TEMPLATE_LENGTH) throw new TemplateError(`The template is larger than ${MAX_TEMPLATE_LENGTH / 1024} KB.`);
  const nodes = parse(standaloneTagsTakeTheirLine(source));
  return (view) => renderNodes(nodes, [view], 0);
}

/** Renders a template against a view. */
export function renderTemplate(source: string, view: TemplateValue): string {
  return compileTemplate(source)(view);
}

// A section tag alone on its line should not leave a blank line behind.
function standaloneTagsTakeTheirLine(source: string): string {
  return source.replace(/^[ \t]*(\{\{[#^/!][^{}]*\}\})[ \t]*(?:\r?\n|$)/gm, '$1');
}

function parse(source: string): Node[] {
  const root: Node[] = [];
  const stack: Array<{ name: string; children: Node[]; line: number }> = [];
  let current = root;
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    const index = match.index ?? 0;
    if (index > last) current.push({ kind: 'text', text: source.slice(last, index) });
    last = index + match[0].length;
    const [, triple, sigil, name] = match;
    const line = source.slice(0, index).split('\n').length;
    if (sigil === '!') continue;
    if (!NAME.test(name)) throw new TemplateError(`Line ${line}: "{{${triple}${sigil}${name}}}" is not a tag this engine knows (names, sections and comments only).`);
    if (sigil === '#' || sigil === '^') {
      const children: Node[] = [];
      current.push({ kind: 'section', name, inverted: sigil === '^', children });
      stack.push({ name, children: current, line });
      current = children;
    } else if (sigil === '/') {
      const open = stack.pop();
      if (!open || open.name !== name) throw new TemplateError(`Line ${line}: {{/${name}}} closes ${open ? `{{#${open.name}}} from line ${open.line}` : 'no open section'}.`);
      current = open.children;
    } else {
      current.push({ kind: 'value', name });
    }
  }
  const unclosed = stack.pop();
  if (unclosed) throw new TemplateError(`Line ${unclosed.line}: {{#${unclosed.name}}} is never closed.`);
  if (last < source.length) current.push({ kind: 'text', text: source.slice(last) });
  return root;
}

function lookup(name: string, contexts: readonly TemplateValue[]): TemplateValue {
  if (name === '.') return contexts[contexts.length - 1];
  const [first, ...rest] = name.split('.');
  for (let i = contexts.length - 1; i >= 0; i--) {
    const context = contexts[i];
    if (isRecord(context) && Object.prototype.hasOwnProperty.call(context, first)) {
      let value: TemplateValue = context[first];
      for (const key of rest) value = isRecord(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
      return value;
    }
  }
  return undefined;
}

function isRecord(value: TemplateValue): value is { readonly [key: string]: TemplateValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: TemplateValue): boolean {
  return value === undefined || value === null || value === false || value === '' || (Array.isArray(value) && value.length === 0) || typeof value === 'function';
}

function renderNodes(nodes: readonly Node[], contexts: readonly TemplateValue[], depth: number): string {
  if (depth > MAX_DEPTH) throw new TemplateError(`Sections are nested more than ${MAX_DEPTH} deep.`);
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'value') {
      const value = lookup(node.name, contexts);
      if (typeof value === 'string' || typeof value === 'number') out += String(value);
      else if (typeof value === 'boolean') out += value ? 'true' : 'false';
    } else {
      const value = lookup(node.name, contexts);
      if (node.inverted) {
        if (isEmpty(value)) out += renderNodes(node.children, contexts, depth + 1);
      } else if (Array.isArray(value)) {
        for (const item of value as readonly TemplateValue[]) out += renderNodes(node.children, [...contexts, item], depth + 1);
      } else if (!isEmpty(value)) {
        out += renderNodes(node.children, isRecord(value) ? [...contexts, value] : contexts, depth + 1);
      }
    }
  }
  return out;
}
