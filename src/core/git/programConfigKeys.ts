import { isGitEnvKey } from '@simple-git/argv-parser';

/**
 * Every git config key that names a program git may run (git 2.39's
 * git-config(1), gitattributes(5), gitcredentials(7) and the signing docs),
 * and how each is kept from running on every git call we make. A cloned
 * repository's `.git/config`, a file it pulls in through `include.path` or
 * `includeIf.<condition>.path`, and the global and system config are all
 * treated alike: the overrides below are given with `-c`, which git applies
 * after every config file (included files too), so they win.
 *
 * A key is neutralised in one of three ways:
 * - `override`: `-c <key>=<value>` with a value that makes git run nothing;
 * - `flag`: a command-line flag that turns the feature off for the commands
 *   that have it (wildcard keys such as `diff.<driver>.textconv` cannot be
 *   overridden by name, because the driver names are the repository's);
 * - `unreachable`: only commands we never run use the key (the reason says
 *   which), so no call of ours can reach it;
 * - `carrier`: the key brings in more config, and the rows above hold for
 *   whatever it brings.
 */
export type Neutralisation =
  | { readonly kind: 'override'; readonly overrides: readonly (readonly [key: string, value: string])[] }
  | { readonly kind: 'flag'; readonly flags: string; readonly because: string }
  | { readonly kind: 'unreachable'; readonly because: string }
  | { readonly kind: 'carrier'; readonly because: string };

/** One row of the table: the key (as documented, `<name>` for a wildcard part) and how it is neutralised. */
export interface ProgramConfigKey {
  readonly key: string;
  readonly neutralisedBy: Neutralisation;
}

const NO_TRANSPORT = 'only a transport (fetch, push, clone, ls-remote, or the lazy fetch of a partial clone) uses it; protocol.allow=never and protocol.<name>.allow=never for every built-in transport refuse them all';

/** Git's own transports and remote helpers; `protocol.allow=never` alone would yield to a repository's `protocol.<name>.allow=always`. */
const TRANSPORTS = ['file', 'git', 'ssh', 'http', 'https', 'ftp', 'ftps', 'ext', 'fd'] as const;

/** A program value that names a file that exists and cannot be executed, so git starts nothing (and falls back to nothing). */
export const UNRUNNABLE = '/dev/null';

/**
 * The attributes of the scratch repository `git archive` runs in
 * (`info/attributes`, which wins over the tree's `.gitattributes`): no filter
 * driver is chosen (the global config's git-lfs or any other never runs), no
 * text, ident or encoding conversion, and no export-subst (whose
 * `$Format:%G?$` makes archive run the default gpg whatever the config says).
 * export-ignore still holds, as the tree decides.
 */
export const UNEXPANDED_ATTRIBUTES = '* -filter -text -diff -ident -working-tree-encoding -export-subst\n';

