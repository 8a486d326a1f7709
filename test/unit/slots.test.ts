import * as assert from 'node:assert/strict';
import { Slots } from '../../src/core/vocabulary/slots';

/** The limit on git processes and on the folder scan's reads. */
describe('Slots: at most so many at once', () => {
  it('never lets more than its count hold a slot, even when a newcomer asks as one lets go', async () => {
    const slots = new Slots(2);
    let holding = 0;
    let most = 0;
    const order: number[] = [];
    const work = (id: number) =>
      slots.run(async () => {
        holding++;
        most = Math.max(most, holding);
        order.push(id);
        await new Promise<void>((resolve) => setImmediate(resolve));
        holding--;
        // A newcomer asking right as this one lets go must wait its turn behind those already waiting.
        if (id === 0) void work(100);
      });
    await Promise.all(Array.from({ length: 8 }, (_, id) => work(id)));
    await slots.run(async () => undefined);
    assert.ok(most <= 2, `at most 2 at once (${most})`);
    assert.equal(most, 2);
    assert.deepEqual(order.slice(0, 8), [0, 1, 2, 3, 4, 5, 6, 7], 'in the order asked');
    assert.ok(order.includes(100));
  });

  it('lets go once however often the release is called, and frees the slot when the work fails', async () => {
    const slots = new Slots(1);
    const release = await slots.take();
    release();
    release();
    const [a, b] = [slots.take(), slots.take()];
    const first = await a;
    let secondHeld = false;
    void b.then(() => (secondHeld = true));
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.equal(secondHeld, false, 'a second release must not have let the second in beside the first');
    first();
    (await b)();
    await assert.rejects(slots.run(async () => Promise.reject(new Error('failed'))), /failed/);
    (await slots.take())();
  });
});
