import { looksLikeRecordDocument } from '../core/validate/validateDocument';

/**
 * Whether the server should validate a document: it is Markdown inside the
 * records folder, or it carries our `kind` in its front matter.
 */
export function isChangeRecordDocument(uri: string, text: string, recordsFolder: string): boolean {
  let path = uri;
  try {
    path = decodeURIComponent(new URL(uri).pathname);
  } catch {
    // Keep the raw string (a plain path is one too); the front-matter test still applies.
  }
  const folder = `/${recordsFolder.replace(/^\/+|\/+$/g, '')}/`;
  return path.includes(folder) || looksLikeRecordDocument(text);
}
