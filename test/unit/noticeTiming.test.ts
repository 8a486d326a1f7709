import * as assert from 'node:assert/strict';
import { noticeTimingOf } from '../../src/core/validate/noticeTiming';

const START = '2026-12-02T20:00:00Z';

describe('when a notice is due, read against the window', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['2026-11-30', 'due 2026-11-30'],
    ['2026-11-30T09:00', 'due 2026-11-30'],
    ['the day before', 'due 2026-12-01'],
    ['The day before.', 'due 2026-12-01'],
    ['two days before', 'due 2026-11-30'],
    ['2 days before the window', 'due 2026-11-30'],
    ['a week before go-live', 'due 2026-11-25'],
    ['two weeks prior to the deployment', 'due 2026-11-18'],
    ['48 hours before', 'due 2026-11-30'],
    ['21 hours before', 'due 2026-12-01'],
    ['1 hour ahead of the window', 'due 2026-12-02'],
    ['on the day', 'due 2026-12-02'],
    ['the morning of the window', 'due 2026-12-02'],
    ['when the window opens', 'due 2026-12-02'],
    ['after go-live', 'after-start'],
    ['once live', 'after-start'],
    ['during the window', 'after-start'],
    ['at go-live', 'after-start'],
    ['when the ward is quiet', 'unclear'],
    ['soon', 'unclear'],
    ['before', 'unclear'],
    ['next Tuesday', 'unclear'],
  ];
  for (const [when, expected] of cases) {
    it(`"${when}" → ${expected}`, () => {
      const timing = noticeTimingOf(when, START);
      assert.equal(timing.kind === 'due' ? `due ${timing.day}` : timing.kind, expected);
    });
  }

  it('counts hours from the start of the day when the window gives no time', () => {
    const timing = noticeTimingOf('1 hour before', '2026-12-02');
    assert.deepEqual(timing, { kind: 'due', day: '2026-12-01' });
  });
});
