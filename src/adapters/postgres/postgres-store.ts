/**
 * The server store: PostgreSQL through `pg`, with the same semantics as the SQLite store
 * (bitemporal `facts`, tree nodes kept with the leaf that completed them). Unlike SQLite's, the
 * entries' leaf hashes and tree nodes are a narrow table of their own, `tree`, beside the entries'
 * bytes: a proof reads only `tree`, so the pages proofs touch stay in memory as the log grows (at
 * 10 million entries of 538 bytes, `tree` and its key take 1.4 GB, the entries 7.4 GB).
 *
 * Guarantees:
 * - Appends are single-writer per world: one statement, one transaction, checks that the log ends
 *   at the expected size (its last entry is the one before) and writes the entries and their
 *   facts, all or nothing.
 *   Two writers that saw the same size race on the entries' primary key (world, seq): the second
 *   waits for the first to commit, then fails, and gets StaleSizeError having written nothing.
 * - Text that is compared or ordered (keys, instants, names) uses the "C" collation, so order is
 *   bytewise as in SQLite whatever the database's default collation is.
 * - Each committed append notifies channel `evere_append` with `<world>:<size>` while any
 *   subscriber (subscribeAppends) listens, which it shows by holding an advisory lock shared
 *   (LISTENERS_LOCK) for as long as its session lives; notifications are sent by PostgreSQL on
 *   commit only, so a listener never hears of an append that rolled back.
 *   The channel is database-wide: stores in different schemas of one database share it.
 * - A lost connection never crashes the process: every client has an 'error' listener; a query
 *   on a lost connection fails with StoreUnavailableError (a 503), and the next one reconnects.
 *   The LISTEN connection reconnects by itself with backoff and catches up (subscribeAppends).
 */
import { Buffer } from 'node:buffer';
import pg from 'pg';
import type { NodeId } from '../../ledger/merkle.js';
import { nodeHome, nodeKey } from '../../ledger/merkle.js';
import { CLASSIFICATIONS } from '../../ledger/classification.js';
import { dataParser } from '../parsed-data.js';
import {
  StaleSizeError, StoreUnavailableError, isStoreUnavailable, markingOf,
  type AccessFilter, type AppendRecord, type EntryColumns, type EntryFilter, type IndexRow, type FactQuery, type FactRow, type LedgerStore, type Principal,
  type StoredCheckpoint, type StoredEntry, type WitnessConfig, type WorldInfo, type IndexScanVisitor,
} from '../../app/ports.js';

export const APPEND_CHANNEL = 'evere_append';

/** Serialises schema creation between processes opening the same database at once. */
const SCHEMA_LOCK = 0x45564552; // "EVER"

/**
 * Held shared by every subscriber's session while it listens (database-wide, as the channel is).
 * An append tries to take it exclusively for its transaction: when it cannot, someone listens and
 * the append notifies; when it can, a subscriber arriving meanwhile waits for the append's commit
 * before it reads the sizes it catches up from. So no append falls between, and a subscriber that
 * dies stops being counted with its session. A notification costs about as much as the rest of a
 * small append; the lock, almost nothing (a table of listeners read by every append cost 10–20 µs).
 */
const LISTENERS_LOCK = 0x45564c4e; // "EVLN"

const SCHEMA = `
CREATE TABLE IF NOT EXISTS worlds (
  name TEXT COLLATE "C" PRIMARY KEY,
  info TEXT NOT NULL,
  size BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS principals (
  world TEXT COLLATE "C" NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  info TEXT NOT NULL,
  PRIMARY KEY (world, id)
);
CREATE TABLE IF NOT EXISTS entries (
  world TEXT COLLATE "C" NOT NULL,
  seq BIGINT NOT NULL,
  type TEXT COLLATE "C" NOT NULL,
  valid_time TEXT COLLATE "C" NOT NULL,
  record_time TEXT COLLATE "C" NOT NULL,
  class_rank SMALLINT NOT NULL,
  rel TEXT NOT NULL,
  bytes BYTEA NOT NULL,
  index_hash BYTEA,
  PRIMARY KEY (world, seq)
);
-- Databases made before the index digest get the column; their entries have no hash until a reindex.
ALTER TABLE entries ADD COLUMN IF NOT EXISTS index_hash BYTEA;
-- Each entry's leaf hash and the tree nodes it completed, written with the entry, in the same
-- statement. What every proof reads.
CREATE TABLE IF NOT EXISTS tree (
  world TEXT COLLATE "C" NOT NULL,
  seq BIGINT NOT NULL,
  leaf_hash BYTEA NOT NULL,
  nodes BYTEA NOT NULL,
  PRIMARY KEY (world, seq)
);
-- Databases made when entries held their leaf hashes and nodes: moved to tree, once (the entries'
-- old bytes stay in their pages until PostgreSQL rewrites them, as VACUUM FULL would).
DO $tree$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'entries'::regclass AND attname = 'leaf_hash' AND NOT attisdropped) THEN
    EXECUTE 'INSERT INTO tree (world, seq, leaf_hash, nodes) SELECT world, seq, leaf_hash, nodes FROM entries';
    ALTER TABLE entries DROP COLUMN leaf_hash, DROP COLUMN nodes;
  END IF;
END
$tree$;
-- No secondary index on entries: each costs an append about a third of its time, and every
-- question of the product is answered from the facts' indexes. Listing by type scans the world.
DROP INDEX IF EXISTS entries_type;
CREATE TABLE IF NOT EXISTS checkpoints (
  world TEXT COLLATE "C" NOT NULL,
  size BIGINT NOT NULL,
  root BYTEA NOT NULL,
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (world, size)
);
CREATE TABLE IF NOT EXISTS cosignatures (
  world TEXT COLLATE "C" NOT NULL,
  size BIGINT NOT NULL,
  witness TEXT COLLATE "C" NOT NULL,
  line TEXT NOT NULL,
  PRIMARY KEY (world, size, witness)
);
CREATE TABLE IF NOT EXISTS witnesses (
  world TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  list TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS facts (
  world TEXT COLLATE "C" NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  key TEXT COLLATE "C" NOT NULL,
  valid_from TEXT COLLATE "C" NOT NULL,
  valid_to TEXT COLLATE "C",
  data TEXT NOT NULL,
  class_rank SMALLINT NOT NULL,
  rel TEXT NOT NULL,
  sys_from BIGINT NOT NULL,
  sys_to BIGINT
);
CREATE INDEX IF NOT EXISTS facts_current ON facts (world, kind, key) WHERE sys_to IS NULL;
CREATE INDEX IF NOT EXISTS facts_valid ON facts (world, kind, valid_from);
-- What ANALYZE gathers: nothing on the columns that no question filters or sorts on (the
-- entries' bytes and hashes, the tree's hashes, the facts' data), which took most of an
-- analysis's time; and a sample of 3,000 rows instead of 30,000 for the entries' and the tree's
-- other columns: each has no index but its primary key, so the planner only chooses between it
-- and a scan, which the smaller sample decides as well (an analysis of 60,000 entries: 50 ms
-- instead of 300). The facts keep the default: their ranges are planned from those statistics.
DO $stats$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT a.attrelid::regclass AS rel, a.attname, t.target FROM pg_attribute AS a
    JOIN (VALUES ('entries'::regclass, 'bytes', 0), ('tree'::regclass, 'leaf_hash', 0), ('tree'::regclass, 'nodes', 0),
      ('tree'::regclass, 'world', 10), ('tree'::regclass, 'seq', 10), ('entries'::regclass, 'index_hash', 0), ('facts'::regclass, 'data', 0),
      ('entries'::regclass, 'world', 10), ('entries'::regclass, 'seq', 10), ('entries'::regclass, 'type', 10), ('entries'::regclass, 'valid_time', 10),
      ('entries'::regclass, 'record_time', 10), ('entries'::regclass, 'class_rank', 10), ('entries'::regclass, 'rel', 10)) AS t (rel, name, target)
      ON a.attrelid = t.rel AND a.attname = t.name
    WHERE a.attstattarget IS DISTINCT FROM t.target
  LOOP
    EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS %s', c.rel, c.attname, c.target);
  END LOOP;
END
$stats$;
-- Who listens for appends is known by an advisory lock (LISTENERS_LOCK), no longer by a table.
DROP TABLE IF EXISTS append_listeners;
-- Appends are one plain statement (SQL below); an earlier procedural version is dropped.
DROP FUNCTION IF EXISTS evere_append(text, bigint, bigint, bigint[], text[], text[], text[], bytea[], bytea[], bytea[], smallint[], text[], text[], text[], bigint[], text[], text[], text[], text[], text[], bigint[], bigint[], smallint[], text[]);
-- The log's size when it had entries up to a record time: record times never decrease along
-- the log, so a binary search over primary-key reads, in the server.
CREATE OR REPLACE FUNCTION evere_size_at(p_world text, p_time text) RETURNS bigint LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  lo bigint := 0;
  hi bigint;
  mid bigint;
  t text;
BEGIN
  SELECT coalesce(max(seq) + 1, 0) INTO hi FROM entries WHERE world = p_world;
  WHILE lo < hi LOOP
    mid := (lo + hi) / 2;
    SELECT record_time INTO t FROM entries WHERE world = p_world AND seq = mid;
    IF t <= p_time THEN lo := mid + 1; ELSE hi := mid; END IF;
  END LOOP;
  RETURN lo;
END
$fn$;
`;