/** The environment of a git call in the scratch repository: no global or system config, so no driver is defined there at all. */
export const NO_USER_CONFIG: Readonly<Record<string, string>> = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** The table: one row per program-naming key. Tests build a hostile repository from each row. */
export const PROGRAM_CONFIG_KEYS: readonly ProgramConfigKey[] = [
  { key: 'core.fsmonitor', neutralisedBy: { kind: 'override', overrides: [['core.fsmonitor', 'false']] } },
  { key: 'core.hooksPath', neutralisedBy: { kind: 'override', overrides: [['core.hooksPath', '/dev/null']] } },
  { key: 'core.pager', neutralisedBy: { kind: 'override', overrides: [['core.pager', 'cat']] } },
  { key: 'pager.<cmd>', neutralisedBy: { kind: 'flag', flags: '--no-pager', because: 'git --no-pager ignores every pager.<cmd> (and stdout is a pipe)' } },
  { key: 'core.editor', neutralisedBy: { kind: 'override', overrides: [['core.editor', ':']] } },
  { key: 'sequence.editor', neutralisedBy: { kind: 'override', overrides: [['sequence.editor', ':']] } },
  { key: 'core.askPass', neutralisedBy: { kind: 'override', overrides: [['core.askPass', '']] } },
  { key: 'credential.helper', neutralisedBy: { kind: 'override', overrides: [['credential.helper', '']] } },
  { key: 'credential.<url>.helper', neutralisedBy: { kind: 'override', overrides: [['credential.helper', '']] } },
  { key: 'diff.external', neutralisedBy: { kind: 'flag', flags: '--no-ext-diff', because: 'log, show and diff are given --no-ext-diff; no other command runs it' } },
  { key: 'diff.<driver>.command', neutralisedBy: { kind: 'flag', flags: '--no-ext-diff', because: 'log, show and diff are given --no-ext-diff; no other command runs it' } },
  { key: 'diff.<driver>.textconv', neutralisedBy: { kind: 'flag', flags: '--no-textconv', because: 'log, show and diff are given --no-textconv; cat-file is never given --textconv' } },
  { key: 'filter.<driver>.clean', neutralisedBy: { kind: 'flag', flags: '--no-filters', because: 'only checkout, add, cat-file --filters, hash-object of a blob and archive run filters: cat-file is never given --filters, hash-object is given --no-filters, archive runs in a scratch repository with no global or system config (GIT_CONFIG_GLOBAL=/dev/null, GIT_CONFIG_NOSYSTEM=1) whose info/attributes unsets filter for every path' } },
  { key: 'filter.<driver>.smudge', neutralisedBy: { kind: 'flag', flags: '--no-filters', because: 'as filter.<driver>.clean' } },
  { key: 'filter.<driver>.process', neutralisedBy: { kind: 'flag', flags: '--no-filters', because: 'as filter.<driver>.clean' } },
  { key: 'log.showSignature', neutralisedBy: { kind: 'override', overrides: [['log.showSignature', 'false']] } },
  // A path that exists but cannot be executed: git fails to start it and runs nothing else (an empty value could be read as
  // "unset" and fall back to the default gpg, gpgsm or ssh-keygen on PATH). `git archive` reads no gpg config at all and
  // would run the default program for a `$Format:%G?$` under export-subst: archiveTar turns export-subst off (`UNEXPANDED_ATTRIBUTES`).
  { key: 'gpg.program', neutralisedBy: { kind: 'override', overrides: [['gpg.program', UNRUNNABLE], ['gpg.openpgp.program', UNRUNNABLE]] } },
  { key: 'gpg.openpgp.program', neutralisedBy: { kind: 'override', overrides: [['gpg.openpgp.program', UNRUNNABLE]] } },
  { key: 'gpg.x509.program', neutralisedBy: { kind: 'override', overrides: [['gpg.x509.program', UNRUNNABLE]] } },
  { key: 'gpg.ssh.program', neutralisedBy: { kind: 'override', overrides: [['gpg.ssh.program', UNRUNNABLE]] } },
  { key: 'gpg.ssh.allowedSignersFile', neutralisedBy: { kind: 'override', overrides: [['gpg.ssh.allowedSignersFile', '/dev/null']] } },
  { key: 'gpg.ssh.defaultKeyCommand', neutralisedBy: { kind: 'unreachable', because: 'only signing (commit -S, tag -s, push --signed) runs it; we never sign' } },
  { key: 'merge.verifySignatures', neutralisedBy: { kind: 'unreachable', because: 'only merge and pull verify with it; we never merge' } },
  { key: 'protocol.<name>.allow', neutralisedBy: { kind: 'override', overrides: [['protocol.allow', 'never'], ...TRANSPORTS.map((name) => [`protocol.${name}.allow`, 'never'] as const)] } },
  { key: 'remote.<name>.promisor', neutralisedBy: { kind: 'unreachable', because: `reading a missing object of a partial clone starts a lazy fetch, and ${NO_TRANSPORT}` } },
  { key: 'remote.<name>.uploadpack', neutralisedBy: { kind: 'unreachable', because: NO_TRANSPORT } },
  { key: 'remote.<name>.receivepack', neutralisedBy: { kind: 'unreachable', because: NO_TRANSPORT } },
  { key: 'remote.<name>.vcs', neutralisedBy: { kind: 'unreachable', because: NO_TRANSPORT } },
  { key: 'url.<base>.insteadOf', neutralisedBy: { kind: 'unreachable', because: `${NO_TRANSPORT}; remote URLs are read with config --list, which rewrites nothing` } },
  { key: 'core.sshCommand', neutralisedBy: { kind: 'unreachable', because: NO_TRANSPORT } },
  { key: 'ssh.variant', neutralisedBy: { kind: 'unreachable', because: NO_TRANSPORT } },
  { key: 'core.gitProxy', neutralisedBy: { kind: 'unreachable', because: NO_TRANSPORT } },
  { key: 'http.<url>.*', neutralisedBy: { kind: 'unreachable', because: NO_TRANSPORT } },
  { key: 'core.alternateRefsCommand', neutralisedBy: { kind: 'unreachable', because: 'only fetch negotiation and receive-pack list an alternate\'s refs' } },
  { key: 'uploadpack.packObjectsHook', neutralisedBy: { kind: 'unreachable', because: 'only upload-pack (serving a fetch) runs it, and git reads it from protected config only' } },
  { key: 'fetch.negotiationAlgorithm', neutralisedBy: { kind: 'unreachable', because: 'names no program; fetch only' } },
  { key: 'init.templateDir', neutralisedBy: { kind: 'flag', flags: '--template=', because: 'the scratch repository for archive is made with an empty --template= (no hooks copied)' } },
  { key: 'tar.<format>.command', neutralisedBy: { kind: 'unreachable', because: 'archive runs it only for compressed formats; we ask for --format=tar, in a scratch repository with no config' } },
  { key: 'merge.<driver>.driver', neutralisedBy: { kind: 'unreachable', because: 'only merges run it; we never merge' } },
  { key: 'alias.<name>', neutralisedBy: { kind: 'unreachable', because: 'git never lets an alias replace a built-in command, and we run built-ins only' } },
  { key: 'submodule.<name>.update', neutralisedBy: { kind: 'unreachable', because: 'only submodule update runs it; we never pass --recurse-submodules' } },
  { key: 'trailer.<token>.command', neutralisedBy: { kind: 'unreachable', because: 'only interpret-trailers and commit --trailer run it; we parse trailers ourselves' } },
  { key: 'sendemail.<name>', neutralisedBy: { kind: 'unreachable', because: 'only send-email runs sendemail.toCmd, ccCmd, sendmailCmd or smtpServer' } },
  { key: 'difftool.<tool>.cmd', neutralisedBy: { kind: 'unreachable', because: 'porcelain tools (difftool, mergetool, git-gui, help, instaweb, web--browse) are never run' } },
  { key: 'mergetool.<tool>.cmd', neutralisedBy: { kind: 'unreachable', because: 'as difftool.<tool>.cmd' } },
  { key: 'guitool.<name>.cmd', neutralisedBy: { kind: 'unreachable', because: 'as difftool.<tool>.cmd' } },
  { key: 'browser.<tool>.cmd', neutralisedBy: { kind: 'unreachable', because: 'as difftool.<tool>.cmd (also help.browser, web.browser, instaweb.browser, man.<tool>.cmd)' } },
  { key: 'include.path', neutralisedBy: { kind: 'carrier', because: 'names config, not a program; every override above is given with -c, which git reads after every file an include pulls in' } },
  { key: 'includeIf.<condition>.path', neutralisedBy: { kind: 'carrier', because: 'as include.path (gitdir:, onbranch: and hasconfig: conditions run nothing)' } },
];

