import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { storeContract } from './store-contract.js';
import { factsSql as postgresFactsSql, openPostgresStore } from '../../src/adapters/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store.js';
import { openPostgresAccounts } from '../../src/adapters/postgres/postgres-accounts.js';
import { accountStoreContract } from './account-contract.js';
import { StaleSizeError, type AppendRecord, type LedgerStore } from '../../src/app/ports.js';
import type { Entry } from '../../src/ledger/entry.js';
import type { FactChange } from '../../src/domain/facts.js';
import { freshPostgresSchema, postgresAvailable } from '../support/services.js';

const drops: (() => Promise<void>)[] = [];
const urls = new WeakMap<LedgerStore, string>();
let n = 0;

const skip = async () => ((await postgresAvailable()) ? undefined : 'PostgreSQL is not reachable');

async function freshUrl(): Promise<string> {
  const { url, drop } = await freshPostgresSchema(`contract_${n++}`);
  drops.push(drop);
  return url;
}

after(async () => {
  for (const drop of drops) await drop();
});

storeContract({
  name: 'postgres',
  skip,
  open: async () => {
    const url = await freshUrl();
    const store = await openPostgresStore(url);
    urls.set(store, url);
    return store;
  },
  second: async (store) => openPostgresStore(urls.get(store)!),
  /** Flips one byte of the entry's stored bytes with plain SQL, as an attacker with database access would. */
  tamper: async (store, world, seq) => {
    const client = new pg.Client({ connectionString: urls.get(store)! });
    await client.connect();
    try {
      const { rowCount } = await client.query(
        `UPDATE entries SET bytes = set_byte(bytes, p, get_byte(bytes, p) # 1)
         FROM (SELECT position('"text":"entry '::bytea IN bytes) - 1 + 9 AS p FROM entries WHERE world = $1 AND seq = $2) AS at
         WHERE world = $1 AND seq = $2 AND at.p >= 9`,
        [world, seq]);
      if (rowCount !== 1) throw new Error('entry bytes not found');
    } finally {
      await client.end();
    }
  },
});

/** Record times that never decrease, several entries sharing one, as the service writes them. */
const recordTime = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
/** A bare record for the store alone (the store checks positions, not signatures). */
const record = (seq: number, facts: readonly FactChange[] = []): AppendRecord => ({
  entry: { seq, type: 'T', validTime: '2026-01-01', recordTime: recordTime(Math.floor(seq / 3)) } as unknown as Entry,
  bytes: new Uint8Array([seq & 0xff]), leafHash: new Uint8Array(32), nodes: new Uint8Array(0), facts, indexHash: new Uint8Array(32),
});
const info = (name: string) => ({ name, origin: `evere.local/${name}`, createdAt: '2026-01-01T00:00:00.000Z', exercise: false });

