import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_RECORDS_FOLDER, normaliseRecordsFolder } from '../core/vocabulary/recordLayout';
import { parseRiskMatrix, type RiskMatrix } from '../core/validate/riskMatrix';
import { parseRuleSeverities, type RuleSeverities } from '../core/validate/ruleCatalog';
import { DEFAULT_BEYOND_ACTION_MINIMUM_DAYS, type ValidationOptions } from '../core/validate/validationOptions';

/** What the server reads from `changeLog.*`, per document. */
export interface ServerSettings {
  readonly recordsFolder: string;
  /** Per-rule severity overrides; `off` silences a rule (`changeLog.validation.rules`). */
  readonly ruleSeverities: RuleSeverities;
  /** The most diagnostics one document gets (`changeLog.validation.maxProblems`). */
  readonly maxProblems: number;
  /** The organisation's risk matrix (`changeLog.riskMatrix`), or undefined for the DCB0129 / DCB0160 default. */
  readonly riskMatrix?: RiskMatrix;
  /** Why the configured risk matrix was refused, when it was; the default is used instead. */
  readonly riskMatrixProblems: readonly string[];
  /** Fewest days between the on-action and beyond-action reflections (`changeLog.validation.beyondActionMinimumDays`). */
  readonly beyondActionMinimumDays: number;
}

const DEFAULTS: ServerSettings = { recordsFolder: DEFAULT_RECORDS_FOLDER, ruleSeverities: {}, maxProblems: 100, riskMatrixProblems: [], beyondActionMinimumDays: DEFAULT_BEYOND_ACTION_MINIMUM_DAYS };

/** Turns whatever the client sent into valid settings, ignoring malformed parts. */
export function normaliseSettings(raw: unknown, fallbackFolder: string): ServerSettings {
  const value = objectOrEmpty(raw);
  const validation = objectOrEmpty(value.validation);
  const { severities } = parseRuleSeverities(objectOrEmpty(validation.rules));
  const max = typeof validation.maxProblems === 'number' && Number.isFinite(validation.maxProblems) ? Math.max(1, Math.floor(validation.maxProblems)) : DEFAULTS.maxProblems;
  const days = validation.beyondActionMinimumDays;
  const risk = readRiskMatrix(value.riskMatrix);
  return {
    recordsFolder: normaliseRecordsFolder(typeof value.recordsFolder === 'string' ? value.recordsFolder : fallbackFolder),
    ruleSeverities: severities,
    maxProblems: max,
    ...risk,
    beyondActionMinimumDays: typeof days === 'number' && Number.isFinite(days) && days >= 0 ? Math.floor(days) : DEFAULTS.beyondActionMinimumDays,
  };
}

// The core keeps at most this many problems per document; the server then shows `maxProblems`
// of them, errors first, so the core's bound only limits work on hostile documents.
const CORE_PROBLEM_BOUND = 10_000;

/**
 * The core's options for a document: severities are applied there, once, so
 * rules turned off never reach the cap; `today` is the server's local date.
 */
export function validationOptionsOf(settings: ServerSettings, today: string): ValidationOptions {
  return {
    severities: settings.ruleSeverities,
    riskMatrix: settings.riskMatrix,
    beyondActionMinimumDays: settings.beyondActionMinimumDays,
    today,
    maxProblemsPerDocument: Math.max(CORE_PROBLEM_BOUND, settings.maxProblems),
  };
}

/** An unset or empty matrix means the default, quietly; anything else must be a whole, valid matrix. */
function readRiskMatrix(value: unknown): { riskMatrix?: RiskMatrix; riskMatrixProblems: string[] } {
  if (value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)) return { riskMatrixProblems: [] };
  const { matrix, problems } = parseRiskMatrix(value);
  return matrix ? { riskMatrix: matrix, riskMatrixProblems: [] } : { riskMatrixProblems: problems };
}

function objectOrEmpty(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Pulls `changeLog` settings per document through `workspace/configuration`
 * when the client supports it, caching them until the configuration changes.
 */
export class SettingsSource {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private fallback: ServerSettings = DEFAULTS;
  /** Refused risk matrices already reported, so a person is told once, not on every keystroke. */
  private readonly reportedMatrices = new Set<string>();

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

  /** Forgets one document's settings when it closes. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  forDocument(uri: string): Promise<ServerSettings> {
    if (!this.supportsPull) return Promise.resolve(this.fallback);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'changeLog' }).then(
        (raw: unknown) => this.reportRefusedMatrix(normaliseSettings(raw, this.fallback.recordsFolder)),
        () => this.fallback,
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  private reportRefusedMatrix(settings: ServerSettings): ServerSettings {
    const problems = settings.riskMatrixProblems;
    const key = problems.join('\n');
    if (problems.length > 0 && !this.reportedMatrices.has(key)) {
      this.reportedMatrices.add(key);
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      const message = `Reflective Change Log: the setting changeLog.riskMatrix is not used, so the DCB0129 / DCB0160 default applies: ${problems[0]}${more}`;
      // Typed void but sent as a request: a client that refuses it must not leave an unhandled rejection, which ends the server.
      Promise.resolve(this.connection.window.showWarningMessage(message) as unknown).catch(() => undefined);
    }
    return settings;
  }
}
