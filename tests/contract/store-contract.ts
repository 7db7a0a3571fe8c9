/**
 * The one contract every LedgerStore must keep (STYLE habit 11): append with an expected size,
 * read back, tree nodes for proofs, checkpoints, bitemporal facts, tamper detection, and
 * concurrent appends that never fork the log. Run against memory, SQLite and PostgreSQL.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { LedgerStore } from '../../src/app/ports.js';
import { StaleSizeError } from '../../src/app/ports.js';
import type { WorldModel } from '../../src/app/world-model.js';
import type { Entry } from '../../src/ledger/entry.js';
import { fromUtf8, toHex } from '../../src/ledger/bytes.js';
import { hashLeaf, rootOfLeaves, verifyConsistency, verifyInclusion } from '../../src/ledger/merkle.js';
import { openCheckpoint } from '../../src/ledger/checkpoint.js';
import { parseVerifierKey } from '../../src/ledger/note.js';
import { nodeCrypto as crypto } from '../../src/adapters/crypto/node-crypto.js';
import { exportWorld, importWorld } from '../../src/app/transfer.js';
import { testLedger, draft } from '../support/ledger.js';
import { LedgerService } from '../../src/app/ledger-service.js';

export interface StoreFactory {
  readonly name: string;
  /** A fresh, empty store. */
  open(): Promise<LedgerStore>;
  /** Changes one byte of entry `seq`'s stored bytes, bypassing the store (simulated tampering). */
  tamper?(store: LedgerStore, world: string, seq: number): Promise<void>;
  /** Another connection to the same store, as a second process would open it. */
  second?(store: LedgerStore): Promise<LedgerStore>;
  /** Skip reason, when the service is unavailable (never under CI). */
  skip?(): Promise<string | undefined>;
}

/** A tiny model that indexes each entry's `i` as a fact, valid from its valid time. */
const factModel: WorldModel<number> = {
  initialState: () => 0,
  project: (_state, entry) => {
    const p = entry.payload as { i?: number; until?: string };
    if (typeof p.i !== 'number') return [];
    return [{ op: 'assert', kind: 'item', key: `k${p.i % 5}`, validFrom: entry.validTime, ...(p.until ? { validTo: p.until } : {}), data: { i: p.i } }];
  },
  evolve: (state) => state + 1,
};

