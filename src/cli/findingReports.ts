import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../package.json';
import { NO_HAZARD_REFERENCE_RULE } from '../core/render/hazardFindings';
import type { ProblemSeverity } from '../core/validate/problem';
import { RULES, type RuleDefinition } from '../core/validate/ruleCatalog';
import { UsageError } from './usage';

/** One finding to report: `file` is what the report names (empty when the finding has no file). */
export interface ReportedFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: ProblemSeverity;
  readonly code: string;
  readonly message: string;
}

/** The formats `reflect check` and `reflect notes --check` write. */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'codequality', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The exit-code policies CI can choose. */
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** A `--format` value, else a usage error naming the choices. */
export function readReportFormat(value: string | undefined): ReportFormat {
  if (value !== undefined && (REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${String(value).slice(0, 40)}".`);
}

/** A `--fail-on` value (default `warning`: errors and warnings exit 1), else a usage error. */
export function readFailOn(value: string | undefined): FailOn {
  if (value === undefined) return 'warning';
  if ((FAIL_ON as readonly string[]).includes(value)) return value as FailOn;
  throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not "${value.slice(0, 40)}".`);
}

/** The exit code for findings under a policy: 1 when one is at or above it, else 0. */
export function exitCodeFor(findings: readonly ReportedFinding[], failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const failing = failOn === 'error' ? ['error'] : ['error', 'warning'];
  return findings.some((f) => failing.includes(f.severity)) ? 1 : 0;
}

/** Every rule a report can name: the validator's catalogue and the release notes' hazard rule. */
export const REPORTED_RULES: readonly RuleDefinition[] = [...RULES, NO_HAZARD_REFERENCE_RULE];

// The README shipped beside the CLI bundle explains each rule under an anchor of its code (as the language server links it).
const README_URL = pathToFileURL(join(__dirname, '..', 'README.md')).toString();

/** The README row that explains a rule. */
export function ruleHelpUrl(code: string): string {
  return `${README_URL}#${code}`;
}

/** Writes findings in a format; every format but text and json names files with `/`, relative to the repository root. */
export function renderReport(format: ReportFormat, findings: readonly ReportedFinding[]): string {
  switch (format) {
    case 'text':
      return findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code}: ${f.message}\n`).join('');
    case 'json':
      return `${JSON.stringify(findings.map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity, code: f.code, message: f.message })), null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(sarifLog(findings), null, 2)}\n`;
    case 'codequality':
      return `${JSON.stringify(codeQualityReport(findings), null, 2)}\n`;
    case 'github':
      return findings.map(githubAnnotation).join('');
  }
}

/**
 * A fingerprint that stays the same while a finding does: its file, rule and
 * message, and which occurrence of that triple it is, but not its line, so
 * an edit above it does not make it a new finding.
 */
export function findingFingerprints(findings: readonly ReportedFinding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = `${f.file}\0${f.code}\0${f.message}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
  });
}

const SARIF_LEVEL: Record<ProblemSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A SARIF 2.1.0 log: one run of `reflect` with every rule (id, descriptions, help link) and each finding's location. */
function sarifLog(findings: readonly ReportedFinding[]) {
  const index = new Map(REPORTED_RULES.map((rule, i) => [rule.code, i]));
  const fingerprints = findingFingerprints(findings);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'reflect',
            fullName: 'Reflective Change Log (reflect check)',
            version,
            semanticVersion: version,
            informationUri: README_URL,
            rules: REPORTED_RULES.map((rule) => ({
              id: rule.code,
              name: pascalCase(rule.code),
              shortDescription: { text: rule.title },
              fullDescription: { text: plain(rule.description) },
              help: { text: plain(rule.description), markdown: rule.description },
              helpUri: ruleHelpUrl(rule.code),
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
            })),
          },
        },
        results: findings.map((f, i) => ({
          ruleId: f.code,
          ...(index.has(f.code) ? { ruleIndex: index.get(f.code) } : {}),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          ...(f.file.length > 0
            ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodeUriPath(f.file) }, region: { startLine: f.line, startColumn: f.column } } }] }
            : {}),
          partialFingerprints: { 'reflectFinding/v1': fingerprints[i] },
        })),
      },
    ],
  };
}

const CODE_QUALITY_SEVERITY: Record<ProblemSeverity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/** GitLab Code Quality: one issue per finding with a stable fingerprint. */
function codeQualityReport(findings: readonly ReportedFinding[]) {
  const fingerprints = findingFingerprints(findings);
  return findings.map((f, i) => ({
    description: f.message,
    check_name: f.code,
    fingerprint: fingerprints[i],
    severity: CODE_QUALITY_SEVERITY[f.severity],
    location: { path: f.file.length > 0 ? f.file : '.', lines: { begin: f.line } },
  }));
}

const GITHUB_COMMAND: Record<ProblemSeverity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** A GitHub Actions workflow command that annotates the file's line. */
function githubAnnotation(f: ReportedFinding): string {
  const properties = [...(f.file.length > 0 ? [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`] : []), `title=${escapeProperty(`reflect ${f.code}`)}`];
  return `::${GITHUB_COMMAND[f.severity]} ${properties.join(',')}::${escapeData(f.message)}\n`;
}

// As GitHub's toolkit escapes them: a message cannot end the command early or start another one.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function encodeUriPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function pascalCase(code: string): string {
  return code.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
}

function plain(markdown: string): string {
  return markdown.replace(/`/g, '');
}

