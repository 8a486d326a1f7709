import { writeNewFile } from './atomicWrite';
import { refuseLinkOutOfRepository } from './safePaths';

/**
 * Writes a new file where a person asked (an `--out` file), never over an
 * existing one; a path inside the repository may not leave it through a link.
 * `shown` names the path in messages.
 */
export async function writeNewFileInside(root: string, target: string, content: string, shown: string): Promise<void> {
  await refuseLinkOutOfRepository(root, target, shown);
  await writeNewFile(target, content);
}
