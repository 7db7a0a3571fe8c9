import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addYears, compareTime, daysBetween, isValidTime } from './time.js';

describe('Valid time', () => {
  test('accepts dates and UTC date-times only', () => {
    assert.ok(isValidTime('2024-02-29'));
    assert.ok(isValidTime('2003-02-10T09:00:00Z'));
    assert.ok(!isValidTime('2023-02-29'));
    assert.ok(!isValidTime('2023-13-01'));
    assert.ok(!isValidTime('2023-01-01T24:00:00Z'));
    assert.ok(!isValidTime('2023-01-01T10:00:00'));
  });

  test('a date is the start of its day', () => {
    assert.ok(compareTime('2003-02-10', '2003-02-10T00:00:00Z') === 0);
    assert.ok(compareTime('2003-02-10', '2003-02-10T09:00:00Z') < 0);
  });

  test('Art. 13 year: same day next year; 29 February becomes 1 March', () => {
    assert.equal(addYears('1975-03-01', 1), '1976-03-01');
    assert.equal(addYears('2024-02-29', 1), '2025-03-01');
    assert.equal(addYears('2024-02-10T10:00:00Z', 1), '2025-02-10T10:00:00Z');
  });

  test('day arithmetic', () => {
    assert.equal(addDays('2023-12-31', 1), '2024-01-01');
    assert.equal(daysBetween('2022-07-05', '2024-03-07'), 611);
  });
});
