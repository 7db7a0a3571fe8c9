import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storeContract } from './store-contract.js';
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store.js';
import { openSqliteAccounts } from '../../src/adapters/sqlite/sqlite-accounts.js';
import { accountStoreContract } from './account-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'evere-sqlite-'));
let n = 0;
const paths = new WeakMap<object, string>();

storeContract({
  name: 'sqlite',
  open: async () => {
    const path = join(dir, `store-${n++}.db`);
    const store = openSqliteStore(path);
    paths.set(store, path);
    return store;
  },
  second: async (store) => openSqliteStore(paths.get(store)!),
  /** Flips one byte of the entry's JSON in the database file itself, as an attacker with the file would. */
  tamper: async (store, world, seq) => {
    const path = paths.get(store)!;
    await store.close();
    const check = new Database(path);
    check.pragma('wal_checkpoint(TRUNCATE)');
    const { id } = check.prepare('SELECT id FROM worlds WHERE name = ?').get(world) as { id: number };
    const row = check.prepare('SELECT bytes FROM entries WHERE key = ?').get(id * 2 ** 40 + seq) as { bytes: Buffer };
    check.close();
    const file = readFileSync(path);
    const at = file.indexOf(row.bytes);
    if (at < 0) throw new Error('entry bytes not found in the file');
    const marker = row.bytes.indexOf(Buffer.from('"text":"entry '));
    file.writeUInt8(file.readUInt8(at + marker + 9) ^ 0x01, at + marker + 9); // one byte inside the payload text
    writeFileSync(path, file);
    const reopened = openSqliteStore(path);
    Object.assign(store, reopened);
  },
});

accountStoreContract({
  name: 'sqlite',
  fresh: async () => {
    const path = join(dir, `accounts-${n++}.db`);
    return { handle: async () => openSqliteAccounts(path) };
  },
});
