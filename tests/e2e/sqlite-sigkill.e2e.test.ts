/**
 * SQLite durability: a writer killed with SIGKILL in the middle of a stream of appends loses
 * nothing it acknowledged, leaves a log that verifies, and the log takes further appends.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LedgerService } from '../../src/app/ledger-service.js';
import { nodeCrypto } from '../../src/adapters/crypto/node-crypto.js';
import { openFileKeyStore } from '../../src/adapters/keystore/file-keystore.js';
import { openSqliteStore } from '../../src/adapters/sqlite/sqlite-store.js';
import { fromUtf8 } from '../../src/ledger/bytes.js';
import { spawnScript } from '../support/child-script.js';

const dir = mkdtempSync(join(tmpdir(), 'evere-sigkill-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ledgerAt = (path: string) => new LedgerService({
  store: openSqliteStore(path),
  keys: openFileKeyStore(join(dir, 'keys')),
  crypto: nodeCrypto,
  clock: { now: () => new Date() },
  random: (n) => new Uint8Array(randomBytes(n)),
});

test('a writer killed with SIGKILL mid-stream loses no acknowledged append', { timeout: 120_000 }, async () => {
  const path = join(dir, 'ledger.db');
  const setup = ledgerAt(path);
  await setup.createWorld('durable');
  await setup.store.close();

  const child = spawnScript('./sqlite-appender.ts', [path, join(dir, 'keys'), 'durable']);
  try {
    await child.waitFor((line) => line.startsWith('ack ') && Number(line.split(' ')[1]) >= 299, 60_000);
  } finally {
    child.process.kill('SIGKILL');
  }
  const exit = await child.exited;
  assert.equal(exit.signal, 'SIGKILL', `the writer was still running when killed; stderr: ${child.stderr()}`);

  const acks = child.lines.filter((l) => l.startsWith('ack ')).map((l) => l.split(' ').slice(1).map(Number) as [number, number]);
  assert.ok(acks.length >= 300);
  acks.forEach(([seq, i], k) => assert.deepEqual([seq, i], [k, k], 'acknowledgements are in order'));

  const ledger = ledgerAt(path);
  try {
    const size = await ledger.store.size('durable');
    assert.ok(size >= acks.length, `size ${size} < ${acks.length} acknowledged`);
    const rows = await ledger.store.entries('durable', 0, size);
    assert.deepEqual(rows.map((r) => r.seq), Array.from({ length: size }, (_, i) => i));
    for (const [seq, i] of acks) assert.deepEqual(JSON.parse(fromUtf8(rows[seq]!.bytes)).payload, { i });
    const report = await ledger.verify('durable');
    assert.ok(report.ok, JSON.stringify(report.problems));

    const [next] = await ledger.append('durable', [{ type: 'NoteRecorded', validTime: '2026-01-02', actor: 'archive', actingFor: 'ARCHIVE', payload: { after: true } }]);
    assert.equal(next!.seq, size);
    await ledger.checkpoint('durable');
    assert.ok((await ledger.verify('durable')).ok);
  } finally {
    await ledger.store.close();
  }
});
