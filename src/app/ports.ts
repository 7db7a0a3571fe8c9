/**
 * The narrow ports the core owns (STYLE habit 8). Drivers are passed in at the composition root.
 */
import type { Entry } from '../ledger/entry.js';
import type { NodeId } from '../ledger/merkle.js';
import type { Signer } from '../ledger/crypto.js';
import type { FactChange } from '../domain/facts.js';
import { CLASSIFICATIONS, type Classification } from '../ledger/classification.js';

export interface WorldInfo {
  readonly name: string;
  /** Checkpoint origin line, e.g. `evere.local/record`. */
  readonly origin: string;
  readonly createdAt: string;
  readonly exercise: boolean;
  /** A scenario's parent world and the size of the parent log it was forked at. */
  readonly forkedFrom?: { readonly world: string; readonly size: number; readonly asOf?: string };
}

export type PrincipalKind = 'log' | 'archive' | 'delegation' | 'staff' | 'director' | 'bot';

/** A signing principal of a world, with its public key (never the private one). */
export interface Principal {
  readonly id: string;
  readonly kind: PrincipalKind;
  /** The Ally or body it acts for (delegations: their Ally's alpha-3 code). */
  readonly actingFor?: string;
  /** Key name as in signed notes and verifier keys. */
  readonly keyName: string;
  /** 32-byte Ed25519 public key, base64. */
  readonly publicKey: string;
  /** C2SP key ID, 8 hex digits. */
  readonly kid: string;
  readonly createdAt: string;
}

/** One entry as an append writes it. */
export interface AppendRecord {
  readonly entry: Entry;
  readonly bytes: Uint8Array;
  readonly leafHash: Uint8Array;
  /** Hashes of the tree nodes this leaf completed, levels 1, 2, …, concatenated (32 bytes each). */
  readonly nodes: Uint8Array;
  /** Index changes derived from this entry, applied in the same transaction; each row takes its
   * `marking` (src/app/fact-marking.ts), or the entry's when none is given. */
  readonly facts: readonly (FactChange & { readonly marking?: { readonly classification: string; readonly releasability: readonly string[] } })[];
  /** The entry's index hash (src/app/index-digest.ts), kept beside it for the start-up check. */
  readonly indexHash: Uint8Array;
}

export interface StoredEntry {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly leafHash: Uint8Array;
  readonly nodes: Uint8Array;
}

export interface StoredCheckpoint {
  readonly size: number;
  readonly root: Uint8Array;
  /** The signed note, exactly as signed. */
  readonly note: string;
  readonly createdAt: string;
}

/** A witness of a log: its verifier key (name+hash+base64(0x04 ‖ key)) and, to ask it, its URL prefix. */
export interface WitnessConfig {
  readonly key: string;
  readonly url?: string;
  /** The tree size this witness last cosigned for the log (where the next request starts). */
  readonly lastSize?: number;
}

/**
 * What a reader may see, as the one authorisation layer computed it (src/app/access.ts): entries
 * and facts whose classification rank is at most `maxRank` and whose releasability names one of
 * `releasableTo` (`*`: any). Stores apply it in the query, so that what is hidden is absent from
 * lists and counts alike.
 */
export interface AccessFilter {
  readonly maxRank: number;
  readonly releasableTo: readonly string[];
  /** Releasabilities that withhold an entry even from `*` (exercise control's XEX from observers). */
  readonly withheld?: readonly string[];
  /** The account whose reads of classified rows are audited (set by the access layer). */
  readonly auditAs?: string;
}

/**
 * The marking columns stores keep beside entries and facts. An entry without a valid marking
 * (never written by the service, which checks it) is treated as the most restricted.
 */
export function markingOf(entry: { readonly classification?: string; readonly releasability?: readonly string[] }): { rank: number; rel: string } {
  const rank = CLASSIFICATIONS.indexOf(entry.classification as Classification);
  if (rank < 0 || !Array.isArray(entry.releasability)) return { rank: CLASSIFICATIONS.length - 1, rel: ',NATO,' };
  return { rank, rel: `,${entry.releasability.join(',')},` };
}

export interface EntryFilter {
  readonly access?: AccessFilter;
  readonly types?: readonly string[];
  /** Valid time bounds, normalised instants, inclusive. */
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly fromSeq?: number;
  readonly limit?: number;
}

export interface FactQuery {
  readonly kind: string;
  readonly access?: AccessFilter;
  readonly key?: string;
  readonly keyPrefix?: string;
  /** Normalised instant: versions whose valid interval contains it. */
  readonly validAt?: string;
  /** Only what the log knew with this many entries (record time); default: all. */
  readonly knownAtSize?: number;
  /** Versions whose valid time starts within [from, to] (normalised instants, inclusive). */
  readonly startsFrom?: string;
  readonly startsTo?: string;
  /** At most this many rows, in (validFrom, key) order. */
  readonly limit?: number;
}

