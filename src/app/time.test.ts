/** The one strict parser of times and ids from outside. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDecimalId, isTimeInput, parseDecimalId, parseTimeInput } from './time.js';
import { EvereError } from './errors.js';

test('calendar dates and UTC times are accepted and written canonically', () => {
  assert.equal(parseTimeInput('2023-04-03', 'asOf'), '2023-04-03');
  assert.equal(parseTimeInput('2024-02-29', 'asOf'), '2024-02-29');
  assert.equal(parseTimeInput('2023-04-03T10:00Z', 'asOf'), '2023-04-03T10:00:00Z');
  assert.equal(parseTimeInput('2023-04-03T23:59:59Z', 'asOf'), '2023-04-03T23:59:59Z');
  assert.equal(parseTimeInput('2023-04-03T23:59:59.5Z', 'asOf'), '2023-04-03T23:59:59.500Z');
  assert.equal(parseTimeInput('2023-04-03T23:59:59.000Z', 'asOf'), '2023-04-03T23:59:59Z');
});

test('impossible dates and times are refused, naming the parameter', () => {
  for (const bad of ['2023-02-30', '2023-02-29', '1900-02-29', '2023-13-40', '2023-00-10', '2023-04-00', '2023-04-03T25:99Z', '2023-04-03T24:00Z',
    '2023-04-03T23:59:60Z', '2023-04-03T23:60Z', '2023-04-03T10:00', '2023-04-03T10:00+01:00', '2023-4-3', '20230403', ' 2023-04-03', '2023-04-03\n', '', 'now']) {
    assert.equal(isTimeInput(bad), false, bad);
    assert.throws(() => parseTimeInput(bad, 'knownAt'), (e: unknown) => e instanceof EvereError && e.code === 'input.time_invalid' && e.params.param === 'knownAt', bad);
  }
});

test('ids are decimal digits only', () => {
  for (const good of ['0', '16', '9007199254740991']) assert.equal(parseDecimalId(good, 'seq'), Number(good));
  for (const bad of ['0x10', ' ', '', '1e1', '+1', '-1', '01', '1.0', '16 ', '9007199254740993', '１']) {
    assert.equal(isDecimalId(bad), false, bad);
    assert.throws(() => parseDecimalId(bad, 'seq'), (e: unknown) => e instanceof EvereError && e.code === 'input.integer_invalid' && e.params.param === 'seq', bad);
  }
});
