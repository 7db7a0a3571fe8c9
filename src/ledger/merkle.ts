/**
 * The Merkle tree of RFC 6962 §2.1: leaf hash SHA-256(0x00 ‖ entry), node hash
 * SHA-256(0x01 ‖ left ‖ right), inclusion and consistency proofs, and their verification as
 * RFC 9162 §2.1.3.2 and §2.1.4.2 give it.
 *
 * Storage model: every complete, aligned subtree ("node" (level, index), covering leaves
 * [index·2^level, (index+1)·2^level)) is computed once, when its last leaf is appended, and stored
 * with that leaf. Any hash a proof needs decomposes into O(log n) such nodes, so a proof at a
 * million entries is a few dozen primary-key reads. Proof construction is planned here (pure)
 * and evaluated over the node hashes a store returns.
 */
import type { LedgerCrypto } from './crypto.js';
import { concat, equalBytes } from './bytes.js';

const LEAF_PREFIX = new Uint8Array([0]);
const NODE_PREFIX = new Uint8Array([1]);

export const hashLeaf = (crypto: LedgerCrypto, data: Uint8Array): Uint8Array =>
  crypto.sha256(concat(LEAF_PREFIX, data));

export const hashChildren = (crypto: LedgerCrypto, left: Uint8Array, right: Uint8Array): Uint8Array =>
  crypto.sha256(concat(NODE_PREFIX, left, right));

export const emptyRoot = (crypto: LedgerCrypto): Uint8Array => crypto.sha256(new Uint8Array(0));

/** A complete, aligned subtree. Level 0 nodes are leaf hashes. */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

export const nodeKey = (id: NodeId): string => `${id.level}/${id.index}`;

/**
 * Where a node is stored: with the leaf that completed it, `seq` = (index+1)·2^level − 1.
 * Level 0 is that leaf's own hash; level L ≥ 1 is slot L−1 of the leaf's completed-node list.
 */
export function nodeHome(id: NodeId): { seq: number; slot: number } {
  return { seq: (id.index + 1) * 2 ** id.level - 1, slot: id.level - 1 };
}

function isPowerOfTwo(n: number): boolean {
  return n >= 1 && 2 ** Math.floor(Math.log2(n)) === n;
}

/** The largest power of two strictly smaller than n (n ≥ 2): RFC 6962's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** How the hash of leaves [start, end) is made from stored nodes. */
export type RangePlan =
  | { readonly node: NodeId }
  | { readonly left: RangePlan; readonly right: RangePlan };

export function planRange(start: number, end: number): RangePlan {
  const n = end - start;
  if (n < 1) throw new RangeError(`empty range [${start}, ${end})`);
  if (isPowerOfTwo(n) && start % n === 0) return { node: { level: Math.log2(n), index: start / n } };
  const k = splitPoint(n);
  return { left: planRange(start, start + k), right: planRange(start + k, end) };
}

export function planNodes(plans: readonly RangePlan[]): NodeId[] {
  const seen = new Map<string, NodeId>();
  const walk = (plan: RangePlan): void => {
    if ('node' in plan) seen.set(nodeKey(plan.node), plan.node);
    else {
      walk(plan.left);
      walk(plan.right);
    }
  };
  plans.forEach(walk);
  return [...seen.values()];
}

export type NodeLookup = (id: NodeId) => Uint8Array;

export function evaluatePlan(crypto: LedgerCrypto, plan: RangePlan, lookup: NodeLookup): Uint8Array {
  if ('node' in plan) return lookup(plan.node);
  return hashChildren(crypto, evaluatePlan(crypto, plan.left, lookup), evaluatePlan(crypto, plan.right, lookup));
}

/** RFC 6962 §2.1.1 PATH(m, D[n]), as range plans, from the leaf upwards. */
export function planInclusion(index: number, size: number): RangePlan[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`leaf ${index} is not in a tree of size ${size}`);
  }
  const out: RangePlan[] = [];
  const path = (start: number, end: number): void => {
    const n = end - start;
    if (n <= 1) return;
    const k = splitPoint(n);
    if (index < start + k) {
      path(start, start + k);
      out.push(planRange(start + k, end));
    } else {
      path(start + k, end);
      out.push(planRange(start, start + k));
    }
  };
  path(0, size);
  return out;
}