export interface FactRow {
  readonly kind: string;
  readonly key: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly data: unknown;
  /** The entry that asserted this version. */
  readonly seq: number;
  /** The marking of that entry: a fact is as classified as the entry it comes from. */
  readonly classification: Classification;
}

/**
 * One row of the facts index exactly as stored: derived from the log (every row is rebuilt by
 * replaying it), so `verify` compares the two and `reindex` writes the rebuilt rows.
 */
export interface IndexRow {
  readonly kind: string;
  readonly key: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  /** The fact's data as stored: JSON text. */
  readonly data: string;
  /** Marking columns (markingOf): classification rank and `,A,B,` releasability. */
  readonly rank: number;
  readonly rel: string;
  /** The entry that asserted this version, and the entry that superseded it (null: current). */
  readonly sysFrom: number;
  readonly sysTo: number | null;
}

/** The columns an entry's row carries beside its bytes, derived from them (lists and access filters read them). */
export interface EntryColumns {
  readonly seq: number;
  readonly type: string;
  readonly validTime: string;
  readonly recordTime: string;
  readonly rank: number;
  readonly rel: string;
  /** When rebuilding (replaceIndex): the entry's index hash, rebuilt too (src/app/index-digest.ts). */
  readonly indexHash?: Uint8Array;
}

/** What a digest scan is shown, entry by entry in log order and row by row in any order. */
export interface IndexScanVisitor {
  entry(columns: EntryColumns, indexHash: Uint8Array | null): void;
  row(row: IndexRow): void;
}

/** The log went on without us: another writer appended first. Re-read and retry. */
export class StaleSizeError extends Error {
  constructor(readonly world: string, readonly expected: number, readonly actual: number) {
    super(`log ${world} has ${actual} entries, expected ${expected}`);
    this.name = 'StaleSizeError';
  }
}

/** The store cannot be reached now (connection lost, database away): try again shortly. */
export class StoreUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`the store is unavailable: ${reason}`);
    this.name = 'StoreUnavailableError';
  }
}

const LOST_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', '57P01', '57P02', '57P03']);

/**
 * True for an error that means the database is away or the connection to it was lost (SQLSTATE
 * class 08, an administrator's or a shutdown's termination 57P01–57P03, a refused or reset socket),
 * as opposed to a bug or a refusal.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (LOST_CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  return /Connection terminated|connection timeout|not queryable|Client was closed/i.test(error.message);
}

export interface LedgerStore {
  readonly kind: 'memory' | 'sqlite' | 'postgres';
  createWorld(info: WorldInfo, principals: readonly Principal[]): Promise<void>;
  world(name: string): Promise<WorldInfo | undefined>;
  worlds(): Promise<WorldInfo[]>;
  principals(world: string): Promise<Principal[]>;
  addPrincipal(world: string, principal: Principal): Promise<void>;

  size(world: string): Promise<number>;
  /**
   * Appends records at positions expectedSize, expectedSize+1, … atomically with their facts.
   * Single-writer: throws StaleSizeError (and writes nothing) if the log is not at expectedSize.
   */
  append(world: string, expectedSize: number, records: readonly AppendRecord[]): Promise<void>;
  /** Entries with from ≤ seq < to, in order. */
  entries(world: string, from: number, to: number): Promise<StoredEntry[]>;
  /**
   * Only the bytes of entries with from ≤ seq < to, in order: what folds, exports and replays read
   * (no leaf hash or nodes, which PostgreSQL keeps in another table).
   */
  entryBytes(world: string, from: number, to: number): Promise<Uint8Array[]>;
  findEntries(world: string, filter: EntryFilter): Promise<StoredEntry[]>;
  /** Stored node hashes; a missing node is absent from the map. Keys are `level/index`. */
  nodes(world: string, ids: readonly NodeId[]): Promise<Map<string, Uint8Array>>;

  addCheckpoint(world: string, checkpoint: StoredCheckpoint): Promise<void>;
  latestCheckpoint(world: string): Promise<StoredCheckpoint | undefined>;
  checkpoints(world: string): Promise<StoredCheckpoint[]>;

  /** Witnesses' cosignature lines (C2SP tlog-cosignature) on the checkpoint of one tree size, one per witness (a newer replaces an older). */
  addCosignature(world: string, size: number, witness: string, line: string): Promise<void>;
  /** The cosignature lines on the checkpoint of this size, by witness name. */
  cosignatures(world: string, size: number): Promise<string[]>;
  /** The witnesses the log asks for cosignatures and accepts them from. */
  witnesses(world: string): Promise<WitnessConfig[]>;
  setWitnesses(world: string, witnesses: readonly WitnessConfig[]): Promise<void>;

  facts(world: string, query: FactQuery): Promise<FactRow[]>;
  /**
   * Every stored index row of a world, in batches, in log order (sysFrom) as far as the store keeps
   * it; rows out of that order (an edit) still come, later. For `verify` and the start-up check.
   */
  indexRows(world: string): AsyncIterable<readonly IndexRow[]>;
  /**
   * Every entry's derived columns and kept index hash (in log order), then every stored index row,
   * all from one consistent snapshot: the start-up digest check (src/app/index-digest.ts).
   */
  scanIndex(world: string, visit: IndexScanVisitor): Promise<void>;
  /** The derived columns of entries with from ≤ seq < to, in order. */
  entryColumns(world: string, from: number, to: number): Promise<EntryColumns[]>;
  /**
   * Replaces a world's whole facts index with `rows` and sets its entries' derived columns (and
   * index hashes) to `columns`, atomically, provided the log is still at `expectedSize` (else StaleSizeError and
   * nothing written).
   */
  replaceIndex(world: string, expectedSize: number, rows: readonly IndexRow[], columns: readonly EntryColumns[]): Promise<void>;
  /** How many entries were written at or before this record time (normalised instant). */
  sizeAtRecordTime(world: string, recordTime: string): Promise<number>;

  /**
   * A number that changes when another connection or process commits to the store (SQLite:
   * `PRAGMA data_version`). Absent where other writers are announced otherwise (PostgreSQL:
   * LISTEN/NOTIFY). Lets read caches notice appends they did not make.
   */
  dataVersion?(): number;

  /** Resolves when the store answers now; rejects (StoreUnavailableError) when it does not. */
  ping?(): Promise<void>;

  close(): Promise<void>;
}