/** The `-c` overrides every git call is given, in table order, each key once. */
export const NEUTRALISING_CONFIG: readonly (readonly [key: string, value: string])[] = (() => {
  const seen = new Map<string, string>();
  for (const row of PROGRAM_CONFIG_KEYS) {
    if (row.neutralisedBy.kind !== 'override') continue;
    for (const [key, value] of row.neutralisedBy.overrides) seen.set(key, value);
  }
  // Attributes name the diff and filter drivers: keep global and system attribute files out too.
  seen.set('core.attributesFile', '/dev/null');
  return [...seen.entries()];
})();

/**
 * Flags added right after the subcommand. Signature display is also turned
 * off by flag where the command has one, in case a later git reads
 * `log.showSignature` from somewhere `-c` does not reach.
 */
const SUBCOMMAND_FLAGS: Readonly<Record<string, readonly string[]>> = {
  log: ['--no-show-signature', '--no-ext-diff', '--no-textconv'],
  show: ['--no-show-signature', '--no-ext-diff', '--no-textconv'],
  diff: ['--no-ext-diff', '--no-textconv'],
  'hash-object': ['--no-filters'],
  init: ['--template='],
};

/** Options that would turn a program back on; refused wherever they appear. */
const FORBIDDEN_OPTIONS = new Set(['--show-signature', '--textconv', '--filters', '--ext-diff', '--upload-pack', '--receive-pack', '--exec', '-c', '--config-env']);

/** A `--format` that asks for a signature check: log's `%G…` placeholders, for-each-ref's `%(signature…)`. */
function asksForSignature(arg: string): boolean {
  return /^--(format|pretty)=/.test(arg) && /%G|%\(signature/.test(arg);
}

/**
 * The full argument list for one git call: `--no-pager`, every neutralising
 * `-c`, the subcommand, its safety flags, then the caller's arguments.
 * Throws when the caller's arguments (before `--end-of-options`) hold an option
 * that would run a program, or a `-c` of their own.
 */
export function neutralisedArguments(args: readonly string[]): string[] {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined || subcommand.startsWith('-')) throw new Error('A git call must start with its subcommand.');
  for (const arg of rest) {
    if (arg === '--end-of-options' || arg === '--') break;
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (FORBIDDEN_OPTIONS.has(name) || asksForSignature(arg)) throw new Error(`Refusing git option ${name}: it can run a program.`);
  }
  const config = NEUTRALISING_CONFIG.flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  return ['--no-pager', ...config, subcommand, ...(SUBCOMMAND_FLAGS[subcommand] ?? []), ...rest];
}

/**
 * The environment git is given: the process environment without any GIT_*
 * variable (GIT_DIR, GIT_CONFIG_PARAMETERS, GIT_CONFIG_COUNT, GIT_EXTERNAL_DIFF,
 * GIT_SSH_COMMAND, ...) or other variable git reads a program from (EDITOR,
 * VISUAL, PAGER, SSH_ASKPASS, ...), plus `extra` and the settings that keep
 * git from prompting or reading system attributes.
 */
export function neutralisedEnvironment(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    const key = name.toLowerCase().trim();
    if (value !== undefined && !key.startsWith('git_') && !isGitEnvKey(key)) env[name] = value;
  }
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_ATTR_NOSYSTEM: '1', ...extra };
}
