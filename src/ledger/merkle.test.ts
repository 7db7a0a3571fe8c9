import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { nodeCrypto as crypto } from '../adapters/crypto/node-crypto.js';
import { fromHex, toHex } from './bytes.js';
import {
  appendLeaf, emptyFrontier, emptyRoot, evaluatePlan, frontierNodeIds, frontierRoot, hashLeaf, nodeHome,
  nodeKey, planConsistency, planInclusion, planNodes, rootOfLeaves, verifyConsistency, verifyInclusion,
  type NodeId,
} from './merkle.js';

interface Vectors {
  leaves: string[];
  emptyRoot: string;
  roots: string[];
  inclusion: { index: number; size: number; proof: string[] }[];
  consistency: { size1: number; size2: number; proof: string[] }[];
}
const vectors = JSON.parse(readFileSync(new URL('./vectors/rfc6962.json', import.meta.url), 'utf8')) as Vectors;
const leafHashes = vectors.leaves.map((hex) => hashLeaf(crypto, fromHex(hex)));

/** A stored tree built the way stores keep it: every completed node, keyed by (level, index). */
function buildStore(leaves: readonly Uint8Array[]) {
  const nodes = new Map<string, Uint8Array>();
  let frontier = emptyFrontier;
  leaves.forEach((leaf, seq) => {
    const { frontier: next, completed } = appendLeaf(crypto, frontier, leaf);
    nodes.set(nodeKey({ level: 0, index: seq }), leaf);
    completed.forEach((hash, slot) => {
      const level = slot + 1;
      const id = { level, index: (seq + 1) / 2 ** level - 1 };
      assert.deepEqual(nodeHome(id), { seq, slot });
      nodes.set(nodeKey(id), hash);
    });
    frontier = next;
  });
  const lookup = (id: NodeId) => {
    const hash = nodes.get(nodeKey(id));
    if (!hash) throw new Error(`node ${nodeKey(id)} not stored`);
    return hash;
  };
  return { frontier, lookup };
}

describe('RFC 6962 Merkle tree (published test vectors)', () => {
  test('the empty tree hashes to SHA-256 of nothing', () => {
    assert.equal(toHex(emptyRoot(crypto)), vectors.emptyRoot);
  });

  test('tree heads of sizes 1..8 match the reference roots', () => {
    for (let size = 1; size <= 8; size++) {
      assert.equal(toHex(rootOfLeaves(crypto, leafHashes.slice(0, size))), vectors.roots[size - 1], `size ${size}`);
    }
  });

  test('inclusion proofs built from stored nodes match the reference proofs and verify', () => {
    for (const v of vectors.inclusion) {
      const { lookup } = buildStore(leafHashes.slice(0, v.size));
      const proof = planInclusion(v.index, v.size).map((plan) => evaluatePlan(crypto, plan, lookup));
      assert.deepEqual(proof.map(toHex), v.proof, `leaf ${v.index} in ${v.size}`);
      const root = fromHex(vectors.roots[v.size - 1]!);
      assert.ok(verifyInclusion(crypto, v.index, v.size, leafHashes[v.index]!, proof, root));
    }
  });

  test('consistency proofs match the reference proofs and verify', () => {
    for (const v of vectors.consistency) {
      const { lookup } = buildStore(leafHashes.slice(0, v.size2));
      const proof = planConsistency(v.size1, v.size2).map((plan) => evaluatePlan(crypto, plan, lookup));
      assert.deepEqual(proof.map(toHex), v.proof, `${v.size1} → ${v.size2}`);
      const ok = verifyConsistency(crypto, v.size1, v.size2, proof, fromHex(vectors.roots[v.size1 - 1]!), fromHex(vectors.roots[v.size2 - 1]!));
      assert.ok(ok, `${v.size1} → ${v.size2}`);
    }
  });

  test('a proof with one flipped bit, a wrong index or a wrong size does not verify', () => {
    const v = vectors.inclusion[0]!;
    const proof = v.proof.map(fromHex);
    const root = fromHex(vectors.roots[v.size - 1]!);
    const flipped = proof.map((p, i) => (i === 1 ? Uint8Array.from(p, (b, j) => (j === 0 ? b ^ 8 : b)) : p));
    assert.equal(verifyInclusion(crypto, v.index, v.size, leafHashes[v.index]!, flipped, root), false);
    assert.equal(verifyInclusion(crypto, v.index + 1, v.size, leafHashes[v.index]!, proof, root), false);
    assert.equal(verifyInclusion(crypto, v.index, v.size * 2, leafHashes[v.index]!, proof, root), false);
    assert.equal(verifyInclusion(crypto, v.index, v.size, leafHashes[v.index]!, proof.slice(1), root), false);
    const c = vectors.consistency[2]!;
    const cproof = c.proof.map(fromHex);
    const r1 = fromHex(vectors.roots[c.size1 - 1]!);
    const r2 = fromHex(vectors.roots[c.size2 - 1]!);
    assert.equal(verifyConsistency(crypto, c.size1, c.size2, cproof, r2, r1), false);
    assert.equal(verifyConsistency(crypto, c.size1, c.size2, cproof.slice(0, -1), r1, r2), false);
    assert.equal(verifyConsistency(crypto, c.size1 + 1, c.size2, cproof, r1, r2), false);
  });
});

describe('stored-node proofs on larger trees', () => {
  const leaves = Array.from({ length: 300 }, (_, i) => hashLeaf(crypto, new Uint8Array([i & 255, i >> 8])));
  const { frontier, lookup } = buildStore(leaves);

  test('the frontier root equals the root computed from all leaves, and its node ids are stored', () => {
    assert.equal(toHex(frontierRoot(crypto, frontier)), toHex(rootOfLeaves(crypto, leaves)));
    const ids = frontierNodeIds(300);
    assert.deepEqual(ids.map((id) => toHex(lookup(id))), frontier.nodes.map((n) => toHex(n.hash)));
  });

  test('every inclusion proof and many consistency proofs verify', () => {
    const roots = new Map<number, Uint8Array>();
    const rootAt = (size: number) => roots.get(size) ?? (roots.set(size, rootOfLeaves(crypto, leaves.slice(0, size))), roots.get(size)!);
    for (const size of [1, 2, 3, 7, 64, 65, 255, 300]) {
      for (let index = 0; index < size; index += Math.max(1, Math.floor(size / 17))) {
        const proof = planInclusion(index, size).map((p) => evaluatePlan(crypto, p, lookup));
        assert.ok(verifyInclusion(crypto, index, size, leaves[index]!, proof, rootAt(size)), `${index} in ${size}`);
      }
      for (const size1 of [1, 2, 5, 32, 33, 128, 299]) {
        if (size1 > size) continue;
        const proof = planConsistency(size1, size).map((p) => evaluatePlan(crypto, p, lookup));
        assert.ok(verifyConsistency(crypto, size1, size, proof, rootAt(size1), rootAt(size)), `${size1} → ${size}`);
      }
    }
  });

  test('a proof at a million leaves needs about log2(n) stored nodes', () => {
    const ids = planNodes(planInclusion(123_457, 1_000_000));
    assert.ok(ids.length <= 40, `${ids.length} nodes`);
  });
});
