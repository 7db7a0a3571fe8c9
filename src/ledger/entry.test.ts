import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isIsoTime } from './entry.js';

test('ISO times: real days and times only', () => {
  for (const ok of ['2024-02-29', '2023-12-31', '1949-04-04', '2024-06-10T12:00:00Z', '2024-06-10T12:00Z', '2024-06-10T23:59:59.123Z']) assert.ok(isIsoTime(ok), ok);
  for (const bad of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-00-10', '2024-06-10T24:00:00Z', '2024-06-10T12:60:00Z', '2024-06-10T12:00:00', '24-06-10', '', 42, null]) {
    assert.equal(isIsoTime(bad), false, String(bad));
  }
});
