/**
 * The indexes are derived state: every facts row and every entry's derived columns follow from
 * the log. `IndexRebuild` replays entries through the world's model exactly as appends write
 * them; `IndexComparison` streams the stored rows beside the rebuilt ones and names each
 * difference (the entry, the fact's kind and key, the column, both values). Memory stays at the
 * size of the current index (the open rows), as in a serving process, not the whole history.
 */
import { canonicalJson, type Entry } from '../ledger/entry.js';
import type { FactChange } from '../domain/facts.js';
import { markingOf, type EntryColumns, type IndexRow } from './ports.js';
import type { WorldModel } from './world-model.js';
import { FactMarkings } from './fact-marking.js';
import { normaliseInstant } from './time.js';
import type { LedgerCrypto } from '../ledger/crypto.js';
import { DIGEST_BYTES, addDigest, closureHash, columnsHash, rowHash } from './index-digest.js';
import { finding, type Finding } from './verify-problem.js';

/** A rebuilt row whose `sysTo` is set when a later entry supersedes it. */
export interface RebuiltRow {
  kind: string;
  key: string;
  validFrom: string;
  validTo: string | null;
  data: string;
  rank: number;
  rel: string;
  sysFrom: number;
  sysTo: number | null;
}

const slot = (kind: string, key: string) => `${kind}\u0000${key}`;

/** The index changes of an entry as appends write them (instants normalised). */
export function normaliseFacts(facts: readonly FactChange[]): FactChange[] {
  return facts.map((f) => (f.op === 'assert'
    ? { ...f, validFrom: normaliseInstant(f.validFrom), ...(f.validTo ? { validTo: normaliseInstant(f.validTo) } : {}) }
    : f));
}

/** The columns an entry's row must carry. */
export function entryColumnsOf(entry: Entry): EntryColumns {
  const m = markingOf(entry);
  return { seq: entry.seq, type: entry.type, validTime: entry.validTime, recordTime: entry.recordTime, rank: m.rank, rel: m.rel };
}

export class IndexRebuild {
  private state: unknown;
  private readonly markings = new FactMarkings();
  private readonly open = new Map<string, RebuiltRow>();
  /** Told when a row is superseded (its sysTo now known). */
  onClose?: (row: RebuiltRow) => void;
  /** The index hash of the entry fed last (when built with a crypto): what an append writes beside it. */
  indexHash?: Uint8Array;

  constructor(private readonly model: WorldModel<unknown>, private readonly crypto?: LedgerCrypto) {
    this.state = model.initialState();
  }

  /** Folds the next entry; returns the rows it asserts, in the order an append writes them. */
  feed(entry: Entry): RebuiltRow[] {
    const facts = this.markings.mark(entry, normaliseFacts(this.model.project(this.state, entry)));
    this.markings.commit();
    this.state = this.model.evolve(this.state, entry);
    const own = markingOf(entry);
    const asserted: RebuiltRow[] = [];
    const crypto = this.crypto;
    const hash = crypto ? new Uint8Array(DIGEST_BYTES) : undefined;
    if (crypto && hash) addDigest(hash, columnsHash(crypto, entryColumnsOf(entry)));
    for (const f of facts) {
      const id = slot(f.kind, f.key);
      const previous = this.open.get(id);
      if (previous) {
        previous.sysTo = entry.seq;
        this.open.delete(id);
        this.onClose?.(previous);
        if (crypto && hash) addDigest(hash, closureHash(crypto, previous.kind, previous.key, previous.sysFrom, entry.seq));
      }
      if (f.op === 'assert') {
        const m = f.marking ? markingOf(f.marking) : own;
        const row: RebuiltRow = {
          kind: f.kind, key: f.key, validFrom: f.validFrom, validTo: f.validTo ?? null, data: JSON.stringify(f.data ?? null),
          rank: m.rank, rel: m.rel, sysFrom: entry.seq, sysTo: null,
        };
        this.open.set(id, row);
        asserted.push(row);
        if (crypto && hash) addDigest(hash, rowHash(crypto, row));
      }
    }
    this.indexHash = hash;
    return asserted;
  }

  /** The rows still current. */
  current(): IterableIterator<RebuiltRow> {
    return this.open.values();
  }
}

export interface IndexProblem extends Finding {
  readonly seq: number;
}

const COLUMNS = [
  ['validFrom', 'valid_from'], ['validTo', 'valid_to'], ['data', 'data'], ['rank', 'class_rank'], ['rel', 'rel'],
] as const;

/**
 * Two stored data texts say the same: equal, or equal once canonical (appends store the data in
 * the order the command built it; a replay builds it from the entry's canonical bytes).
 */
function sameData(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
  } catch {
    return false;
  }
}

