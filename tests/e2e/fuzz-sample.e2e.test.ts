/**
 * A sample of `npm run bench:fuzz`: malformed requests (paths, queries, bodies, headers) to every
 * operation of the OpenAPI document, a few dozen each. None may get a 5xx or an answer carrying
 * internal text. FUZZ_SAMPLE sets the count a operation, FUZZ_SEED the seed.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fuzzOperation, fuzzTarget, internalText, type FuzzTarget } from '../support/fuzz.js';

const SAMPLE = Number(process.env.FUZZ_SAMPLE ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

describe('fuzz sample: every operation', () => {
  let target: FuzzTarget;
  before(async () => {
    target = await fuzzTarget();
  });
  after(() => target.server.close());

  test('the internal-text check recognises what must never reach a client', () => {
    for (const leak of [
      'TypeError: Cannot read properties of undefined (reading \'x\')\n    at parse (/srv/evere/src/app/yaml.ts:12:3)',
      '{"detail":"Maximum call stack size exceeded"}', '{"detail":"SQLITE_CONSTRAINT: UNIQUE constraint failed"}',
      '{"detail":"duplicate key value violates unique constraint \\"entries_pkey\\""}', '{"detail":"Unexpected token } in JSON at position 3"}',
    ]) assert.ok(internalText(leak), leak);
    for (const fine of ['{"code":"input.time_invalid","detail":"asOf: 2023-02-30 is not a calendar date","instance":"/api/x?TypeError"}', '{"members":[]}']) {
      assert.equal(internalText(fine), undefined, fine);
    }
  });

  test('findings of the full run: an over-long path segment and a HEAD of the event stream are answered like any 4xx', async () => {
    const long = await target.app.inject({ url: `/api/worlds/${'a'.repeat(400)}/checkpoint` });
    assert.ok(long.statusCode >= 400 && long.statusCode < 500, String(long.statusCode));
    assert.equal(internalText(long.body), undefined, long.body);
    assert.equal(long.json().code, 'input.malformed');
    const head = await fetch(`${target.address}/api/worlds/ex/events`, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    assert.ok(head.status >= 400 && head.status < 500, `HEAD of the stream: ${head.status}`);
  });

  test('every operation answers malformed requests without a 5xx or internal text', async () => {
    assert.ok(target.operations.length >= 40, `${target.operations.length} operations`);
    let requests = 0;
    for (const [i, op] of target.operations.entries()) requests += (await fuzzOperation(target, op, SAMPLE, SEED + i)).requests;
    assert.equal(requests, SAMPLE * target.operations.length);
  });
});