/** BIGINT arrives as a string; every count and position here is far below 2^53. */
type BigIntText = string;

interface EntryBytesRow { seq: BigIntText; bytes: Buffer }
interface TreeRow { seq: BigIntText; leaf_hash: Buffer; nodes: Buffer }
interface FactDbRow { kind: string; key: string; valid_from: string; valid_to: string | null; data: string; class_rank: number; sys_from: BigIntText }
interface IndexDbRow { kind: string; key: string; valid_from: string; valid_to: string | null; data: string; class_rank: number; rel: string; sys_from: BigIntText; sys_to: BigIntText | null }
interface ColumnsDbRow { seq: BigIntText; type: string; valid_time: string; record_time: string; class_rank: number; rel: string }
/** Index rows fetched at a time by `indexRows`, and written per statement by `replaceIndex`. */
const INDEX_BATCH = 4096;
const REPLACE_BATCH = 10_000;
/** Read statement texts kept as named statements per connection (see readQuery). */
const NAMED_READS = 256;
/**
 * A proof's node rows are read by one statement a count of rows, `seq IN ($2, …)`, up to this
 * many: PostgreSQL estimates `seq = ANY($2)` at ten rows for its generic plan, so with fewer
 * (a proof reads about four, the rest of its tree being kept in memory) it judged its plan for
 * each call's values cheaper and planned every read anew; a list of parameters costs the same
 * both ways, and the generic plan is kept. Larger reads (filling the kept levels) go as one array.
 */
const LISTED_NODE_ROWS = 64;
const nodesSql = (rows: number): string => rows <= LISTED_NODE_ROWS
  ? `SELECT seq, leaf_hash, nodes FROM tree WHERE world = $1 AND seq IN (${Array.from({ length: rows }, (_, i) => `$${i + 2}`).join(', ')})`
  : 'SELECT seq, leaf_hash, nodes FROM tree WHERE world = $1 AND seq = ANY($2::bigint[])';
interface CheckpointRow { size: BigIntText; root: Buffer; note: string; created_at: string }

const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
/** A copy, so callers never hold a view into pg's reused buffers and always get a plain Uint8Array. */
const toBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer);

/**
 * Entries whole: their rows, each with its leaf hash and nodes from its `tree` row (an entry
 * without one is left out, as a join would). Not a join in SQL: PostgreSQL planned one as a hash
 * join over the whole of `tree` for every range read (a fold of the log grew with its square), and
 * with both ranges given still as a hash join, three times the time of the two reads apart.
 */
const withTree = (rows: readonly EntryBytesRow[], tree: readonly TreeRow[]): StoredEntry[] => {
  const bySeq = new Map(tree.map((t) => [t.seq, t]));
  return rows.flatMap((row) => {
    const t = bySeq.get(row.seq);
    return t ? [{ seq: Number(row.seq), bytes: toBytes(row.bytes), leafHash: toBytes(t.leaf_hash), nodes: toBytes(t.nodes) }] : [];
  });
};

const toCheckpoint = (row: CheckpointRow): StoredCheckpoint => ({
  size: Number(row.size), root: toBytes(row.root), note: row.note, createdAt: row.created_at,
});


/**
 * Index rows are written alike by an append and by a reindex: one INSERT from arrays, one per
 * column in IndexRow's order (indexRowArrays), the world as $1 and the arrays from `$first` on.
 */
