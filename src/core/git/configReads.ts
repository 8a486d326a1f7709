import { run } from './gitCall';

/**
 * Several git config values from one `git config --list -z` run in `cwd`
 * (as `--get` would read each: includes followed, the last value of a key
 * wins); keys that are not set, or are empty, are absent, and a config git
 * cannot read gives none. One process instead of one per key.
 */
export async function readConfigValues(cwd: string, keys: readonly string[]): Promise<Map<string, string>> {
  // Several requested spellings may name one key (`user.name`, `USER.NAME`).
  const wanted = new Map<string, string[]>();
  for (const key of keys) {
    const names = wanted.get(normalizeConfigKey(key));
    if (names) names.push(key);
    else wanted.set(normalizeConfigKey(key), [key]);
  }
  const values = new Map<string, string>();
  let output: string;
  try {
    output = await run(cwd, ['config', '--list', '-z']);
  } catch {
    return values;
  }
  for (const entry of output.split('\0')) {
    if (entry.length === 0) continue;
    // `key\nvalue`, or just `key` for a key written without a value (read as empty, as `--get` prints it).
    const newline = entry.indexOf('\n');
    const names = wanted.get(normalizeConfigKey(newline < 0 ? entry : entry.slice(0, newline)));
    if (names === undefined) continue;
    const value = newline < 0 ? '' : entry.slice(newline + 1).trim();
    for (const name of names) {
      if (value) values.set(name, value);
      else values.delete(name);
    }
  }
  return values;
}

/** The config key of a remote's URL, or undefined for a name git would not accept. */
export function remoteUrlKey(name: string): string | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) ? `remote.${name}.url` : undefined;
}

/** git compares section and variable names without case, subsections with case. */
function normalizeConfigKey(key: string): string {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first < 0) return key.toLowerCase();
  return `${key.slice(0, first).toLowerCase()}${key.slice(first, last)}${key.slice(last).toLowerCase()}`;
}
