import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config/resolvedConfig';
import { GitRepository } from '../../src/core/git/gitRepository';
import { shellWord } from '../../src/core/rollback/rollbackSteps';
import { buildReleaseRollbackChecklist } from '../../src/core/usecases/rollbackChecklist';
import { GitFixture } from '../fixtures/gitFixture';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function reflect(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The command of the checklist's "verify it" step, as a person would copy it. */
function verifyCommandOf(checklist: string): string {
  const line = checklist.split('\n').find((l) => l.includes('verify it:'));
  assert.ok(line, checklist);
  const command = /verify it: `([^`]+)`/.exec(line)?.[1];
  assert.ok(command, line);
  return command;
}

/** Runs a copied `reflect …` line through a real shell, with `reflect` standing for the built CLI. */
function runCopied(command: string, cwd: string) {
  const script = `reflect() { "${process.execPath}" "${CLI}" "$@"; }\n${command}\n`;
  return spawnSync('/bin/sh', ['-c', script], { cwd, encoding: 'utf8' });
}

describe('the rollback checklist\'s commands work when copied', () => {
  let repo: GitFixture;
  before(() => {
    repo = new GitFixture('reflect-verify-step-');
    repo.commit('feat: first release');
    repo.tag('v1.0.0', true);
    repo.commit('feat: add the alert', 'alert.txt');
  });
  after(() => repo.dispose());

  it('the verify step names the package from the repository root, and passes when run there', async () => {
    assert.equal(reflect(['package', 'v1.0.0'], repo.dir).code, 0);
    // As the editor builds it: the package looked up in the configured package folder.
    const built = await buildReleaseRollbackChecklist(await GitRepository.open(repo.dir), DEFAULT_CONFIG, { range: { from: 'v1.0.0', to: 'HEAD' }, today: '2030-01-15', package: { lookup: 'package-folder' } });
    const command = verifyCommandOf(built.markdown);
    assert.match(command, /^reflect package --verify \.reflect\/packages\/\S+\.tar\.gz$/);
    const run = runCopied(command, repo.dir);
    assert.equal(run.status, 0, `${command}\n${run.stdout}${run.stderr}`);
  });

  it('a package named from a sub-folder is still named from the root', () => {
    const sub = join(repo.dir, 'deploy');
    mkdirSync(sub, { recursive: true });
    assert.equal(reflect(['package', 'v1.0.0', '--out', 'pkgs'], sub).code, 0);
    const archive = execFileSync('ls', [join(sub, 'pkgs')], { encoding: 'utf8' }).split('\n').find((n) => n.endsWith('.tar.gz'));
    assert.ok(archive && existsSync(join(sub, 'pkgs', archive)));
    const { code, stdout, stderr } = reflect(['rollback', 'v1.0.0..HEAD', '--package', join('pkgs', archive)], sub);
    assert.equal(code, 0, stderr);
    const command = verifyCommandOf(stdout);
    assert.equal(command, `reflect package --verify deploy/pkgs/${archive}`);
    assert.equal(runCopied(command, repo.dir).status, 0);
  });

  it('quotes what a shell would read otherwise: a tag may be named v1;touch', () => {
    assert.equal(shellWord('v1.2.0'), 'v1.2.0');
    assert.equal(shellWord('.reflect/packages/v1.2.0.tar.gz'), '.reflect/packages/v1.2.0.tar.gz');
    assert.equal(shellWord('v1;touch pwned'), "'v1;touch pwned'");
    assert.equal(shellWord("it's"), `'it'\\''s'`);
    const echoed = spawnSync('/bin/sh', ['-c', `printf %s ${shellWord("a'b;$(touch x) `c`")}`], { encoding: 'utf8', cwd: repo.dir });
    assert.equal(echoed.stdout, "a'b;$(touch x) `c`");
    assert.ok(!existsSync(join(repo.dir, 'x')));
  });
});
