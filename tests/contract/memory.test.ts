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

test('proofs keep the top of the tree in memory: the same hashes, the store asked once for the kept levels, then only for the nodes below', async () => {
  const { KEPT_NODE_LEVEL } = await import('../../src/app/ledger-service.js');
  const store = openMemoryStore();
  const ledger = testLedger(store);
  await ledger.createWorld('tree');
  const grow = async (to: number) => {
    for (let start = (await store.size('tree')); start < to; start += 2000) {
      await ledger.append('tree', Array.from({ length: Math.min(2000, to - start) }, (_, i) => draft(start + i)));
    }
  };
  const size = 21 * 2 ** KEPT_NODE_LEVEL + 17;
  await grow(size);
  const asked: { level: number; index: number }[][] = [];
  const counting = { ...store, nodes: (world: string, ids: readonly { level: number; index: number }[]) => { asked.push([...ids]); return store.nodes(world, ids); } };
  const cached = testLedger(counting as typeof store);
  const upper = (ids: readonly { level: number }[]) => ids.filter((id) => id.level >= KEPT_NODE_LEVEL);
  // Two proofs at once: the kept levels are read once, every complete node of them.
  const [first, second] = await Promise.all([cached.inclusionHashes('tree', 5, size), cached.inclusionHashes('tree', 6, size)]);
  const completeUpper = Array.from({ length: 12 }, (_, l) => l + KEPT_NODE_LEVEL).reduce((n, l) => n + Math.floor(size / 2 ** l), 0);
  assert.equal(asked.flatMap(upper).length, completeUpper, 'the kept levels are read from the store once, whole');
  const fromProofs = asked.filter((ids) => upper(ids).length === 0);
  assert.equal(fromProofs.length, 2, 'each proof then asks the store once');
  assert.ok(fromProofs.flat().every((id) => id.level < KEPT_NODE_LEVEL));
  // The same answers as a ledger that keeps nothing yet, for inclusion and consistency proofs.
  const fresh = () => testLedger(store);
  assert.deepEqual(first, await fresh().inclusionHashes('tree', 5, size));
  assert.deepEqual(second, await fresh().inclusionHashes('tree', 6, size));
  const edge = 2 ** KEPT_NODE_LEVEL;
  for (const [a, b] of [[5, size], [edge, size], [size - 20, size], [2 * edge + 3, 2 * edge + 9], [edge - 1, 4 * edge], [1, size]] as const) {
    assert.deepEqual(await cached.consistencyHashes('tree', a, b), await fresh().consistencyHashes('tree', a, b), `consistency ${a} → ${b}`);
  }
  for (const seq of [0, edge - 1, edge, 2 * edge - 1, 16 * edge, size - 1]) {
    assert.deepEqual(await cached.inclusionHashes('tree', seq, size), await fresh().inclusionHashes('tree', seq, size), `inclusion of ${seq}`);
  }
  asked.length = 0;
  // The log grows: the next proof reads the new complete upper nodes, and only those.
  const grown = size + 3 * edge;
  await grow(grown);
  assert.deepEqual(await cached.inclusionHashes('tree', grown - 1, grown), await fresh().inclusionHashes('tree', grown - 1, grown));
  const newUpper = Array.from({ length: 12 }, (_, l) => l + KEPT_NODE_LEVEL).reduce((n, l) => n + Math.floor(grown / 2 ** l) - Math.floor(size / 2 ** l), 0);
  assert.equal(asked.flatMap(upper).length, newUpper);
  // A proof at the smaller size still answers from what is kept.
  assert.deepEqual(await cached.inclusionHashes('tree', 7, size), await fresh().inclusionHashes('tree', 7, size));
});

