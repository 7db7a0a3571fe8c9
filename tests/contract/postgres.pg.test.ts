import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { storeContract } from './store-contract.js';
import { openPostgresStore } from '../../src/adapters/postgres/postgres-store.js';
import type { LedgerStore } from '../../src/app/ports.js';
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
      const info = { name: 'w', origin: 'evere.local/w', createdAt: '2026-01-01T00:00:00.000Z', exercise: false };
      await store.createWorld(info, []);
      const keys = ['b', 'B', 'a', 'a-b', 'a_b', 'Z', 'é'];
      await store.append('w', 0, keys.map((key, seq) => ({
        entry: { seq, type: 'T', validTime: '2026-01-01', recordTime: '2026-01-01T00:00:00.000Z' } as never,
        bytes: new Uint8Array([seq]), leafHash: new Uint8Array(32), nodes: new Uint8Array(0),
        facts: [{ op: 'assert', kind: 'k', key, validFrom: '2026-01-01T00:00:00.000Z', data: null }],
      })));
      const got = (await store.facts('w', { kind: 'k' })).map((f) => f.key);
      assert.deepEqual(got, [...keys].sort());
      assert.deepEqual((await store.facts('w', { kind: 'k', keyPrefix: 'a' })).map((f) => f.key), ['a', 'a-b', 'a_b']);
    } finally {
      await store.close();
    }
  });
});
