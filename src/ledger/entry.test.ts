import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraftFields, checkEntryShape, entryBytes, isIsoTime, signedEntryBytes, signingAndBodyBytes, signingBytes, signEntry, type EntryBody } from './entry.js';
import { pooledBytes, utf8, utf8Transient } from './bytes.js';

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
    const { signing, canonical } = signingAndBodyBytes(body);
    assert.deepEqual(signing, signingBytes(body));
    assert.deepEqual(signedEntryBytes(canonical, body.seq, sig), entryBytes({ ...body, sig }));
  }
  assert.throws(() => signedEntryBytes(signingAndBodyBytes(base).canonical, 13, 'x'), /no seq 13/);
});

test('UTF-8: short strings copied by hand are the bytes TextEncoder gives, whatever their characters', () => {
  const encoder = new TextEncoder();
  for (const text of ['', 'a', '"seq":12,', '\u0000\u007f', 'é', 'x'.repeat(63) + 'é', '🌍', 'x'.repeat(64), 'x'.repeat(65), 'Évère — 北大西洋 🌍'.repeat(5)]) {
    assert.deepEqual(utf8(text), encoder.encode(text), JSON.stringify(text));
  }
});

test('pooled bytes: zeroed, of the length asked, and never overlapping another live view', () => {
  const views: Uint8Array[] = [];
  for (let i = 0; i < 600; i++) {
    const view = pooledBytes(1 + (i * 37) % 1500);
    assert.equal(view.length, 1 + (i * 37) % 1500);
    assert.ok(view.every((b) => b === 0), `view ${i} is zeroed`);
    view.fill(i % 255 + 1);
    views.push(view);
  }
  views.forEach((view, i) => assert.ok(view.every((b) => b === i % 255 + 1), `view ${i} kept its bytes`));
  const large = pooledBytes(100_000);
  assert.equal(large.byteOffset, 0);
  assert.equal(large.buffer.byteLength, 100_000);
});

test('transient UTF-8: the bytes TextEncoder gives, in an array the next call reuses', () => {
  const encoder = new TextEncoder();
  for (const text of ['', 'evere/entry-columns\n[12,"Note"]', 'Évère — 北大西洋 🌍'.repeat(200)]) {
    assert.deepEqual(new Uint8Array(utf8Transient(text)), encoder.encode(text), text.slice(0, 20));
  }
  const first = utf8Transient('first');
  utf8Transient('other');
  assert.deepEqual(new Uint8Array(first), encoder.encode('other'), 'the scratch array is reused');
});

test('the draft fields an append checks are those of the entry shape, each named', () => {
  const signer = { publicKey: new Uint8Array(32), sign: () => new Uint8Array(64) };
  const good = signEntry({
    v: 1, world: 'w', seq: 0, type: 'Note', validTime: '2024-01-01', recordTime: '2024-01-01T00:00:00.000Z',
    actor: 'archive', actingFor: 'FRA', kid: 'abcd1234', classification: 'PUBLIC', releasability: ['PUBLIC'], salt: 'c2FsdA==', payload: {},
  }, signer);
  assert.deepEqual(checkEntryShape(good), []);
  assert.deepEqual(checkDraftFields({ ...good }), []);
  const bad = { ...good, type: '', validTime: '2023-02-29', actingFor: 3, classification: 'TOP', releasability: 'PUBLIC', source: 7 } as Record<string, unknown>;
  delete bad.payload;
  const draft = checkDraftFields(bad);
  assert.deepEqual(draft, [
    { field: 'type', rule: 'non_empty_string' }, { field: 'actingFor', rule: 'non_empty_string' }, { field: 'validTime', rule: 'iso_time' },
    { field: 'classification', rule: 'classification' }, { field: 'releasability', rule: 'non_empty_list' }, { field: 'source', rule: 'string' },
    { field: 'payload', rule: 'missing' },
  ]);
  assert.deepEqual(checkDraftFields({ ...good, releasability: ['PUBLIC', 'nato'] }), [{ field: 'releasability', rule: 'releasability_token', value: 'nato' }]);
  assert.deepEqual(checkEntryShape({ ...good, v: 2, seq: -1, extra: 1 }), [{ field: 'v', rule: 'version', value: '1' }, { field: 'seq', rule: 'non_negative_integer' }, { field: 'extra', rule: 'unknown_field' }]);
  assert.deepEqual(checkEntryShape([good]), [{ field: '', rule: 'not_object' }]);
  assert.deepEqual(checkEntryShape(bad), draft, 'the entry check names the same draft problems');
});
