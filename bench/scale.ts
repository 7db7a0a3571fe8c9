/**
 * `npm run bench:scale`: how cost grows with the log. A world is grown to each size of
 * `--sizes` (or BENCH_SCALE_SIZES; default 1M, 3M, 10M entries, e.g. `--sizes 1e6,3e6`) with synthetic leaves of the real entries'
 * average size, each carrying an index row of the shapes the engine writes (as the proof and
 * query benchmarks do), on SQLite and on PostgreSQL (`--stores`, BENCH_SCALE_STORES). At each size:
 * - the append rate of real entries (one per transaction) onto the grown log;
 * - proof and point-in-time query p99, each against its bare floor (the same node reads and the
 *   same SQL through prepared statements on a raw connection, as `npm run bench`);
 * - peak memory of a server process answering those questions;
 * - database bytes per entry against the entries' own bytes.
 * Each size has a store of its own (a copy of the size below, grown on), all open at once, so that
 * each question is asked of every size in turn, call by call (the floor and the product at 1M,
 * then at 3M, then at 10M, then the next input; which of the two goes first alternates), after
 * one untimed pass over the inputs, rounds (`QUERY_ROUNDS`, BENCH_SCALE_QUERY_ROUNDS, 7; proofs
 * `PROOF_ROUNDS`, BENCH_SCALE_PROOF_ROUNDS, 15; at least BENCH_ROUNDS) of `CALLS` calls (BENCH_SCALE_CALLS, 3,000),
 * each p99 the median over its rounds with their spread (each growth the ratio of two medians,
 * with the rounds' own ratios beside it): a busy spell of the machine falls on every size alike
 * instead of deciding the growth. Beside each question, what its timed calls
 * read from disk and (PostgreSQL) the blocks each size read from outside the server's buffers.
 * `evere verify` needs signed entries, so its rate and peak memory are measured on a second
 * world of real entries grown to `--verify-sizes` (BENCH_SCALE_VERIFY_SIZES; default 100k, 300k, 1M), each verify
 * in a process of its own.
 * Goals: query and proof p99 at the largest size within 1.25× of the smallest; verify memory
 * flat (largest within 1.25× of smallest); storage at most 2.5× the entries' own bytes.
 */
import { mkdtempSync, rmSync, statSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import Database from 'better-sqlite3';
import { loadConfig, type Config } from '../src/config.js';
import { openServices, type Services } from '../src/main.js';
import { initRecord } from '../src/app/record-loader.js';
import { LedgerService, type Draft } from '../src/app/ledger-service.js';
import { openSqliteStore } from '../src/adapters/sqlite/sqlite-store.js';
import { factsSql as postgresFactsSql, openPostgresStore } from '../src/adapters/postgres/postgres-store.js';
import { nodeHome, planConsistency, planInclusion, planNodes, type RangePlan } from '../src/ledger/merkle.js';
import { accession, decisions, members } from '../src/app/treaty-queries.js';
import { growSynthetic } from './support/grow.js';
import { proofCases } from './ledger.bench.js';
import { queryCases } from './queries.bench.js';
import { fmt, median, now, pairedCallsAcross, percentile, rate, report, reportPaired, results, ROUNDS, spread, timeMany, type CallCase } from './support.js';

const { values: args } = parseArgs({ options: { sizes: { type: 'string' }, 'verify-sizes': { type: 'string' }, stores: { type: 'string' } } });
/** Sizes as written (1000000, 1e6, 3e6…): a size that is not a whole number above 2,000 is refused, named. */
const parseSizes = (option: string, text: string) => text.split(',').map((s) => {
  const n = Number(s.trim());
  if (!Number.isSafeInteger(n) || n <= 2000) throw new Error(`--${option}: ${JSON.stringify(s.trim())} is not a whole number of entries above 2,000`);
  return n;
}).sort((a, b) => a - b);
const SIZES = parseSizes('sizes', args.sizes ?? process.env.BENCH_SCALE_SIZES ?? '1e6,3e6,1e7');
const VERIFY_SIZES = parseSizes('verify-sizes', args['verify-sizes'] ?? process.env.BENCH_SCALE_VERIFY_SIZES ?? '1e5,3e5,1e6');
const STORES = (args.stores ?? process.env.BENCH_SCALE_STORES ?? 'sqlite,postgres').split(',').map((s) => s.trim());
for (const kind of STORES) if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`--stores: ${JSON.stringify(kind)} is neither sqlite nor postgres`);
const PG_URL = process.env.EVERE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const QUERIES = 1000;
// Calls a round for each proof and query p99: its tenth-slowest of 1,000 moved two- to four-fold
// from round to round on PostgreSQL, where a spell of slow calls about that rare comes and goes.
const CALLS = Number(process.env.BENCH_SCALE_CALLS ?? 3000);
// Rounds for the proofs: a few hundred microseconds a call, so a round of every size takes
// seconds, and on PostgreSQL one round's p99 at the same size moved from 0.8 to 2.1 ms as the
// page cache came and went; more rounds make the median the steady one. With seven, one size's
// rounds still spread 0.25–1.07 ms within a run and the PostgreSQL inclusion p99 at 1M moved
// from 0.34 to 0.49 ms between four runs of the same code, so fifteen.
const PROOF_ROUNDS = Math.max(ROUNDS, Number(process.env.BENCH_SCALE_PROOF_ROUNDS ?? 15));
// Rounds for the queries: with three, two fast rounds of a floor decided a goal (PostgreSQL
// `accession SWE` at 1M: the floor's rounds took 2.9 to 5.1 ms, about 5 ms in every other run).
const QUERY_ROUNDS = Math.max(ROUNDS, Number(process.env.BENCH_SCALE_QUERY_ROUNDS ?? 7));
const mb = (n: number) => n / 1024 / 1024;