const INDEX_ROW_TYPES = ['text', 'text', 'text', 'text', 'text', 'smallint', 'text', 'bigint', 'bigint'] as const;
const insertIndexRows = (first: number): string => `INSERT INTO facts (world, kind, key, valid_from, valid_to, data, class_rank, rel, sys_from, sys_to)
      SELECT $1, x.* FROM unnest(${INDEX_ROW_TYPES.map((type, i) => `$${first + i}::${type}[]`).join(', ')}) AS x`;
const indexRowArrays = (rows: readonly IndexRow[]): unknown[] => [
  rows.map((r) => r.kind), rows.map((r) => r.key), rows.map((r) => r.validFrom), rows.map((r) => r.validTo), rows.map((r) => r.data),
  rows.map((r) => r.rank), rows.map((r) => r.rel), rows.map((r) => r.sysFrom), rows.map((r) => r.sysTo),
];

/**
 * The log ends just before `$2`, the size the writer expects: its entry `$2 - 1` is there (or the
 * log is empty and `$2` is 0). One primary-key read. A log longer than expected is caught by the
 * primary key instead: the insert of `$2` fails (SQLSTATE 23505), having written nothing.
 */
const AT_END = '($2::bigint = 0 OR EXISTS (SELECT 1 FROM entries WHERE world = $1 AND seq = $2::bigint - 1))';

/**
 * The entries of an append, when the log ends where the writer expects: the last parts of a WITH
 * statement, which writes each entry's row and its `tree` row, and answers one row per entry
 * written. Their bytes travel as binary parameters, each column's values end to end: the entries'
 * bytes ($9, cut at the offsets $10 and lengths $11), their 32-byte leaf hashes ($12), their tree
 * nodes ($13, cut at $14 and $15) and their 32-byte index hashes ($16); the other columns are
 * arrays ($4..$8). Sent as arrays of bytea, every byte went as two hex digits inside an array
 * literal, to be parsed back: for a batch, that took about three times as long as the insert itself.
 * The condition is evaluated once a statement: the end-of-log check, then, only when it holds, the
 * listeners' lock and the notice (CASE decides the order; each sub-select runs once).
 */
const INSERT_ENTRIES = (atEnd: string): string => `written AS (
      SELECT $2::bigint + e.i - 1 AS seq, e.* FROM unnest($4::text[], $5::text[], $6::text[], $7::smallint[], $8::text[], $10::int[], $11::int[], $14::int[], $15::int[])
        WITH ORDINALITY AS e (type, valid_time, record_time, class_rank, rel, bytes_at, bytes_length, nodes_at, nodes_length, i)
      WHERE CASE WHEN ${atEnd} THEN (
        SELECT CASE WHEN pg_try_advisory_xact_lock(${LISTENERS_LOCK}) THEN true
          ELSE (SELECT count(*) FROM pg_notify('${APPEND_CHANNEL}', $1::text || ':' || $3::bigint::text)) >= 0 END
      ) ELSE false END
    ), entry_rows AS (
      INSERT INTO entries (world, seq, type, valid_time, record_time, class_rank, rel, bytes, index_hash)
      SELECT $1, w.seq, w.type, w.valid_time, w.record_time, w.class_rank, w.rel,
        substring($9::bytea FROM w.bytes_at + 1 FOR w.bytes_length), substring($16::bytea FROM 32 * w.i::int - 31 FOR 32)
      FROM written AS w
    )
    INSERT INTO tree (world, seq, leaf_hash, nodes)
    SELECT $1, w.seq, substring($12::bytea FROM 32 * w.i::int - 31 FOR 32), substring($13::bytea FROM w.nodes_at + 1 FOR w.nodes_length)
    FROM written AS w`;

/**
 * One binary parameter holding `parts` end to end, with where each starts and how long it is.
 * Exported so that the benchmarks' bare insert sends its bytes the same way.
 */
export function packed(parts: readonly Uint8Array[]): { bytes: Buffer; at: number[]; length: number[] } {
  const at: number[] = [];
  const length: number[] = [];
  let total = 0;
  for (const part of parts) {
    at.push(total);
    length.push(part.byteLength);
    total += part.byteLength;
  }
  const bytes = Buffer.allocUnsafe(total);
  parts.forEach((part, i) => bytes.set(part, at[i]!));
  return { bytes, at, length };
}

/** 32-byte hashes end to end, in one binary parameter. */
function packedHashes(hashes: readonly Uint8Array[], what: string): Buffer {
  const bytes = Buffer.allocUnsafe(32 * hashes.length);
  hashes.forEach((hash, i) => {
    if (hash.byteLength !== 32) throw new Error(`${what} of ${hash.byteLength} bytes, not 32`);
    bytes.set(hash, 32 * i);
  });
  return bytes;
}

const SQL = {
  /**
   * An append without index changes, as one plain statement: one row back per entry written, none
   * when the log does not end at the expected size. The last entry's row sends the notice (only
   * while someone listens), which PostgreSQL delivers on commit.
   */
  appendEntries: `WITH ${INSERT_ENTRIES(AT_END)}`,
  /**
   * An append with index changes, as one plain statement: the same end-of-log check guards every
   * write of the statement (all of them see the same snapshot); the entries, the facts' closing and
   * new versions, and the notice commit together.
   */
  append: `WITH at_end AS (
      SELECT ${AT_END} AS ok
    ), closed AS (
      -- Each open version is found by its own index lookup (the subquery is not flattened, so
      -- the plan cannot turn into a scan of the world's open versions, which grow with the log),
      -- then updated by its row address.
      UPDATE facts AS f SET sys_to = t.seq
      FROM (SELECT c.seq, o.tid FROM unnest($17::text[], $18::text[], $19::bigint[]) AS c (kind, key, seq)
        CROSS JOIN LATERAL (SELECT g.ctid AS tid FROM facts AS g WHERE g.world = $1 AND g.kind = c.kind AND g.key = c.key AND g.sys_to IS NULL OFFSET 0) AS o) AS t
      WHERE (SELECT ok FROM at_end) AND f.ctid = t.tid
    ), added AS (
      ${insertIndexRows(20)}
      WHERE (SELECT ok FROM at_end)
    ), ${INSERT_ENTRIES('(SELECT ok FROM at_end)')}`,
};

/** The access filter as SQL: rank, and releasability named in the `,A,B,` column. */
function accessWhere(access: AccessFilter, param: (value: string | number) => string): string {
  const rank = [`class_rank <= ${param(access.maxRank)}`, ...(access.withheld ?? []).map((t) => `rel NOT LIKE ${param(`%,${t},%`)}`)].join(' AND ');
  if (access.releasableTo.includes('*')) return rank;
  if (access.releasableTo.length === 0) return 'FALSE';
  return `${rank} AND (${access.releasableTo.map((t) => `rel LIKE ${param(`%,${t},%`)}`).join(' OR ')})`;
}

