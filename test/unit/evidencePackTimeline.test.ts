import * as assert from 'node:assert/strict';
import { buildTimeline, deploymentWindowOf, relativeToDeployment } from '../../src/core/export/deploymentTimeline';

describe('Evidence pack timeline', () => {
  const window = { start: '2026-12-02T20:00:00Z', end: '2026-12-02T22:00:00Z' };

  it('counts whole days before the start and after the end by the written day', () => {
    assert.equal(relativeToDeployment('2026-11-30', window), '2 days before deployment start');
    assert.equal(relativeToDeployment('2026-12-01', window), '1 day before deployment start');
    assert.equal(relativeToDeployment('2026-12-03', window), '1 day after deployment end');
    assert.equal(relativeToDeployment('2027-01-02', window), '31 days after deployment end');
    assert.equal(relativeToDeployment('2026-11-30T23:59:00+05:00', window), '2 days before deployment start');
  });

  it('crosses month, year and leap-day boundaries', () => {
    const leap = { start: '2028-02-28T08:00:00Z', end: '2028-03-01T08:00:00Z' };
    assert.equal(relativeToDeployment('2027-12-31', leap), '59 days before deployment start');
    assert.equal(relativeToDeployment('2028-03-31', leap), '30 days after deployment end');
    assert.equal(relativeToDeployment('2028-02-29', leap), 'during the deployment window');
  });

  it('places a date-time on the deployment day by the hour', () => {
    assert.equal(relativeToDeployment('2026-12-02T17:00:00Z', window), '3 hours before deployment start');
    assert.equal(relativeToDeployment('2026-12-02T19:40:00Z', window), 'less than an hour before deployment start');
    assert.equal(relativeToDeployment('2026-12-02T21:00:00Z', window), 'during the deployment window');
    assert.equal(relativeToDeployment('2026-12-02T23:00:00Z', window), '1 hour after deployment end');
    assert.equal(relativeToDeployment('2026-12-02', window), 'on the deployment day');
  });

  it('says when there is no window, or a date cannot be read', () => {
    assert.equal(relativeToDeployment('2026-12-02', undefined), 'no deployment window recorded');
    assert.equal(relativeToDeployment('next Tuesday', window), 'date not readable');
    assert.equal(relativeToDeployment('2026-02-30', window), 'date not readable');
  });

  it('reads the window from change.md only when both ends are dates', () => {
    assert.deepEqual(deploymentWindowOf({ deployment: { start: '2026-12-02T20:00:00Z', end: '2026-12-02T22:00:00Z' } }), window);
    assert.equal(deploymentWindowOf({ deployment: { start: '2026-12-02T20:00:00Z' } }), undefined);
    assert.equal(deploymentWindowOf({ deployment: { start: 'soon', end: 'later' } }), undefined);
    assert.equal(deploymentWindowOf({ deployment: 'tomorrow' }), undefined);
    assert.equal(deploymentWindowOf(undefined), undefined);
  });

  it('orders dated moments by date around the window and keeps undated ones last, in order', () => {
    const entries = buildTimeline(
      [
        { label: 'On action', date: '2026-12-04', absentReason: 'not written' },
        { label: 'Beyond action', absentReason: 'not written' },
        { label: 'Before action', date: '2026-11-25', absentReason: 'not written' },
        { label: 'Action plan', date: 'someday', absentReason: 'not written' },
        { label: 'Execution', date: '2026-12-02T21:00:00Z', absentReason: 'not written' },
      ],
      window,
    );
    assert.deepEqual(
      entries.map((e) => [e.label, e.relative]),
      [
        ['Before action', '7 days before deployment start'],
        ['Deployment window opens', 'deployment start'],
        ['Execution', 'during the deployment window'],
        ['Deployment window closes', 'deployment end'],
        ['On action', '2 days after deployment end'],
        ['Beyond action', 'not written'],
        ['Action plan', 'date not readable'],
      ],
    );
  });
});