/** RFC 6962 §2.1.2 PROOF(m, D[n]), as range plans. */
export function planConsistency(size1: number, size2: number): RangePlan[] {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size1 > size2) {
    throw new RangeError(`no consistency proof from size ${size1} to size ${size2}`);
  }
  const out: RangePlan[] = [];
  if (size1 === 0 || size1 === size2) return out;
  const subproof = (m: number, start: number, end: number, complete: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!complete) out.push(planRange(start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, start, start + k, complete);
      out.push(planRange(start + k, end));
    } else {
      subproof(m - k, start + k, end, false);
      out.push(planRange(start, start + k));
    }
  };
  subproof(size1, 0, size2, true);
  return out;
}

const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/** RFC 9162 §2.1.3.2: the root an inclusion proof leads to, or undefined if it is malformed. */
export function rootFromInclusionProof(
  crypto: LedgerCrypto,
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Uint8Array | undefined {
  if (index < 0 || index >= size || leafHash.length !== 32) return undefined;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0 || p.length !== 32) return undefined;
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(crypto, p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hashChildren(crypto, r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : undefined;
}

export function verifyInclusion(
  crypto: LedgerCrypto,
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const computed = rootFromInclusionProof(crypto, index, size, leafHash, proof);
  return computed !== undefined && equalBytes(computed, root);
}

/** RFC 9162 §2.1.4.2: does `proof` show that the tree of size2 extends the tree of size1? */
export function verifyConsistency(
  crypto: LedgerCrypto,
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  if (size1 < 0 || size2 < size1) return false;
  if (size1 === size2) return proof.length === 0 && equalBytes(root1, root2);
  if (size1 === 0) return proof.length === 0;
  if (proof.length === 0 || proof.some((p) => p.length !== 32)) return false;
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(crypto, c, fr);
      sr = hashChildren(crypto, c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hashChildren(crypto, sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalBytes(fr, root1) && equalBytes(sr, root2);
}

/**
 * The right edge of the tree: the complete subtrees of a tree of `size` leaves, largest first
 * (a "compact range" from 0). Appending needs only this, never a read.
 */
export interface Frontier {
  readonly size: number;
  readonly nodes: readonly { readonly level: number; readonly hash: Uint8Array }[];
}

export const emptyFrontier: Frontier = { size: 0, nodes: [] };

/** The nodes that make up the frontier of a tree of `size` leaves, largest first. */
export function frontierNodeIds(size: number): NodeId[] {
  const ids: NodeId[] = [];
  let start = 0;
  for (let level = Math.floor(Math.log2(Math.max(size, 1))); level >= 0; level--) {
    const width = 2 ** level;
    if (size - start >= width) {
      ids.push({ level, index: start / width });
      start += width;
    }
  }
  return ids;
}

/**
 * Appends one leaf hash. Returns the new frontier and the nodes this leaf completed at levels
 * 1, 2, … (the hashes stored with the leaf, in level order).
 */
export function appendLeaf(
  crypto: LedgerCrypto,
  frontier: Frontier,
  leafHash: Uint8Array,
): { frontier: Frontier; completed: Uint8Array[] } {
  const nodes = [...frontier.nodes];
  const completed: Uint8Array[] = [];
  let current = { level: 0, hash: leafHash };
  while (nodes.length > 0 && nodes[nodes.length - 1]!.level === current.level) {
    const left = nodes.pop()!;
    current = { level: current.level + 1, hash: hashChildren(crypto, left.hash, current.hash) };
    completed.push(current.hash);
  }
  nodes.push(current);
  return { frontier: { size: frontier.size + 1, nodes }, completed };
}

/** The tree head (MTH) of the frontier's tree. */
export function frontierRoot(crypto: LedgerCrypto, frontier: Frontier): Uint8Array {
  const nodes = frontier.nodes;
  if (nodes.length === 0) return emptyRoot(crypto);
  let hash = nodes[nodes.length - 1]!.hash;
  for (let i = nodes.length - 2; i >= 0; i--) hash = hashChildren(crypto, nodes[i]!.hash, hash);
  return hash;
}

/** Tree head of a list of leaf hashes, computed directly (for verification and tests). */
export function rootOfLeaves(crypto: LedgerCrypto, leaves: readonly Uint8Array[]): Uint8Array {
  let frontier = emptyFrontier;
  for (const leaf of leaves) frontier = appendLeaf(crypto, frontier, leaf).frontier;
  return frontierRoot(crypto, frontier);
}
