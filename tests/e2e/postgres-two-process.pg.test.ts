/**
 * Two processes append to one PostgreSQL world at the same time: the head-row lock and the size
 * check must serialise them into one gapless log that loses no acknowledged entry and verifies.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LedgerService } from '../../src/app/ledger-service.js';
import { StaleSizeError, type LedgerStore } from '../../src/app/ports.js';
import { nodeCrypto } from '../../src/adapters/crypto/node-crypto.js';
import { openFileKeyStore } from '../../src/adapters/keystore/file-keystore.js';
import { openPostgresStore, subscribeAppends, type AppendNotice } from '../../src/adapters/postgres/postgres-store.js';
import { fromUtf8 } from '../../src/ledger/bytes.js';
import { freshPostgresSchema, postgresAvailable } from '../support/services.js';
import { spawnScript } from '../support/child-script.js';
import { testLedger, draft } from '../support/ledger.js';
import { followAppends } from '../../src/cli/follow-appends.js';
import { createAppendBus } from '../../src/api/bus.js';

const N = 300;
const WORLD = 'shared';

describe('PostgreSQL: two processes appending to one world', () => {
  let skip: string | undefined;
  let url = '';
  let drop: (() => Promise<void>) | undefined;
  const keysDir = mkdtempSync(join(tmpdir(), 'evere-pg-keys-'));
  const stores: LedgerStore[] = [];

  before(async () => {
    skip = (await postgresAvailable()) ? undefined : 'PostgreSQL is not reachable';
    if (skip) return;
    ({ url, drop } = await freshPostgresSchema('two_process'));
  });
  after(async () => {
    for (const s of stores) await s.close();
    await drop?.();
    rmSync(keysDir, { recursive: true, force: true });
  });

  test(`${N} + ${N} concurrent single-entry appends give one gapless, verified log`, { timeout: 180_000 }, async (t) => {
    if (skip) return t.skip(skip);
    const store = await openPostgresStore(url);
    stores.push(store);
    const ledger = new LedgerService({
      store,
      keys: openFileKeyStore(keysDir),
      crypto: nodeCrypto,
      clock: { now: () => new Date() },
      random: (n) => new Uint8Array(randomBytes(n)),
    });
    await ledger.createWorld(WORLD);

    const notices: AppendNotice[] = [];
    const { close: unsubscribe } = await subscribeAppends(url, (notice) => notices.push(notice));
    try {
      const writers = ['a', 'b'].map((tag) => ({ tag, child: spawnScript('./pg-appender.ts', [url, keysDir, WORLD, tag, String(N)]) }));
      try {
        await Promise.all(writers.map((w) => w.child.waitFor((l) => l === 'ready', 60_000)));
        for (const w of writers) w.child.process.stdin.write('go\n');
        const exits = await Promise.all(writers.map((w) => w.child.exited));
        writers.forEach((w, i) => assert.deepEqual(exits[i], { code: 0, signal: null }, `writer ${w.tag}: ${w.child.stderr()}`));
        for (const w of writers) t.diagnostic(`writer ${w.tag}: ${w.child.stderr().trim()} (appends the service gave up on after its own retries)`);
      } finally {
        for (const w of writers) if (w.child.process.exitCode === null) w.child.process.kill('SIGKILL');
      }

      assert.equal(await store.size(WORLD), 2 * N);
      const rows = await store.entries(WORLD, 0, 2 * N);
      assert.deepEqual(rows.map((r) => r.seq), Array.from({ length: 2 * N }, (_, i) => i));
      const payloads = rows.map((r) => JSON.parse(fromUtf8(r.bytes)).payload as { writer: string; i: number });

      const acknowledged = new Set<number>();
      for (const { tag, child } of writers) {
        const acks = child.lines.filter((l) => l.startsWith('ack ')).map((l) => l.split(' ').slice(1).map(Number) as [number, number]);
        assert.equal(acks.length, N, `writer ${tag} acknowledgements`);
        for (const [seq, i] of acks) {
          assert.ok(!acknowledged.has(seq), `seq ${seq} acknowledged twice`);
          acknowledged.add(seq);
          assert.deepEqual(payloads[seq], { writer: tag, i }, `seq ${seq}`);
        }
      }
      assert.equal(acknowledged.size, 2 * N);
      assert.equal(new Set(payloads.map((p) => `${p.writer}${p.i}`)).size, 2 * N);

      const report = await ledger.verify(WORLD);
      assert.ok(report.ok, JSON.stringify(report.problems));
      assert.equal(report.size, 2 * N);

      // Notices come from the writers' connections, after their commits; the last one names the final size.
      const deadline = Date.now() + 5_000;
      while (!notices.some((n) => n.world === WORLD && n.size === 2 * N) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const sizes = notices.filter((n) => n.world === WORLD).map((n) => n.size);
      assert.ok(sizes.includes(2 * N), `notified sizes end at ${sizes.at(-1)}`);
      assert.ok(sizes.every((s) => s >= 1 && s <= 2 * N));
    } finally {
      await unsubscribe();
    }
  });

  test('a subscriber hears of an append made through another connection, and only after commit', async (t) => {
    if (skip) return t.skip(skip);
    const notices: AppendNotice[] = [];
    const { close: unsubscribe } = await subscribeAppends(url, (notice) => notices.push(notice));
    const other = await openPostgresStore(url);
    stores.push(other);
    try {
      const ledger = testLedger(other);
      await ledger.createWorld('notified');
      await ledger.append('notified', [draft(0), draft(1), draft(2)]);
      const deadline = Date.now() + 5_000;
      while (!notices.some((n) => n.world === 'notified') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.deepEqual(notices.filter((n) => n.world === 'notified'), [{ world: 'notified', size: 3 }]);

      // A rejected append (stale size) rolls back and notifies nobody.
      const [row] = await other.entries('notified', 0, 1);
      await assert.rejects(other.append('notified', 0, [{ entry: JSON.parse(fromUtf8(row!.bytes)), bytes: row!.bytes, leafHash: row!.leafHash, nodes: row!.nodes, facts: [], indexHash: new Uint8Array(32) }]));
      // So does an append past the end of the log (it would leave a hole): nothing is written.
      const beyond = { entry: { ...JSON.parse(fromUtf8(row!.bytes)), seq: 10 }, bytes: row!.bytes, leafHash: row!.leafHash, nodes: row!.nodes, facts: [], indexHash: new Uint8Array(32) };
      await assert.rejects(other.append('notified', 10, [beyond]), StaleSizeError);
      assert.equal(await other.size('notified'), 3);
      await ledger.append('notified', [draft(3)]);
      while (!notices.some((n) => n.world === 'notified' && n.size === 4) && Date.now() < deadline + 5_000) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.deepEqual(notices.filter((n) => n.world === 'notified').map((n) => n.size), [3, 4]);
    } finally {
      await unsubscribe();
    }
  });
  test('a server following the other instances keeps its caches: after their appends, its next command catches up on theirs only', async (t) => {
    if (skip) return t.skip(skip);
    const mine = await openPostgresStore(url);
    const theirs = await openPostgresStore(url);
    stores.push(mine, theirs);
    const other = testLedger(theirs);
    await other.createWorld('followed');
    await other.append('followed', Array.from({ length: 40 }, (_, i) => draft(i)));
    const reads: [number, number][] = [];
    const counting = Object.assign(Object.create(mine) as LedgerStore, {
      entries: (world: string, from: number, to: number) => { reads.push([from, to]); return mine.entries(world, from, to); },
      entryBytes: (world: string, from: number, to: number) => { reads.push([from, to]); return mine.entryBytes(world, from, to); },
    });
    const ledger = new LedgerService({ ...other.deps, store: counting });
    const bus = createAppendBus();
    const heard: number[] = [];
    bus.subscribe((world, size) => { if (world === 'followed') heard.push(size); });
    const errors: Error[] = [];
    const subscription = await followAppends(url, { ledger, bus }, { onError: (error) => errors.push(error) });
    const hear = async (size: number) => {
      const deadline = Date.now() + 5_000;
      while (!heard.includes(size) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.ok(heard.includes(size), `heard of size ${size}: ${heard.join(', ')}`);
    };
    try {
      await ledger.append('followed', [draft(40)]);
      await hear(41);
      await other.append('followed', [draft(41), draft(42)]);
      await hear(43);
      reads.length = 0;
      const [entry] = await ledger.append('followed', [draft(43)]);
      assert.equal(entry!.seq, 43);
      // Its own append's notice and the other's left the cache in place: only entries 41–42 are read.
      assert.deepEqual(reads, [[41, 43]]);
      assert.deepEqual(await ledger.state('followed'), await testLedger(theirs).state('followed'));
      assert.equal((await ledger.verify('followed')).ok, true);
      assert.deepEqual(errors, []);
    } finally {
      await subscription.close();
    }
  });
});
