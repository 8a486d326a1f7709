import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { FileTooLargeError, NotRegularFileError, readRegularText } from '../files/regularFile';
import { OutsideRepositoryError, requireInsideRepository } from '../files/safePaths';
import configSchema from '../../../schemas/config/release-notes-config.schema.json';
import { CONFIG_FILE_NAME, type ReflectConfig } from './reflectConfig';

/** A problem with the configuration file, worded for a person. */
export interface ConfigProblem {
  readonly file: string;
  /** The key as the person wrote it (`reflect.config.json: validation.rules`, `Setting changeLog.tagPattern`), when one key is at fault. */
  readonly key?: string;
  /** 1-based line of the problem, when known. */
  readonly line?: number;
  readonly message: string;
}

/** The loaded configuration; when the file has problems none of it is used. */
export interface LoadedConfig {
  readonly config: ReflectConfig;
  /** Whether the file exists. */
  readonly found: boolean;
  readonly problems: readonly ConfigProblem[];
}

// A configuration file is small; a large one is a mistake, not a reason to block.
const MAX_CONFIG_BYTES = 256 * 1024;

let validator: ValidateFunction | undefined;

function validateConfig(data: unknown): string[] {
  if (!validator) {
    // Loaded on first use: most repositories have no configuration file, and
    // `reflect notes` should not pay for loading ajv when there is none.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    const ajv = new Ajv({ strict: true, allErrors: true, $data: false });
    validator = ajv.compile(configSchema);
  }
  if (validator(data)) return [];
  return (validator.errors ?? []).slice(0, 20).map((e) => {
    const where = e.instancePath || '(top level)';
    // A key is named (cut short), never a value: the file may hold a secret by mistake.
    const extra = e.keyword === 'additionalProperties' ? ` "${String((e.params as { additionalProperty?: string }).additionalProperty).slice(0, 40)}"` : e.keyword === 'enum' ? `: ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}` : '';
    return `${where} ${e.message ?? 'is not allowed'}${extra}`;
  });
}

/**
 * Parses and checks the text of a configuration file: JSON only (nothing is
 * evaluated), then the schema. Any problem means the file is not used.
 */
export function parseReflectConfig(text: string, file: string = CONFIG_FILE_NAME): LoadedConfig {
  if (text.length > MAX_CONFIG_BYTES) return { config: {}, found: true, problems: [{ file, message: `${file} is larger than ${MAX_CONFIG_BYTES / 1024} KB; it was not read.` }] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // Node's message quotes the text around the error, which may be a secret pasted by mistake: only its position is kept.
    const message = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0];
    const line = jsonErrorLine(text, message);
    // The line is the problem's own field: each front end says it ("(line 3)") where it shows the message.
    return { config: {}, found: true, problems: [{ file, ...(line ? { line } : {}), message: `${file} is not valid JSON; check its quotes, commas and brackets` }] };
  }
  const errors = validateConfig(data);
  if (errors.length > 0) return { config: {}, found: true, problems: errors.map((e) => ({ file, message: `${file}: ${e}` })) };
  return { config: data as ReflectConfig, found: true, problems: [] };
}

/**
 * Reads `reflect.config.json` from a repository root; a missing file is an
 * empty config. Only a regular file inside the repository (links followed)
 * and within the size cap is read.
 */
export async function loadReflectConfig(root: string): Promise<LoadedConfig> {
  const unread = (message: string): LoadedConfig => ({ config: {}, found: true, problems: [{ file: CONFIG_FILE_NAME, message }] });
  let text: string;
  try {
    const real = await requireInsideRepository(root, join(root, CONFIG_FILE_NAME), CONFIG_FILE_NAME);
    text = await readRegularText(real, { maxBytes: MAX_CONFIG_BYTES, shown: CONFIG_FILE_NAME });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: {}, found: false, problems: [] };
    if (error instanceof OutsideRepositoryError) return unread(`${CONFIG_FILE_NAME} links outside the repository; it was not read.`);
    if (error instanceof NotRegularFileError || error instanceof FileTooLargeError) return unread(error.message);
    return unread(`${CONFIG_FILE_NAME} could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
  return parseReflectConfig(text);
}

/** The config file is capped at 256 KB; JSON that size holds at most about this many tokens. */
const CONFIG_YAML_BUDGET = { maxTokens: 300_000, maxDepth: 64, maxAliases: 0 };

// Node reports a position in some versions and not in others; the yaml
// parser (JSON is YAML) is asked for a line only when Node gives none.
function jsonErrorLine(text: string, message: string): number | undefined {
  const lineColumn = /line (\d+)/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return text.slice(0, Number(position[1])).split('\n').length;
  // The JSON schema makes a bare word (not a JSON value) an error, as it is for JSON.parse.
  // Bounded like front matter: complex keys or deep nesting in a hostile file end the search, not the process.
  // Loaded here, for a broken file only: reading a config (or finding none) does not load yaml.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseYamlWithinBudget } = require('../validate/boundedYaml') as typeof import('../validate/boundedYaml');
  const parsed = parseYamlWithinBudget(text, { uniqueKeys: false, schema: 'json' }, CONFIG_YAML_BUDGET);
  const error = parsed.document?.errors[0];
  return error ? text.slice(0, error.pos[0]).split('\n').length : undefined;
}
