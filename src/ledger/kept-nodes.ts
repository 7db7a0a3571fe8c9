/**
 * The top of the tree, kept in memory: every complete node from level `from` up of a tree of
 * `covered` leaves, each level one array of 32-byte hashes in index order. A complete subtree's
 * hash never changes, so what is kept never goes stale; a larger tree only adds nodes at the end
 * of each level. There are size / 2^(from−1) such nodes in all, 32 bytes each: from level 4, four
 * bytes per entry.
 *
 * A proof then reads from the store only its nodes below `from`, which lie within 2^from entries
 * of the leaf it proves, so its reads are as few and as close together at 10M entries as at 1M.
 */
import type { NodeId } from './merkle.js';

const HASH_SIZE = 32;

export class KeptNodes {
  /** Per level ≥ `from`: hashes end to end, and how many of them are kept. */
  private readonly levels: { bytes: Uint8Array; count: number }[] = [];
  /** The tree size whose complete nodes from `from` up are all kept (or were asked of the store). */
  covered = 0;

  constructor(readonly from: number) {
    if (!Number.isInteger(from) || from < 1) throw new RangeError(`kept nodes start at a level ≥ 1, not ${from}`);
  }

  /** The kept hash of a node, or undefined when it is below `from` or not kept (yet). */
  get(id: NodeId): Uint8Array | undefined {
    const level = this.levels[id.level - this.from];
    if (id.level < this.from || !level || id.index >= level.count) return undefined;
    return level.bytes.subarray(id.index * HASH_SIZE, (id.index + 1) * HASH_SIZE);
  }

  /**
   * The complete nodes from `from` up of a tree of `size` leaves that are not kept, in the order
   * of the rows that hold them (a node is stored with its last leaf: row k·2^from − 1 holds the
   * nodes that leaf completed from `from` up), so that a store reads each row once; generated as
   * they are read, not listed whole.
   */
  *missing(size: number): Generator<NodeId> {
    const rows = Math.floor(size / 2 ** this.from);
    // The first row holding a node not kept, over every level (a level not begun starts at 0).
    let first = rows + 1;
    for (let level = this.from, step = 1; 2 ** level <= size; level++, step *= 2) {
      first = Math.min(first, ((this.levels[level - this.from]?.count ?? 0) + 1) * step);
    }
    for (let row = first; row <= rows; row++) {
      for (let level = this.from, step = 1; row % step === 0; level++, step *= 2) {
        const index = row / step - 1;
        if (index >= (this.levels[level - this.from]?.count ?? 0)) yield { level, index };
      }
    }
  }

  /**
   * Keeps a node's hash if it is the next of its level; any other is ignored (a gap would make
   * `get` answer for nodes that were never read), so a node the store did not return is asked of
   * the store again by each proof that needs it.
   */
  add(id: NodeId, hash: Uint8Array): void {
    if (id.level < this.from || hash.length !== HASH_SIZE) return;
    for (let l = this.levels.length; l <= id.level - this.from; l++) this.levels.push({ bytes: new Uint8Array(0), count: 0 });
    const level = this.levels[id.level - this.from]!;
    if (id.index !== level.count) return;
    if ((level.count + 1) * HASH_SIZE > level.bytes.length) {
      const grown = new Uint8Array(Math.max(64, level.bytes.length / HASH_SIZE * 2) * HASH_SIZE);
      grown.set(level.bytes);
      level.bytes = grown;
    }
    level.bytes.set(hash, level.count * HASH_SIZE);
    level.count++;
  }

  /** Hashes kept, all levels. */
  get count(): number {
    return this.levels.reduce((n, level) => n + level.count, 0);
  }
}
