import type { LinkTarget } from '../files/linkTarget';
import type { LocalLink } from './localLinks';
import type { Problem } from './problem';

/** The rule of links that lead nowhere the pack can follow. */
export const BROKEN_LINK = 'broken-link';

/**
 * The `broken-link` findings of a document's local links, given where each
 * leads: a missing file, a path out of the repository, a symbolic link on
 * the way, or something that is not a file. The destination is the person's
 * own text; it is shown shortened, and no file content is ever echoed.
 */
export function linkProblems(links: readonly LocalLink[], targets: readonly LinkTarget[]): Problem[] {
  const problems: Problem[] = [];
  links.forEach((link, index) => {
    const target = targets[index];
    const reason = target ? reasonOf(target) : undefined;
    if (reason === undefined) return;
    const what = link.image ? 'The image' : 'The link';
    problems.push({ range: link.range, severity: 'warning', code: BROKEN_LINK, message: `${what} ${shown(link.path)} ${reason}` });
  });
  return problems;
}

function reasonOf(target: LinkTarget): string | undefined {
  switch (target.state) {
    case 'missing':
      return `leads to no file: ${cut(target.inRepository)} does not exist in the repository.`;
    case 'outside':
      return 'leads outside the repository; it is not followed, and the evidence pack does not include it.';
    case 'through-link':
      return `goes through a symbolic link (${cut(target.link)}); it is not followed, and the evidence pack does not include it.`;
    case 'special':
      return `is ${target.kind}, not a file; it is not read.`;
    default:
      return undefined;
  }
}

function shown(path: string): string {
  return `"${cut(path)}"`;
}

function cut(path: string): string {
  return path.length > 120 ? `${path.slice(0, 117)}…` : path;
}
