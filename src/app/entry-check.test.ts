import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeCrypto } from '../adapters/crypto/node-crypto.js';
import { memoryKeyStore } from '../adapters/keystore/file-keystore.js';
import { toBase64 } from '../ledger/bytes.js';
import { ENTRY_VERSION, entryBytes, signEntry, type EntryBody } from '../ledger/entry.js';
import { checkEntry } from './entry-check.js';
import { renderMessage, type MessageRef } from '../messages/index.js';

/** The problems found, in English and in French. */
const said = (found: readonly MessageRef[], lang: 'en' | 'fr' = 'en') => found.map((f) => renderMessage(f, lang));

test('an entry checks clean; a changed byte or a foreign key is named', async () => {
  const signer = await memoryKeyStore().create('w', 'archive');
  const body: EntryBody = {
    v: ENTRY_VERSION, world: 'w', seq: 3, type: 'ProposalTabled', validTime: '2024-01-01', recordTime: '2026-01-01T00:00:00.000Z',
    actor: 'archive', actingFor: 'SG', kid: 'abcd0123', classification: 'PUBLIC', releasability: ['PUBLIC'], salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
    source: 'https://example.org/a', payload: { sig: 'nested "sig" members do not confuse the check', n: 1 },
  };
  const bytes = entryBytes(signEntry(body, signer));
  const keys = new Map([['abcd0123', { id: 'archive', publicKey: toBase64(signer.publicKey) }]]);
  assert.deepEqual(checkEntry(nodeCrypto, 'w', 3, bytes, keys).problems, []);
  assert.deepEqual(said(checkEntry(nodeCrypto, 'w', 4, bytes, keys).problems), ['entry says seq 3']);
  assert.deepEqual(said(checkEntry(nodeCrypto, 'w', 4, bytes, keys).problems, 'fr'), ['l’entrée indique le numéro 3']);
  const forged = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('"n":1', '"n":2'));
  assert.deepEqual(said(checkEntry(nodeCrypto, 'w', 3, forged, keys).problems), ['signature does not verify']);
  assert.deepEqual(said(checkEntry(nodeCrypto, 'w', 3, forged, keys).problems, 'fr'), ['la signature n’est pas valide']);
  assert.match(said(checkEntry(nodeCrypto, 'w', 3, bytes, new Map()).problems)[0]!, /unknown key abcd0123 \(archive\)/);
});

test('bytes that are not canonical are named as such', async () => {
  const signer = await memoryKeyStore().create('w2', 'archive');
  const body: EntryBody = {
    v: ENTRY_VERSION, world: 'w2', seq: 0, type: 'X', validTime: '2024-01-01', recordTime: '2026-01-01T00:00:00.000Z',
    actor: 'archive', actingFor: 'SG', kid: 'abcd0123', classification: 'PUBLIC', releasability: ['PUBLIC'], salt: 'AAAAAAAAAAAAAAAAAAAAAA==', payload: { a: 1, b: 2 },
  };
  const text = new TextDecoder().decode(entryBytes(signEntry(body, signer)));
  const reordered = new TextEncoder().encode(text.replace('"a":1,"b":2', '"b":2,"a":1'));
  const keys = new Map([['abcd0123', { id: 'archive', publicKey: toBase64(signer.publicKey) }]]);
  assert.deepEqual(said(checkEntry(nodeCrypto, 'w2', 0, reordered, keys).problems), ['entry bytes are not in canonical form']);
});

test('a malformed entry names each bad field and its rule, in English and in French', () => {
  const text = JSON.stringify({ v: 1, world: 'w', seq: -1, type: 'X', validTime: '2024-02-30', recordTime: '2026-01-01T00:00:00.000Z', actor: 'archive',
    actingFor: 'SG', kid: 'abcd0123', classification: 'PUBLIC', releasability: ['PUBLIC', 'nato'], salt: 'AA==', sig: 'AA==', payload: {}, colour: 'red' });
  const found = checkEntry(nodeCrypto, 'w', 0, new TextEncoder().encode(text), new Map()).problems;
  assert.deepEqual(said(found), ['malformed entry: seq: expected a non-negative integer; validTime: expected an ISO 8601 date or UTC date-time; releasability: invalid token nato; colour: unknown field']);
  assert.deepEqual(said(found, 'fr'), ['entrée mal formée\u00a0: seq\u00a0: entier positif ou nul attendu\u00a0; validTime\u00a0: date ISO\u00a08601 ou date et heure UTC attendue\u00a0; releasability\u00a0: jeton invalide nato\u00a0; colour\u00a0: champ inconnu']);
  assert.deepEqual(said(checkEntry(nodeCrypto, 'w', 0, new TextEncoder().encode('[1]'), new Map()).problems, 'fr'), ['entrée mal formée\u00a0: l’entrée n’est pas un objet JSON']);
});
