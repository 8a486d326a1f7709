import { loadReflectConfig, type LoadedConfig } from '../core/config/loadReflectConfig';
import { enclosingRepository } from '../core/files/safePaths';
import { readHazardLogText } from '../core/records/hazardLogFile';
import { readContainedRecordFiles, readRecordFiles } from '../core/records/recordFiles';
import type { RecordFile } from '../core/validate/validateRecord';
import { systemClock, type Clock } from '../core/vocabulary/clock';

/** What the server reads from disk: record folders and configuration files, never more. */
export interface ServerFiles {
  /** The repository folder around a path (where `.git` is), or undefined. */
  repositoryOf(path: string): string | undefined;
  /**
   * The Markdown files of a record folder on disk; undefined when it cannot
   * be read or leads (through a link) out of its repository.
   */
  readRecordFolder(folder: string): Promise<RecordFile[] | undefined>;
  /** A repository's `reflect.config.json`, read inside the repository only, as a regular file. */
  readConfig(root: string): Promise<LoadedConfig>;
  /** The hazard log at the records root beside a record folder; undefined when there is none (or it is a link, or leads out of the repository). */
  readHazardLog(recordFolder: string): Promise<string | undefined>;
}

/** What the server is given by its entry: the clock and the file system (fakes in tests). */
export interface ServerRuntime {
  readonly clock: Clock;
  readonly files: ServerFiles;
}

/**
 * The real file system, read as the CLI reads it: a records folder or a
 * config file that is a link leading out of the repository is refused,
 * only regular files are read, each with a size cap.
 */
export const nodeServerFiles: ServerFiles = {
  repositoryOf: enclosingRepository,
  async readRecordFolder(folder) {
    const root = enclosingRepository(folder);
    return root === undefined ? readRecordFiles(folder) : readContainedRecordFiles(folder, root);
  },
  readConfig: loadReflectConfig,
  readHazardLog: readHazardLogText,
};

/** The runtime of the `reflect-language-server` process. */
export function nodeServerRuntime(): ServerRuntime {
  return { clock: systemClock, files: nodeServerFiles };
}
