/**
 * The two sides of the append benchmarks: the floor (a bare insert of the same row, plus the
 * encoding, signature and hashes an append must compute) and the product (`LedgerService.append`
 * on the store), for SQLite and PostgreSQL.
 *
 * Each side runs in a process of its own (`openSide`). In one process the floor and the product
 * share functions (canonical JSON, hashing, the tree), and V8 tunes those for whichever side
 * called them first: measured in alternation in one process, both sides ran 1.4–1.8× slower than
 * alone, and unequally, which measured the mix rather than the product. The two processes stay
 * up, warm up, then append in short chunks, asked in turn (`pairedChunks`): a slow moment of the
 * machine falls on a chunk of each side alike, and the medians over the chunks are compared.
 *
 * The children run this file bundled as the product ships (bench/support/bundle.ts), not under
 * the development loader: that loader wraps every closure to keep its name, which cost the
 * product's side (it makes more closures per append than the floor) about 5% of its rate.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type pgTypes from 'pg';
import { LedgerService, type Draft } from '../src/app/ledger-service.js';
import type { LedgerStore } from '../src/app/ports.js';
import { nodeCrypto } from '../src/adapters/crypto/node-crypto.js';
import { memoryKeyStore } from '../src/adapters/keystore/file-keystore.js';
import { openSqliteStore } from '../src/adapters/sqlite/sqlite-store.js';
import { createParallelSigner } from '../src/adapters/crypto/parallel-signer.js';
import { ENTRY_VERSION, entryBytes, signEntry, type EntryBody } from '../src/ledger/entry.js';
import { appendLeaf, emptyFrontier, hashLeaf, type Frontier } from '../src/ledger/merkle.js';
import { concat, toBase64 } from '../src/ledger/bytes.js';
import type { Signer } from '../src/ledger/crypto.js';
import { median, now, rate, type Paired } from './support.js';
import { bundled } from './support/bundle.js';

export const draft = (i: number): Draft => ({
  type: 'RatificationStageRecorded',
  validTime: '2023-03-30',
  actor: 'archive',
  actingFor: 'HUN',
  source: 'https://www.nato.int/cps/en/natohq/news_213448.htm',
  payload: { protocol: 'FIN-2022', ally: 'HUN', stage: 'instrument_deposited', i },
});

/** A ledger wired as `evere` wires it: large batches signed on every core. */
export function ledgerOn(store: LedgerStore): LedgerService {
  const keys = memoryKeyStore();
  return new LedgerService({
    store, keys, crypto: nodeCrypto, clock: { now: () => new Date() },
    random: (n) => new Uint8Array(randomBytes(n)),
    signMany: createParallelSigner(keys.privateKey).signMany,
  });
}

/**
 * The bare work of one append: encode, sign, hash, extend the tree. Its row is the row the stores
 * write: beside the bytes, leaf and completed nodes, the entry's columns (type, times, marking)
 * and its index hash, here a bare SHA-256 of those columns (an entry that changes no index row
 * hashes nothing else).
 */
function bareEntry(signer: Signer, kid: string, seq: number, frontier: Frontier) {
  const d = draft(seq);
  const body: EntryBody = {
    v: ENTRY_VERSION, world: 'bench', seq, type: d.type, validTime: d.validTime, recordTime: new Date().toISOString(),
    actor: d.actor, actingFor: d.actingFor, kid, classification: 'PUBLIC', releasability: ['PUBLIC'],
    salt: toBase64(new Uint8Array(randomBytes(16))), source: d.source!, payload: d.payload,
  };
  const entry = signEntry(body, signer);
  const bytes = entryBytes(entry);
  const leafHash = hashLeaf(nodeCrypto, bytes);
  const appended = appendLeaf(nodeCrypto, frontier, leafHash);
  const columns = { type: body.type, validTime: body.validTime, recordTime: body.recordTime, rank: 0, rel: ',PUBLIC,' };
  const indexHash = hash('sha256', `evere/entry-columns\n${JSON.stringify([seq, columns.type, columns.validTime, columns.recordTime, columns.rank, columns.rel])}`, 'buffer');
  return { bytes, leafHash, nodes: concat(...appended.completed), ...columns, indexHash, frontier: appended.frontier };
}

export type Store = 'sqlite' | 'postgres';
export type Side = 'floor' | 'ours';

/** A side's log: `append(count)` appends the next `count` entries in batches of `batch`. */
interface Session {
  append(count: number): Promise<void>;
  close(): Promise<void>;
}

