import { fixedClock } from '../../src/core/vocabulary/clock';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, realpathSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runExport } from '../../src/cli/exportCommand';
import { runCheck } from '../../src/cli/checkCommand';
import { runNotes } from '../../src/cli/notesCommand';
import { runPackage } from '../../src/cli/packageCommand';
import { runRollback } from '../../src/cli/rollbackCommand';
import { runTags } from '../../src/cli/tagsCommand';
import { GitRepository } from '../../src/core/git/gitRepository';
import { LOG_FORMAT, TAG_FORMAT } from '../../src/core/git/gitLogParsing';
import { NEUTRALISING_CONFIG, neutralisedArguments, PROGRAM_CONFIG_KEYS } from '../../src/core/git/programConfigKeys';
import { readReleaseOverview, releaseRangeOf } from '../../src/core/git/releases';
import { cleanEnv, type GitFixture } from '../fixtures/gitFixture';
import { configText, type ConfigEntry, HostileRepository, Markers, OUR_SUBCOMMANDS } from '../fixtures/hostileGitConfig';
import { completeRecordFiles, writeRecord } from '../support/evidencePackRecord';

interface SampleContext {
  readonly markers: Markers;
  readonly name: string;
  readonly program: string;
}

const lazyFetch = ({ program }: SampleContext): ConfigEntry[] => [
  ['extensions.partialClone', 'evil'],
  ['remote.evil.promisor', 'true'],
  ['remote.evil.url', `ext::${program}`],
  ['protocol.ext.allow', 'always'],
  ['protocol.allow', 'always'],
];
const showSignature = (key: string, format?: string) => ({ program, markers, name }: SampleContext): ConfigEntry[] => [
  ['log.showSignature', 'true'],
  ...(format ? ([['gpg.format', format]] as ConfigEntry[]) : []),
  [key, program],
  ['gpg.ssh.allowedSignersFile', markers.file(`${name}-signers`, 'test@example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE\n')],
];

