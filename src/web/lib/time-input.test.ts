import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextProposalId, resolveTimeInput } from './time-input.js';

const now = Date.parse('2024-06-03T13:00:00Z');
const start = Date.parse('2024-06-03T06:00:00Z');
const base = { now: () => now, startMs: start };

test('a typed time: relative to now, from the scenario start, or UTC — never the browser’s zone', () => {
  assert.equal(resolveTimeInput('+24h', base), '2024-06-04T13:00:00Z');
  assert.equal(resolveTimeInput('24h', base), '2024-06-04T13:00:00Z');
  assert.equal(resolveTimeInput('1d6h', base), '2024-06-04T19:00:00Z');
  assert.equal(resolveTimeInput('90m', base), '2024-06-03T14:30:00Z');
  assert.equal(resolveTimeInput('T+30h', base), '2024-06-04T12:00:00Z');
  assert.equal(resolveTimeInput('2024-06-05 18:00', base), '2024-06-05T18:00:00Z');
  assert.equal(resolveTimeInput('2024-06-05T18:00Z', base), '2024-06-05T18:00:00Z');
  assert.equal(resolveTimeInput('2024-06-05 18:00:30 UTC', base), '2024-06-05T18:00:30Z');
});

test('what is no time is refused (undefined), including T+ outside a scenario and impossible dates', () => {
  for (const bad of ['', 'tomorrow', '24', '+', 'T+30h ', '2024-02-30 10:00', '2024-06-05 25:00', '05/06/2024 18:00']) {
    const r = resolveTimeInput(bad, base);
    if (bad === 'T+30h ') assert.equal(r, '2024-06-04T12:00:00Z');
    else assert.equal(r, undefined, bad);
  }
  assert.equal(resolveTimeInput('T+30h', { now: () => now }), undefined);
});

test('the next proposal id follows the year of now (scenario time), not the real year', () => {
  assert.equal(nextProposalId([], now), 'PO-2024-0001');
  assert.equal(nextProposalId(['PO-2024-0601', 'PO-2024-0042', 'PO-2026-0900', 'X-1'], now), 'PO-2024-0602');
  assert.equal(nextProposalId(['PO-2023-0007'], Date.parse('2026-01-01T00:00:00Z')), 'PO-2026-0001');
});