interface Env {
  readonly url?: string; readonly services: Services; readonly config: Config; readonly env: Record<string, string>;
  storageBytes(): Promise<number>; entryBytes(world: string): Promise<number>; settle?(): Promise<void>;
  /** Blocks of this store's tables and indexes read so far from outside the server's own buffers (PostgreSQL). */
  blocksRead?(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Bytes read so far from the machine's disks (Linux: /sys/block, whole disks only), or undefined
 * elsewhere: printed beside each question's p99, so that a p99 that grew because its reads went
 * to disk (the page cache shrank under it) says so.
 */
function diskBytesRead(): number | undefined {
  try {
    return readdirSync('/sys/block').filter((d) => !/^(loop|ram|zram|dm-)/.test(d))
      .reduce((n, d) => n + Number(readFileSync(`/sys/block/${d}/stat`, 'utf8').trim().split(/\s+/)[2]) * 512, 0);
  } catch {
    return undefined;
  }
}

/**
 * A store of its own for one size: `from`, when given, is the env of the size below, whose
 * database is copied so that the log is grown on from there.
 */
async function sqliteEnv(dir: string, name: string, from?: Env): Promise<Env> {
  const env = { EVERE_DB: join(dir, `scale-${name}.db`), EVERE_KEYS_DIR: join(dir, 'keys') };
  if (from) {
    // SQLite's online backup: a consistent copy, whatever the WAL still holds.
    const source = new Database(from.config.dbPath, { readonly: true });
    await source.backup(env.EVERE_DB);
    source.close();
  }
  const config = loadConfig(env);
  const services = await openServices(config);
  const raw = () => new Database(config.dbPath);
  return {
    services, config, env,
    async storageBytes() {
      const db = raw();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const wal = `${config.dbPath}-wal`;
      return statSync(config.dbPath).size + (existsSync(wal) ? statSync(wal).size : 0);
    },
    async entryBytes(world) {
      const db = raw();
      const id = (db.prepare('SELECT id FROM worlds WHERE name = ?').get(world) as { id: number }).id;
      const row = db.prepare('SELECT sum(length(bytes)) AS n FROM entries WHERE key >= ? AND key < ?').get(id * 2 ** 40, (id + 1) * 2 ** 40) as { n: number };
      db.close();
      return row.n;
    },
    async close() {
      // The file goes as soon as its phase ends: a 10M store left on disk would compete for the
      // page cache with the next store's timed reads.
      await services.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${config.dbPath}${suffix}`, { force: true });
    },
  };
}

/** As sqliteEnv, in a schema of its own: `from`'s tables are copied into it inside the server. */
async function postgresEnv(dir: string, name: string, from?: Env & { schema?: string }): Promise<Env & { schema: string }> {
  const schema = `scale_${process.pid}_${name}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const env = { DATABASE_URL: url, EVERE_KEYS_DIR: join(dir, 'pg-keys') };
  const config = loadConfig(env);
  let services = await openServices(config);
  if (from?.schema) {
    // The schema exists now (the store made its tables): fill them from the size below, then
    // reopen so that nothing cached describes the empty tables.
    await services.close();
    const { rows: tables } = await admin.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1', [from.schema]);
    for (const { tablename } of tables) {
      await admin.query(`INSERT INTO ${schema}.${tablename} SELECT * FROM ${from.schema}.${tablename}`);
      await admin.query(`ANALYZE ${schema}.${tablename}`);
    }
    const { rows: serials } = await admin.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1 AND column_default LIKE 'nextval%'", [schema]);
    for (const { table_name: t, column_name: c } of serials) {
      await admin.query(`SELECT setval(pg_get_serial_sequence('${schema}.${t}', '${c}'), coalesce(max(${c}), 0) + 1, false) FROM ${schema}.${t}`);
    }
    services = await openServices(config);
  }
  return {
    schema,
    url, services, config, env,
    async settle() {
      // A database in service has been vacuumed (this server runs without autovacuum, and the
      // store only analyses, in the background); one just grown has not, and its first reads set
      // every row's hint bits, pages that the checkpointer then writes out while proofs are being
      // timed. Proofs and queries are measured on settled tables, as on a database in steady state.
      const { rows } = await admin.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema]);
      for (const { tablename } of rows) await admin.query(`VACUUM (ANALYZE) ${schema}.${tablename}`);
      await admin.query('CHECKPOINT');
    },
    async blocksRead() {
      const r = await admin.query(`SELECT coalesce(sum(coalesce(heap_blks_read, 0) + coalesce(idx_blks_read, 0) + coalesce(toast_blks_read, 0) + coalesce(tidx_blks_read, 0)), 0)::bigint AS n
        FROM pg_statio_user_tables WHERE schemaname = $1`, [schema]);
      return Number(r.rows[0].n);
    },
    async storageBytes() {
      const r = await admin.query(`SELECT sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)))::bigint AS n FROM pg_tables WHERE schemaname = $1`, [schema]);
      return Number(r.rows[0].n);
    },
    async entryBytes(world) {
      const r = await admin.query(`SELECT sum(length(bytes))::bigint AS n FROM ${schema}.entries WHERE world = $1`, [world]).catch(async () => ({ rows: [{ n: null }] }));
      return Number(r.rows[0].n ?? NaN);
    },
    async close() {
      await services.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/**
 * Proofs and queries on PostgreSQL against their floors: the same node reads (one statement a
 * proof, as the store reads them) and the same SELECTs on the index rows (and the same size at a
 * record time), captured from the product's own calls input by input and run bare through
 * prepared statements on a raw connection to the same database.
 */
async function postgresCases(url: string, world: string, size: number, seqs: readonly number[], ledger: LedgerService, queries: readonly string[], dates: string[]): Promise<Cases> {
  // Two raw connections: reads the product makes at once (one query's independent reads, each
  // on a connection of the store's pool) are replayed at once, each on its own connection.
  const raws = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  for (const raw of raws) await raw.connect();
  const names = new Map<string, string>();
  const prepared = <R extends pg.QueryResultRow>(text: string, values: unknown[], raw = raws[0]!) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `floor-${names.size}`));
    return raw.query<R>({ name, text, values });
  };
  const bareNodes = async (plans: RangePlan[]) => {
    const homes = planNodes(plans).map((id) => ({ id, ...nodeHome(id) }));
    const { rows } = await prepared<{ seq: string; leaf_hash: Buffer; nodes: Buffer }>(
      'SELECT seq, leaf_hash, nodes FROM tree WHERE world = $1 AND seq = ANY($2::bigint[])', [world, [...new Set(homes.map((h) => h.seq))]]);
    const bySeq = new Map(rows.map((row) => [Number(row.seq), row]));
    return homes.map((h) => {
      const row = bySeq.get(h.seq)!;
      return h.id.level === 0 ? row.leaf_hash : row.nodes.subarray(h.slot * 32, h.slot * 32 + 32);
    });
  };
  const cases = new Map<string, CallCase>();
  await timeMany(seqs.length, (i) => ledger.inclusionHashes(world, seqs[i]!, size));
  cases.set('inclusion proof', { floor: (i) => bareNodes(planInclusion(seqs[i]!, size)), ours: (i) => ledger.inclusionHashes(world, seqs[i]!, size) });
  cases.set('consistency proof', { floor: (i) => bareNodes(planConsistency(Math.max(1, seqs[i]!), size)), ours: (i) => ledger.consistencyHashes(world, Math.max(1, seqs[i]!), size) });
  // The capture swaps the store's read methods: a plain store (the service's is a proxy).
  const plain = await openPostgresStore(url);
  const plainLedger = new LedgerService({ ...ledger.deps, store: plain });
  const facts = plain.facts.bind(plain);
  const sizeAt = plain.sizeAtRecordTime.bind(plain);
  for (const name of queries) {
    const fn = queryFns(plainLedger, dates)[name]!;
    // Each input's reads in steps: the reads the product issued before any earlier one came back
    // form one step, replayed at once (each on its own connection); the steps in turn.
    type Replay = (raw: pg.Client) => Promise<unknown>;
    const replays: Replay[][][] = [];
    let current: Replay[][] = [];
    let answered = 0;
    let stepAt = -1;
    const capture = async <T>(replay: Replay, read: () => Promise<T>): Promise<T> => {
      if (stepAt !== answered || current.length === 0) current.push([]);
      stepAt = answered;
      current.at(-1)!.push(replay);
      try { return await read(); } finally { answered++; }
    };
    plain.facts = (w, q) => {
      const { sql, params } = postgresFactsSql(w, q);
      return capture((raw) => prepared(sql, params, raw), () => facts(w, q));
    };
    plain.sizeAtRecordTime = (w, recordTime) => capture((raw) => prepared('SELECT evere_size_at($1, $2) AS size', [w, recordTime], raw), () => sizeAt(w, recordTime));
    for (let i = 0; i < dates.length; i++) {
      current = [];
      stepAt = -1;
      await fn(i);
      replays.push(current);
    }
    plain.facts = facts;
    plain.sizeAtRecordTime = sizeAt;
    await timeMany(100, fn);
    const floor = async (i: number) => {
      for (const step of replays[i]!) {
        if (step.length > raws.length) throw new Error(`${name}: ${step.length} reads at once, more than the floor's ${raws.length} connections`);
        await Promise.all(step.map((replay, k) => replay(raws[k]!)));
      }
    };
    cases.set(name, { floor, ours: fn });
  }
  return { cases, close: async () => { await plain.close(); for (const raw of raws) await raw.end(); } };
}

/** Grows the world with synthetic leaves of the real entries' size, reporting progress. */
async function grow(e: Env, world: string, target: number, entrySize: number): Promise<void> {
  const t0 = now();
  let lastReport = t0;
  await growSynthetic(e.services.ledger.store, world, target, {
    entryBytes: entrySize,
    progress: (size) => {
      if (now() - lastReport < 10_000) return;
      lastReport = now();
      console.log(`  … ${size.toLocaleString('en')} entries (${fmt(rate(size, now() - t0), 'entries/s')})`);
    },
  });
  e.services.ledger.forget(world);
}

/** The point-in-time questions asked at each size, by name. */
const queryFns = (ledger: LedgerService, dates: string[]): Record<string, (i: number) => Promise<unknown>> => ({
  'members --as-of DATE': (i) => members(ledger, 'record', { asOf: dates[i]! }),
  'accession SWE --as-of DATE': (i) => accession(ledger, 'record', 'SWE', { asOf: `20${22 + (i % 3)}-0${1 + (i % 9)}-15` }),
  // Days the synthetic Council activity covers at every size (a proposal an hour from 1 January
  // 2025, a decision per 32 entries: 100,000 entries reach May 2025), so that each size is asked
  // for days of the same number of decisions; days past the log's end would answer nothing at
  // the smaller sizes and make the growth look larger than it is.
  'council decisions on a day': (i) => decisions(ledger, 'record', { from: `2025-0${1 + (i % 4)}-1${i % 10}`, to: `2025-0${1 + (i % 4)}-1${i % 10}` }),
});

const draft = (i: number): Draft => ({
  type: 'RatificationStageRecorded', validTime: '2023-03-30', actor: 'archive', actingFor: 'HUN',
  source: 'https://www.nato.int/cps/en/natohq/news_213448.htm',
  payload: { protocol: 'FIN-2022', ally: 'HUN', stage: 'instrument_deposited', i },
});

function child(args: string[], env: Record<string, string>) {
  const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./support/scale-child.ts', import.meta.url)), ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: p.stdout })[Symbol.asyncIterator]();
  return { p, next: async <T>() => JSON.parse((await lines.next()).value as string) as T };
}

/** A server started on the store: its peak memory, and how long its warm-up took while it answered the queries. */
async function serverPeak(e: Env, size: number): Promise<{ maxRss: number; warmMs: number }> {
  const c = child(['serve'], e.env);
  const { url } = await c.next<{ url: string }>();
  for (let i = 0; i < QUERIES; i++) {
    const date = new Date(Date.UTC(1950, 0, 1) + i * 27 * 86_400_000).toISOString().slice(0, 10);
    await (await fetch(`${url}/api/worlds/record/members?asOf=${date}`)).arrayBuffer();
    await (await fetch(`${url}/api/worlds/record/proofs/inclusion/${Math.floor((i * 7919) % size)}`)).arrayBuffer();
  }
  c.p.stdin.write('report\n');
  const report = await c.next<{ maxRss: number; warmMs: number }>();
  c.p.stdin.write('exit\n');
  return report;
}

/** Every question asked at one size, by name, each with its floor; `close` releases the floors' connections. */
interface Cases { readonly cases: Map<string, CallCase>; close(): Promise<void> | void }

/** One size's proofs and queries, each with its floor, warmed and ready to be timed. */
async function casesAt(kind: string, e: Env, size: number): Promise<Cases> {
  const { ledger } = e.services;
  const seqs = Array.from({ length: CALLS }, (_, i) => Math.floor(((i * 7919) % CALLS) / CALLS * size));
  const dates = Array.from({ length: CALLS }, (_, i) => new Date(Date.UTC(1950 + (i % 76), i % 12, 1 + (i % 28))).toISOString().slice(0, 10));
  const queries = Object.entries(queryFns(ledger, dates));
  // The first proof after a start reads the tree's kept levels (KEPT_NODE_LEVEL up) from the store.
  const tK = now();
  await ledger.inclusionHashes('record', 0, size);
  report({ name: `${kind} at ${size.toLocaleString('en')}: first proof after a start (reads the kept levels of the tree)`, value: fmt((now() - tK) / 1000, 's') });
  if (kind !== 'SQLite') return postgresCases(e.url!, 'record', size, seqs, ledger, queries.map(([name]) => name), dates);
  const proofs = await proofCases(e.config.dbPath, 'record', size, seqs, ledger);
  // The floor comparison swaps the store's read methods to capture their SQL, so it runs on a
  // plain store of the same file: the service's store is the audit decorator, a proxy.
  const plain = openSqliteStore(e.config.dbPath);
  const plainLedger = new LedgerService({ ...ledger.deps, store: plain });
  const plainQueries = queries.map(([name]) => [name, queryFns(plainLedger, dates)[name]!] as [string, (i: number) => Promise<unknown>]);
  const q = await queryCases(e.config.dbPath, plain, 'record', plainQueries, CALLS);
  return {
    cases: new Map([['inclusion proof', proofs.inclusion], ['consistency proof', proofs.consistency], ...q.cases]),
    close: async () => { proofs.close(); q.close(); await plain.close(); },
  };
}

/**
 * Each size has a store of its own, grown from a copy of the size below, so that all sizes stay
 * open at once and each question is asked of every size in turn, call by call: a busy spell of
 * the machine falls on every size alike, and each p99 is the median over its rounds, printed
 * with their spread.
 */
async function scaleOn(kind: string, open: (name: string, from?: Env) => Promise<Env>, opened: Env[]): Promise<void> {
  const at = (size: number) => `${kind} at ${size.toLocaleString('en')}`;
  const envs: { size: number; e: Env }[] = [];
  let entrySize = 0;
  for (const size of SIZES) {
    const e = await open(String(size), envs.at(-1)?.e);
    opened.push(e);
    const { ledger } = e.services;
    if (envs.length === 0) {
      await initRecord(ledger, e.config.dataDir, { world: 'record', empty: false });
      const recordSize = await ledger.store.size('record');
      entrySize = Math.round((await e.entryBytes('record')) / recordSize);
      console.log(`  (${kind}: the real record, ${recordSize} entries of ${entrySize} bytes on average; synthetic leaves of that size follow)`);
    }
    const t0 = now();
    await grow(e, 'record', size - 2000, entrySize);
    console.log(`  (${kind}: grew to ${(size - 2000).toLocaleString('en')} in ${((now() - t0) / 1000).toFixed(0)} s)`);
    // The first append after the log grew folds it once into the model state (as a freshly
    // started server's first act does); the rate is of the appends after it.
    const tF = now();
    await ledger.append('record', [draft(-1)]);
    report({ name: `${at(size)}: first append (folds the log once)`, value: fmt((now() - tF) / 1000, 's') });
    const tA = now();
    for (let i = 0; i < 1999; i++) await ledger.append('record', [draft(i)]);
    report({ name: `${at(size)}: append, one per transaction`, value: fmt(rate(1999, now() - tA), 'entries/s') });
    const server = await serverPeak(e, size);
    report({ name: `${at(size)}: server warm-up after a start (folds the log, reads the kept levels of the tree)`, value: fmt(server.warmMs / 1000, 's') });
    report({ name: `${at(size)}: server peak memory (warmed)`, value: fmt(mb(server.maxRss), 'MB') });
    const storage = await e.storageBytes();
    const own = await e.entryBytes('record');
    report({ name: `${at(size)}: database bytes per entry`, value: `${fmt(storage / size, 'B')} vs the entry's own ${fmt(own / size, 'B')}`, ratio: storage / own, goal: '≤ 2.5×', met: storage / own <= 2.5 });
    envs.push({ size, e });
  }

  // Proofs and queries: for each question, every size in turn call by call, each call beside its
  // floor, on settled tables.
  const tS = now();
  for (const { e } of envs) await e.settle?.();
  if (envs.some(({ e }) => e.settle)) console.log(`  (${kind}: vacuumed, analysed and checkpointed every size in ${((now() - tS) / 1000).toFixed(0)} s)`);
  const prepared: Cases[] = [];
  for (const { size, e } of envs) prepared.push(await casesAt(kind, e, size));
  const p99 = (times: number[]) => percentile(times, 99);
  const blocksRead = () => Promise.all(envs.map(({ e }) => e.blocksRead?.() ?? NaN));
  for (const name of prepared[0]!.cases.keys()) {
    const cases = prepared.map((c) => c.cases.get(name)!);
    // One untimed pass over the inputs, every size, both sides, right before the rounds: the
    // rounds then time each question on the pages it reads, as a server in service has them,
    // and not on how much of them the cache kept through the other questions.
    for (let i = 0; i < CALLS; i++) for (const c of cases) { await c.floor(i); await c.ours(i); }
    const [disk0, blocks0] = [diskBytesRead(), await blocksRead()];
    const rounds = name.includes('proof') ? PROOF_ROUNDS : QUERY_ROUNDS;
    const bySize = await pairedCallsAcross(CALLS, cases, p99, rounds);
    // Where the timed calls' reads went: a server's statistics reach its views within about a
    // second, so a few calls may count under the next question.
    const [disk1, blocks1] = [diskBytesRead(), await blocksRead()];
    const calls = CALLS * rounds * 2;
    const perSize = blocks1.map((b, k) => `${(b - blocks0[k]!).toLocaleString('en')} at ${envs[k]!.size.toLocaleString('en')} (${((b - blocks0[k]!) / calls).toFixed(2)} a call)`);
    console.log(`  (${name}: the timed calls read ${disk0 === undefined ? 'an unknown amount' : fmt(mb(disk1! - disk0), 'MB')} from disk${blocks1.some(Number.isFinite) ? `; blocks read from outside the server's buffers: ${perSize.join(', ')}` : ''})`);
    const smallest = bySize[0]!;
    envs.forEach(({ size }, k) => {
      const p = bySize[k]!;
      reportPaired(`${name} (${at(size)}), p99`, p, 'ms', 'time', 1.5, name.includes('proof') ? 'bare node reads' : 'bare SQL on the same index rows');
      const last = k === envs.length - 1 && k > 0;
      // Each round's own ratio (this size's p99 over the smallest's, timed in the same minutes)
      // is printed beside the goal's ratio of medians: a round's p99 is a tail, and how far those
      // ratios spread says how much of a growth is the machine's.
      const rounds = p.oursAll.map((ours, r) => ours / smallest.oursAll[r]!);
      report({
        name: `${kind} ${name} p99 at ${size.toLocaleString('en')}`, value: `${fmt(p.ours, 'ms')} (${p.oursAll.length} rounds: ${spread(p.oursAll)})`,
        // The floor's own growth beside it: what the store's reads of the same rows grew by.
        against: `${fmt(smallest.ours, 'ms')} at ${SIZES[0]!.toLocaleString('en')}${k > 0 ? ` (round by round ${spread(rounds.map((r) => Number(r.toFixed(2))))}, median ${median(rounds).toFixed(2)}×)` : ''}; its floor ${(p.floor / smallest.floor).toFixed(2)}× its own`,
        ratio: p.ours / smallest.ours,
        ...(last ? { goal: '≤ 1.25× of the smallest size', met: p.ours / smallest.ours <= 1.25 } : {}),
      });
    });
  }
  for (const c of prepared) await c.close();

  // verify: real, signed entries, each verify in its own process, on the smallest size's store.
  const { e } = envs[0]!;
  const { ledger } = e.services;
  await ledger.createWorld('verify');
  let peak0 = 0;
  for (const size of VERIFY_SIZES) {
    let have = await ledger.store.size('verify');
    while (have < size) {
      const n = Math.min(1000, size - have);
      await ledger.append('verify', Array.from({ length: n }, (_, i) => draft(have + i)));
      have += n;
    }
    const c = child(['verify', 'verify'], e.env);
    const v = await c.next<{ size: number; ms: number; ok: boolean; maxRss: number }>();
    if (!v.ok) throw new Error(`${kind}: verify of ${size} real entries failed`);
    if (size === VERIFY_SIZES[0]) peak0 = v.maxRss;
    const last = size === VERIFY_SIZES.at(-1) && VERIFY_SIZES.length > 1;
    report({ name: `${kind} evere verify at ${size.toLocaleString('en')}`, value: `${fmt(rate(v.size, v.ms), 'entries/s')}, peak ${fmt(mb(v.maxRss), 'MB')}`, against: `peak ${fmt(mb(peak0), 'MB')} at ${VERIFY_SIZES[0]!.toLocaleString('en')}`, ratio: v.maxRss / peak0, ...(last ? { goal: 'memory ≤ 1.25× of the smallest size', met: v.maxRss / peak0 <= 1.25 } : {}) });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'evere-scale-'));
try {
  for (const kind of STORES) {
    console.log(`\n== ${kind} ==`);
    const opened: Env[] = [];
    try {
      if (kind === 'postgres') await scaleOn('PostgreSQL', (name, from) => postgresEnv(dir, name, from), opened);
      else await scaleOn('SQLite', (name, from) => sqliteEnv(dir, name, from), opened);
    } finally {
      for (const e of opened) await e.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const goals = results.filter((r) => r.goal);
const missed = goals.filter((r) => !r.met);
console.log(`\n${goals.length - missed.length} of ${goals.length} goals met${missed.length ? `; not met: ${missed.map((r) => r.name).join('; ')}` : ''}.`);
