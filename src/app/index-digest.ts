/**
 * The index digest: a cheap, order-independent summary of the derived state that lets a serving
 * process check its indexes at start without replaying the log.
 *
 * Each append writes, with every entry and in the same transaction, the entry's index hash: the
 * sum (mod 2^256) of SHA-256 hashes of what the entry derived — its own columns (type, times,
 * marking), every index row it asserted, and every row it closed (that row's kind, key, first and
 * last entry). Summing the entries' index hashes gives what the writers derived from the log;
 * summing the same hashes over the rows and columns as stored now gives what queries answer
 * from. An edited, deleted or added row, a moved row end or an edited column makes the two sums
 * differ. The check is one scan of the stored rows and columns; `verify` remains the full replay.
 */
import type { LedgerCrypto } from '../ledger/crypto.js';
import { utf8Transient, toHex } from '../ledger/bytes.js';
import type { Entry } from '../ledger/entry.js';
import type { FactChange } from '../domain/facts.js';
import { markingOf, type EntryColumns, type IndexRow } from './ports.js';

export const DIGEST_BYTES = 32;

/** acc += h (mod 2^256), both big-endian. */
export function addDigest(acc: Uint8Array, h: Uint8Array): void {
  let carry = 0;
  for (let i = DIGEST_BYTES - 1; i >= 0; i--) {
    const sum = acc[i]! + h[i]! + carry;
    acc[i] = sum & 0xff;
    carry = sum >> 8;
  }
}

// The text is encoded into a scratch array and hashed at once (the hashes of every append): the
// crypto port hashes synchronously and keeps nothing.
const hashOf = (crypto: LedgerCrypto, tag: string, parts: readonly unknown[]): Uint8Array => crypto.sha256(utf8Transient(`${tag}${JSON.stringify(parts)}`));

/** The hash of one index row as stored (its end, `sysTo`, counts through closureHash). */
export function rowHash(crypto: LedgerCrypto, r: Omit<IndexRow, 'sysTo'>): Uint8Array {
  return hashOf(crypto, 'evere/index-row\n', [r.kind, r.key, r.validFrom, r.validTo, r.data, r.rank, r.rel, r.sysFrom]);
}

/** The hash of a row's end: the row of (kind, key) asserted by entry sysFrom was superseded by entry sysTo. */
export function closureHash(crypto: LedgerCrypto, kind: string, key: string, sysFrom: number, sysTo: number): Uint8Array {
  return hashOf(crypto, 'evere/index-end\n', [kind, key, sysFrom, sysTo]);
}

/** The hash of an entry's derived columns. */
export function columnsHash(crypto: LedgerCrypto, c: EntryColumns): Uint8Array {
  return hashOf(crypto, 'evere/entry-columns\n', [c.seq, c.type, c.validTime, c.recordTime, c.rank, c.rel]);
}

/** A fact change as an append writes it, with the first entry of the row it closes (if one is open). */
export type DigestFact = FactChange & {
  readonly marking?: { readonly classification: string; readonly releasability: readonly string[] };
  readonly closes?: number;
};

/**
 * The index hash an append writes beside an entry: its columns, the rows it asserts (data as the
 * stores write it: JSON text), and the rows it closes. Instants must already be normalised.
 */
export function entryIndexHash(crypto: LedgerCrypto, entry: Entry, facts: readonly DigestFact[]): Uint8Array {
  const own = markingOf(entry);
  const columns = columnsHash(crypto, { seq: entry.seq, type: entry.type, validTime: entry.validTime, recordTime: entry.recordTime, rank: own.rank, rel: own.rel });
  // A sum of one term is that term: most entries derive no index row.
  if (facts.length === 0) return columns;
  const acc = new Uint8Array(DIGEST_BYTES);
  addDigest(acc, columns);
  for (const f of facts) {
    if (f.closes !== undefined) addDigest(acc, closureHash(crypto, f.kind, f.key, f.closes, entry.seq));
    if (f.op === 'assert') {
      const m = f.marking ? markingOf(f.marking) : own;
      addDigest(acc, rowHash(crypto, {
        kind: f.kind, key: f.key, validFrom: f.validFrom, validTo: f.validTo ?? null, data: JSON.stringify(f.data ?? null), rank: m.rank, rel: m.rel, sysFrom: entry.seq,
      }));
    }
  }
  return acc;
}

/** What the start-up check found for one world. */
export interface DigestReport {
  readonly world: string;
  /** Entries scanned (their number must be the log's size). */
  readonly size: number;
  readonly indexRows: number;
  /** Entries written without an index hash (by a version before the digest): the digest cannot decide. */
  readonly unhashed: number;
  /** Sum of the entries' index hashes: what the appends derived. */
  readonly kept: string;
  /** The same sum over the rows and columns as stored now. */
  readonly stored: string;
  readonly ok: boolean;
}

/** Accumulates both sums over one consistent scan of a world's store (LedgerStore.scanIndex). */
export class DigestScan {
  private readonly kept = new Uint8Array(DIGEST_BYTES);
  private readonly stored = new Uint8Array(DIGEST_BYTES);
  private entries = 0;
  private lastSeq = -1;
  private gaps = 0;
  private rows = 0;
  private unhashed = 0;

  constructor(private readonly crypto: LedgerCrypto) {}

  entry(columns: EntryColumns, indexHash: Uint8Array | null): void {
    if (columns.seq !== this.lastSeq + 1) this.gaps++;
    this.lastSeq = columns.seq;
    this.entries++;
    if (!indexHash || indexHash.length !== DIGEST_BYTES) this.unhashed++;
    else addDigest(this.kept, indexHash);
    addDigest(this.stored, columnsHash(this.crypto, columns));
  }

  row(r: IndexRow): void {
    this.rows++;
    addDigest(this.stored, rowHash(this.crypto, r));
    if (r.sysTo !== null) addDigest(this.stored, closureHash(this.crypto, r.kind, r.key, r.sysFrom, r.sysTo));
  }

  report(world: string): DigestReport {
    const kept = toHex(this.kept);
    const stored = toHex(this.stored);
    return {
      world, size: this.entries, indexRows: this.rows, unhashed: this.unhashed, kept, stored,
      ok: this.unhashed === 0 && this.gaps === 0 && kept === stored,
    };
  }
}
