import * as assert from 'node:assert/strict';
import { relativeDate, unitsAway } from '../../src/core/render/relativeDate';

/** The commit rows' dates ("3 days ago"), written without Intl, against Intl itself. */
describe('relativeDate: English relative dates without ICU', () => {
  const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

  it('writes every unit from 3,000 back to 3,000 on as Intl.RelativeTimeFormat does', () => {
    for (const unit of ['year', 'month', 'week', 'day', 'hour', 'minute'] as const) {
      for (let value = -3000; value <= 3000; value++) {
        if (value === 0) continue;
        assert.equal(unitsAway(value, unit), intl.format(value, unit), `${value} ${unit}`);
      }
    }
  });

  it('picks the unit by size and rounds within it, for dates in the past and the future', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
    assert.equal(relativeDate(at(-30), now), 'now');
    assert.equal(relativeDate(at(-60), now), '1 minute ago');
    assert.equal(relativeDate(at(-100 * 60), now), '2 hours ago');
    assert.equal(relativeDate(at(-90 * 60), now), '1 hour ago', 'half a unit rounds up, towards now, as Math.round does');
    assert.equal(relativeDate(at(-24 * 3600), now), 'yesterday');
    assert.equal(relativeDate(at(-3 * 24 * 3600), now), '3 days ago');
    assert.equal(relativeDate(at(-8 * 24 * 3600), now), 'last week');
    assert.equal(relativeDate(at(-50 * 24 * 3600), now), '2 months ago');
    assert.equal(relativeDate(at(2 * 24 * 3600), now), 'in 2 days');
    assert.equal(relativeDate('1970-01-01T00:00:00Z', now), '57 years ago');
    assert.equal(relativeDate('not a date', now), 'not a date');
    // Every offset up to 40 years either way, in steps that cross each unit's edges, as Intl would write it.
    const units = [['year', 365 * 24 * 3600], ['month', 30 * 24 * 3600], ['week', 7 * 24 * 3600], ['day', 24 * 3600], ['hour', 3600], ['minute', 60]] as const;
    for (let seconds = -40 * 365 * 24 * 3600; seconds <= 40 * 365 * 24 * 3600; seconds += 7919) {
      const unit = units.find(([, size]) => Math.abs(seconds) >= size);
      const expected = unit ? intl.format(Math.round(seconds / unit[1]), unit[0]) : 'now';
      assert.equal(relativeDate(at(seconds), now), expected, `${seconds} s`);
    }
  });
});