/**
 * The fact changes of a batch, reduced to two set operations with the same result as applying
 * them one by one (as the SQLite store does): a version asserted in the batch and superseded later
 * in the same batch is inserted already closed.
 */
function planFacts(start: number, records: readonly AppendRecord[]) {
  const close = { kind: [] as string[], key: [] as string[], seq: [] as number[] };
  const insert: { -readonly [K in keyof IndexRow]: IndexRow[K] }[] = [];
  // Per (kind, key) touched in this batch: the index of its open version inserted here, or -1.
  const open = new Map<string, number>();
  records.forEach((r, i) => {
    const seq = start + i;
    const marking = markingOf(r.entry);
    for (const f of r.facts) {
      const id = JSON.stringify([f.kind, f.key]);
      const pending = open.get(id);
      if (pending === undefined) {
        close.kind.push(f.kind); close.key.push(f.key); close.seq.push(seq);
      } else if (pending >= 0) insert[pending]!.sysTo = seq;
      if (f.op === 'assert') {
        open.set(id, insert.length);
        const m = f.marking ? markingOf(f.marking) : marking;
        insert.push({
          kind: f.kind, key: f.key, validFrom: f.validFrom, validTo: f.validTo ?? null, data: JSON.stringify(f.data ?? null),
          rank: m.rank, rel: m.rel, sysFrom: seq, sysTo: null,
        });
      } else open.set(id, -1);
    }
  });
  return { close, insert };
}

/** The one SELECT that answers a fact query, with its parameters (the benchmark's floor runs it bare). */
export function factsSql(world: string, query: FactQuery): { sql: string; params: (string | number)[] } {
  const params: (string | number)[] = [world, query.kind];
  const where = ['world = $1', 'kind = $2'];
  const param = (value: string | number) => `$${params.push(value)}`;
  if (query.key !== undefined) where.push(`key = ${param(query.key)}`);
  if (query.keyPrefix !== undefined) where.push(`key >= ${param(query.keyPrefix)} AND key < ${param(`${query.keyPrefix}\uffff`)}`);
  if (query.knownAtSize !== undefined) {
    const known = param(query.knownAtSize);
    where.push(`sys_from < ${known} AND (sys_to IS NULL OR sys_to >= ${known})`);
  } else where.push('sys_to IS NULL');
  if (query.validAt !== undefined) {
    const at = param(query.validAt);
    where.push(`valid_from <= ${at} AND (valid_to IS NULL OR valid_to > ${at})`);
  }
  if (query.access) where.push(accessWhere(query.access, param));
  if (query.startsFrom !== undefined) where.push(`valid_from >= ${param(query.startsFrom)}`);
  if (query.startsTo !== undefined) where.push(`valid_from <= ${param(query.startsTo)}`);
  const limit = query.limit !== undefined ? ` LIMIT ${param(query.limit)}` : '';
  const sql = `SELECT kind, key, valid_from, valid_to, data, class_rank, sys_from FROM facts WHERE ${where.join(' AND ')} ORDER BY valid_from, key${limit}`;
  return { sql, params };
}

/** Unavailable (a 503) when the connection or the database is lost; anything else as it was. */
const mapLost = (error: unknown): unknown => (isStoreUnavailable(error) && !(error instanceof StoreUnavailableError)
  ? new StoreUnavailableError((error as { code?: string }).code ?? (error as Error).message) : error);

/** A client that loses its connection emits 'error' whether checked out or idle: never unhandled. */
export function guardClients(pool: pg.Pool): void {
  pool.on('error', () => undefined);
  pool.on('connect', (client) => { client.on('error', () => undefined); });
}