export function storeContract(factory: StoreFactory): void {
  describe(`LedgerStore contract: ${factory.name}`, async () => {
    let skip: string | undefined;
    const stores: LedgerStore[] = [];
    const open = async () => {
      const s = await factory.open();
      stores.push(s);
      return s;
    };
    before(async () => {
      skip = await factory.skip?.();
    });
    after(async () => {
      for (const s of stores) await s.close();
    });

    test('appends are read back in order, byte for byte, and the tree matches RFC 6962', async (t) => {
      if (skip) return t.skip(skip);
      const ledger = testLedger(await open());
      await ledger.createWorld('alpha');
      const written = await ledger.append('alpha', Array.from({ length: 37 }, (_, i) => draft(i)));
      assert.equal(await ledger.store.size('alpha'), 37);
      const rows = await ledger.store.entries('alpha', 0, 100);
      assert.deepEqual(rows.map((r) => r.seq), Array.from({ length: 37 }, (_, i) => i));
      rows.forEach((r, i) => {
        assert.equal(JSON.parse(fromUtf8(r.bytes)).seq, i);
        assert.equal(toHex(r.leafHash), toHex(hashLeaf(crypto, r.bytes)));
      });
      assert.equal(written[36]!.seq, 36);
      // The bytes alone, for folds and exports: the same bytes, in order, over any range.
      assert.deepEqual((await ledger.store.entryBytes('alpha', 0, 100)).map(fromUtf8), rows.map((r) => fromUtf8(r.bytes)));
      assert.deepEqual((await ledger.store.entryBytes('alpha', 5, 9)).map((b) => JSON.parse(fromUtf8(b)).seq), [5, 6, 7, 8]);
      assert.deepEqual((await ledger.store.entryBytes('alpha', 36, 40)).map((b) => JSON.parse(fromUtf8(b)).seq), [36]);
      assert.deepEqual(await ledger.store.entryBytes('alpha', 37, 40), []);
      await ledger.createWorld('alpha2');
      await ledger.append('alpha2', [draft(0)]);
      assert.equal((await ledger.store.entryBytes('alpha', 0, 100)).length, 37);
      assert.equal((await ledger.store.entryBytes('alpha2', 0, 100)).length, 1);
      const cp = await ledger.checkpoint('alpha');
      assert.equal(toHex(cp.root), toHex(rootOfLeaves(crypto, rows.map((r) => r.leafHash))));
    });

    test('a large batch signed on every core verifies like one signed in order', async (t) => {
      if (skip) return t.skip(skip);
      const ledger = testLedger(await open(), undefined, { parallelSigning: true });
      await ledger.createWorld('par');
      const written = await ledger.append('par', Array.from({ length: 150 }, (_, i) => draft(i)));
      assert.deepEqual(written.map((e) => e.seq), Array.from({ length: 150 }, (_, i) => i));
      await ledger.checkpoint('par');
      const report = await ledger.verify('par');
      assert.ok(report.ok, JSON.stringify(report.problems));
      assert.equal(report.signatures, 150);
    });

    test('cosignatures are kept per tree size and witness (a newer replaces an older), and the witness list per world', async (t) => {
      if (skip) return t.skip(skip);
      const ledger = testLedger(await open());
      await ledger.createWorld('cosig');
      await ledger.createWorld('other');
      const store = ledger.store;
      assert.deepEqual(await store.cosignatures('cosig', 5), []);
      assert.deepEqual(await store.witnesses('cosig'), []);
      await store.addCosignature('cosig', 5, 'w2.example', '\u2014 w2.example BBBB\n');
      await store.addCosignature('cosig', 5, 'w1.example', '\u2014 w1.example AAAA\n');
      await store.addCosignature('cosig', 6, 'w1.example', '\u2014 w1.example CCCC\n');
      await store.addCosignature('cosig', 5, 'w1.example', '\u2014 w1.example DDDD\n');
      assert.deepEqual(await store.cosignatures('cosig', 5), ['\u2014 w1.example DDDD\n', '\u2014 w2.example BBBB\n']);
      assert.deepEqual(await store.cosignatures('cosig', 6), ['\u2014 w1.example CCCC\n']);
      assert.deepEqual(await store.cosignatures('other', 5), []);
      await store.setWitnesses('cosig', [{ key: 'w1.example+01020304+BAAA', url: 'http://127.0.0.1:1' }, { key: 'w2.example+01020305+BAAB' }]);
      await store.setWitnesses('cosig', [{ key: 'w2.example+01020305+BAAB' }]);
      assert.deepEqual(await store.witnesses('cosig'), [{ key: 'w2.example+01020305+BAAB' }]);
      assert.deepEqual(await store.witnesses('other'), []);
    });

    test('a stale expected size, behind or beyond the end of the log, is a typed conflict and writes nothing', async (t) => {
      if (skip) return t.skip(skip);
      const ledger = testLedger(await open());
      await ledger.createWorld('beta');
      const [first] = await ledger.append('beta', [draft(1)]);
      const rows = await ledger.store.entries('beta', 0, 1);
      const record = { entry: first!, bytes: rows[0]!.bytes, leafHash: rows[0]!.leafHash, nodes: rows[0]!.nodes, facts: [], indexHash: new Uint8Array(32) };
      await assert.rejects(ledger.store.append('beta', 0, [record]), (e: unknown) => e instanceof StaleSizeError && e.actual === 1);
      assert.equal(await ledger.store.size('beta'), 1);
      // A writer that believes the log longer than it is would leave a hole: refused the same way.
      const beyond = { ...record, entry: { ...first!, seq: 5 } };
      await assert.rejects(ledger.store.append('beta', 5, [beyond]), (e: unknown) => e instanceof StaleSizeError && e.actual === 1);
      assert.equal(await ledger.store.size('beta'), 1);
      assert.equal((await ledger.store.entries('beta', 0, 10)).length, 1);
    });

    test('an append\'s size check sees what another connection to the same store appended meanwhile', async (t) => {
      if (skip) return t.skip(skip);
      if (!factory.second) return t.skip('this store has a single connection');
      const store = await open();
      const a = testLedger(store);
      await a.createWorld('eta');
      await a.append('eta', [draft(0)]);
      // This connection appended last and knows the size: 1. Another one appends at 1.
      const other = await factory.second(store);
      stores.push(other);
      await new LedgerService({ ...a.deps, store: other }).append('eta', [draft(1)]);
      const [row] = await other.entries('eta', 1, 2);
      const entry = JSON.parse(fromUtf8(row!.bytes)) as Entry;
      const record = { entry, bytes: row!.bytes, leafHash: row!.leafHash, nodes: row!.nodes, facts: [], indexHash: new Uint8Array(32) };
      await assert.rejects(store.append('eta', 1, [record]), (e: unknown) => e instanceof StaleSizeError && e.expected === 1 && e.actual === 2);
      // The first service, its cache one entry behind, catches up and appends after the other's.
      const [third] = await a.append('eta', [draft(2)]);
      assert.equal(third!.seq, 2);
      assert.equal(await other.size('eta'), 3);
      assert.ok((await a.verify('eta')).ok);
    });

    test('inclusion and consistency proofs verify against signed checkpoints with the published key only', async (t) => {
      if (skip) return t.skip(skip);
      const ledger = testLedger(await open());
      await ledger.createWorld('gamma');
      await ledger.append('gamma', Array.from({ length: 21 }, (_, i) => draft(i)));
      const old = await ledger.checkpoint('gamma');
      await ledger.append('gamma', Array.from({ length: 44 }, (_, i) => draft(100 + i)));
      const { logKey } = await ledger.publicKeys('gamma');
      const key = parseVerifierKey(crypto, logKey);
      for (const seq of [0, 1, 20, 21, 64]) {
        const proof = await ledger.inclusionProof('gamma', seq);
        const cp = openCheckpoint(crypto, proof.checkpoint, key);
        assert.equal(cp.size, 65);
        assert.ok(verifyInclusion(crypto, seq, cp.size, Buffer.from(proof.leafHash, 'hex'), proof.hashes.map((h) => Buffer.from(h, 'hex')), cp.root), `seq ${seq}`);
      }
      const consistency = await ledger.consistencyProof('gamma', old.size);
      const cp1 = openCheckpoint(crypto, consistency.checkpoint1!, key);
      const cp2 = openCheckpoint(crypto, consistency.checkpoint2, key);
      assert.ok(verifyConsistency(crypto, cp1.size, cp2.size, consistency.hashes.map((h) => Buffer.from(h, 'hex')), cp1.root, cp2.root));
      assert.deepEqual((await ledger.store.checkpoints('gamma')).map((c) => c.size), [21, 65]);
      const report = await ledger.verify('gamma');
      assert.ok(report.ok, JSON.stringify(report.problems));
      assert.equal(report.signatures, 65);
    });

    test('a freshly opened service signs a checkpoint and proves inclusion without folding the log', async (t) => {
      if (skip) return t.skip(skip);
      const ledger = testLedger(await open(), factModel as WorldModel<unknown>);
      await ledger.createWorld('fresh');
      await ledger.append('fresh', Array.from({ length: 40 }, (_, i) => draft(i)));
      // Another process on the same store (same keys): its model counts every entry folded.
      let folded = 0;
      const counting: WorldModel<number> = { ...factModel, evolve: (state) => { folded++; return state + 1; } };
      const fresh = new LedgerService({ ...ledger.deps, model: counting as WorldModel<unknown> });
      const proof = await fresh.inclusionProof('fresh', 7);
      const cp = openCheckpoint(crypto, proof.checkpoint, parseVerifierKey(crypto, (await fresh.publicKeys('fresh')).logKey));
      assert.equal(cp.size, 40);
      assert.ok(verifyInclusion(crypto, 7, 40, Buffer.from(proof.leafHash, 'hex'), proof.hashes.map((h) => Buffer.from(h, 'hex')), cp.root));
      assert.equal(toHex(cp.root), toHex((await ledger.checkpoint('fresh')).root), 'the same tree the writer sees');
      assert.equal(folded, 0, 'a checkpoint needs the tree, not the model state');
      await fresh.append('fresh', [draft(40)]);
      assert.equal(folded, 41, 'an append folds the log once, to decide on the current state');
      assert.equal((await fresh.checkpoint('fresh')).size, 41);
    });

    test('facts are kept bitemporally in the same transaction as the append', async (t) => {
      if (skip) return t.skip(skip);
      const ledger = testLedger(await open(), factModel as WorldModel<unknown>);
      await ledger.createWorld('delta');
      await ledger.append('delta', [
        draft(0, { validTime: '2000-01-01', payload: { i: 0 } }),
        draft(1, { validTime: '2001-01-01', payload: { i: 1, until: '2005-01-01' } }),
      ]);
      const sizeBefore = await ledger.store.size('delta');
      await ledger.append('delta', [draft(5, { validTime: '2002-06-01', payload: { i: 5 } })]); // supersedes k0
      const now = await ledger.store.facts('delta', { kind: 'item' });
      assert.deepEqual(now.map((f) => [f.key, (f.data as { i: number }).i]), [['k1', 1], ['k0', 5]]);
      const before2002 = await ledger.store.facts('delta', { kind: 'item', validAt: '2001-06-01T00:00:00.000Z' });
      assert.deepEqual(before2002.map((f) => f.key), ['k1']);
      const knownEarlier = await ledger.store.facts('delta', { kind: 'item', knownAtSize: sizeBefore });
      assert.deepEqual(knownEarlier.map((f) => [f.key, (f.data as { i: number }).i]), [['k0', 0], ['k1', 1]]);
      const after2005 = await ledger.store.facts('delta', { kind: 'item', validAt: '2006-01-01T00:00:00.000Z' });
      assert.deepEqual(after2005.map((f) => f.key), ['k0']);
    });

    test('findEntries filters by type and valid time', async (t) => {
      if (skip) return t.skip(skip);
      const ledger = testLedger(await open());
      await ledger.createWorld('eps');
      await ledger.append('eps', Array.from({ length: 12 }, (_, i) => draft(i)));
      const notes = await ledger.store.findEntries('eps', { types: ['NoteRecorded'] });
      assert.deepEqual(notes.map((r) => r.seq), [0, 3, 6, 9]);
      const some = await ledger.store.findEntries('eps', { validFrom: '2015-01-01', validTo: '2018-12-31', limit: 2 });
      assert.ok(some.length <= 2 && some.every((r) => { const v = JSON.parse(fromUtf8(r.bytes)).validTime; return v >= '2015' && v <= '2018-12-31'; }));
    });

    test('concurrent appends from two services never fork the log and lose nothing', async (t) => {
      if (skip) return t.skip(skip);
      const store = await open();
      const a = testLedger(store);
      await a.createWorld('zeta');
      // A second service over the same store, with the same keys.
      const b = new LedgerService(a.deps);
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 20; i++) {
        writes.push(a.append('zeta', [draft(i, { payload: { w: 'a', i } })]));
        writes.push(b.append('zeta', [draft(i, { payload: { w: 'b', i } })]));
      }
      await Promise.all(writes);
      assert.equal(await store.size('zeta'), 40);
      const payloads = (await store.entries('zeta', 0, 40)).map((r) => JSON.parse(fromUtf8(r.bytes)).payload as { w: string; i: number });
      assert.equal(new Set(payloads.map((p) => `${p.w}${p.i}`)).size, 40);
      assert.ok((await a.verify('zeta')).ok);
    });

    test('tampering with one byte of one entry is caught and the entry named', async (t) => {
      if (skip) return t.skip(skip);
      if (!factory.tamper) return t.skip('this store cannot be tampered with from outside');
      const store = await open();
      const ledger = testLedger(store);
      await ledger.createWorld('eta');
      await ledger.append('eta', Array.from({ length: 30 }, (_, i) => draft(i)));
      await ledger.checkpoint('eta');
      await factory.tamper(store, 'eta', 17);
      const report = await ledger.verify('eta');
      assert.equal(report.ok, false);
      assert.equal(report.problems[0]!.seq, 17);
      assert.match(report.problems[0]!.problem, /leaf hash|canonical|JSON|signature/);
    });

    test('the index digest kept by appends matches the stored index at start, without replaying the log; a changed index does not', async (t) => {
      if (skip) return t.skip(skip);
      const store = await open();
      // Rows asserted, superseded (across entries, within a batch and within one entry), retracted.
      const model: WorldModel<number> = {
        initialState: () => 0,
        project: (_state, entry) => {
          const p = entry.payload as { i: number };
          const key = `k${p.i % 4}`;
          if (p.i % 7 === 6) return [{ op: 'retract', kind: 'item', key }];
          const row = { op: 'assert' as const, kind: 'item', key, validFrom: entry.validTime, data: { i: p.i, b: [p.i, 'x'] } };
          return p.i % 5 === 0 ? [row, { ...row, data: { i: p.i, again: true } }] : [row];
        },
        evolve: (state) => state + 1,
      };
      let replayed = 0;
      const counting: WorldModel<number> = {
        initialState: model.initialState,
        project: (state, entry) => { replayed++; return model.project(state, entry); },
        evolve: (state, entry) => { replayed++; return model.evolve(state, entry); },
      };
      const writer = testLedger(store, model as WorldModel<unknown>);
      await writer.createWorld('digest');
      await writer.append('digest', Array.from({ length: 30 }, (_, i) => draft(i)));
      for (let i = 30; i < 40; i++) await writer.append('digest', [draft(i, { classification: i % 2 ? 'NATO RESTRICTED' : 'PUBLIC', releasability: i % 2 ? ['NATO'] : ['PUBLIC'] })]);

      const fresh = () => testLedger(store, counting as WorldModel<unknown>);
      const clean = await fresh().checkAtStart('digest');
      assert.deepEqual({ replayed: clean.replayed, size: clean.size, modelCalls: replayed }, { replayed: false, size: 40, modelCalls: 0 }, 'checked by the digest alone');
      assert.ok(clean.indexRows > 30, `${clean.indexRows} rows summed`);

      // The index changed behind the appends' back (its hashes kept): one row's data, one row's end, one entry's marking column.
      const rows = async () => { const all = []; for await (const batch of store.indexRows('digest')) all.push(...batch); return all; };
      const columns = await store.entryColumns('digest', 0, 40);
      const changes: [string, (r: Awaited<ReturnType<typeof rows>>) => void, (c: typeof columns) => void][] = [
        ['data', (r) => { r[3] = { ...r[3]!, data: '{"i":999}' }; }, () => undefined],
        ['end', (r) => { const i = r.findIndex((x) => x.sysTo !== null); r[i] = { ...r[i]!, sysTo: null }; }, () => undefined],
        ['row removed', (r) => { r.splice(5, 1); }, () => undefined],
        ['column', () => undefined, (c) => { c[7] = { ...c[7]!, rel: ',NATO,', rank: 1 }; }],
      ];
      for (const [what, changeRows, changeColumns] of changes) {
        const r = await rows();
        const c = columns.map((x) => ({ ...x }));
        changeRows(r);
        changeColumns(c);
        await store.replaceIndex('digest', 40, r, c);
        replayed = 0;
        await assert.rejects(fresh().checkAtStart('digest'), (e: Error & { code?: string }) => e.code === 'ledger.index_mismatch', what);
        assert.ok(replayed > 0, 'the difference is named by the full comparison');
        await writer.reindex('digest');
        replayed = 0;
        assert.equal((await fresh().checkAtStart('digest')).replayed, false, `after reindex (${what})`);
        assert.equal(replayed, 0);
      }

      // Entries written before the digest existed (no hashes): compared in full once, reindexed, then digest only.
      const before = await rows();
      await store.replaceIndex('digest', 40, before, columns.map((c) => ({ ...c, indexHash: new Uint8Array(0) })));
      replayed = 0;
      const legacy = await fresh().checkAtStart('digest');
      assert.equal(legacy.replayed, true);
      replayed = 0;
      assert.equal((await fresh().checkAtStart('digest')).replayed, false);
      assert.equal(replayed, 0);

      // Appends after a reindex and an import keep the digest.
      await writer.append('digest', [draft(40), draft(41)]);
      assert.equal((await fresh().checkAtStart('digest')).replayed, false);
      const lines: string[] = [];
      await exportWorld(writer, 'digest', (l) => { lines.push(l); });
      const target = testLedger(await open(), model as WorldModel<unknown>);
      await importWorld(target, lines, 'digest.ndjson');
      assert.equal((await testLedger(target.store, counting as WorldModel<unknown>).checkAtStart('digest')).replayed, false);
    });

    test('export then import into a fresh store gives the same entries and root; a bad line imports nothing', async (t) => {
      if (skip) return t.skip(skip);
      const source = testLedger(await open());
      await source.createWorld('theta');
      await source.append('theta', Array.from({ length: 25 }, (_, i) => draft(i)));
      const cp = await source.checkpoint('theta');
      const lines: string[] = [];
      await exportWorld(source, 'theta', (l) => { lines.push(l); });
      assert.equal(lines.length, 26);
      assert.ok(!lines.join('\n').includes('PRIVATE KEY'));

      const target = testLedger(await open());
      const broken = [...lines];
      broken[9] = broken[9]!.replace('"entry 8"', '"entry 9"');
      await assert.rejects(importWorld(target, broken, 'theta.ndjson'), (e: Error & { params?: { line?: number } }) => e.params?.line === 10);
      assert.equal(await target.store.world('theta'), undefined);

      const result = await importWorld(target, lines, 'theta.ndjson');
      assert.equal(result.root, toHex(cp.root));
      assert.equal(result.size, 25);
      const report = await target.verify('theta');
      assert.ok(report.ok, JSON.stringify(report.problems));
      assert.equal(report.root, toHex(cp.root));
    });
  });
}