/** Drafts (or bare rows) seq .. seq + count - 1, in batches of `batch`. */
function batches(seq: number, count: number, batch: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = seq; start < seq + count; start += batch) out.push([start, Math.min(seq + count, start + batch)]);
  return out;
}

/** The product's side: a new world of the store, appended to through `LedgerService`. */
async function productSession(store: LedgerStore, world: string, batch: number): Promise<Session> {
  const ledger = ledgerOn(store);
  await ledger.createWorld(world);
  let seq = 0;
  return {
    async append(count) {
      for (const [from, to] of batches(seq, count, batch)) {
        const drafts = [];
        for (let i = from; i < to; i++) drafts.push(draft(i));
        await ledger.append(world, drafts);
      }
      seq += count;
    },
    close: () => store.close(),
  };
}

/** A new log in a file of `dir`, named by `tag`. */
async function sqliteSession(side: Side, dir: string, tag: string, batch: number): Promise<Session> {
  if (side === 'floor') {
    let seq = 0;
    const signer = await memoryKeyStore().create('bench', 'archive');
    // A raw insert of the same row (the same columns and values as the store's, keyed as it keys
    // them: world id · 2^40 + seq).
    const db = new Database(join(dir, `floor-${batch}-${tag}.db`));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE raw (key INTEGER PRIMARY KEY, type TEXT NOT NULL, valid_time TEXT NOT NULL, record_time TEXT NOT NULL, class_rank INTEGER NOT NULL,
      rel TEXT NOT NULL, bytes BLOB NOT NULL, leaf_hash BLOB NOT NULL, nodes BLOB NOT NULL, index_hash BLOB)`);
    const insert = db.prepare('INSERT INTO raw VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const many = db.transaction((rows: ({ seq: number } & ReturnType<typeof bareEntry>)[]) => {
      for (const r of rows) insert.run(2 ** 40 + r.seq, r.type, r.validTime, r.recordTime, r.rank, r.rel, r.bytes, r.leafHash, r.nodes, r.indexHash);
    });
    let frontier = emptyFrontier;
    return {
      async append(count) {
        for (const [from, to] of batches(seq, count, batch)) {
          const rows = [];
          for (let s = from; s < to; s++) {
            const e = bareEntry(signer, '00000000', s, frontier);
            frontier = e.frontier;
            rows.push({ seq: s, ...e });
          }
          many.immediate(rows);
        }
        seq += count;
      },
      async close() { db.close(); },
    };
  }
  const store = openSqliteStore(join(dir, `ours-${batch}-${tag}.db`));
  return productSession(store, 'bench', batch);
}

/** A new log in the schema `url` points to: a world (or the floor's rows) named by `tag`. */
async function postgresSession(side: Side, url: string, tag: string, batch: number): Promise<Session> {
  const world = `bench-${batch}-${tag}`;
  if (side === 'floor') {
    let seq = 0;
    const pg = ((await import('pg')) as { default: typeof pgTypes }).default;
    const { packed } = await import('../src/adapters/postgres/postgres-store.js');
    const signer = await memoryKeyStore().create('bench', 'archive');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // The same columns as the store's entries and tree rows together, in one table keyed by
    // (world, seq), shared by every log as the store's are: the store writes the same bytes as
    // two rows, and is measured against one.
    await client.query(`CREATE TABLE IF NOT EXISTS raw (world TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, type TEXT COLLATE "C" NOT NULL, valid_time TEXT COLLATE "C" NOT NULL,
      record_time TEXT COLLATE "C" NOT NULL, class_rank SMALLINT NOT NULL, rel TEXT NOT NULL, bytes BYTEA NOT NULL, leaf_hash BYTEA NOT NULL, nodes BYTEA NOT NULL,
      index_hash BYTEA, PRIMARY KEY (world, seq))`);
    let frontier = emptyFrontier;
    return {
      async append(count) {
        for (const [from, to] of batches(seq, count, batch)) {
          const rows: ReturnType<typeof bareEntry>[] = [];
          for (let s = from; s < to; s++) {
            const e = bareEntry(signer, '00000000', s, frontier);
            frontier = e.frontier;
            rows.push(e);
          }
          // The bytes travel as the store sends them: binary parameters, each column end to end,
          // cut apart by the server (arrays of bytea would go as hex text, a slower floor).
          const b = packed(rows.map((r) => Buffer.from(r.bytes)));
          const nd = packed(rows.map((r) => Buffer.from(r.nodes)));
          await client.query({
            name: 'floor',
            text: `INSERT INTO raw SELECT $15, $1::bigint + e.i - 1, e.type, e.valid_time, e.record_time, e.class_rank, e.rel,
                substring($2::bytea FROM e.bytes_at + 1 FOR e.bytes_length), substring($3::bytea FROM 32 * e.i::int - 31 FOR 32),
                substring($4::bytea FROM e.nodes_at + 1 FOR e.nodes_length), substring($5::bytea FROM 32 * e.i::int - 31 FOR 32)
              FROM unnest($6::text[], $7::text[], $8::text[], $9::smallint[], $10::text[], $11::int[], $12::int[], $13::int[], $14::int[])
                WITH ORDINALITY AS e (type, valid_time, record_time, class_rank, rel, bytes_at, bytes_length, nodes_at, nodes_length, i)`,
            values: [from, b.bytes, Buffer.concat(rows.map((r) => r.leafHash)), nd.bytes, Buffer.concat(rows.map((r) => r.indexHash)),
              rows.map((r) => r.type), rows.map((r) => r.validTime), rows.map((r) => r.recordTime), rows.map((r) => r.rank), rows.map((r) => r.rel),
              b.at, b.length, nd.at, nd.length, world],
          });
        }
        seq += count;
      },
      close: () => client.end(),
    };
  }
  const { openPostgresStore } = await import('../src/adapters/postgres/postgres-store.js');
  const store = await openPostgresStore(url);
  return productSession(store, world, batch);
}

const THIS_FILE = fileURLToPath(import.meta.url);

/** A side running in a process of its own: `append(count)` resolves to the milliseconds it took. */
export interface SideProcess {
  append(count: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts a side in a fresh process: `place` is the directory of the SQLite files or the
 * PostgreSQL URL (scoped to the benchmark's schema); `tag` names its log.
 */
export function openSide(store: Store, side: Side, place: string, tag: string, batch: number): SideProcess {
  const child = spawn(process.execPath, [bundled(THIS_FILE), store, side, place, tag, String(batch)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  let buffered = '';
  const waiting: { resolve: (ms: number) => void; reject: (e: Error) => void }[] = [];
  const failed = (why: string) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`${store} ${side} append (${tag}): ${why}${err.trim() ? `: ${err.trim()}` : ''}`));
  };
  child.stderr.on('data', (d: Buffer) => { err += d; });
  child.stdout.on('data', (d: Buffer) => {
    buffered += d;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const ms = Number(line);
      if (Number.isFinite(ms)) waiting.shift()?.resolve(ms);
      else failed(`unexpected answer ${JSON.stringify(line)}`);
    }
  });
  child.on('error', (e) => failed(e.message));
  const exited = new Promise<void>((resolve) => child.on('close', (code) => { failed(`exited with ${code}`); resolve(); }));
  return {
    append(count) {
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        child.stdin.write(`${count}\n`);
      });
    },
    async close() {
      child.stdin.end();
      await exited;
    },
  };
}

/**
 * The floor and the product, each in its own process, warmed up with `warm` entries, then asked
 * in turn for `chunks` chunks of `chunk` entries (the side going first alternates); entries/s per
 * chunk, medians compared.
 */
export async function pairedChunks(floor: SideProcess, ours: SideProcess, chunk: number, chunks: number, warm: number): Promise<Paired> {
  try {
    await floor.append(warm);
    await ours.append(warm);
    const floors: number[] = [];
    const oursAll: number[] = [];
    for (let i = 0; i < chunks; i++) {
      const order: [SideProcess, number[]][] = i % 2 === 0 ? [[floor, floors], [ours, oursAll]] : [[ours, oursAll], [floor, floors]];
      for (const [side, into] of order) into.push(rate(chunk, await side.append(chunk)));
    }
    return { floor: median(floors), ours: median(oursAll), floors, oursAll };
  } finally {
    await Promise.all([floor.close(), ours.close()]);
  }
}

// In the child: open the log, then for each line of stdin (a count) append that many entries and
// print the milliseconds it took; stdin closed, close the log and exit.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [store, side, place, tag, batch] = process.argv.slice(2) as [Store, Side, string, string, string];
  const session = await (store === 'sqlite' ? sqliteSession : postgresSession)(side, place, tag, Number(batch));
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const count = Number(line);
    const t0 = now();
    await session.append(count);
    process.stdout.write(`${now() - t0}\n`);
  }
  await session.close();
  process.exit(0);
}
