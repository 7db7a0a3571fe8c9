/**
 * Point-in-time treaty queries on a ledger grown to 1,000,000 entries: the real record loaded
 * through the engine, then synthetic Council activity whose index rows have the shapes the
 * engine writes (a proposal version per position taken, a decision per adopted proposal).
 * Goal: p99 under 1 ms for each query, answered from the indexes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LedgerService } from '../src/app/ledger-service.js';
import type { AppendRecord } from '../src/app/ports.js';
import { nodeCrypto } from '../src/adapters/crypto/node-crypto.js';
import { memoryKeyStore } from '../src/adapters/keystore/file-keystore.js';
import { openSqliteStore } from '../src/adapters/sqlite/sqlite-store.js';
import { treatyModel } from '../src/app/treaty-model.js';
import { initRecord } from '../src/app/record-loader.js';
import { accession, decisions, factsOf, members } from '../src/app/treaty-queries.js';
import { appendLeaf, frontierNodeIds, hashLeaf, nodeKey, type Frontier } from '../src/ledger/merkle.js';
import { concat } from '../src/ledger/bytes.js';
import type { WorldModel } from '../src/app/world-model.js';
import { fmt, now, percentile, report, timeMany } from './support.js';

const TARGET = Number(process.env.BENCH_QUERY_SIZE ?? 1_000_000);
const DATA = new URL('../data', import.meta.url).pathname;

export async function queryBenchmarks(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'evere-qbench-'));
  try {
    const store = openSqliteStore(join(dir, 'q.db'));
    const ledger = new LedgerService({
      store, keys: memoryKeyStore(), crypto: nodeCrypto, clock: { now: () => new Date() },
      random: (n) => new Uint8Array(randomBytes(n)), model: treatyModel as WorldModel<unknown>,
    });
    await initRecord(ledger, DATA, { world: 'record', empty: false });
    const t0 = now();
    let size = await store.size('record');
    const ids = frontierNodeIds(size);
    const found = await store.nodes('record', ids);
    let frontier: Frontier = { size, nodes: ids.map((id) => ({ level: id.level, hash: found.get(nodeKey(id))! })) };
    let proposal = 0;
    while (size < TARGET) {
      const records: AppendRecord[] = [];
      for (let i = 0; i < 10_000 && size < TARGET; i++, size++) {
        const step = size % 32;
        if (step === 0) proposal++;
        const day = new Date(Date.UTC(2025, 0, 1) + proposal * 3_600_000).toISOString();
        const key = `P-${proposal}`;
        const facts: AppendRecord['facts'] = step === 31
          ? [{ op: 'assert', kind: 'decision', key, validFrom: day, data: { proposal: key, title: { en: `Decision ${proposal}` }, adoptedUnder: 'meeting', footnotes: [] } }]
          : [{ op: 'assert', kind: 'proposal', key, validFrom: day, data: { proposal: key, status: 'draft', positions: step } }];
        const bytes = Buffer.from(`{"seq":${size},"synthetic":true}`);
        const leafHash = hashLeaf(nodeCrypto, bytes);
        const appended = appendLeaf(nodeCrypto, frontier, leafHash);
        frontier = appended.frontier;
        const entry = { seq: size, type: step === 31 ? 'ProposalAdopted' : 'ProposalAgreed', validTime: day, recordTime: new Date().toISOString() } as unknown as AppendRecord['entry'];
        records.push({ entry, bytes, leafHash, nodes: concat(...appended.completed), facts });
      }
      await store.append('record', records[0]!.entry.seq, records);
    }
    console.log(`  (grew the record to ${size.toLocaleString('en')} entries in ${((now() - t0) / 1000).toFixed(1)} s)`);
    const dates = Array.from({ length: 1000 }, (_, i) => new Date(Date.UTC(1950 + (i % 76), i % 12, 1 + (i % 28))).toISOString().slice(0, 10));
    const known = new Date().toISOString();
    const queries: [string, (i: number) => Promise<unknown>][] = [
      ['members --as-of DATE', (i) => members(ledger, 'record', { asOf: dates[i]! })],
      ['members --as-of DATE --known-at NOW', (i) => members(ledger, 'record', { asOf: dates[i]!, knownAt: known })],
      ['accession SWE --as-of DATE', (i) => accession(ledger, 'record', 'SWE', { asOf: `20${22 + (i % 3)}-0${1 + (i % 9)}-15` })],
      ['council decisions on a day', (i) => decisions(ledger, 'record', { from: `2025-0${1 + (i % 9)}-1${i % 10}`, to: `2025-0${1 + (i % 9)}-1${i % 10}` })],
      ['consultations --as-of DATE', (i) => factsOf(ledger, 'record', 'consultation', { asOf: dates[i]! })],
    ];
    for (const [name, fn] of queries) {
      await timeMany(100, fn);
      const times = await timeMany(dates.length, fn);
      report({ name: `${name} at ${(size / 1e6).toFixed(1)}M entries, p50`, value: fmt(percentile(times, 50), 'ms') });
      report({ name: `${name} at ${(size / 1e6).toFixed(1)}M entries, p99`, value: fmt(percentile(times, 99), 'ms'), goal: '< 1 ms', met: percentile(times, 99) < 1 });
    }
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
