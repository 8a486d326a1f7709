/** The default folder, relative to the workspace root, that holds change records. */
export const DEFAULT_RECORDS_FOLDER = 'docs/changes';

/** The default folder for rollback packages, relative to the repository root (git-ignored by the caller). */
export const DEFAULT_PACKAGE_FOLDER = '.reflect/packages';

/**
 * Reduces a version or tag name to a single safe folder name: no separators,
 * no `..`, no leading dot, nothing outside [A-Za-z0-9._+-].
 */
export function recordFolderName(version: string): string {
  const cleaned = version.replace(/[^A-Za-z0-9._+-]+/g, '-').replace(/\.{2,}/g, '.').replace(/^[.-]+/, '').replace(/[.-]+$/, '');
  return cleaned.length > 0 ? cleaned.slice(0, 100) : 'unversioned';
}

/** Normalises the records-folder setting to a relative POSIX path inside the workspace. */
export function normaliseRecordsFolder(setting: string | undefined): string {
  const parts = (setting ?? DEFAULT_RECORDS_FOLDER).split(/[\\/]+/).filter((p) => p.length > 0 && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..')) return DEFAULT_RECORDS_FOLDER;
  return parts.join('/');
}

/** Path of a record's document, relative to the workspace root. */
export function recordDocumentPath(recordsFolder: string, version: string, fileName: string): string {
  return `${normaliseRecordsFolder(recordsFolder)}/${recordFolderName(version)}/${fileName}`;
}

