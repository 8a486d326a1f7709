import { parseFrontMatter } from '../validate/frontMatterParser';
import { LineIndex } from '../validate/problem';
import type { RecordFile } from '../validate/validateRecord';

/** One file of a record as the pack shows it: its front matter data and its Markdown body. */
export interface PackDocument {
  readonly fileName: string;
  /** The front matter as plain data; undefined when there is none or it could not be read safely. */
  readonly data?: Record<string, unknown>;
  /** The Markdown after the front matter (the whole text when the front matter could not be found). */
  readonly body: string;
}

/** Reads each file's front matter (with the validator's parser: no custom tags, alias cap) and body, by file name. */
export function readPackDocuments(files: readonly RecordFile[]): ReadonlyMap<string, PackDocument> {
  const documents = new Map<string, PackDocument>();
  for (const file of files) {
    const fileName = baseName(file.name);
    const { frontMatter } = parseFrontMatter(file.text, new LineIndex(file.text));
    const body = frontMatter ? file.text.slice(frontMatter.bodyOffset) : file.text.replace(/^\uFEFF/, '');
    documents.set(fileName, { fileName, ...(frontMatter?.data ? { data: frontMatter.data } : {}), body });
  }
  return documents;
}

function baseName(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? name;
}