/** For each row of the table, config that would make git run `program` if the row were not neutralised. */
const SAMPLES: Record<string, (context: SampleContext) => ConfigEntry[]> = {
  'core.fsmonitor': ({ program }) => [['core.fsmonitor', program]],
  'core.hooksPath': ({ markers, name, program }) => [['core.hooksPath', markers.hooks(name, program)]],
  'core.pager': ({ program }) => [['core.pager', program]],
  'pager.<cmd>': ({ program }) => OUR_SUBCOMMANDS.map((command) => [`pager.${command}`, program]),
  'core.editor': ({ program }) => [['core.editor', program]],
  'sequence.editor': ({ program }) => [['sequence.editor', program]],
  'core.askPass': ({ program }) => [['core.askPass', program]],
  'credential.helper': ({ program }) => [['credential.helper', `!${program}`]],
  'credential.<url>.helper': ({ program }) => [['credential.https://example.org.helper', `!${program}`]],
  'diff.external': ({ program }) => [['diff.external', program]],
  'diff.<driver>.command': ({ program }) => [['diff.evil.command', program]],
  'diff.<driver>.textconv': ({ program }) => [['diff.evil.textconv', program]],
  'filter.<driver>.clean': ({ program }) => [['filter.evil.clean', program]],
  'filter.<driver>.smudge': ({ program }) => [['filter.evil.smudge', program]],
  'filter.<driver>.process': ({ program }) => [['filter.evil.process', program]],
  'log.showSignature': showSignature('gpg.program'),
  'gpg.program': showSignature('gpg.program'),
  'gpg.openpgp.program': showSignature('gpg.openpgp.program', 'openpgp'),
  'gpg.x509.program': showSignature('gpg.x509.program', 'x509'),
  'gpg.ssh.program': showSignature('gpg.ssh.program', 'ssh'),
  'gpg.ssh.allowedSignersFile': showSignature('gpg.ssh.program', 'ssh'),
  'gpg.ssh.defaultKeyCommand': ({ program }) => [['gpg.format', 'ssh'], ['gpg.ssh.defaultKeyCommand', program], ['commit.gpgSign', 'true'], ['tag.gpgSign', 'true']],
  'merge.verifySignatures': ({ program }) => [['merge.verifySignatures', 'true'], ['gpg.program', program]],
  'protocol.<name>.allow': lazyFetch,
  'remote.<name>.promisor': lazyFetch,
  'remote.<name>.uploadpack': ({ program }) => [['remote.up.url', 'https://example.org/up.git'], ['remote.up.uploadpack', program]],
  'remote.<name>.receivepack': ({ program }) => [['remote.rp.url', 'https://example.org/rp.git'], ['remote.rp.receivepack', program]],
  'remote.<name>.vcs': () => [['remote.helper.vcs', 'ext'], ['remote.helper.url', 'https://example.org/helper.git']],
  'url.<base>.insteadOf': ({ program }) => [[`url.ext::${program}.insteadOf`, 'https://example.org/']],
  'core.sshCommand': ({ program }) => [['core.sshCommand', program], ['remote.byssh.url', 'ssh://example.org/app.git']],
  'ssh.variant': () => [['ssh.variant', 'simple']],
  'core.gitProxy': ({ program }) => [['core.gitProxy', program], ['remote.bygit.url', 'git://example.org/app.git']],
  'http.<url>.*': () => [['http.https://example.org.proxy', 'http://127.0.0.1:9']],
  'core.alternateRefsCommand': ({ program }) => [['core.alternateRefsCommand', program]],
  'uploadpack.packObjectsHook': ({ program }) => [['uploadpack.packObjectsHook', program]],
  'fetch.negotiationAlgorithm': () => [['fetch.negotiationAlgorithm', 'skipping']],
  'init.templateDir': ({ markers, name, program }) => [['init.templateDir', join(markers.hooks(`${name}-template`, program), '..')]],
  'tar.<format>.command': ({ program }) => [['tar.tgz.command', program], ['tar.tar.gz.command', program]],
  'merge.<driver>.driver': ({ program }) => [['merge.evil.driver', program]],
  'alias.<name>': ({ program }) => OUR_SUBCOMMANDS.map((command) => [`alias.${command}`, `!${program}`]),
  'submodule.<name>.update': ({ program }) => [['submodule.evil.update', `!${program}`]],
  'trailer.<token>.command': ({ program }) => [['trailer.evil.command', program], ['trailer.evil.cmd', program]],
  'sendemail.<name>': ({ program }) => [['sendemail.toCmd', program], ['sendemail.ccCmd', program], ['sendemail.sendmailCmd', program], ['sendemail.smtpServer', program]],
  'difftool.<tool>.cmd': ({ program }) => [['difftool.evil.cmd', program], ['diff.tool', 'evil'], ['diff.guitool', 'evil']],
  'mergetool.<tool>.cmd': ({ program }) => [['mergetool.evil.cmd', program], ['merge.tool', 'evil']],
  'guitool.<name>.cmd': ({ program }) => [['guitool.evil.cmd', program]],
  'browser.<tool>.cmd': ({ program }) => [['browser.evil.cmd', program], ['web.browser', 'evil'], ['help.browser', 'evil'], ['man.evil.cmd', program], ['man.viewer', 'evil']],
  'include.path': ({ markers, name, program }) => [['include.path', markers.file(`${name}-included`, configText(showSignature('gpg.program')({ markers, name, program })))]],
  'includeIf.<condition>.path': ({ markers, name, program }) => [['includeIf.gitdir:/.path', markers.file(`${name}-included`, configText(showSignature('gpg.x509.program')({ markers, name, program })))]],
};

/** Rows whose config would mask another's (one gpg.program, one lazy fetch): each gets a repository of its own. */
const OWN_REPOSITORY = new Set(['log.showSignature', 'gpg.program', 'gpg.openpgp.program', 'gpg.x509.program', 'gpg.ssh.program', 'gpg.ssh.allowedSignersFile', 'gpg.ssh.defaultKeyCommand', 'merge.verifySignatures', 'protocol.<name>.allow', 'remote.<name>.promisor', 'include.path', 'includeIf.<condition>.path']);