test('a warmed ledger answers its first command and first proof without reading the log or the kept levels again; concurrent catch-ups fold the log once', async () => {
  const { KEPT_NODE_LEVEL } = await import('../../src/app/ledger-service.js');
  const store = openMemoryStore();
  const writer = testLedger(store);
  await writer.createWorld('warm');
  const size = 9 * 2 ** KEPT_NODE_LEVEL + 5;
  await writer.append('warm', Array.from({ length: size }, (_, i) => draft(i)));
  const read: { entries: [number, number][]; nodes: { level: number }[][] } = { entries: [], nodes: [] };
  const counting = {
    ...store,
    // Whole entries or their bytes alone: every read of the log counts.
    entries: (world: string, from: number, to: number) => { read.entries.push([from, to]); return store.entries(world, from, to); },
    entryBytes: (world: string, from: number, to: number) => { read.entries.push([from, to]); return store.entryBytes(world, from, to); },
    nodes: (world: string, ids: readonly { level: number; index: number }[]) => { read.nodes.push([...ids]); return store.nodes(world, ids); },
  };
  const { LedgerService } = await import('../../src/app/ledger-service.js');
  const ledger = new LedgerService({ ...writer.deps, store: counting as typeof store });
  // The warm-up and a command that arrives meanwhile share one fold of the log.
  const [warmed, state] = await Promise.all([ledger.warm('warm'), ledger.state('warm')]);
  assert.equal(warmed.size, size);
  assert.deepEqual(state, await testLedger(store).state('warm'));
  assert.deepEqual(read.entries.map(([from, to]) => to - from).reduce((a, b) => a + b, 0), size, 'each entry read once');
  assert.ok(read.nodes.some((ids) => ids.some((id) => id.level >= KEPT_NODE_LEVEL)), 'the kept levels were read');
  read.entries.length = 0;
  read.nodes.length = 0;
  const [entry] = await ledger.append('warm', [draft(size)]);
  assert.equal(entry!.seq, size);
  assert.deepEqual(read.entries, [], 'the first command folds nothing');
  assert.deepEqual(await ledger.inclusionHashes('warm', 3, size), await testLedger(store).inclusionHashes('warm', 3, size));
  assert.ok(read.nodes.flat().every((id) => id.level < KEPT_NODE_LEVEL), 'the first proof reads only the levels below the kept ones');
  // Another writer on the same store appends: a read catches up on its entries only.
  await writer.append('warm', [draft(size + 1), draft(size + 2)]);
  read.entries.length = 0;
  await Promise.all([ledger.state('warm'), ledger.state('warm'), ledger.warm('warm')]);
  assert.deepEqual(read.entries, [[size + 1, size + 3]]);
});

test('an inclusion proof reads its leaf hash where it reads its other nodes, not the entry\'s bytes', async () => {
  const { LedgerService } = await import('../../src/app/ledger-service.js');
  const { hashLeaf } = await import('../../src/ledger/merkle.js');
  const { nodeCrypto } = await import('../../src/adapters/crypto/node-crypto.js');
  const { toHex } = await import('../../src/ledger/bytes.js');
  const store = openMemoryStore();
  const writer = testLedger(store);
  await writer.createWorld('leaf');
  await writer.append('leaf', Array.from({ length: 40 }, (_, i) => draft(i)));
  const entryReads: number[] = [];
  let nodeReads = 0;
  const counting = {
    ...store,
    entries: (world: string, from: number, to: number) => { entryReads.push(from); return store.entries(world, from, to); },
    entryBytes: (world: string, from: number, to: number) => { entryReads.push(from); return store.entryBytes(world, from, to); },
    nodes: (world: string, ids: Parameters<typeof store.nodes>[1]) => { nodeReads++; return store.nodes(world, ids); },
  };
  const ledger = new LedgerService({ ...writer.deps, store: counting as typeof store });
  await ledger.warm('leaf'); // as a server does: the model, the frontier and the kept levels in memory
  nodeReads = 0;
  entryReads.length = 0;
  const proof = await ledger.inclusionProof('leaf', 17);
  assert.equal(nodeReads, 1, 'the leaf hash and the path in one read of the store');
  const [row] = await store.entries('leaf', 17, 18);
  assert.equal(proof.leafHash, toHex(hashLeaf(nodeCrypto, row!.bytes)));
  assert.deepEqual(proof.hashes, (await writer.inclusionProof('leaf', 17, proof.treeSize)).hashes);
  assert.deepEqual(entryReads, [], 'no entry read for a proof');
  await assert.rejects(ledger.inclusionProof('leaf', 40), (e: unknown) => (e as { code?: string }).code === 'ledger.seq_out_of_range');
});
