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
 *
 * Rendering is budgeted: sections nested inside sections repeat for every
 * item at every level, so a template of a few hundred bytes could otherwise
 * write gigabytes, or loop for hours writing nothing. Past the output or step
 * budget rendering stops with an error naming the template.
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
/** Release notes of the largest histories are a few megabytes; ten times that is a template repeating itself. */
export const DEFAULT_MAX_OUTPUT_LENGTH = 32 * 1024 * 1024;
/** Tags, text pieces and section entries visited in one rendering: a template listing 100,000 commits with a dozen tags each needs ~1.5 million. */
export const DEFAULT_MAX_RENDER_STEPS = 20_000_000;

/** What a template is called in errors, and how much one rendering may cost. */
export interface TemplateOptions {
  /** The file it was read from; shown in errors. */
  readonly name?: string;
  /** The most characters one rendering may write. */
  readonly maxOutputLength?: number;
  /** The most tags, text pieces and section entries one rendering may visit (sections that write nothing still cost). */
  readonly maxSteps?: number;
}
const NAME = /^(?:\.|[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*)$/;

/**
 * Parses a template once; throws a TemplateError for unbalanced sections or
 * unknown tags, and the returned function throws one when a rendering would
 * write more than the output budget or take more than the step budget.
 */
export function compileTemplate(source: string, options: TemplateOptions = {}): (view: TemplateValue) => string {
  if (source.length > MAX_TEMPLATE_LENGTH) throw new TemplateError(`The template is larger than ${MAX_TEMPLATE_LENGTH / 1024} KB.`);
  const nodes = parse(standaloneTagsTakeTheirLine(source));
  return (view) => {
    const output = new TemplateOutput(options);
    renderNodes(nodes, { value: view, parent: undefined }, 0, output);
    return output.text();
  };
}

/** Renders a template against a view. */
export function renderTemplate(source: string, view: TemplateValue, options: TemplateOptions = {}): string {
  return compileTemplate(source, options)(view);
}

/** The text written so far, in pieces joined once at the end; every write and step is counted against the budget. */
class TemplateOutput {
  private readonly pieces: string[] = [];
  private length = 0;
  private steps = 0;
  private readonly maxLength: number;
  private readonly maxSteps: number;
  private readonly name: string;

  constructor(options: TemplateOptions) {
    this.maxLength = options.maxOutputLength ?? DEFAULT_MAX_OUTPUT_LENGTH;
    this.maxSteps = options.maxSteps ?? DEFAULT_MAX_RENDER_STEPS;
    this.name = options.name === undefined ? 'The template' : `The template "${options.name}"`;
  }

  step(): void {
    if (++this.steps > this.maxSteps) {
      throw new TemplateError(`${this.name} repeats its sections more than ${this.maxSteps.toLocaleString('en')} times and was stopped (look for sections nested inside sections over long lists).`);
    }
  }

  write(text: string): void {
    if (text.length === 0) return;
    this.length += text.length;
    if (this.length > this.maxLength) {
      throw new TemplateError(`${this.name} writes more than ${formatSize(this.maxLength)} and was stopped: its sections repeat their text too many times (look for sections nested inside sections over long lists).`);
    }
    this.pieces.push(text);
  }

  text(): string {
    return this.pieces.join('');
  }
}

function formatSize(length: number): string {
  return length >= 1024 * 1024 ? `${Math.round(length / (1024 * 1024))} MB` : `${Math.round(length / 1024)} KB`;
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
  // Lines are counted from the previous tag on, not from the start for every tag.
  let line = 1;
  let counted = 0;
  for (const { index, end, triple, sigil, name } of tagsOf(source)) {
    if (index > last) current.push({ kind: 'text', text: source.slice(last, index) });
    last = end;
    for (; counted < index; counted++) if (source.charCodeAt(counted) === 10) line++;
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

interface Tag {
  readonly index: number;
  readonly end: number;
  readonly triple: string;
  readonly sigil: string;
  readonly name: string;
}

/**
 * The tags of a template: `{{`, an optional third `{`, a sigil and a name
 * with no braces, then `}}` (or `}}}`). Read by scanning, not by one regular
 * expression: a pattern with `\s*` on both sides of a lazy name backtracks
 * without end on `{{` followed by a few hundred spaces.
 */
function* tagsOf(source: string): Generator<Tag> {
  let from = 0;
  for (;;) {
    const index = source.indexOf('{{', from);
    if (index === -1) return;
    const triple = source[index + 2] === '{' ? '{' : '';
    const start = index + 2 + triple.length;
    let close = start;
    while (close < source.length && source[close] !== '{' && source[close] !== '}') close++;
    if (!source.startsWith('}}', close)) {
      // A brace inside (or no end at all): no tag starts here, though one may start at the next brace.
      from = index + 1;
      continue;
    }
    const end = source[close + 2] === '}' ? close + 3 : close + 2;
    const inner = source.slice(start, close).trim();
    const sigil = /^[#^/!]/.test(inner) ? inner[0] : '';
    yield { index, end, triple, sigil, name: inner.slice(sigil.length).trim() };
    from = end;
  }
}

/** The context stack as a chain: entering an item links one entry instead of copying the stack. */
interface Context {
  readonly value: TemplateValue;
  readonly parent: Context | undefined;
}

function lookup(name: string, context: Context): TemplateValue {
  if (name === '.') return context.value;
  const [first, ...rest] = name.split('.');
  for (let at: Context | undefined = context; at; at = at.parent) {
    const value = at.value;
    if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, first)) {
      let found: TemplateValue = value[first];
      for (const key of rest) found = isRecord(found) && Object.prototype.hasOwnProperty.call(found, key) ? found[key] : undefined;
      return found;
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

function renderNodes(nodes: readonly Node[], context: Context, depth: number, output: TemplateOutput): void {
  if (depth > MAX_DEPTH) throw new TemplateError(`Sections are nested more than ${MAX_DEPTH} deep.`);
  // Entering a section counts, even an empty one: it is the repetition that costs.
  output.step();
  for (const node of nodes) {
    output.step();
    if (node.kind === 'text') output.write(node.text);
    else if (node.kind === 'value') {
      const value = lookup(node.name, context);
      if (typeof value === 'string' || typeof value === 'number') output.write(String(value));
      else if (typeof value === 'boolean') output.write(value ? 'true' : 'false');
    } else {
      const value = lookup(node.name, context);
      if (node.inverted) {
        if (isEmpty(value)) renderNodes(node.children, context, depth + 1, output);
      } else if (Array.isArray(value)) {
        for (const item of value as readonly TemplateValue[]) renderNodes(node.children, { value: item, parent: context }, depth + 1, output);
      } else if (!isEmpty(value)) {
        renderNodes(node.children, isRecord(value) ? { value, parent: context } : context, depth + 1, output);
      }
    }
  }
}
