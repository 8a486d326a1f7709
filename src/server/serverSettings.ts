import { dirname } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { fileLayer, settingsLayer, type ConfigLayer } from '../core/config/configLayers';
import type { ConfigProblem } from '../core/config/loadReflectConfig';
import { resolveConfig, validationOptionsOf as coreValidationOptions, type ResolvedConfig } from '../core/config/resolvedConfig';
import type { ValidationOptions } from '../core/validate/validationOptions';
import { filePathOf } from './recordSiblings';
import type { ServerFiles } from './serverRuntime';

/** What the server decides for a document: the repository's one resolved configuration. */
export type ServerSettings = ResolvedConfig;

// The core keeps at most this many problems per document; the server then shows `maxProblems`
// of them, errors first, so the core's bound only limits work on hostile documents.
const CORE_PROBLEM_BOUND = 10_000;

/**
 * The core's options for a document: the same as `reflect check` and the
 * views use (severities are applied there, once, so rules turned off never
 * reach the cap); `today` is the local date of the server's clock.
 */
export function validationOptionsOf(settings: ServerSettings, today: string): ValidationOptions {
  return { ...coreValidationOptions(settings, today), maxProblemsPerDocument: Math.max(CORE_PROBLEM_BOUND, settings.validation.maxProblems) };
}

/** A repository's reflect.config.json layer; none when there is no file or it has problems (reported separately). */
interface ConfigFile {
  readonly layer?: ConfigLayer;
  readonly problems: readonly ConfigProblem[];
}

/**
 * Resolves each document's configuration: the repository's
 * `reflect.config.json` under the settings the client sends through
 * `workspace/configuration` (section `changeLog`), or under the
 * `initializationOptions` when it cannot. Cached until the configuration or
 * a config file changes; each invalid value is reported once.
 */
export class SettingsSource {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private readonly configFiles = new Map<string, Promise<ConfigFile>>();
  private initial: ConfigLayer = settingsLayer({});
  /** Problems already reported, so a person is told once, not on every keystroke. */
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly files: ServerFiles,
    private supportsPull = false,
  ) {}

  /** Called from `initialize`: what the client offers and the folder it passed. */
  configure(supportsPull: boolean, initialRecordsFolder: string | undefined): void {
    this.supportsPull = supportsPull;
    this.initial = settingsLayer(initialRecordsFolder === undefined ? {} : { recordsFolder: initialRecordsFolder });
  }

  /** Forgets cached settings (after `workspace/didChangeConfiguration`, or a config file changed). */
  invalidate(): void {
    this.cache.clear();
    this.configFiles.clear();
  }

  /** Forgets one document's settings when it closes. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  forDocument(uri: string): Promise<ServerSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.resolve(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  private async resolve(uri: string): Promise<ServerSettings> {
    const path = filePathOf(uri);
    const root = path === undefined ? undefined : this.files.repositoryOf(dirname(path));
    const [file, pulled] = await Promise.all([root === undefined ? undefined : this.fileOf(root), this.pull(uri)]);
    const layers = [file?.layer, this.initial, pulled === undefined ? undefined : settingsLayer(pulled)].filter((l): l is ConfigLayer => l !== undefined);
    const { config, problems } = resolveConfig(layers);
    this.report([...(file?.problems ?? []), ...problems]);
    return config;
  }

  private fileOf(root: string): Promise<ConfigFile> {
    let file = this.configFiles.get(root);
    if (!file) {
      file = this.files.readConfig(root).then(
        (loaded): ConfigFile => (loaded.problems.length > 0 ? { problems: loaded.problems } : { layer: fileLayer(loaded.config), problems: [] }),
        (): ConfigFile => ({ problems: [] }),
      );
      this.configFiles.set(root, file);
    }
    return file;
  }

  private async pull(uri: string): Promise<unknown> {
    if (!this.supportsPull) return undefined;
    return this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'changeLog' }).then(
      (raw: unknown) => raw ?? undefined,
      () => undefined,
    );
  }

  private report(problems: readonly ConfigProblem[]): void {
    for (const problem of problems) {
      const where = problem.line !== undefined ? ` (line ${problem.line})` : '';
      const message = `Reflective Change Log: ${problem.message}${where}`;
      if (this.reported.has(message)) continue;
      this.reported.add(message);
      // Typed void but sent as a request: a client that refuses it must not leave an unhandled rejection, which ends the server.
      Promise.resolve(this.connection.window.showWarningMessage(message) as unknown).catch(() => undefined);
    }
  }
}
