/**
 * A writer process for the SQLite kill test. Arguments: database file, key directory, world.
 * Appends single entries until killed, printing `ack <seq> <i>` only after each append returned.
 */
import { randomBytes } from 'node:crypto';
import { LedgerService } from '../../src/app/ledger-service.js';
import { nodeCrypto } from '../../src/adapters/crypto/node-crypto.js';
import { openFileKeyStore } from '../../src/adapters/keystore/file-keystore.js';
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store.js';

const [path, keysDir, world] = process.argv.slice(2);
if (!path || !keysDir || !world) throw new Error('usage: sqlite-appender <file> <keys-dir> <world>');

const ledger = new LedgerService({
  store: openSqliteStore(path),
  keys: openFileKeyStore(keysDir),
  crypto: nodeCrypto,
  clock: { now: () => new Date() },
  random: (n) => new Uint8Array(randomBytes(n)),
});

for (let i = 0; ; i++) {
  const [entry] = await ledger.append(world, [{
    type: 'NoteRecorded', validTime: '2026-01-01', actor: 'archive', actingFor: 'ARCHIVE', payload: { i },
  }]);
  process.stdout.write(`ack ${entry!.seq} ${i}\n`);
}
