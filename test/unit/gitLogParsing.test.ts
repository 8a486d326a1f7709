import * as assert from 'node:assert/strict';
import { LogRecordReader, parseLogRecords, parseTagRecords } from '../../src/core/git/gitLogParsing';

describe('git output parsing', () => {
  it('reads NUL-separated log records, keeping blank lines, pipes and semicolons in messages', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const output =
      `${a}\0${b}\0Ann\0ann@example.org\x002026-03-02T10:00:00+00:00\0feat: one | two; three\n\nbody line\n\0` +
      `\n${b}\0\0Bob\0bob@example.org\x002026-03-01T09:00:00+00:00\0fix: root\r\n\0`;
    const commits = parseLogRecords(output);
    assert.equal(commits.length, 2);
    assert.deepEqual(commits[0].parents, [b]);
    assert.equal(commits[0].message, 'feat: one | two; three\n\nbody line');
    assert.equal(commits[1].hash, b);
    assert.deepEqual(commits[1].parents, []);
    assert.equal(commits[1].message, 'fix: root');
  });

  it('reads tags, peeling annotated ones to their commit', () => {
    const output =
      `v1.0.0\0${'1'.repeat(40)}\0${'2'.repeat(40)}\0tag\x002026-01-15T12:00:00+00:00\n` +
      `v1.1.0\0${'3'.repeat(40)}\0\0commit\x002026-03-02T12:00:00+00:00\n`;
    const [annotated, light] = parseTagRecords(output);
    assert.equal(annotated.hash, '2'.repeat(40));
    assert.equal(annotated.annotated, true);
    assert.equal(light.hash, '3'.repeat(40));
    assert.equal(light.annotated, false);
    assert.equal(light.date, '2026-03-02T12:00:00+00:00');
  });

  it('ignores empty output', () => {
    assert.deepEqual(parseLogRecords(''), []);
    assert.deepEqual(parseTagRecords(''), []);
  });

  it('reads the same records however the output is cut into chunks', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const output = `${a}\0${b}\0Ann\0ann@example.org\x002026-03-02T10:00:00+00:00\0feat: résultat | two\n\nbody\n\0\n${b}\0\0Bob\0bob@example.org\x002026-03-01T09:00:00+00:00\0fix: root\n\0`;
    const whole = parseLogRecords(output);
    assert.equal(whole.length, 2);
    for (let cut = 1; cut < output.length; cut++) {
      const reader = new LogRecordReader((c) => c);
      reader.push(output.slice(0, cut));
      reader.push(output.slice(cut));
      assert.deepEqual(reader.end(), whole, `cut at ${cut}`);
    }
  });
});
