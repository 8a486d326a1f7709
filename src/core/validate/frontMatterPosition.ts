import { isMap, isScalar, isSeq } from 'yaml';
import { keyText } from './boundedYaml';
import type { FrontMatter } from './frontMatterParser';

/** What sits at a place in the front matter: a key or a scalar value, and the path of keys and list indexes leading to it. */
export interface FrontMatterTarget {
  /** Keys and list indexes from the top; for a key, the path ends with that key. */
  readonly path: readonly (string | number)[];
  readonly part: 'key' | 'value';
  /** Offsets of the key or value within the whole text. */
  readonly start: number;
  readonly end: number;
  /** The scalar's value (for a key, its name). */
  readonly value: unknown;
}

// Front matter is at most 64 KB, but a path deeper than this is no field of ours.
const MAX_DEPTH = 100;

/**
 * Finds the key or scalar value at an offset of the whole text (an offset just
 * after a key or value still counts as on it, as editors place the cursor there).
 */
export function frontMatterTargetAt(frontMatter: FrontMatter, offset: number): FrontMatterTarget | undefined {
  const local = offset - frontMatter.sourceOffset;
  const base = frontMatter.sourceOffset;
  let node: unknown = frontMatter.document.contents;
  const path: (string | number)[] = [];
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (isMap(node)) {
      let next: unknown;
      for (const pair of node.items) {
        const key = pair.key;
        const keyRange = isScalar(key) ? key.range : undefined;
        const name = keyText(key);
        if (keyRange && keyRange[0] <= local && local <= keyRange[1]) {
          return { path: [...path, name], part: 'key', start: base + keyRange[0], end: base + keyRange[1], value: name };
        }
        const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
        if (valueRange && valueRange[0] <= local && local <= valueRange[1]) {
          path.push(name);
          next = pair.value;
          break;
        }
      }
      if (next === undefined) return undefined;
      node = next;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => {
        const range = (item as { range?: [number, number, number] } | null)?.range;
        return range !== undefined && range[0] <= local && local <= range[1];
      });
      if (index < 0) return undefined;
      path.push(index);
      node = node.items[index];
    } else if (isScalar(node) && node.range) {
      return { path, part: 'value', start: base + node.range[0], end: base + node.range[1], value: node.value };
    } else {
      return undefined;
    }
  }
  return undefined;
}
