import type MarkdownIt from 'markdown-it';
import { promptLinesPlugin } from '../markdown/promptLines';
import { frontMatterCardPlugin } from './frontMatterCard';

type MarkdownItInstance = InstanceType<typeof MarkdownIt>;

/** What the extension adds to VS Code's Markdown preview: the front matter card and one prompt a line. */
export function changeLogPreviewPlugin(md: MarkdownItInstance): MarkdownItInstance {
  return md.use(frontMatterCardPlugin).use(promptLinesPlugin);
}
