import * as assert from 'node:assert/strict';
import { nextSpawnTurn, runGit } from '../../src/core/git/gitProcess';
import { GitFixture } from '../fixtures/gitFixture';

/** Each git process is a fork of the caller: one per turn of the event loop, so forks never pile up in one task. */
describe('git processes start one per turn of the event loop', () => {
  /** Counts turns of the event loop (one tick per check phase) while `work` runs. */
  async function turnsOf(work: (turn: () => number) => Promise<void>): Promise<void> {
    let turn = 0;
    let running = true;
    const tick = () => {
      turn++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    try {
      await work(() => turn);
    } finally {
      running = false;
    }
  }

  it('lets the first start at once and each other asker in a later turn, each in a turn of its own', async () => {
    await turnsOf(async (turn) => {
      const passed: number[] = [];
      const askers = Array.from({ length: 6 }, () => nextSpawnTurn().then(() => passed.push(turn())));
      await Promise.all(askers);
      assert.equal(passed[0], 0, 'the first asker does not wait');
      assert.equal(new Set(passed).size, passed.length, `every start in a turn of its own: ${passed.join(', ')}`);
      assert.deepEqual([...passed].sort((a, b) => a - b), passed, 'in the order asked');
    });
  });

  it('answers every one of many git reads asked for together (none waits for a turn for ever)', async () => {
    const repo = new GitFixture();
    try {
      repo.commit('feat: one');
      const commands = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? ['log', '-1', '--format=%s'] : ['rev-list', '--count', 'HEAD']));
      const answers = await Promise.all(commands.map(async (args) => (await runGit(repo.dir, args)).toString('utf8').trim()));
      assert.deepEqual(answers, commands.map((_, i) => (i % 2 === 0 ? 'feat: one' : '1')));
    } finally {
      repo.dispose();
    }
  });
});
