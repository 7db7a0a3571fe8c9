import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyBytes, entryBytes, isIsoTime, signedEntryBytes, signingBytes, signingBytesOf, type EntryBody } from './entry.js';

test('ISO times: real days and times only', () => {
  for (const ok of ['2024-02-29', '2023-12-31', '1949-04-04', '2024-06-10T12:00:00Z', '2024-06-10T12:00Z', '2024-06-10T23:59:59.123Z']) assert.ok(isIsoTime(ok), ok);
  for (const bad of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-00-10', '2024-06-10T24:00:00Z', '2024-06-10T12:60:00Z', '2024-06-10T12:00:00', '24-06-10', '', 42, null]) {
    assert.equal(isIsoTime(bad), false, String(bad));
  }
});

test('the leaf bytes spliced from the signed body are the canonical JSON of the signed entry', () => {
  const base: EntryBody = {
    v: 1, world: 'w "quoted" \\ ÿ', seq: 12, type: 'Note', validTime: '2024-01-01', recordTime: '2024-01-01T00:00:00.000Z',
    actor: 'archive', actingFor: 'FRA', kid: 'abcd1234', classification: 'PUBLIC', releasability: ['PUBLIC'], salt: 'c2FsdA==',
    payload: { seq: 12, inner: { '"seq":12,': '"seq":12,"sig":"x",', list: [{ seq: 12, z: 1 }] }, text: 'Évère — 北大西洋 🌍' },
  };
  const bodies: EntryBody[] = [
    base,
    { ...base, source: 'https://www.nato.int/"seq":12,', exercise: true },
    { ...base, seq: 0, payload: {} },
    { ...base, seq: 120, payload: { seq: 12 } },
  ];
  for (const body of bodies) {
    const sig = 'AQID+/==';
    const canonical = bodyBytes(body);
    assert.deepEqual(signingBytesOf(canonical), signingBytes(body));
    assert.deepEqual(signedEntryBytes(canonical, body.seq, sig), entryBytes({ ...body, sig }));
  }
  assert.throws(() => signedEntryBytes(bodyBytes(base), 13, 'x'), /no seq 13/);
});