/** Private keys live here, never in the ledger store and never in exports. */
export interface KeyStore {
  signer(world: string, principalId: string): Promise<Signer | undefined>;
  /** Makes and keeps a new key; returns its signer. */
  create(world: string, principalId: string): Promise<Signer>;
}

export interface Clock {
  now(): Date;
}

export type RandomBytes = (length: number) => Uint8Array;

/** An account as stored: the person's role and clearance, and a password hash (never the password). */
export interface StoredAccount {
  readonly id: string;
  readonly username: string;
  readonly role: string;
  readonly party?: string;
  readonly clearance: string;
  readonly worlds?: readonly string[];
  /** A player's seats, by scenario world. */
  readonly seats?: Readonly<Record<string, readonly string[]>>;
  /** scrypt$N$r$p$salt$hash */
  readonly passwordHash: string;
  readonly createdAt: string;
  readonly disabled?: boolean;
}

export interface StoredSession {
  /** SHA-256 of the session id: a stolen database does not give live sessions. */
  readonly idHash: string;
  readonly accountId: string;
  readonly csrf: string;
  readonly expiresAt: string;
}

export interface StoredToken {
  readonly idHash: string;
  readonly accountId: string;
  readonly name: string;
  readonly createdAt: string;
  /** After this instant the token no longer signs anyone in (absent: tokens made before expiry existed). */
  readonly expiresAt?: string;
}

/** Failed sign-ins for one username, kept in the store so that every instance and restart sees them. */
export interface LoginFailures {
  readonly count: number;
  /** The latest failure (normalised instant). */
  readonly lastAt: string;
}

export interface AuditRecord {
  readonly at: string;
  readonly accountId: string;
  readonly world: string;
  readonly seq: number;
  readonly classification: string;
  readonly action: string;
}

/** Accounts, sessions, API tokens and the audit trail of classified reads. */
export interface AccountStore {
  putAccount(account: StoredAccount): Promise<void>;
  accountByName(username: string): Promise<StoredAccount | undefined>;
  accountById(id: string): Promise<StoredAccount | undefined>;
  accounts(): Promise<StoredAccount[]>;
  putSession(session: StoredSession): Promise<void>;
  session(idHash: string): Promise<StoredSession | undefined>;
  deleteSession(idHash: string): Promise<void>;
  /** Sessions that expired at or before `now` are deleted. */
  deleteExpiredSessions(now: string): Promise<void>;
  putToken(token: StoredToken): Promise<void>;
  token(idHash: string): Promise<StoredToken | undefined>;
  tokens(): Promise<StoredToken[]>;
  deleteToken(idHash: string): Promise<void>;
  /**
   * Counts a failed sign-in atomically (two instances failing at once both count): the count
   * starts again from 1 when the previous failure is older than `resetBefore`. Returns the count.
   */
  addLoginFailure(username: string, at: string, resetBefore: string): Promise<number>;
  loginFailures(username: string): Promise<LoginFailures | undefined>;
  clearLoginFailures(username: string): Promise<void>;
  audit(records: readonly AuditRecord[]): Promise<void>;
  auditTrail(limit: number): Promise<AuditRecord[]>;
  close(): Promise<void>;
}