/** A stored value as a message shows it; SQL NULL is the token `null`, which the message says as "empty" in the reader's language. */
const shown = (value: unknown) => (value === null ? 'null' : typeof value === 'string' ? JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}…` : value) : String(value));

/**
 * Compares stored index rows with rebuilt ones, entry by entry. Call `ready(seq)` before
 * `compare(seq, …)` for a chunk of entries up to seq, then `finish()`.
 */
export class IndexComparison {
  /** Stored rows not yet compared, by the entry they name. */
  private readonly pending = new Map<number, IndexRow[]>();
  /** Stored sysTo of each compared, still open rebuilt row. */
  private readonly storedEnd = new WeakMap<RebuiltRow, number | null>();
  private readonly batches: AsyncIterator<readonly IndexRow[]>;
  private readUpTo = -1;
  private exhausted = false;
  private compared = -1;
  rows = 0;

  constructor(stored: AsyncIterable<readonly IndexRow[]>, private readonly size: number, private readonly report: (p: IndexProblem) => void) {
    this.batches = stored[Symbol.asyncIterator]();
  }

  /** Reads stored rows until every row of entries ≤ seq (in log order) is in hand. */
  async ready(seq: number): Promise<void> {
    while (!this.exhausted && this.readUpTo <= seq) {
      const next = await this.batches.next();
      if (next.done) { this.exhausted = true; break; }
      for (const row of next.value) {
        if (row.sysFrom >= this.size) continue; // appended since the check began
        if (row.sysFrom <= this.compared) {
          this.report({ seq: row.sysFrom, ...finding('verify.index_not_derived', { kind: row.kind, key: row.key }) });
          continue;
        }
        let list = this.pending.get(row.sysFrom);
        if (!list) this.pending.set(row.sysFrom, list = []);
        list.push(row);
        if (row.sysFrom > this.readUpTo) this.readUpTo = row.sysFrom;
      }
    }
  }

  /** Compares the rows entry `seq` asserts (rebuilt) with the stored rows naming it. */
  compare(seq: number, rebuilt: readonly RebuiltRow[]): void {
    this.compared = seq;
    const stored = this.pending.get(seq) ?? [];
    this.pending.delete(seq);
    this.rows += rebuilt.length;
    const used = new Set<number>();
    for (const row of rebuilt) {
      const i = stored.findIndex((s, j) => !used.has(j) && s.kind === row.kind && s.key === row.key);
      if (i < 0) { this.report({ seq, ...finding('verify.index_missing', { kind: row.kind, key: row.key }) }); continue; }
      used.add(i);
      const s = stored[i]!;
      for (const [field, column] of COLUMNS) {
        if (field === 'data' ? !sameData(s.data, row.data) : s[field] !== row[field]) {
          this.report({ seq, ...finding('verify.index_column', { kind: row.kind, key: row.key, column, stored: shown(s[field]), rebuilt: shown(row[field]) }) });
          break;
        }
      }
      this.storedEnd.set(row, s.sysTo === null || s.sysTo >= this.size ? null : s.sysTo);
      // Superseded within the same entry (two changes to one row): its end is known now.
      if (row.sysTo !== null) this.checkEnd(row);
    }
    stored.forEach((s, j) => {
      if (!used.has(j)) this.report({ seq, ...finding('verify.index_not_derived', { kind: s.kind, key: s.key }) });
    });
  }

  /** A rebuilt row was superseded by entry row.sysTo: the stored one must say so. */
  closed(row: RebuiltRow): void {
    this.checkEnd(row);
  }

  private checkEnd(row: RebuiltRow): void {
    if (!this.storedEnd.has(row)) return; // reported missing already
    const stored = this.storedEnd.get(row)!;
    if (stored !== row.sysTo) {
      const end = (v: number | null) => (v === null ? 'current' : String(v));
      this.report({ seq: row.sysFrom, ...finding('verify.index_end', { kind: row.kind, key: row.key, stored: end(stored), rebuilt: end(row.sysTo) }) });
    }
    this.storedEnd.delete(row);
  }

  /** After the last entry: rows still open, and stored rows naming entries that assert nothing. */
  async finish(current: Iterable<RebuiltRow>): Promise<void> {
    await this.ready(Number.MAX_SAFE_INTEGER);
    for (const row of current) this.checkEnd(row);
    for (const [seq, rows] of [...this.pending].sort((a, b) => a[0] - b[0])) {
      for (const s of rows) this.report({ seq, ...finding('verify.index_not_derived', { kind: s.kind, key: s.key }) });
    }
    this.pending.clear();
  }
}

/** The first difference between an entry's stored columns and the ones its bytes give, if any. */
export function entryColumnsProblem(stored: EntryColumns | undefined, entry: Entry): Finding | undefined {
  const want = entryColumnsOf(entry);
  if (!stored) return finding('verify.columns_missing');
  for (const field of ['type', 'validTime', 'recordTime', 'rank', 'rel'] as const) {
    if (stored[field] !== want[field]) return finding('verify.entry_column', { column: field, stored: shown(stored[field]), wanted: shown(want[field]) });
  }
  return undefined;
}