/** Rows tested with a partial clone that lacks the blob of missing.txt at HEAD, so that reading it starts a lazy fetch. */
const LAZY_FETCH_ROWS = ['protocol.<name>.allow', 'remote.<name>.promisor'];

function dropMissingBlob(repo: GitFixture, base: HostileRepository): void {
  unlinkSync(join(repo.dir, '.git', 'objects', base.missingBlob.slice(0, 2), base.missingBlob.slice(2)));
}

/** How hostile config reaches git. */
type Route = 'repository config' | 'include.path' | 'includeIf.gitdir' | 'global config (includeIf)';
const ROUTES: readonly Route[] = ['repository config', 'include.path', 'includeIf.gitdir', 'global config (includeIf)'];

const sink = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });

/** Puts `entries` where `route` says and returns a function that undoes what it changed in the process. */
function installConfig(repo: GitFixture, markers: Markers, name: string, entries: readonly ConfigEntry[], route: Route): () => void {
  const gitConfig = join(repo.dir, '.git', 'config');
  const hostile = markers.file(`${name}-${route}.gitconfig`, configText(entries));
  const gitdir = `${realpathSync(repo.dir)}/.git`;
  if (route === 'repository config') appendFileSync(gitConfig, configText(entries));
  else if (route === 'include.path') appendFileSync(gitConfig, configText([['include.path', hostile]]));
  else if (route === 'includeIf.gitdir') appendFileSync(gitConfig, configText([[`includeIf.gitdir:${gitdir}.path`, hostile]]));
  else {
    const home = mkdtempSync(join(tmpdir(), 'reflect-home-'));
    appendFileSync(join(home, '.gitconfig'), configText([[`includeIf.gitdir:${gitdir}.path`, hostile]]));
    const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = join(home, '.config');
    return () => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      rmSync(home, { recursive: true, force: true });
    };
  }
  return () => undefined;
}

/**
 * Every read path the product has: the Releases view (tags, ranges, merged
 * tags), notes, rollback, packages (archive), export, the diff content
 * provider's blob reads, config reads for author and remote. Returns the
 * names of the steps git failed on (hostile config may make git refuse).
 */
async function readEverything(dir: string, scratch: string): Promise<string[]> {
  const failed: string[] = [];
  const step = (name: string, action: () => Promise<unknown>) => action().catch(() => failed.push(name));
  const git = await GitRepository.open(dir);
  const out = sink();
  // Inside the repository: a record folder outside it is refused (reliability promise 6).
  const record = writeRecord(join(dir, 'docs', 'changes', 'v1.4.0'), completeRecordFiles());
  // Independent reads run side by side, as the extension's views do.
  await Promise.all([
    step('releases', async () => {
      const overview = await readReleaseOverview(git);
      const range = await releaseRangeOf(git, overview.tags, 'v1.1.0');
      await git.readCommits(range, { skip: 0, limit: 2 }, ['b.txt']);
      await git.countCommits(range);
      await git.rangeCrossesShallowBoundary(range);
      for (const file of await git.changedFiles(range)) await git.readBlob('v1.1.0', file.path);
    }),
    step('head', () => git.headState()),
    step('diff from the first commit', () => git.changedFiles({ to: 'v1.0.0' })),
    step('blob', () => git.readBlob('HEAD', 'b.txt').then((blob) => assert.ok(blob))),
    step('missing blob', () => git.readBlob('HEAD', 'missing.txt')),
    step('merged tags', () => git.tagsMergedInto('HEAD')),
    step('config', () => git.configValues(['user.name', 'user.email', 'remote.origin.url'])),
    step('remote', () => git.remoteUrl()),
    step('tree', () => git.listTreeFiles('v1.1.0')),
    step('shallow', () => git.isShallow()),
    step('staged blob', async () => {
      const [entry] = await git.stagedFiles(['b.txt']);
      assert.ok(entry);
      assert.ok(await git.readBlobObject(entry.hash, 1 << 20));
    }),
    step('reflect check --staged', () => runCheck(['--staged', '--format', 'sarif', '--fail-on', 'never'], out, dir, '2026-01-02')),
    step('archive', () => git.archiveTar('v1.1.0', join(scratch, 'archive.tar'), 'x/')),
    step('reflect tags', () => runTags(['--repo', dir], out)),
    step('reflect notes', () => runNotes(['--repo', dir, 'v1.0.0..HEAD'], out, '2026-01-02', out)),
    step('reflect rollback', () => runRollback(['--repo', dir, 'v1.0.0..v1.1.0'], out, '2026-01-02')),
    step('reflect package', () => runPackage(['--repo', dir, '--out', join(scratch, 'packages'), 'v1.1.0'], out, out)),
    step('reflect export', () => runExport([record, '--repo', dir, '--out', join(scratch, 'pack.html')], out, fixedClock(new Date('2026-01-02T00:00:00Z')), out)),
  ]);
  return failed;
}

