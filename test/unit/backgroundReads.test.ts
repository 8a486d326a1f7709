import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { getPriority } from 'node:os';
import { BACKGROUND_PRIORITY, runGit } from '../../src/core/git/gitProcess';
import { GitFixture } from '../fixtures/gitFixture';

/** Reads nobody waits on run at a lower priority; the others at the caller's. */
describe('background git reads', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = new GitFixture();
    repo.commit('feat: one');
  });
  afterEach(() => repo.dispose());

  /** The priority of the git process a read ran, read while it was still there (the real spawn, watched). */
  async function priorityOf(background: boolean): Promise<number | undefined> {
    let priority: number | undefined;
    const watched = ((...args: Parameters<typeof spawn>) => {
      const child = spawn(...args);
      child.once('spawn', () => {
        if (child.pid !== undefined) priority = getPriority(child.pid);
      });
      return child;
    }) as typeof spawn;
    await runGit(repo.dir, ['log', '--format=%s'], { background }, watched);
    return priority;
  }

  it('lowers the priority of a background read, and of nothing else', async function () {
    if (process.platform === 'win32') this.skip();
    const own = getPriority();
    assert.equal(await priorityOf(false), own);
    assert.equal(await priorityOf(true), Math.max(own, BACKGROUND_PRIORITY));
    assert.equal(await priorityOf(false), own);
  });
});
