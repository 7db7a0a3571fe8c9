import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatOffset, isoSeconds, parseDuration, parseOffset, resolveRelativeTimes } from './duration.js';

const H = 3_600_000;
const START = Date.parse('2024-06-03T06:00:00Z');

describe('durations and scenario times', () => {
  test('organisers’ durations and ISO 8601 durations', () => {
    assert.equal(parseDuration('90m'), 90 * 60_000);
    assert.equal(parseDuration('2h'), 2 * H);
    assert.equal(parseDuration('1d6h'), 30 * H);
    assert.equal(parseDuration('PT2H'), 2 * H);
    assert.equal(parseDuration('P1DT6H'), 30 * H);
    for (const bad of ['', 'P', 'two hours', '2x', '-1h']) assert.equal(parseDuration(bad), undefined, bad);
  });

  test('inject times: T+offset, a bare duration, or a UTC date-time', () => {
    assert.equal(parseOffset('T+2h', START), 2 * H);
    assert.equal(parseOffset('3h', START), 3 * H);
    assert.equal(parseOffset('2024-06-03T09:00:00Z', START), 3 * H);
    assert.equal(parseOffset('tomorrow', START), undefined);
  });

  test('relative times inside a command: +24h from the delivery, T+30h from the start', () => {
    const data = { deadline: '+24h', other: { at: 'T+30h' }, list: ['+1h', 'plain'], n: 3 };
    assert.deepEqual(resolveRelativeTimes(data, START + 6 * H, START), {
      deadline: '2024-06-04T12:00:00Z', other: { at: '2024-06-04T12:00:00Z' }, list: ['2024-06-03T13:00:00Z', 'plain'], n: 3,
    });
  });

  test('formats: whole-second UTC times and MSEL offsets', () => {
    assert.equal(isoSeconds(START + 1500), '2024-06-03T06:00:01Z');
    assert.equal(formatOffset(30 * H + 30 * 60_000), 'T+1d06:30');
    assert.equal(formatOffset(0), 'T+00:00');
  });
});
