import { nodeAtPath, type FrontMatter } from './frontMatterParser';
import type { LineIndex, TextRange } from './problem';

/** The range of a YAML node within the whole document, or undefined when it has none. */
export function rangeOfNode(node: { range?: [number, number, number] | null } | undefined, frontMatter: FrontMatter, lines: LineIndex): TextRange | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return lines.rangeOf(frontMatter.sourceOffset + range[0], frontMatter.sourceOffset + range[1]);
}

/** The ranges of a field's key and value, found by its path of keys and list indexes. */
export function fieldRanges(frontMatter: FrontMatter, lines: LineIndex, path: readonly (string | number)[]): { key?: TextRange; value?: TextRange } {
  const at = nodeAtPath(frontMatter, path);
  return { key: rangeOfNode(at.key, frontMatter, lines), value: rangeOfNode(at.value, frontMatter, lines) };
}