describe('PostgreSQL store specifics', () => {
  test('stores opened at once on an empty schema create it once, without conflict', async (t) => {
    const reason = await skip();
    if (reason) return t.skip(reason);
    const url = await freshUrl();
    const stores = await Promise.all(Array.from({ length: 6 }, () => openPostgresStore(url)));
    try {
      assert.deepEqual(await Promise.all(stores.map((s) => s.worlds())), stores.map(() => []));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('keys order bytewise, as in SQLite, whatever the database collation', async (t) => {
    const reason = await skip();
    if (reason) return t.skip(reason);
    const store = await openPostgresStore(await freshUrl());
    try {
      await store.createWorld(info('w'), []);
      const keys = ['b', 'B', 'a', 'a-b', 'a_b', 'Z', 'é'];
      await store.append('w', 0, keys.map((key, seq) => record(seq, [{ op: 'assert', kind: 'k', key, validFrom: '2026-01-01T00:00:00.000Z', data: null }])));
      const got = (await store.facts('w', { kind: 'k' })).map((f) => f.key);
      assert.deepEqual(got, [...keys].sort());
      assert.deepEqual((await store.facts('w', { kind: 'k', keyPrefix: 'a' })).map((f) => f.key), ['a', 'a-b', 'a_b']);
    } finally {
      await store.close();
    }
  });

  test('an append at a size the log has not reached, or has passed, writes nothing, with or without index changes', async (t) => {
    const reason = await skip();
    if (reason) return t.skip(reason);
    const store = await openPostgresStore(await freshUrl());
    try {
      const fact = (key: string): FactChange => ({ op: 'assert', kind: 'k', key, validFrom: '2026-01-01T00:00:00.000Z', data: { key } });
      await store.createWorld(info('e'), []);
      await assert.rejects(store.append('e', 1, [record(1)]), (e: unknown) => e instanceof StaleSizeError && e.actual === 0);
      await store.append('e', 0, [record(0, [fact('a')]), record(1)]);
      const before = await store.facts('e', { kind: 'k' });
      for (const [at, facts] of [[3, []], [3, [fact('a'), fact('b')]], [1, []], [1, [fact('a'), fact('b')]], [0, [fact('c')]]] as const) {
        await assert.rejects(store.append('e', at, [record(at, facts)]), (e: unknown) => e instanceof StaleSizeError && e.expected === at && e.actual === 2, `at ${at}`);
      }
      assert.equal(await store.size('e'), 2);
      assert.deepEqual(await store.facts('e', { kind: 'k' }), before);
      assert.deepEqual(await store.facts('e', { kind: 'k', knownAtSize: 2 }), before);
      await store.append('e', 2, [record(2, [fact('a')]), record(3)]);
      assert.equal(await store.size('e'), 4);
      assert.deepEqual((await store.facts('e', { kind: 'k' })).map((f) => f.seq), [2]);
    } finally {
      await store.close();
    }
  });

  test('appends look up the log\'s end and a fact\'s open version by key, even when planned while the statistics said the tables were empty', async (t) => {
    const reason = await skip();
    if (reason) return t.skip(reason);
    const url = await freshUrl();
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    try {
      const store = await openPostgresStore(url);
      const appends = 60;
      try {
        await store.createWorld(info('p'), []);
        // What a new database's statistics say (an ANALYZE of empty tables, as the store runs
        // where autovacuum is off): the appends are planned once, for the writer's connection.
        await raw.query('ANALYZE entries, facts');
        for (let seq = 0; seq < appends; seq++) {
          // Every other append changes the index: it closes the open version of its key.
          const facts: FactChange[] = seq % 2 ? [{ op: 'assert', kind: 'k', key: `K${seq % 6}`, validFrom: '2026-01-01T00:00:00.000Z', data: { seq } }] : [];
          await store.append('p', seq, [record(seq, facts)]);
        }
      } finally {
        await store.close();
      }
      // The writer's counts reach the statistics when its connection ends.
      const scans = async () => (await raw.query<{ relname: string; seq_scan: string; n_tup_ins: string }>(
        "SELECT relname, seq_scan, n_tup_ins FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname IN ('entries', 'facts', 'tree') ORDER BY relname")).rows;
      let rows = await scans();
      for (let i = 0; i < 100 && Number(rows.find((r) => r.relname === 'entries')?.n_tup_ins ?? 0) < appends; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        rows = await scans();
      }
      assert.equal(Number(rows.find((r) => r.relname === 'entries')?.n_tup_ins), appends, 'the appends are counted');
      // A plan that scanned the tables on every append (one scan each per append) grew slower with
      // every entry; what is left are the store's own few reads when it opens.
      for (const r of rows) assert.ok(Number(r.seq_scan) < appends / 10, `${r.relname}: ${r.seq_scan} sequential scans for ${appends} appends`);
    } finally {
      await raw.end();
    }
  });

  test('leaf hashes and tree nodes live in `tree`: a database made with them in `entries` has them moved once, on open, and reads, proofs and verify see them there', async (t) => {
    const reason = await skip();
    if (reason) return t.skip(reason);
    const url = await freshUrl();
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    // Distinct hashes and node lists of 0, 32 or 64 bytes, as an append completes them.
    const hashed = (seq: number): AppendRecord => ({
      ...record(seq), leafHash: new Uint8Array(32).fill(seq + 1), nodes: new Uint8Array(32 * (seq % 3)).fill(200 + seq),
    });
    const records = Array.from({ length: 40 }, (_, seq) => hashed(seq));
    try {
      const store = await openPostgresStore(url);
      try {
        await store.createWorld(info('m'), []);
        await store.append('m', 0, records.slice(0, 30));
        await store.append('m', 30, records.slice(30));
      } finally {
        await store.close();
      }
      const columns = async (table: string) => (await raw.query<{ column_name: string }>(
        'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position', [table])).rows.map((r) => r.column_name);
      assert.deepEqual(await columns('tree'), ['world', 'seq', 'leaf_hash', 'nodes']);
      assert.ok(!(await columns('entries')).some((c) => c === 'leaf_hash' || c === 'nodes'));
      // The layout before `tree`: the hashes and nodes in the entries' own rows.
      await raw.query(`ALTER TABLE entries ADD COLUMN leaf_hash BYTEA, ADD COLUMN nodes BYTEA;
        UPDATE entries AS e SET leaf_hash = t.leaf_hash, nodes = t.nodes FROM tree AS t WHERE t.world = e.world AND t.seq = e.seq;
        ALTER TABLE entries ALTER COLUMN leaf_hash SET NOT NULL, ALTER COLUMN nodes SET NOT NULL;
        DROP TABLE tree`);
      const [first, second] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
      try {
        assert.ok(!(await columns('entries')).some((c) => c === 'leaf_hash' || c === 'nodes'), 'moved out of entries');
        assert.equal(Number((await raw.query<{ n: string }>("SELECT count(*) AS n FROM tree WHERE world = 'm'")).rows[0]!.n), 40, 'moved once, though two stores opened at once');
        const read = await first.entries('m', 0, 40);
        assert.deepEqual(read.map((e) => [e.seq, [...e.leafHash], [...e.nodes]]), records.map((r) => [r.entry.seq, [...r.leafHash], [...r.nodes]]));
        assert.deepEqual((await second.findEntries('m', { fromSeq: 35, limit: 2 })).map((e) => [e.seq, e.leafHash[0]]), [[35, 36], [36, 37]]);
        const nodes = await first.nodes('m', [{ level: 0, index: 7 }]);
        assert.deepEqual([...nodes.values()].map((h) => h[0]), [8]);
        // Appends go on in the new layout; a changed tree row is what the entries' reads (and so
        // verify) are shown.
        await first.append('m', 40, [hashed(40)]);
        await raw.query("UPDATE tree SET leaf_hash = '\\x00'::bytea || substring(leaf_hash FROM 2) WHERE world = 'm' AND seq = 40");
        const [last] = await second.entries('m', 40, 41);
        assert.deepEqual([last!.leafHash[0], last!.leafHash[1]], [0, 41]);
      } finally {
        await Promise.all([first.close(), second.close()]);
      }
    } finally {
      await raw.end();
    }
  });

  test('where autovacuum is off, the store analyzes its tables as they grow: a day of decisions is read from its range of the index', async (t) => {
    const reason = await skip();
    if (reason) return t.skip(reason);
    const url = await freshUrl();
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    try {
      const { rows: [setting] } = await raw.query<{ autovacuum: string }>('SHOW autovacuum');
      if (setting!.autovacuum === 'on') return t.skip('autovacuum is on: PostgreSQL keeps the statistics');
      const store = await openPostgresStore(url);
      try {
        await store.createWorld(info('d'), []);
        // A decision every 32nd entry, an hour apart, as the Council's log has them.
        const records = Array.from({ length: 4000 }, (_, seq) => record(seq, [seq % 32 === 31
          ? { op: 'assert', kind: 'decision', key: `P-${seq}`, validFrom: new Date(Date.UTC(2025, 0, 1) + seq * 3_600_000).toISOString(), data: { n: seq } }
          : { op: 'assert', kind: 'proposal', key: `P-${seq >> 5}`, validFrom: new Date(Date.UTC(2025, 0, 1) + seq * 3_600_000).toISOString(), data: { n: seq } }]));
        for (let i = 0; i < records.length; i += 500) await store.append('d', i, records.slice(i, i + 500));
      } finally {
        // Closing waits for an analysis under way.
        await store.close();
      }
      const { rows: analyzed } = await raw.query<{ relname: string }>(
        'SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() AND last_analyze IS NOT NULL ORDER BY relname');
      assert.deepEqual(analyzed.map((r) => r.relname), ['entries', 'facts', 'tree']);
      const { sql, params } = postgresFactsSql('d', { kind: 'decision', startsFrom: '2025-02-01T00:00:00.000Z', startsTo: '2025-02-01T23:59:59.999Z' });
      const { rows: plan } = await raw.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
      assert.match(plan.map((r) => r['QUERY PLAN']).join('\n'), /Index Cond: .*valid_from >=/);
    } finally {
      await raw.end();
    }
  });

  test('facts and sizes at record times match the SQLite store, also when one batch changes a key several times', async (t) => {
    const reason = await skip();
    if (reason) return t.skip(reason);
    const dir = mkdtempSync(join(tmpdir(), 'evere-facts-'));
    const reference = openSqliteStore(join(dir, 'reference.db'));
    const store = await openPostgresStore(await freshUrl());
    try {
      let seed = 7;
      const random = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 16) % n; };
      const instant = (year: number) => `${2000 + year}-01-01T00:00:00.000Z`;
      for (const s of [reference, store]) await s.createWorld(info('f'), []);
      let size = 0;
      for (let batch = 0; batch < 25; batch++) {
        const records = Array.from({ length: 1 + random(6) }, (_, i) => record(size + i, Array.from({ length: random(4) }, (): FactChange => {
          const key = `k${random(4)}`;
          if (random(4) === 0) return { op: 'retract', kind: 'item', key };
          const from = random(10);
          return { op: 'assert', kind: 'item', key, validFrom: instant(from), ...(random(2) ? { validTo: instant(from + 1 + random(5)) } : {}), data: { n: random(1000) } };
        })));
        for (const s of [reference, store]) await s.append('f', size, records);
        size += records.length;
      }
      for (let known = 0; known <= size; known++) {
        for (const validAt of [undefined, instant(0), instant(3), instant(7), instant(12)]) {
          const query = { kind: 'item', knownAtSize: known, ...(validAt ? { validAt } : {}) };
          assert.deepEqual(await store.facts('f', query), await reference.facts('f', query), JSON.stringify(query));
        }
      }
      assert.deepEqual(await store.facts('f', { kind: 'item' }), await reference.facts('f', { kind: 'item' }));
      assert.deepEqual(await store.facts('f', { kind: 'item', key: 'k2' }), await reference.facts('f', { kind: 'item', key: 'k2' }));
      for (let n = -1; n <= size / 3 + 1; n++) {
        const at = recordTime(n);
        assert.equal(await store.sizeAtRecordTime('f', at), await reference.sizeAtRecordTime('f', at), at);
      }
    } finally {
      await store.close();
      await reference.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

accountStoreContract({
  name: 'postgres',
  skip,
  fresh: async () => {
    const url = await freshUrl();
    return { handle: () => openPostgresAccounts(url) };
  },
});
