/**
 * The embedded default store: one SQLite file (better-sqlite3), WAL journal.
 * Appends are single-writer (`BEGIN IMMEDIATE`): the size check, the rows, the facts and the new
 * size commit together or not at all. A process killed mid-stream loses nothing it acknowledged:
 * an acknowledged append is a committed WAL transaction.
 */
import Database from 'better-sqlite3';
import type { NodeId } from '../../ledger/merkle.js';
import { nodeHome, nodeKey } from '../../ledger/merkle.js';
import { CLASSIFICATIONS } from '../../ledger/classification.js';
import { dataParser } from '../parsed-data.js';
import {
  StaleSizeError, markingOf,
  type AccessFilter, type AppendRecord, type EntryColumns, type EntryFilter, type IndexRow, type FactQuery, type FactRow, type LedgerStore, type Principal,
  type StoredCheckpoint, type StoredEntry, type WitnessConfig, type WorldInfo, type IndexScanVisitor,
} from '../../app/ports.js';

// Entries of all worlds share one table keyed by a single integer, world id · 2^40 + seq, so an
// append touches one b-tree and a proof's node reads are rowid lookups.
const SEQ_SPACE = 2 ** 40;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS worlds (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  info TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS principals (
  world TEXT NOT NULL,
  id TEXT NOT NULL,
  info TEXT NOT NULL,
  PRIMARY KEY (world, id)
);
CREATE TABLE IF NOT EXISTS entries (
  key INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  valid_time TEXT NOT NULL,
  record_time TEXT NOT NULL,
  class_rank INTEGER NOT NULL,
  rel TEXT NOT NULL,
  bytes BLOB NOT NULL,
  leaf_hash BLOB NOT NULL,
  nodes BLOB NOT NULL,
  index_hash BLOB
);
-- No secondary index on entries: appends stay close to a bare insert, and every question of the
-- product is answered from the facts' indexes. Listing by type scans the world's key range.
DROP INDEX IF EXISTS entries_type;
CREATE TABLE IF NOT EXISTS checkpoints (
  world TEXT NOT NULL,
  size INTEGER NOT NULL,
  root BLOB NOT NULL,
  note TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (world, size)
);
CREATE TABLE IF NOT EXISTS cosignatures (
  world TEXT NOT NULL,
  size INTEGER NOT NULL,
  witness TEXT NOT NULL,
  line TEXT NOT NULL,
  PRIMARY KEY (world, size, witness)
);
CREATE TABLE IF NOT EXISTS witnesses (
  world TEXT NOT NULL PRIMARY KEY,
  list TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS facts (
  world TEXT NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  data TEXT NOT NULL,
  class_rank INTEGER NOT NULL,
  rel TEXT NOT NULL,
  sys_from INTEGER NOT NULL,
  sys_to INTEGER
);
CREATE INDEX IF NOT EXISTS facts_current ON facts (world, kind, key) WHERE sys_to IS NULL;
CREATE INDEX IF NOT EXISTS facts_valid ON facts (world, kind, valid_from);
`;

interface EntryRow { key: number; bytes: Buffer; leaf_hash: Buffer; nodes: Buffer }
/** A facts row in the column order of factsSql's SELECT. */
type FactDbTuple = [kind: string, key: string, validFrom: string, validTo: string | null, data: string, classRank: number, sysFrom: number];
interface IndexDbRow { rowid: number; kind: string; key: string; valid_from: string; valid_to: string | null; data: string; class_rank: number; rel: string; sys_from: number; sys_to: number | null }
interface ColumnsDbRow { key: number; type: string; valid_time: string; record_time: string; class_rank: number; rel: string }
/** Index rows read at a time by `indexRows`. */
const INDEX_BATCH = 4096;

/** The access filter as SQL: rank, and releasability named in the `,A,B,` column. */
function accessWhere(access: AccessFilter, where: string[], params: (string | number)[]): void {
  where.push('class_rank <= ?');
  params.push(access.maxRank);
  for (const t of access.withheld ?? []) {
    where.push('rel NOT LIKE ?');
    params.push(`%,${t},%`);
  }
  if (access.releasableTo.includes('*')) return;
  if (access.releasableTo.length === 0) { where.push('0'); return; }
  where.push(`(${access.releasableTo.map(() => 'rel LIKE ?').join(' OR ')})`);
  params.push(...access.releasableTo.map((t) => `%,${t},%`));
}

/**
 * The one SELECT that answers a fact query: the index rows of a kind, current or as known at a
 * log size, valid at an instant, filtered by what the reader may see. Exported so that the
 * benchmarks can time the same statement bare.
 */
export function factsSql(world: string, query: FactQuery): { sql: string; params: (string | number)[] } {
  const where = ['world = ?', 'kind = ?'];
  const params: (string | number)[] = [world, query.kind];
  if (query.key !== undefined) { where.push('key = ?'); params.push(query.key); }
  if (query.keyPrefix !== undefined) { where.push('key >= ? AND key < ?'); params.push(query.keyPrefix, `${query.keyPrefix}\uffff`); }
  if (query.knownAtSize !== undefined) {
    where.push('sys_from < ? AND (sys_to IS NULL OR sys_to >= ?)');
    params.push(query.knownAtSize, query.knownAtSize);
  } else where.push('sys_to IS NULL');
  if (query.validAt !== undefined) {
    where.push('valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)');
    params.push(query.validAt, query.validAt);
  }
  if (query.access) accessWhere(query.access, where, params);
  if (query.startsFrom !== undefined) { where.push('valid_from >= ?'); params.push(query.startsFrom); }
  if (query.startsTo !== undefined) { where.push('valid_from <= ?'); params.push(query.startsTo); }
  params.push(query.limit ?? -1);
  return { sql: `SELECT kind, key, valid_from, valid_to, data, class_rank, sys_from FROM facts WHERE ${where.join(' AND ')} ORDER BY valid_from, key LIMIT ?`, params };
}

/**
 * A blob as a plain Uint8Array over the Buffer's own memory, not a copy: better-sqlite3 gives
 * every blob a Buffer of its own, and copying one of more than 64 bytes costs a backing store.
 */
const view = (blob: Buffer): Uint8Array => new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);

const toStored = (row: EntryRow): StoredEntry => ({
  seq: row.key % SEQ_SPACE,
  bytes: view(row.bytes),
  leafHash: view(row.leaf_hash),
  nodes: view(row.nodes),
});

export function openSqliteStore(path: string): LedgerStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  // 64 MiB of page cache: proofs and index queries stay in memory on large logs.
  db.pragma('cache_size = -65536');
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  db.exec(SCHEMA);
  // Files made before the index digest get the column; their entries have no hash until a reindex.
  if (!(db.pragma('table_info(entries)') as { name: string }[]).some((c) => c.name === 'index_hash')) db.exec('ALTER TABLE entries ADD COLUMN index_hash BLOB');

  const q = {
    insertWorld: db.prepare('INSERT INTO worlds (name, info) VALUES (?, ?)'),
    world: db.prepare<[string], { id: number; info: string }>('SELECT id, info FROM worlds WHERE name = ?'),
    worlds: db.prepare<[], { info: string }>('SELECT info FROM worlds ORDER BY name'),
    last: db.prepare<[number, number], { key: number | null }>('SELECT max(key) AS key FROM entries WHERE key >= ? AND key < ?'),
    insertPrincipal: db.prepare('INSERT INTO principals (world, id, info) VALUES (?, ?, ?)'),
    principals: db.prepare<[string], { info: string }>('SELECT info FROM principals WHERE world = ? ORDER BY id'),
    insertEntry: db.prepare('INSERT INTO entries (key, type, valid_time, record_time, class_rank, rel, bytes, leaf_hash, nodes, index_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    range: db.prepare<[number, number], EntryRow>('SELECT key, bytes, leaf_hash, nodes FROM entries WHERE key >= ? AND key < ? ORDER BY key'),
    rangeBytes: db.prepare<[number, number], Buffer>('SELECT bytes FROM entries WHERE key >= ? AND key < ? ORDER BY key').pluck(),
    node: db.prepare<[number], { leaf_hash: Buffer; nodes: Buffer }>('SELECT leaf_hash, nodes FROM entries WHERE key = ?'),
    recordTimeAt: db.prepare<[number], { record_time: string }>('SELECT record_time FROM entries WHERE key = ?'),
    insertCheckpoint: db.prepare('INSERT OR IGNORE INTO checkpoints (world, size, root, note, created_at) VALUES (?, ?, ?, ?, ?)'),
    latestCheckpoint: db.prepare<[string], { size: number; root: Buffer; note: string; created_at: string }>('SELECT size, root, note, created_at FROM checkpoints WHERE world = ? ORDER BY size DESC LIMIT 1'),
    checkpoints: db.prepare<[string], { size: number; root: Buffer; note: string; created_at: string }>('SELECT size, root, note, created_at FROM checkpoints WHERE world = ? ORDER BY size'),
    putCosignature: db.prepare('INSERT OR REPLACE INTO cosignatures (world, size, witness, line) VALUES (?, ?, ?, ?)'),
    cosignatures: db.prepare<[string, number], { line: string }>('SELECT line FROM cosignatures WHERE world = ? AND size = ? ORDER BY witness'),
    witnesses: db.prepare<[string], { list: string }>('SELECT list FROM witnesses WHERE world = ?'),
    putWitnesses: db.prepare('INSERT OR REPLACE INTO witnesses (world, list) VALUES (?, ?)'),
    closeFact: db.prepare('UPDATE facts SET sys_to = ? WHERE world = ? AND kind = ? AND key = ? AND sys_to IS NULL'),
    insertFact: db.prepare('INSERT INTO facts (world, kind, key, valid_from, valid_to, data, class_rank, rel, sys_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    // Rows are inserted in log order, so rowid order is log order; an edited or inserted row
    // out of that order still comes (and verify names it).
    indexRows: db.prepare<[number, string, number], IndexDbRow>('SELECT rowid, kind, key, valid_from, valid_to, data, class_rank, rel, sys_from, sys_to FROM facts WHERE rowid > ? AND world = ? ORDER BY rowid LIMIT ?'),
    entryColumns: db.prepare<[number, number], ColumnsDbRow>('SELECT key, type, valid_time, record_time, class_rank, rel FROM entries WHERE key >= ? AND key < ? ORDER BY key'),
    deleteFacts: db.prepare('DELETE FROM facts WHERE world = ?'),
    insertIndexRow: db.prepare('INSERT INTO facts (world, kind, key, valid_from, valid_to, data, class_rank, rel, sys_from, sys_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    setColumns: db.prepare('UPDATE entries SET type = ?, valid_time = ?, record_time = ?, class_rank = ?, rel = ?, index_hash = coalesce(?, index_hash) WHERE key = ? AND NOT (type = ? AND valid_time = ? AND record_time = ? AND class_rank = ? AND rel = ? AND index_hash IS coalesce(?, index_hash))'),
    scanColumns: db.prepare<[number, number], ColumnsDbRow & { index_hash: Buffer | null }>('SELECT key, type, valid_time, record_time, class_rank, rel, index_hash FROM entries WHERE key >= ? AND key < ? ORDER BY key'),
    scanRows: db.prepare<[string], IndexDbRow>('SELECT kind, key, valid_from, valid_to, data, class_rank, rel, sys_from, sys_to FROM facts WHERE world = ?'),
  };

  const worldIds = new Map<string, number>();
  const baseOf = (world: string): number => {
    let id = worldIds.get(world);
    if (id === undefined) {
      const row = q.world.get(world);
      if (!row) throw new Error(`no world named ${world}`);
      id = row.id;
      worldIds.set(world, id);
    }
    return id * SEQ_SPACE;
  };
  const statements = new Map<string, Database.Statement>();
  const parseData = dataParser();
  const factStatements = new Map<string, Database.Statement>();
  const factStatement = (sql: string): Database.Statement => {
    let statement = factStatements.get(sql);
    if (!statement) {
      statement = db.prepare(sql).raw(true);
      factStatements.set(sql, statement);
    }
    return statement;
  };
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const currentSize = (world: string): number => {
    const base = baseOf(world);
    const last = q.last.get(base, base + SEQ_SPACE)?.key;
    return last === null || last === undefined ? 0 : last - base + 1;
  };

  // Each world's size after this connection's last append, valid while the data version read then
  // holds: the version changes when another connection commits, and only then. So a writer that
  // appends alone (a server) checks its expected size without reading the end of the log.
  let appendedVersion: number | undefined;
  const appendedSizes = new Map<string, number>();

  const appendTx = db.transaction((world: string, expected: number, records: readonly AppendRecord[]) => {
    const version = dataVersion.get() as number;
    if (version !== appendedVersion) {
      appendedSizes.clear();
      appendedVersion = version;
    }
    const actual = appendedSizes.get(world) ?? currentSize(world);
    if (actual !== expected) throw new StaleSizeError(world, expected, actual);
    const base = baseOf(world);
    let seq = expected;
    for (const r of records) {
      const e = r.entry;
      if (e.seq !== seq) throw new Error(`entry seq ${e.seq} written at position ${seq}`);
      const marking = markingOf(e);
      q.insertEntry.run(base + seq, e.type, e.validTime, e.recordTime, marking.rank, marking.rel, r.bytes, r.leafHash, r.nodes, r.indexHash);
      for (const f of r.facts) {
        q.closeFact.run(seq, world, f.kind, f.key);
        if (f.op === 'assert') {
          const m = f.marking ? markingOf(f.marking) : marking;
          q.insertFact.run(world, f.kind, f.key, f.validFrom, f.validTo ?? null, JSON.stringify(f.data ?? null), m.rank, m.rel, seq);
        }
      }
      seq++;
    }
  });

  const replaceTx = db.transaction((world: string, expected: number, rows: readonly IndexRow[], columns: readonly EntryColumns[]) => {
    const actual = currentSize(world);
    if (actual !== expected) throw new StaleSizeError(world, expected, actual);
    const base = baseOf(world);
    q.deleteFacts.run(world);
    for (const r of rows) q.insertIndexRow.run(world, r.kind, r.key, r.validFrom, r.validTo, r.data, r.rank, r.rel, r.sysFrom, r.sysTo);
    for (const c of columns) {
      const hash = c.indexHash ?? null;
      q.setColumns.run(c.type, c.validTime, c.recordTime, c.rank, c.rel, hash, base + c.seq, c.type, c.validTime, c.recordTime, c.rank, c.rel, hash);
    }
  });

  // One read transaction: the entries' columns and the index rows from the same snapshot.
  const scanTx = db.transaction((world: string, visit: IndexScanVisitor) => {
    const base = baseOf(world);
    for (const r of q.scanColumns.iterate(base, base + SEQ_SPACE)) {
      visit.entry({ seq: r.key - base, type: r.type, validTime: r.valid_time, recordTime: r.record_time, rank: r.class_rank, rel: r.rel }, r.index_hash && new Uint8Array(r.index_hash));
    }
    for (const r of q.scanRows.iterate(world)) {
      visit.row({ kind: r.kind, key: r.key, validFrom: r.valid_from, validTo: r.valid_to, data: r.data, rank: r.class_rank, rel: r.rel, sysFrom: r.sys_from, sysTo: r.sys_to });
    }
  });

  const store: LedgerStore = {
    kind: 'sqlite',
    async createWorld(info, principals) {
      db.transaction(() => {
        q.insertWorld.run(info.name, JSON.stringify(info));
        worldIds.delete(info.name);
        for (const p of principals) q.insertPrincipal.run(info.name, p.id, JSON.stringify(p));
      }).immediate();
    },
    async world(name) {
      const row = q.world.get(name);
      return row ? (JSON.parse(row.info) as WorldInfo) : undefined;
    },
    async worlds() {
      return q.worlds.all().map((row) => JSON.parse(row.info) as WorldInfo);
    },
    async principals(world) {
      return q.principals.all(world).map((row) => JSON.parse(row.info) as Principal);
    },
    async addPrincipal(world, principal) {
      q.insertPrincipal.run(world, principal.id, JSON.stringify(principal));
    },
    async size(world) {
      return currentSize(world);
    },
    async append(world, expectedSize, records) {
      if (records.length === 0) return;
      appendTx.immediate(world, expectedSize, records);
      // Committed: known until another connection writes.
      appendedSizes.set(world, expectedSize + records.length);
    },
    async entries(world, from, to) {
      const base = baseOf(world);
      return q.range.all(base + Math.max(0, from), base + Math.max(0, to)).map(toStored);
    },
    async entryBytes(world, from, to) {
      const base = baseOf(world);
      return q.rangeBytes.all(base + Math.max(0, from), base + Math.max(0, to)).map(view);
    },
    async findEntries(world, filter: EntryFilter) {
      const base = baseOf(world);
      const where = ['key >= ? AND key < ?'];
      const params: (string | number)[] = [base + (filter.fromSeq ?? 0), base + SEQ_SPACE];
      if (filter.types?.length) {
        where.push(`type IN (${filter.types.map(() => '?').join(', ')})`);
        params.push(...filter.types);
      }
      if (filter.access) accessWhere(filter.access, where, params);
      if (filter.validFrom) { where.push('valid_time >= ?'); params.push(filter.validFrom); }
      if (filter.validTo) { where.push('valid_time <= ?'); params.push(filter.validTo); }
      const sql = `SELECT key, bytes, leaf_hash, nodes FROM entries WHERE ${where.join(' AND ')} ORDER BY key LIMIT ?`;
      params.push(filter.limit ?? -1);
      return (prepared(sql).all(...params) as EntryRow[]).map(toStored);
    },
    async nodes(world, ids: readonly NodeId[]) {
      const out = new Map<string, Uint8Array>();
      const base = baseOf(world);
      // Nodes of several levels can share a home row: each row is read once a call.
      const rows = new Map<number, { leaf_hash: Buffer; nodes: Buffer } | undefined>();
      for (const id of ids) {
        const home = nodeHome(id);
        let row = rows.get(home.seq);
        if (row === undefined && !rows.has(home.seq)) rows.set(home.seq, row = q.node.get(base + home.seq));
        if (!row) continue;
        if (id.level === 0) out.set(nodeKey(id), new Uint8Array(row.leaf_hash));
        else if (row.nodes.length >= (home.slot + 1) * 32) {
          out.set(nodeKey(id), new Uint8Array(row.nodes.subarray(home.slot * 32, home.slot * 32 + 32)));
        }
      }
      return out;
    },
    async addCheckpoint(world, cp: StoredCheckpoint) {
      q.insertCheckpoint.run(world, cp.size, cp.root, cp.note, cp.createdAt);
    },
    async latestCheckpoint(world) {
      const row = q.latestCheckpoint.get(world);
      return row && { size: row.size, root: new Uint8Array(row.root), note: row.note, createdAt: row.created_at };
    },
    async checkpoints(world) {
      return q.checkpoints.all(world).map((row) => ({ size: row.size, root: new Uint8Array(row.root), note: row.note, createdAt: row.created_at }));
    },
    async addCosignature(world, size, witness, line) {
      q.putCosignature.run(world, size, witness, line);
    },
    async cosignatures(world, size) {
      return q.cosignatures.all(world, size).map((row) => row.line);
    },
    async witnesses(world) {
      const row = q.witnesses.get(world);
      return row ? JSON.parse(row.list) as WitnessConfig[] : [];
    },
    async setWitnesses(world, witnesses) {
      q.putWitnesses.run(world, JSON.stringify(witnesses));
    },
    async facts(world, query: FactQuery) {
      const { sql, params } = factsSql(world, query);
      // Rows as arrays (better-sqlite3's raw mode): no throw-away object per row.
      const rows = factStatement(sql).all(...params) as FactDbTuple[];
      const out = new Array<FactRow>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const [kind, key, validFrom, validTo, data, rank, seq] = rows[i]!;
        const classification = CLASSIFICATIONS[rank] ?? 'COSMIC TOP SECRET';
        out[i] = validTo === null
          ? { kind, key, validFrom, data: parseData(data, seq), seq, classification }
          : { kind, key, validFrom, validTo, data: parseData(data, seq), seq, classification };
      }
      return out;
    },
    async sizeAtRecordTime(world, recordTime) {
      // Record times never decrease along the log: binary search over primary-key reads.
      const base = baseOf(world);
      let lo = 0;
      let hi = currentSize(world);
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (q.recordTimeAt.get(base + mid)!.record_time <= recordTime) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
    async *indexRows(world) {
      for (let after = 0; ;) {
        const rows = q.indexRows.all(after, world, INDEX_BATCH);
        if (rows.length === 0) return;
        after = rows[rows.length - 1]!.rowid;
        yield rows.map((r): IndexRow => ({
          kind: r.kind, key: r.key, validFrom: r.valid_from, validTo: r.valid_to, data: r.data,
          rank: r.class_rank, rel: r.rel, sysFrom: r.sys_from, sysTo: r.sys_to,
        }));
      }
    },
    async entryColumns(world, from, to) {
      const base = baseOf(world);
      return q.entryColumns.all(base + Math.max(0, from), base + Math.max(0, to)).map((r) => ({
        seq: r.key - base, type: r.type, validTime: r.valid_time, recordTime: r.record_time, rank: r.class_rank, rel: r.rel,
      }));
    },
    async replaceIndex(world, expectedSize, rows, columns) {
      replaceTx.immediate(world, expectedSize, rows, columns);
    },
    async scanIndex(world, visit) {
      scanTx.deferred(world, visit);
    },
    dataVersion() {
      // Asked on every cached answer: one prepared statement (db.pragma prepares anew each call).
      return dataVersion.get() as number;
    },
    async close() {
      db.close();
    },
  };
  return store;
}
