import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testLedger, draft } from '../support/ledger.js';
import { fromBase64 } from '../../src/ledger/bytes.js';
import { storeContract } from './store-contract.js';
import { openMemoryStore } from '../../src/adapters/memory/memory-store.js';
import { openMemoryAccounts } from '../../src/adapters/memory/memory-accounts.js';
import { accountStoreContract } from './account-contract.js';

storeContract({ name: 'memory', open: async () => openMemoryStore() });

accountStoreContract({
  name: 'memory',
  fresh: async () => {
    const store = openMemoryAccounts();
    return { handle: async () => store };
  },
});

test('every entry of a batch carries its own 16-byte salt', async () => {
  const ledger = testLedger(openMemoryStore());
  await ledger.createWorld('salts');
  const entries = await ledger.append('salts', Array.from({ length: 50 }, (_, i) => draft(i)));
  const salts = entries.map((e) => fromBase64(e.salt));
  assert.ok(salts.every((s) => s.length === 16));
  assert.equal(new Set(entries.map((e) => e.salt)).size, 50);
  assert.equal((await ledger.verify('salts')).ok, true);
});
