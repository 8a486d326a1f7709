import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_RECORDS_FOLDER, normaliseRecordsFolder } from '../core/records/recordLayout';
import type { ProblemSeverity } from '../core/validate/problem';

/** What the server reads from `changeLog.*`, per document. */
export interface ServerSettings {
  readonly recordsFolder: string;
  /** Per-rule severity overrides; `off` silences a rule. */
  readonly ruleSeverities: Readonly<Record<string, ProblemSeverity | 'off'>>;
  /** The most diagnostics one document gets. */
  readonly maxProblems: number;
}

const DEFAULTS: ServerSettings = { recordsFolder: DEFAULT_RECORDS_FOLDER, ruleSeverities: {}, maxProblems: 100 };
const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

/** Turns whatever the client sent into valid settings, ignoring malformed parts. */
export function normaliseSettings(raw: unknown, fallbackFolder: string): ServerSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const validation = (value.validation && typeof value.validation === 'object' ? value.validation : {}) as Record<string, unknown>;
  const rules = (validation.rules && typeof validation.rules === 'object' ? validation.rules : {}) as Record<string, unknown>;
  const ruleSeverities: Record<string, ProblemSeverity | 'off'> = {};
  for (const [code, severity] of Object.entries(rules)) if (typeof severity === 'string' && SEVERITIES.has(severity)) ruleSeverities[code] = severity as ProblemSeverity | 'off';
  const max = typeof validation.maxProblems === 'number' && Number.isFinite(validation.maxProblems) ? Math.max(1, Math.floor(validation.maxProblems)) : DEFAULTS.maxProblems;
  return {
    recordsFolder: normaliseRecordsFolder(typeof value.recordsFolder === 'string' ? value.recordsFolder : fallbackFolder),
    ruleSeverities,
    maxProblems: max,
  };
}

/**
 * Pulls `changeLog` settings per document through `workspace/configuration`
 * when the client supports it, caching them until the configuration changes.
 */
export class SettingsSource {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private fallback: ServerSettings = DEFAULTS;

  constructor(private readonly connection: Connection, private supportsPull = false) {}

  /** Called from `initialize`: what the client offers and the folder it passed. */
  configure(supportsPull: boolean, initialRecordsFolder: string | undefined): void {
    this.supportsPull = supportsPull;
    this.fallback = normaliseSettings({ recordsFolder: initialRecordsFolder }, DEFAULT_RECORDS_FOLDER);
  }

  /** Forgets cached settings (after `workspace/didChangeConfiguration`). */
  invalidate(): void {
    this.cache.clear();
  }

  forDocument(uri: string): Promise<ServerSettings> {
    if (!this.supportsPull) return Promise.resolve(this.fallback);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'changeLog' }).then(
        (raw: unknown) => normaliseSettings(raw, this.fallback.recordsFolder),
        () => this.fallback,
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }
}
