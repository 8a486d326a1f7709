// Hostile front matter, each up to the 64 KB the validator reads: shapes
// that once cost seconds and gigabytes (nested complex keys, nesting hidden
// from a text scan by a quote in a plain scalar, collection keys that are
// stringified at every level) and shapes that are dense in work per byte.
// Shared by the unit tests, the protocol tests and `npm run bench`.

/** The front matter limit, less room for the `kind:` line. */
const SIZE = 63 * 1024;

/** `unit(i)` repeated while the text stays within the size. */
function repeatWithin(prefix: string, unit: (i: number) => string, suffix = ''): string {
  let text = prefix;
  for (let i = 0; ; i++) {
    const next = unit(i);
    if (text.length + next.length + suffix.length > SIZE) break;
    text += next;
  }
  return text + suffix;
}

/** Nested flow mappings used as keys, `depth` deep: `{{{a: 1}: 1}: 1}`. Stringifying each key costs its subtree, at every level. */
export function nestedFlowKeys(depth: number): string {
  return `kind: reflection\nx: ${'{'.repeat(depth)}a${': 1}'.repeat(depth)}\n`;
}

/** The YAML sources, by name: each is the text between the `---` lines. */
export const ADVERSARIAL_FRONT_MATTER: Readonly<Record<string, () => string>> = {
  // `? ? ? … a`: every `? ` opens a mapping whose key is the next one.
  'nested complex keys': () => `kind: reflection\nx:\n  ${'? '.repeat(6000)}a\n`,
  // The same, one level per line, as a person might indent it.
  'complex keys, one per line': () => repeatWithin('kind: reflection\n', (i) => `${' '.repeat(i)}? \n`),
  // A quote inside a plain scalar (`a"`) is text, not a string: a scan that takes it for one misses the brackets after it.
  'flow nesting behind a quote in a plain scalar': () => `kind: reflection\nx: [a", ${'['.repeat(20000)}${']'.repeat(20000)}]\n`,
  'flow mappings behind a quote in a plain scalar': () => `kind: reflection\nx: [a", ${'{a: '.repeat(8000)}1${'}'.repeat(8000)}]\n`,
  'complex keys in flow behind a quote': () => `kind: reflection\nx: [a", ${'[? '.repeat(8000)}1${']'.repeat(8000)}]\n`,
  'nested flow mappings as keys': () => nestedFlowKeys(61),
  'a long list as a key': () => `? [${Array.from({ length: 6000 }, (_, i) => `x${i}`).join(', ')}]\n: 1\nkind: reflection\n`,
  'block sequences nested on one line': () => repeatWithin('kind: reflection\nx:\n  ', () => '- ', 'a\n'),
  'mappings nested by indentation': () => repeatWithin('kind: reflection\nx:\n', (i) => `${' '.repeat(i)}a:\n`),
  'many aliases of one anchor': () => repeatWithin('kind: reflection\na: &a [1, 2, 3]\n', (i) => `k${i}: *a\n`),
  'many anchors': () => repeatWithin('kind: reflection\nx:\n', (i) => `  - &a${i} x\n`),
  'many keys': () => repeatWithin('kind: reflection\n', (i) => `k${i}: v\n`),
  'many flow items': () => repeatWithin('kind: reflection\nx: [', () => '1,', '1]\n'),
  'many empty flow lists': () => repeatWithin('kind: reflection\nx: [', () => '[],', '1]\n'),
  'many syntax errors': () => repeatWithin('kind: reflection\n', () => ': :\n'),
  'many custom tags': () => repeatWithin('kind: reflection\n', (i) => `k${i}: !t${i} v\n`),
  'many comments': () => repeatWithin('kind: reflection\n', () => '# c\n'),
  'a very long line': () => `kind: reflection\nx: ${'a '.repeat(31000)}\n`,
  'a long quoted string of escapes': () => `kind: reflection\nx: "${'\\u0041 '.repeat(9000)}"\n`,
};

/** A whole document around a front matter source. */
export function documentWith(frontMatter: string): string {
  return `---\n${frontMatter}\n---\n\n# Notes\n`;
}
