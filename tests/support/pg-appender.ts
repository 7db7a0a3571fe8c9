/**
 * A separate writer process for the PostgreSQL two-process test. Arguments: database URL, key
 * directory, world, writer tag, count. Prints `ready`, waits for a line on stdin, then makes
 * `count` single-entry appends, printing `ack <seq> <i>` after each append has returned.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { LedgerService } from '../../src/app/ledger-service.js';
import { StaleSizeError } from '../../src/app/ports.js';
import { nodeCrypto } from '../../src/adapters/crypto/node-crypto.js';
import { openFileKeyStore } from '../../src/adapters/keystore/file-keystore.js';
import { openPostgresStore } from '../../src/adapters/postgres/postgres-store.js';

const [url, keysDir, world, writer, count] = process.argv.slice(2);
if (!url || !keysDir || !world || !writer || !count) throw new Error('usage: pg-appender <url> <keys-dir> <world> <writer> <count>');

const store = await openPostgresStore(url);
const ledger = new LedgerService({
  store,
  keys: openFileKeyStore(keysDir),
  crypto: nodeCrypto,
  clock: { now: () => new Date() },
  random: (n) => new Uint8Array(randomBytes(n)),
});
await ledger.state(world);
process.stdout.write('ready\n');
await once(process.stdin, 'data');
process.stdin.pause();

// LedgerService retries a stale append itself, but gives up after a bounded number of attempts;
// under sustained contention from another process that can happen, and the typed conflict then
// means what it says: nothing was written, re-read and retry. Give-ups are counted on stderr.
let gaveUp = 0;
for (let i = 0; i < Number(count); i++) {
  for (;;) {
    try {
      const [entry] = await ledger.append(world, [{
        type: 'NoteRecorded', validTime: '2026-01-01', actor: 'archive', actingFor: 'ARCHIVE', payload: { writer, i },
      }]);
      process.stdout.write(`ack ${entry!.seq} ${i}\n`);
      break;
    } catch (error) {
      if (!(error instanceof StaleSizeError)) throw error;
      gaveUp++;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    }
  }
}
process.stderr.write(`gave-up ${gaveUp}\n`);
await store.close();
process.stdout.write('done\n');
