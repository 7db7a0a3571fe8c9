/**
 * Ledger benchmarks. Each figure is measured against its floor in the same run:
 * - appends: a raw better-sqlite3 (or pg) insert of the same bytes, plus the canonical encoding,
 *   Ed25519 signature and RFC 6962 hashes an append must compute, done bare in this process;
 * - verify: the same rows read bare, SHA-256 of every entry, the tree recomputed and compared,
 *   Ed25519 verification spread over all cores (verify also replays the log and compares indexes);
 * - proofs: time per proof at 1,000,000 entries (goal under 1 ms).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type pgTypes from 'pg';
import { LedgerService, type Draft } from '../src/app/ledger-service.js';
import type { LedgerStore, AppendRecord } from '../src/app/ports.js';
import { nodeCrypto } from '../src/adapters/crypto/node-crypto.js';
import { entryIndexHash } from '../src/app/index-digest.js';
import { memoryKeyStore } from '../src/adapters/keystore/file-keystore.js';
import { openSqliteStore } from '../src/adapters/sqlite/sqlite-store.js';
import { createParallelVerifier } from '../src/adapters/crypto/parallel-verify.js';
import { createParallelChecker } from '../src/adapters/crypto/parallel-checker.js';
import { createParallelSigner } from '../src/adapters/crypto/parallel-signer.js';
import { ENTRY_VERSION, bodyOf, entryBytes, signEntry, signingBytes, type Entry, type EntryBody } from '../src/ledger/entry.js';
import { appendLeaf, emptyFrontier, hashLeaf, nodeHome, planConsistency, planInclusion, planNodes, type Frontier } from '../src/ledger/merkle.js';
import { concat, toBase64 } from '../src/ledger/bytes.js';
import type { Signer } from '../src/ledger/crypto.js';
import { ROUNDS, now, paired, pairedCalls, percentile, rate, reportPaired, results, timeMany, type Paired, type PairedRun } from './support.js';

type PgModule = { default: typeof pgTypes };

const SINGLE = Number(process.env.BENCH_SINGLE ?? 5000);
// One append per transaction is the figure most moved by a busy moment of a shared machine (each
// round lasts a second): it gets more rounds than the default three.
const SINGLE_ROUNDS = Math.max(ROUNDS, 7);
const BATCHED = Number(process.env.BENCH_BATCHED ?? 20000);
const BATCH = 1000;
const PROOF_SIZE = Number(process.env.BENCH_PROOF_SIZE ?? 1_000_000);

const draft = (i: number): Draft => ({
  type: 'RatificationStageRecorded',
  validTime: '2023-03-30',
  actor: 'archive',
  actingFor: 'HUN',
  source: 'https://www.nato.int/cps/en/natohq/news_213448.htm',
  payload: { protocol: 'FIN-2022', ally: 'HUN', stage: 'instrument_deposited', i },
});

/** A ledger wired as `evere` wires it: large batches signed on every core. */
function ledgerOn(store: LedgerStore): LedgerService {
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

async function sqliteAppends(dir: string): Promise<void> {
  const signer = (await memoryKeyStore().create('bench', 'archive'));
  // Floor: bare encoding/signing/hashing + raw insert of the same row (the same columns and
  // values as the store's, keyed as it keys them: world id · 2^40 + seq).
  const floor = (n: number, batch: number, round: number): number => {
    const db = new Database(join(dir, `floor-${batch}-${round}.db`));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE raw (key INTEGER PRIMARY KEY, type TEXT NOT NULL, valid_time TEXT NOT NULL, record_time TEXT NOT NULL, class_rank INTEGER NOT NULL,
      rel TEXT NOT NULL, bytes BLOB NOT NULL, leaf_hash BLOB NOT NULL, nodes BLOB NOT NULL, index_hash BLOB)`);
    const insert = db.prepare('INSERT INTO raw VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const many = db.transaction((rows: ({ seq: number } & ReturnType<typeof bareEntry>)[]) => {
      for (const r of rows) insert.run(2 ** 40 + r.seq, r.type, r.validTime, r.recordTime, r.rank, r.rel, r.bytes, r.leafHash, r.nodes, r.indexHash);
    });
    let frontier = emptyFrontier;
    const t0 = now();
    for (let start = 0; start < n; start += batch) {
      const rows = [];
      for (let seq = start; seq < Math.min(n, start + batch); seq++) {
        const e = bareEntry(signer, '00000000', seq, frontier);
        frontier = e.frontier;
        rows.push({ seq, ...e });
      }
      many.immediate(rows);
    }
    const ms = now() - t0;
    db.close();
    return rate(n, ms);
  };
  const ours = async (n: number, batch: number, round: number): Promise<number> => {
    const store = openSqliteStore(join(dir, `ours-${batch}-${round}.db`));
    const ledger = ledgerOn(store);
    await ledger.createWorld('bench');
    const t0 = now();
    for (let start = 0; start < n; start += batch) {
      const drafts = [];
      for (let i = start; i < Math.min(n, start + batch); i++) drafts.push(draft(i));
      await ledger.append('bench', drafts);
    }
    const ms = now() - t0;
    await store.close();
    return rate(n, ms);
  };
  const single = await paired((r) => floor(SINGLE, 1, r), (r) => ours(SINGLE, 1, r), SINGLE_ROUNDS);
  reportPaired('SQLite append, one entry per transaction', single, 'entries/s', 'rate', 1.1, 'bare insert of the same bytes');
  const batched = await paired((r) => floor(BATCHED, BATCH, r), (r) => ours(BATCHED, BATCH, r));
  reportPaired(`SQLite append, batches of ${BATCH}`, batched, 'entries/s', 'rate', 1.0, 'bare insert of the same bytes');
}

async function postgresAppends(): Promise<void> {
  const url = process.env.EVERE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  let pgmod: PgModule;
  let openPostgresStore: (url: string) => Promise<LedgerStore>;
  let packed: (parts: readonly Uint8Array[]) => { bytes: Buffer; at: number[]; length: number[] };
  try {
    pgmod = await import('pg');
    ({ openPostgresStore, packed } = await import('../src/adapters/postgres/postgres-store.js'));
    const probe = new pgmod.default.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    await probe.connect();
    await probe.end();
  } catch (error) {
    console.log(`PostgreSQL appends: skipped (${(error as Error).message})`);
    return;
  }
  const pg = pgmod.default;
  const schema = `bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const scoped = `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const signer = await memoryKeyStore().create('bench', 'archive');
  try {
    const floor = async (n: number, batch: number, round: number): Promise<number> => {
      const client = new pg.Client({ connectionString: scoped });
      await client.connect();
      const table = `raw_${batch}_${round}`;
      // The same row as the store's entries table: the same columns, keyed by (world, seq).
      await client.query(`CREATE TABLE ${table} (world TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, type TEXT COLLATE "C" NOT NULL, valid_time TEXT COLLATE "C" NOT NULL,
        record_time TEXT COLLATE "C" NOT NULL, class_rank SMALLINT NOT NULL, rel TEXT NOT NULL, bytes BYTEA NOT NULL, leaf_hash BYTEA NOT NULL, nodes BYTEA NOT NULL,
        index_hash BYTEA, PRIMARY KEY (world, seq))`);
      let frontier = emptyFrontier;
      const t0 = now();
      for (let start = 0; start < n; start += batch) {
        const rows: ReturnType<typeof bareEntry>[] = [];
        for (let seq = start; seq < Math.min(n, start + batch); seq++) {
          const e = bareEntry(signer, '00000000', seq, frontier);
          frontier = e.frontier;
          rows.push(e);
        }
        // The bytes travel as the store sends them: binary parameters, each column end to end,
        // cut apart by the server (arrays of bytea would go as hex text, a slower floor).
        const b = packed(rows.map((r) => Buffer.from(r.bytes)));
        const nd = packed(rows.map((r) => Buffer.from(r.nodes)));
        await client.query({
          name: `floor-${table}`,
          text: `INSERT INTO ${table} SELECT 'bench', $1::bigint + e.i - 1, e.type, e.valid_time, e.record_time, e.class_rank, e.rel,
              substring($2::bytea FROM e.bytes_at + 1 FOR e.bytes_length), substring($3::bytea FROM 32 * e.i::int - 31 FOR 32),
              substring($4::bytea FROM e.nodes_at + 1 FOR e.nodes_length), substring($5::bytea FROM 32 * e.i::int - 31 FOR 32)
            FROM unnest($6::text[], $7::text[], $8::text[], $9::smallint[], $10::text[], $11::int[], $12::int[], $13::int[], $14::int[])
              WITH ORDINALITY AS e (type, valid_time, record_time, class_rank, rel, bytes_at, bytes_length, nodes_at, nodes_length, i)`,
          values: [start, b.bytes, Buffer.concat(rows.map((r) => r.leafHash)), nd.bytes, Buffer.concat(rows.map((r) => r.indexHash)),
            rows.map((r) => r.type), rows.map((r) => r.validTime), rows.map((r) => r.recordTime), rows.map((r) => r.rank), rows.map((r) => r.rel),
            b.at, b.length, nd.at, nd.length],
        });
      }
      const ms = now() - t0;
      await client.end();
      return rate(n, ms);
    };
    const ours = async (n: number, batch: number, round: number): Promise<number> => {
      const store = await openPostgresStore(scoped);
      const ledger = ledgerOn(store);
      const world = `bench-${batch}-${round}`;
      await ledger.createWorld(world);
      const t0 = now();
      for (let start = 0; start < n; start += batch) {
        const drafts = [];
        for (let i = start; i < Math.min(n, start + batch); i++) drafts.push(draft(i));
        await ledger.append(world, drafts);
      }
      const ms = now() - t0;
      await store.close();
      return rate(n, ms);
    };
    const single = await paired((r) => floor(Math.min(SINGLE, 2000), 1, r), (r) => ours(Math.min(SINGLE, 2000), 1, r));
    reportPaired('PostgreSQL append, one entry per transaction', single, 'entries/s', 'rate', 1.15, 'bare insert of the same bytes');
    const batched = await paired((r) => floor(BATCHED, BATCH, r), (r) => ours(BATCHED, BATCH, r));
    reportPaired(`PostgreSQL append, batches of ${BATCH}`, batched, 'entries/s', 'rate', 1.0, 'bare insert of the same bytes');
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

async function verifySpeed(dir: string): Promise<void> {
  const store = openSqliteStore(join(dir, 'verify.db'));
  const verifier = createParallelVerifier();
  const checker = createParallelChecker();
  const ledger = new LedgerService({ ...ledgerOn(store).deps, checkEntries: checker.check });
  await ledger.createWorld('bench');
  for (let start = 0; start < BATCHED; start += BATCH) {
    await ledger.append('bench', Array.from({ length: BATCH }, (_, i) => draft(start + i)));
  }
  await ledger.checkpoint('bench');
  // Floor: the bare work of the checks verify makes on the log, less the replay: the same rows
  // read from the same file through one prepared statement, SHA-256 of every entry, the tree
  // recomputed from those hashes and compared with the stored nodes, and Ed25519 verification
  // spread over all cores (started first, as verify starts it).
  const rows = await store.entries('bench', 0, BATCHED);
  const principals = await store.principals('bench');
  const key = Buffer.from(principals.find((p) => p.id === 'archive')!.publicKey, 'base64');
  // What each signature covers, and the signature itself, taken out of the entries beforehand.
  const signedParts = rows.map((r) => {
    const entry = JSON.parse(Buffer.from(r.bytes).toString('utf8')) as Entry;
    return { message: signingBytes(bodyOf(entry)), signature: Buffer.from(entry.sig, 'base64') };
  });
  const raw = new Database(join(dir, 'verify.db'), { readonly: true });
  const base = (raw.prepare('SELECT id FROM worlds WHERE name = ?').get('bench') as { id: number }).id * 2 ** 40;
  const range = raw.prepare<[number, number], { bytes: Buffer; leaf_hash: Buffer; nodes: Buffer }>('SELECT bytes, leaf_hash, nodes FROM entries WHERE key >= ? AND key < ? ORDER BY key');
  const bareVerify = async (): Promise<number> => {
    const stored = range.all(base, base + BATCHED);
    const signed = verifier.verifyMany(stored.map((_, i) => ({ publicKey: key, ...signedParts[i]! })));
    let frontier = emptyFrontier;
    let faults = 0;
    for (const r of stored) {
      const leaf = hashLeaf(nodeCrypto, r.bytes);
      if (!Buffer.from(leaf).equals(r.leaf_hash)) faults++;
      const appended = appendLeaf(nodeCrypto, frontier, leaf);
      frontier = appended.frontier;
      if (!Buffer.from(concat(...appended.completed)).equals(r.nodes)) faults++;
    }
    if (faults > 0 || (await signed).some((ok) => !ok)) throw new Error('the floor found faults in a sound log');
    return stored.length;
  };
  // Floor and ours alternate (at least three rounds each); the medians are compared.
  const measured = await paired(async () => {
    const t0 = now();
    const n = await bareVerify();
    return rate(n, now() - t0);
  }, async () => {
    const t1 = now();
    const result = await ledger.verify('bench');
    if (!result.ok) throw new Error(`verify failed: ${JSON.stringify(result.problems[0])}`);
    return rate(result.size, now() - t1);
  });
  reportPaired(`evere verify (${availableParallelism()} cores)`, measured, 'entries/s', 'rate', 1.15, 'bare reads, SHA-256, tree, Ed25519 on all cores');
  raw.close();
  await verifier.close();
  await checker.close();
  await store.close();
}

/**
 * Proof p99 against its floor: the bare reads of the same tree nodes, from the same file, through
 * one prepared statement on a raw connection (no plan, no hashing of ranges, no mapping).
 */
export async function proofAgainstFloor(file: string, world: string, size: number, seqs: readonly number[], ledger: LedgerService, label = '', run: PairedRun = {}): Promise<{ inclusion: Paired; consistency: Paired }> {
  const raw = new Database(file, { readonly: true });
  const worldId = (raw.prepare('SELECT id FROM worlds WHERE name = ?').get(world) as { id: number }).id;
  const base = worldId * 2 ** 40;
  const read = raw.prepare<[number], { leaf_hash: Buffer; nodes: Buffer }>('SELECT leaf_hash, nodes FROM entries WHERE key = ?');
  const bareRead = (plans: ReturnType<typeof planInclusion>) => {
    const out: Buffer[] = [];
    for (const id of planNodes(plans)) {
      const home = nodeHome(id);
      const row = read.get(base + home.seq)!;
      out.push(id.level === 0 ? row.leaf_hash : row.nodes.subarray(home.slot * 32, home.slot * 32 + 32));
    }
    return out;
  };
  const p99 = (times: number[]) => percentile(times, 99);
  // Steady state: a first pass warms the page cache, as a serving process would be.
  await timeMany(seqs.length, (i) => ledger.inclusionHashes(world, seqs[i]!, size));
  await timeMany(seqs.length, (i) => ledger.consistencyHashes(world, Math.max(1, seqs[i]!), size));
  const inclusion = await pairedCalls(seqs.length, (i) => bareRead(planInclusion(seqs[i]!, size)), (i) => ledger.inclusionHashes(world, seqs[i]!, size), p99, run.rounds);
  if (!run.quiet) reportPaired(`inclusion proof at ${size.toLocaleString('en')} entries${label}, p99`, inclusion, 'ms', 'time', 1.5, 'bare node reads');
  const consistency = await pairedCalls(seqs.length, (i) => bareRead(planConsistency(Math.max(1, seqs[i]!), size)), (i) => ledger.consistencyHashes(world, Math.max(1, seqs[i]!), size), p99, run.rounds);
  if (!run.quiet) reportPaired(`consistency proof at ${size.toLocaleString('en')} entries${label}, p99`, consistency, 'ms', 'time', 1.5, 'bare node reads');
  raw.close();
  return { inclusion, consistency };
}

/** A 1,000,000-entry tree: synthetic leaves (proof cost depends only on the tree), stored as appends store them. */
async function proofSpeed(dir: string): Promise<void> {
  const store = openSqliteStore(join(dir, 'proofs.db'));
  const ledger = ledgerOn(store);
  await ledger.createWorld('big');
  let frontier = emptyFrontier;
  const t0 = now();
  for (let start = 0; start < PROOF_SIZE; start += 10_000) {
    const records: AppendRecord[] = [];
    for (let seq = start; seq < Math.min(PROOF_SIZE, start + 10_000); seq++) {
      const bytes = Buffer.from(`{"seq":${seq}}`);
      const leafHash = hashLeaf(nodeCrypto, bytes);
      const appended = appendLeaf(nodeCrypto, frontier, leafHash);
      frontier = appended.frontier;
      const entry = { seq, type: 'Synthetic', validTime: '2024-01-01', recordTime: '2024-01-01T00:00:00.000Z' } as unknown as AppendRecord['entry'];
      records.push({ entry, bytes, leafHash, nodes: concat(...appended.completed), facts: [], indexHash: entryIndexHash(nodeCrypto, entry, []) });
    }
    await store.append('big', start, records);
  }
  console.log(`  (built a ${PROOF_SIZE.toLocaleString('en')}-entry tree in ${((now() - t0) / 1000).toFixed(1)} s)`);
  const seqs = Array.from({ length: 2000 }, (_, i) => Math.floor(((i * 7919) % 2000) / 2000 * PROOF_SIZE));
  await proofAgainstFloor(join(dir, 'proofs.db'), 'big', PROOF_SIZE, seqs, ledger);
  await store.close();
}

export async function ledgerBenchmarks(only: readonly string[] = []): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'evere-bench-'));
  const part = (name: string) => only.length === 0 || only.includes(name);
  try {
    if (part('sqlite')) await sqliteAppends(dir);
    if (part('postgres')) await postgresAppends();
    if (part('verify')) await verifySpeed(dir);
    if (part('proofs')) await proofSpeed(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: `node --import tsx bench/ledger.bench.ts [sqlite] [postgres] [verify] [proofs]` (no name: all four).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await ledgerBenchmarks(process.argv.slice(2));
  const missed = results.filter((r) => r.goal && !r.met);
  console.log(`\n${results.filter((r) => r.goal).length - missed.length} of ${results.filter((r) => r.goal).length} goals met.`);
}