export async function openPostgresStore(url: string): Promise<LedgerStore> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5000 });
  guardClients(pool);
  // Reads only: one retry on a fresh connection when the pooled one turns out to be lost.
  const poolQuery = async <R extends pg.QueryResultRow>(text: string | pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult<R>> => {
    try {
      return await pool.query<R>(text, values);
    } catch (error) {
      if (!isStoreUnavailable(error)) throw error;
      try {
        return await pool.query<R>(text, values);
      } catch (again) {
        throw mapLost(again);
      }
    }
  };
  // The point-in-time reads (facts, size at a record time, proof nodes) go as named statements:
  // each pooled connection parses a text once, and PostgreSQL then chooses per call between the
  // plan for the call's values and the generic plan (whichever it estimates cheaper; the writer's
  // force_generic_plan is set on its own connection only). Sent unnamed, every read was parsed and
  // planned anew, about twice as long as the read itself on a small answer. A fact query's text
  // depends on its options and the reader's access list, so the names are bounded: past
  // NAMED_READS texts, a read goes unnamed.
  const names = new Map<string, string>();
  const parseData = dataParser();
  const readQuery = <R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> => {
    let name = names.get(text);
    if (name === undefined && names.size < NAMED_READS) names.set(text, (name = `evere-read-${names.size}`));
    return poolQuery<R>(name === undefined ? { text, values } : { name, text, values });
  };

  // Appends go through one connection of their own, one at a time (they are single-writer per
  // world): no pool checkout per append, and the named statement stays prepared on it. A lost
  // writer connection is dropped at once (its 'error' event) and the next append opens another.
  let writer: Promise<pg.PoolClient> | undefined;
  let writes: Promise<unknown> = Promise.resolve();
  const dropWriter = new WeakMap<pg.PoolClient, () => void>();
  const openWriter = (): Promise<pg.PoolClient> => {
    const opening = pool.connect().then(async (client) => {
      let released = false;
      const drop = () => {
        if (writer === opening) writer = undefined;
        if (!released) {
          released = true;
          client.release(true);
        }
      };
      client.on('error', drop);
      dropWriter.set(client, drop);
      // The append's plan is right whatever its arrays hold (an index lookup a key), so it is
      // planned once for the connection: left to choose, PostgreSQL planned every append anew
      // (about as long as the rest of a small append). Only appends run on this connection, and
      // it is closed, never handed back to the pool.
      // Every read an append makes is a key lookup (the log's last entry, a fact's open version),
      // so sequential scans are off: a plan made while the statistics said the log was empty (a
      // new database) scanned the whole log on every append, longer with every entry, until the
      // next ANALYZE. Priced out that way, a plan's estimated cost passes the JIT threshold, and
      // compiling a one-row statement took 0.2 s an append: JIT is off too.
      try {
        await client.query('SET plan_cache_mode = force_generic_plan; SET enable_seqscan = off; SET jit = off');
      } catch (error) {
        drop();
        throw error;
      }
      return client;
    });
    // A failed connect is not kept: the next append tries again.
    opening.catch(() => { if (writer === opening) writer = undefined; });
    return opening;
  };
  const onWriter = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const run = async () => {
      writer ??= openWriter();
      let client: pg.PoolClient;
      try {
        client = await writer;
      } catch (error) {
        throw mapLost(error);
      }
      try {
        return await work(client);
      } catch (error) {
        // A connection-level failure drops the connection; the next append opens one.
        if (!(error as { code?: string }).code || isStoreUnavailable(error)) dropWriter.get(client)?.();
        throw mapLost(error);
      }
    };
    const result = writes.then(run, run);
    writes = result.catch(() => undefined);
    return result;
  };

  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw mapLost(error);
    }
    // A connection that cannot even roll back is discarded, not handed to the next caller.
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: Error) => { broken = rollback; });
      throw mapLost(error);
    } finally {
      client.release(broken);
    }
  };

  try {
    await transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await client.query(SCHEMA);
    });
  } catch (error) {
    await pool.end();
    throw error;
  }

  // Table statistics. PostgreSQL's autovacuum analyzes a table as it grows; where it is switched
  // off nothing does, and the planner, guessing, answers "decisions on a day" by reading every
  // decision of the world (a cost that grows with the log) instead of that day's range of
  // facts_valid. Then the store analyzes its two growing tables itself, by autovacuum's rule
  // with a larger base (1,000 rows + 10% of those counted at the last analysis written since), in
  // the background of the append that crossed it, and at once after a reindex. A young log's
  // tables are read whole faster than analyzed: with autovacuum's base of 50 rows, the analyses
  // of a fresh log cost its one-per-transaction appends about a tenth of their time. Statistics
  // are an optimisation: a failed analysis is not the append's failure.
  let analysis: Promise<void> | undefined;
  let writtenSinceAnalysis = 0;
  let analyzedRows = 0;
  const analyze = (): Promise<void> => {
    writtenSinceAnalysis = 0;
    analysis ??= (async () => {
      try {
        await poolQuery('ANALYZE facts, entries, tree');
        const { rows } = await poolQuery<{ n: number }>(`SELECT sum(greatest(reltuples, 0))::float8 AS n FROM pg_class WHERE oid IN ('facts'::regclass, 'entries'::regclass)`);
        analyzedRows = Number(rows[0]?.n ?? 0);
      } catch {
        // Left to the next threshold.
      } finally {
        analysis = undefined;
      }
    })();
    return analysis;
  };
  let selfAnalyze = false;
  try {
    const { rows } = await poolQuery<{ auto: boolean; n: number; analyzed: boolean }>(`SELECT current_setting('autovacuum') = 'on' AS auto,
        (SELECT sum(greatest(reltuples, 0))::float8 FROM pg_class WHERE oid IN ('facts'::regclass, 'entries'::regclass)) AS n,
        coalesce(pg_stat_get_last_analyze_time('facts'::regclass), pg_stat_get_last_autoanalyze_time('facts'::regclass)) IS NOT NULL AS analyzed`);
    selfAnalyze = rows[0]?.auto === false;
    analyzedRows = Number(rows[0]?.n ?? 0);
    // A database grown without statistics gets them now (the store's first reads may wait).
    if (selfAnalyze && !rows[0]?.analyzed) void analyze();
  } catch (error) {
    await pool.end();
    throw mapLost(error);
  }
  const wrote = (rows: number): void => {
    if (!selfAnalyze) return;
    writtenSinceAnalysis += rows;
    if (analysis === undefined && writtenSinceAnalysis >= 1000 + 0.1 * analyzedRows) void analyze();
  };

  const sizeOf = async (world: string): Promise<number> => {
    const { rows } = await poolQuery<{ size: BigIntText | null }>(
      'SELECT (SELECT coalesce(max(seq) + 1, 0) FROM entries WHERE world = $1) AS size FROM worlds WHERE name = $1', [world]);
    const row = rows[0];
    if (!row || row.size === null) throw new Error(`no world named ${world}`);
    return Number(row.size);
  };

  /** Rows of a world's index in log order, through a cursor on a connection of its own. */
  async function* indexRows(world: string): AsyncGenerator<readonly IndexRow[]> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw mapLost(error);
    }
    let finished = false;
    let broken: Error | undefined;
    try {
      await client.query('BEGIN READ ONLY');
      await client.query(`DECLARE evere_index NO SCROLL CURSOR FOR SELECT kind, key, valid_from, valid_to, data, class_rank, rel, sys_from, sys_to
        FROM facts WHERE world = ${client.escapeLiteral(world)} ORDER BY sys_from, kind, key, sys_to NULLS LAST`);
      for (;;) {
        const { rows } = await client.query<IndexDbRow>(`FETCH ${INDEX_BATCH} FROM evere_index`);
        if (rows.length === 0) break;
        yield rows.map((r): IndexRow => ({
          kind: r.kind, key: r.key, validFrom: r.valid_from, validTo: r.valid_to, data: r.data, rank: r.class_rank, rel: r.rel,
          sysFrom: Number(r.sys_from), sysTo: r.sys_to === null ? null : Number(r.sys_to),
        }));
      }
      await client.query('COMMIT');
      finished = true;
    } catch (error) {
      throw mapLost(error);
    } finally {
      if (!finished) await client.query('ROLLBACK').catch((rollback: Error) => { broken = rollback; });
      client.release(broken);
    }
  }

  /** The digest scan: entries' columns, then index rows, from one REPEATABLE READ snapshot through cursors. */
  async function scanIndex(world: string, visit: IndexScanVisitor): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw mapLost(error);
    }
    let finished = false;
    let broken: Error | undefined;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const name = client.escapeLiteral(world);
      await client.query(`DECLARE evere_scan_entries NO SCROLL CURSOR FOR SELECT seq, type, valid_time, record_time, class_rank, rel, index_hash
        FROM entries WHERE world = ${name} ORDER BY seq`);
      for (;;) {
        const { rows } = await client.query<ColumnsDbRow & { index_hash: Buffer | null }>(`FETCH ${INDEX_BATCH} FROM evere_scan_entries`);
        if (rows.length === 0) break;
        for (const r of rows) {
          visit.entry({ seq: Number(r.seq), type: r.type, validTime: r.valid_time, recordTime: r.record_time, rank: r.class_rank, rel: r.rel }, r.index_hash && toBytes(r.index_hash));
        }
      }
      await client.query(`DECLARE evere_scan_rows NO SCROLL CURSOR FOR SELECT kind, key, valid_from, valid_to, data, class_rank, rel, sys_from, sys_to
        FROM facts WHERE world = ${name}`);
      for (;;) {
        const { rows } = await client.query<IndexDbRow>(`FETCH ${INDEX_BATCH} FROM evere_scan_rows`);
        if (rows.length === 0) break;
        for (const r of rows) {
          visit.row({
            kind: r.kind, key: r.key, validFrom: r.valid_from, validTo: r.valid_to, data: r.data, rank: r.class_rank, rel: r.rel,
            sysFrom: Number(r.sys_from), sysTo: r.sys_to === null ? null : Number(r.sys_to),
          });
        }
      }
      await client.query('COMMIT');
      finished = true;
    } catch (error) {
      throw mapLost(error);
    } finally {
      if (!finished) await client.query('ROLLBACK').catch((rollback: Error) => { broken = rollback; });
      client.release(broken);
    }
  }

  let closed: Promise<void> | undefined;

  const store: LedgerStore = {
    kind: 'postgres',
    async createWorld(info, principals) {
      await transaction(async (client) => {
        await client.query('INSERT INTO worlds (name, info) VALUES ($1, $2)', [info.name, JSON.stringify(info)]);
        if (principals.length) {
          await client.query('INSERT INTO principals (world, id, info) SELECT $1, * FROM unnest($2::text[], $3::text[])',
            [info.name, principals.map((p) => p.id), principals.map((p) => JSON.stringify(p))]);
        }
      });
    },
    async world(name) {
      const { rows } = await poolQuery<{ info: string }>('SELECT info FROM worlds WHERE name = $1', [name]);
      return rows[0] ? (JSON.parse(rows[0].info) as WorldInfo) : undefined;
    },
    async worlds() {
      const { rows } = await poolQuery<{ info: string }>('SELECT info FROM worlds ORDER BY name');
      return rows.map((row) => JSON.parse(row.info) as WorldInfo);
    },
    async principals(world) {
      const { rows } = await poolQuery<{ info: string }>('SELECT info FROM principals WHERE world = $1 ORDER BY id', [world]);
      return rows.map((row) => JSON.parse(row.info) as Principal);
    },
    async addPrincipal(world, principal) {
      await poolQuery('INSERT INTO principals (world, id, info) VALUES ($1, $2, $3)', [world, principal.id, JSON.stringify(principal)]);
    },
    async size(world) {
      return sizeOf(world);
    },
    async append(world, expectedSize, records) {
      if (records.length === 0) return;
      const end = expectedSize + records.length;
      records.forEach((r, i) => {
        if (r.entry.seq !== expectedSize + i) throw new Error(`entry seq ${r.entry.seq} written at position ${expectedSize + i}`);
      });
      const { close, insert } = planFacts(expectedSize, records);
      const markings = records.map((r) => markingOf(r.entry));
      // One statement, its own transaction; a named one, parsed and planned once per connection.
      // Most appends change no index row: they go as the entries' insert alone, without the
      // facts' update and insert, whose setup cost about as much as the insert itself.
      const bytes = packed(records.map((r) => r.bytes));
      const nodes = packed(records.map((r) => r.nodes));
      const entryValues = [
        world, expectedSize, end,
        records.map((r) => r.entry.type), records.map((r) => r.entry.validTime), records.map((r) => r.entry.recordTime),
        markings.map((m) => m.rank), markings.map((m) => m.rel),
        bytes.bytes, bytes.at, bytes.length, packedHashes(records.map((r) => r.leafHash), 'leaf hash'),
        nodes.bytes, nodes.at, nodes.length, packedHashes(records.map((r) => r.indexHash), 'index hash'),
      ];
      const statement: pg.QueryConfig = close.kind.length === 0 && insert.length === 0
        ? { name: 'evere-append-entries', text: SQL.appendEntries, values: entryValues }
        : { name: 'evere-append', text: SQL.append, values: [...entryValues, close.kind, close.key, close.seq, ...indexRowArrays(insert)] };
      const write = () => onWriter((client) => client.query(statement));
      let written: number;
      for (let attempt = 0; ; attempt++) {
        try {
          written = (await write()).rowCount ?? 0;
          break;
        } catch (error) {
          // Another writer took these positions first: nothing of ours was written.
          if ((error as { code?: string }).code === '23505') throw new StaleSizeError(world, expectedSize, await sizeOf(world));
          if (!isStoreUnavailable(error) || attempt > 0) throw error;
          // The connection was lost with the statement in flight: it committed or it did not. Our
          // entries are there (same leaf hashes: each has its own salt) — done; the log is still at
          // the expected size — written again once, on a new connection; anything else is stale.
          const there = await poolQuery<{ seq: BigIntText; leaf_hash: Buffer }>(
            'SELECT seq, leaf_hash FROM tree WHERE world = $1 AND seq >= $2 ORDER BY seq LIMIT $3', [world, expectedSize, records.length]);
          if (there.rows.length === records.length && there.rows.every((row, i) => toBuffer(records[i]!.leafHash).equals(row.leaf_hash))) return;
          if (there.rows.length > 0) throw new StaleSizeError(world, expectedSize, await sizeOf(world));
        }
      }
      // The log did not end where expected (shorter than expected: nothing was written).
      if (written !== records.length) throw new StaleSizeError(world, expectedSize, await sizeOf(world));
      wrote(records.length + insert.length);
    },
    async entries(world, from, to) {
      const [{ rows }, { rows: tree }] = await Promise.all([
        poolQuery<EntryBytesRow>('SELECT seq, bytes FROM entries WHERE world = $1 AND seq >= $2 AND seq < $3 ORDER BY seq', [world, from, to]),
        poolQuery<TreeRow>('SELECT seq, leaf_hash, nodes FROM tree WHERE world = $1 AND seq >= $2 AND seq < $3', [world, from, to]),
      ]);
      return withTree(rows, tree);
    },
    async entryBytes(world, from, to) {
      const { rows } = await poolQuery<{ bytes: Buffer }>('SELECT bytes FROM entries WHERE world = $1 AND seq >= $2 AND seq < $3 ORDER BY seq', [world, from, to]);
      return rows.map((row) => toBytes(row.bytes));
    },
    indexRows,
    scanIndex,
    async entryColumns(world, from, to) {
      const { rows } = await poolQuery<ColumnsDbRow>(
        'SELECT seq, type, valid_time, record_time, class_rank, rel FROM entries WHERE world = $1 AND seq >= $2 AND seq < $3 ORDER BY seq', [world, from, to]);
      return rows.map((r): EntryColumns => ({ seq: Number(r.seq), type: r.type, validTime: r.valid_time, recordTime: r.record_time, rank: r.class_rank, rel: r.rel }));
    },
    async replaceIndex(world, expectedSize, rows, columns) {
      await transaction(async (client) => {
        // Appends wait (they insert entries) until the new index is in; reads go on.
        await client.query('LOCK TABLE entries IN SHARE MODE');
        const { rows: head } = await client.query<{ size: BigIntText }>('SELECT coalesce(max(seq) + 1, 0) AS size FROM entries WHERE world = $1', [world]);
        const actual = Number(head[0]!.size);
        if (actual !== expectedSize) throw new StaleSizeError(world, expectedSize, actual);
        await client.query('DELETE FROM facts WHERE world = $1', [world]);
        for (let i = 0; i < rows.length; i += REPLACE_BATCH) {
          await client.query(insertIndexRows(2), [world, ...indexRowArrays(rows.slice(i, i + REPLACE_BATCH))]);
        }
        for (let i = 0; i < columns.length; i += REPLACE_BATCH) {
          const part = columns.slice(i, i + REPLACE_BATCH);
          await client.query(`UPDATE entries AS e SET type = c.type, valid_time = c.valid_time, record_time = c.record_time, class_rank = c.class_rank, rel = c.rel,
              index_hash = coalesce(c.index_hash, e.index_hash)
            FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::text[], $8::bytea[]) AS c (seq, type, valid_time, record_time, class_rank, rel, index_hash)
            WHERE e.world = $1 AND e.seq = c.seq
              AND (e.type, e.valid_time, e.record_time, e.class_rank, e.rel, e.index_hash) IS DISTINCT FROM (c.type, c.valid_time, c.record_time, c.class_rank, c.rel, coalesce(c.index_hash, e.index_hash))`,
          [world, part.map((c) => c.seq), part.map((c) => c.type), part.map((c) => c.validTime), part.map((c) => c.recordTime), part.map((c) => c.rank), part.map((c) => c.rel),
            part.map((c) => (c.indexHash ? toBuffer(c.indexHash) : null))]);
        }
      });
      // Every index row was rewritten: the planner's statistics describe the old ones.
      if (selfAnalyze) {
        await analysis;
        await analyze();
      }
    },
    async findEntries(world, filter: EntryFilter) {
      const params: (string | number | null | readonly string[])[] = [world];
      const where = ['world = $1'];
      const param = (value: string | number | readonly string[]) => `$${params.push(value)}`;
      if (filter.types?.length) where.push(`type = ANY(${param(filter.types)}::text[])`);
      if (filter.access) where.push(accessWhere(filter.access, param));
      if (filter.validFrom) where.push(`valid_time >= ${param(filter.validFrom)}`);
      if (filter.validTo) where.push(`valid_time <= ${param(filter.validTo)}`);
      if (filter.fromSeq !== undefined) where.push(`seq >= ${param(filter.fromSeq)}`);
      params.push(filter.limit ?? null); // LIMIT NULL: no limit
      const { rows } = await poolQuery<EntryBytesRow>(`SELECT seq, bytes FROM entries WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`, params);
      if (rows.length === 0) return [];
      // The found entries' tree rows: a range when they follow one another, else by their numbers.
      const [first, last] = [Number(rows[0]!.seq), Number(rows.at(-1)!.seq)];
      const { rows: tree } = last - first + 1 === rows.length
        ? await poolQuery<TreeRow>('SELECT seq, leaf_hash, nodes FROM tree WHERE world = $1 AND seq >= $2 AND seq <= $3', [world, first, last])
        : await poolQuery<TreeRow>('SELECT seq, leaf_hash, nodes FROM tree WHERE world = $1 AND seq = ANY($2::bigint[])', [world, rows.map((r) => r.seq)]);
      return withTree(rows, tree);
    },
    async nodes(world, ids: readonly NodeId[]) {
      const out = new Map<string, Uint8Array>();
      if (ids.length === 0) return out;
      const homes = ids.map((id) => ({ id, ...nodeHome(id) }));
      const seqs = [...new Set(homes.map((h) => h.seq))];
      const listed = seqs.length <= LISTED_NODE_ROWS;
      // Named apart from the other reads (bounded by LISTED_NODE_ROWS), so that they always are.
      const { rows } = await poolQuery<{ seq: BigIntText; leaf_hash: Buffer; nodes: Buffer }>({
        name: `evere-nodes-${listed ? seqs.length : 'array'}`, text: nodesSql(seqs.length), values: [world, ...(listed ? seqs : [seqs])],
      });
      const bySeq = new Map(rows.map((row) => [Number(row.seq), row]));
      for (const home of homes) {
        const row = bySeq.get(home.seq);
        if (!row) continue;
        if (home.id.level === 0) out.set(nodeKey(home.id), toBytes(row.leaf_hash));
        else if (row.nodes.length >= (home.slot + 1) * 32) {
          out.set(nodeKey(home.id), toBytes(row.nodes.subarray(home.slot * 32, home.slot * 32 + 32)));
        }
      }
      return out;
    },
    async addCheckpoint(world, cp: StoredCheckpoint) {
      await poolQuery(
        'INSERT INTO checkpoints (world, size, root, note, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (world, size) DO NOTHING',
        [world, cp.size, toBuffer(cp.root), cp.note, cp.createdAt]);
    },
    async latestCheckpoint(world) {
      const { rows } = await poolQuery<CheckpointRow>(
        'SELECT size, root, note, created_at FROM checkpoints WHERE world = $1 ORDER BY size DESC LIMIT 1', [world]);
      return rows[0] && toCheckpoint(rows[0]);
    },
    async checkpoints(world) {
      const { rows } = await poolQuery<CheckpointRow>(
        'SELECT size, root, note, created_at FROM checkpoints WHERE world = $1 ORDER BY size', [world]);
      return rows.map(toCheckpoint);
    },
    async addCosignature(world, size, witness, line) {
      await poolQuery(
        'INSERT INTO cosignatures (world, size, witness, line) VALUES ($1, $2, $3, $4) ON CONFLICT (world, size, witness) DO UPDATE SET line = EXCLUDED.line',
        [world, size, witness, line]);
    },
    async cosignatures(world, size) {
      const { rows } = await poolQuery<{ line: string }>('SELECT line FROM cosignatures WHERE world = $1 AND size = $2 ORDER BY witness', [world, size]);
      return rows.map((row) => row.line);
    },
    async witnesses(world) {
      const { rows } = await poolQuery<{ list: string }>('SELECT list FROM witnesses WHERE world = $1', [world]);
      return rows[0] ? JSON.parse(rows[0].list) as WitnessConfig[] : [];
    },
    async setWitnesses(world, witnesses) {
      await poolQuery(
        'INSERT INTO witnesses (world, list) VALUES ($1, $2) ON CONFLICT (world) DO UPDATE SET list = EXCLUDED.list',
        [world, JSON.stringify(witnesses)]);
    },
    async facts(world, query: FactQuery) {
      const { sql, params } = factsSql(world, query);
      const { rows } = await readQuery<FactDbRow>(sql, params);
      return rows.map((row): FactRow => {
        const seq = Number(row.sys_from);
        const classification = CLASSIFICATIONS[row.class_rank] ?? 'COSMIC TOP SECRET';
        return row.valid_to === null
          ? { kind: row.kind, key: row.key, validFrom: row.valid_from, data: parseData(row.data, seq), seq, classification }
          : { kind: row.kind, key: row.key, validFrom: row.valid_from, validTo: row.valid_to, data: parseData(row.data, seq), seq, classification };
      });
    },
    async sizeAtRecordTime(world, recordTime) {
      const { rows } = await readQuery<{ size: BigIntText }>('SELECT evere_size_at($1, $2) AS size', [world, recordTime]);
      return Number(rows[0]?.size ?? 0);
    },

    async ping() {
      await poolQuery('SELECT 1');
    },

    async close() {
      closed ??= (async () => {
        await writes;
        await analysis;
        if (writer) (await writer.catch(() => undefined))?.release(true);
        await pool.end();
      })();
      return closed;
    },
  };
  return store;
}