describe('every program-naming config key is neutralised on every git call (one test per row of the table)', () => {
  let base: HostileRepository;
  const cleanup: (() => void)[] = [];

  before(() => {
    base = new HostileRepository();
  });
  after(() => {
    for (const undo of cleanup.reverse()) undo();
    base.dispose();
  });

  it('has a hostile sample for every row, and every row says how it is neutralised', () => {
    assert.deepEqual(PROGRAM_CONFIG_KEYS.map((row) => row.key).filter((key) => !(key in SAMPLES)), []);
    for (const row of PROGRAM_CONFIG_KEYS) {
      if (row.neutralisedBy.kind === 'override') assert.ok(row.neutralisedBy.overrides.length > 0, row.key);
      else assert.ok(row.neutralisedBy.because.length > 10, row.key);
    }
  });

  it('gives every call the overrides, --no-pager and the subcommand\'s safety flags, and refuses options that run programs', () => {
    const args = neutralisedArguments(['log', '-z', '--end-of-options', 'HEAD']);
    assert.equal(args[0], '--no-pager');
    for (const [key, value] of NEUTRALISING_CONFIG) assert.ok(args.includes(`${key}=${value}`), key);
    assert.deepEqual(args.slice(args.indexOf('log'), args.indexOf('log') + 4), ['log', '--no-show-signature', '--no-ext-diff', '--no-textconv']);
    for (const bad of ['--show-signature', '--textconv', '--filters', '--ext-diff', '--format=%G?', '--format=%(signature)', '-c']) {
      assert.throws(() => neutralisedArguments(['log', bad]), /can run a program/, bad);
    }
    assert.doesNotThrow(() => neutralisedArguments(['log', '--end-of-options', '--show-signature']));
    assert.doesNotMatch(`${LOG_FORMAT}${TAG_FORMAT}`, /%G|signature/);
  });

  for (const route of ROUTES) {
    describe(`config that arrives through the ${route}`, () => {
      const shared: { failed?: string[]; markers?: Markers } = {};

      before(async () => {
        const markers = new Markers();
        shared.markers = markers;
        cleanup.push(() => markers.dispose());
        const repo = base.copy('reflect-hostile-');
        cleanup.push(() => repo.dispose());
        // Through the global config, one repository holds every row (rows that mask one another too).
        const everyRow = route === 'global config (includeIf)';
        const rows = everyRow ? PROGRAM_CONFIG_KEYS : PROGRAM_CONFIG_KEYS.filter((row) => !OWN_REPOSITORY.has(row.key));
        if (everyRow) dropMissingBlob(repo, base);
        const entries = rows.flatMap((row) => SAMPLES[row.key]({ markers, name: row.key, program: markers.program(row.key) }));
        const undo = installConfig(repo, markers, 'shared', entries, route);
        try {
          shared.failed = await readEverything(repo.dir, mkdtempSync(join(markers.dir, 'scratch-')));
        } finally {
          undo();
        }
      });

      it('reads everything without git failing', () => {
        assert.deepEqual(shared.failed, []);
      });

      for (const row of PROGRAM_CONFIG_KEYS) {
        it(`${row.key} (${row.neutralisedBy.kind})`, async () => {
          let markers = shared.markers;
          if (OWN_REPOSITORY.has(row.key) && route !== 'global config (includeIf)') {
            markers = new Markers();
            const own = markers;
            cleanup.push(() => own.dispose());
            const repo = base.copy('reflect-hostile-row-');
            cleanup.push(() => repo.dispose());
            const lazyFetch = LAZY_FETCH_ROWS.includes(row.key);
            if (lazyFetch) dropMissingBlob(repo, base);
            const undo = installConfig(repo, markers, row.key, SAMPLES[row.key]({ markers, name: row.key, program: markers.program(row.key) }), route);
            try {
              const failed = await readEverything(repo.dir, mkdtempSync(join(markers.dir, 'scratch-')));
              assert.deepEqual(failed, []);
            } finally {
              undo();
            }
          }
          assert.equal(existsSync(markers?.marker(row.key) ?? ''), false, `${row.key} ran a program through the ${route}`);
        });
      }
    });
  }

  it('the hostile repository is hostile: plain git runs the signature programs and the lazy fetch', () => {
    for (const key of ['gpg.program', 'gpg.x509.program', 'gpg.ssh.program', 'protocol.<name>.allow']) {
      const markers = new Markers();
      const repo = base.copy('reflect-hostile-control-');
      try {
        if (LAZY_FETCH_ROWS.includes(key)) dropMissingBlob(repo, base);
        installConfig(repo, markers, key, SAMPLES[key]({ markers, name: key, program: markers.program(key) }), 'includeIf.gitdir');
        try {
          const args = LAZY_FETCH_ROWS.includes(key) ? ['cat-file', 'blob', base.missingBlob] : ['log', '--format=%s'];
          execFileSync('git', args, { cwd: repo.dir, env: cleanEnv(), stdio: 'ignore' });
        } catch {
          // The program is a fake: git may fail after running it.
        }
        assert.equal(existsSync(markers.marker(key)), true, `plain git did not run ${key}; the test repository is not hostile enough`);
      } finally {
        repo.dispose();
        markers.dispose();
      }
    }
  });

  it('ignores GIT_CONFIG_PARAMETERS, GIT_CONFIG_COUNT and other GIT_* programs inherited from the environment', async () => {
    const markers = new Markers();
    const repo = base.copy('reflect-hostile-env-');
    const program = markers.program('environment');
    const injected: Record<string, string> = {
      GIT_CONFIG_PARAMETERS: `'log.showsignature'='true' 'gpg.program'='${program}' 'core.pager'='${program}'`,
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'log.showSignature',
      GIT_CONFIG_VALUE_0: 'true',
      GIT_CONFIG_KEY_1: 'gpg.x509.program',
      GIT_CONFIG_VALUE_1: program,
      GIT_EXTERNAL_DIFF: program,
      GIT_PAGER: program,
      GIT_SSH_COMMAND: program,
      GIT_ASKPASS: program,
      GIT_EDITOR: program,
      PAGER: program,
    };
    const saved = Object.fromEntries(Object.keys(injected).map((key) => [key, process.env[key]]));
    Object.assign(process.env, injected);
    try {
      assert.deepEqual(await readEverything(repo.dir, mkdtempSync(join(markers.dir, 'scratch-'))), []);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    try {
      assert.equal(existsSync(markers.marker('environment')), false, 'a program named by the environment ran');
      // Control: git itself honours these variables.
      const env = { ...cleanEnv(), ...injected };
      delete env.GIT_CONFIG_PARAMETERS;
      execFileSync('git', ['log', '--format=%s'], { cwd: repo.dir, env, stdio: 'ignore' });
      assert.equal(existsSync(markers.marker('environment')), true, 'the injected variables would not have run anything');
    } finally {
      repo.dispose();
      markers.dispose();
    }
  });
});