export interface AppendNotice {
  readonly world: string;
  /** The log's size after the append. */
  readonly size: number;
}

/**
 * Calls `onAppend` after each committed append to any world of the database, from any process,
 * over one dedicated connection. Notices may be coalesced or arrive late, never early: treat one
 * as "the log has at least this many entries" and re-read. Resolves to the subscription once the
 * first connection listens.
 *
 * The connection is kept: lost (terminated, database restarted), it is opened again with
 * exponential backoff (100 ms doubling to 2 s); once listening again, `onReconnect` is called
 * (drop caches: notices were missed) and every world whose size differs from the last one seen
 * is announced through `onAppend`, so that subscribers catch up on what happened meanwhile.
 */
const BACKOFF_MIN_MS = 100;
const BACKOFF_MAX_MS = 2000;

export interface AppendSubscription {
  /** True while the LISTEN connection is up. */
  listening(): boolean;
  close(): Promise<void>;
}

export interface SubscribeOptions {
  readonly onError?: (error: Error) => void;
  readonly onReconnect?: () => void;
}

export async function subscribeAppends(
  url: string,
  onAppend: (notice: AppendNotice) => void,
  options: SubscribeOptions = {},
): Promise<AppendSubscription> {
  const lastSeen = new Map<string, number>();
  let client: pg.Client | undefined;
  let listening = false;
  let stopped = false;
  let attempt = 0;
  let retry: NodeJS.Timeout | undefined;

  const notice = (world: string, size: number) => {
    if ((lastSeen.get(world) ?? -1) < size) lastSeen.set(world, size);
    onAppend({ world, size });
  };

  const lost = (c: pg.Client, error?: Error) => {
    if (c !== client) return;
    client = undefined;
    listening = false;
    if (error) options.onError?.(error);
    c.end().catch(() => undefined);
    schedule();
  };

  const schedule = () => {
    if (stopped || retry) return;
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt) * (0.75 + Math.random() / 2);
    attempt++;
    retry = setTimeout(() => {
      retry = undefined;
      connect(true).catch((error: Error) => { options.onError?.(error); schedule(); });
    }, delay);
    retry.unref();
  };

  const connect = async (again: boolean) => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    c.on('error', (error) => lost(c, error));
    c.on('end', () => lost(c));
    c.on('notification', (message) => {
      if (message.channel !== APPEND_CHANNEL || !message.payload) return;
      const at = message.payload.lastIndexOf(':');
      const size = Number(message.payload.slice(at + 1));
      if (at > 0 && Number.isSafeInteger(size)) notice(message.payload.slice(0, at), size);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${APPEND_CHANNEL}`);
      // Appends notify while this session holds the listeners' lock (released with the session);
      // taking it waits for any append that found it free to commit.
      await c.query('SELECT pg_advisory_lock_shared($1)', [LISTENERS_LOCK]);
      // Listening from here on: what was appended before is read now, so nothing falls between.
      const { rows } = await c.query<{ name: string; size: BigIntText }>(
        'SELECT w.name, (SELECT coalesce(max(e.seq) + 1, 0) FROM entries e WHERE e.world = w.name) AS size FROM worlds w');
      if (stopped) {
        await c.end().catch(() => undefined);
        return;
      }
      client = c;
      listening = true;
      attempt = 0;
      if (again) options.onReconnect?.();
      for (const row of rows) {
        const size = Number(row.size);
        const seen = lastSeen.get(row.name);
        if (seen === undefined && !again) lastSeen.set(row.name, size);
        else if (seen !== size) notice(row.name, size);
      }
    } catch (error) {
      c.removeAllListeners('end');
      c.on('error', () => undefined);
      await c.end().catch(() => undefined);
      throw error;
    }
  };

  await connect(false);

  let ended: Promise<void> | undefined;
  return {
    listening: () => listening,
    close() {
      ended ??= (async () => {
        stopped = true;
        if (retry) clearTimeout(retry);
        const c = client;
        client = undefined;
        listening = false;
        if (!c) return;
        await c.query('SELECT pg_advisory_unlock_shared($1)', [LISTENERS_LOCK]).catch(() => undefined);
        await c.query(`UNLISTEN ${APPEND_CHANNEL}`).catch(() => undefined);
        await c.end().catch(() => undefined);
      })();
      return ended;
    },
  };
}
