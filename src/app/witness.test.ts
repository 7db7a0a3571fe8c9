import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { nodeCrypto as crypto, generateSigner } from '../adapters/crypto/node-crypto.js';
import { utf8 } from '../ledger/bytes.js';
import { appendLeaf, emptyFrontier, frontierRoot, hashLeaf, planConsistency, evaluatePlan, nodeKey } from '../ledger/merkle.js';
import { signCheckpoint } from '../ledger/checkpoint.js';
import { formatVerifierKey, parseVerifierKey } from '../ledger/note.js';
import { formatWitnessKey, parseWitnessKey, splitNote, verifyCosignatures } from '../ledger/cosignature.js';
import { Witness, addCheckpointBody, type HeldCheckpoint, type SplitView, type WitnessState } from './witness.js';

const ORIGIN = 'example.org/log';
const log = generateSigner().signer;
const logKey = parseVerifierKey(crypto, formatVerifierKey(crypto, ORIGIN, log.publicKey));

/** A log's tree over `prefix`-tagged entries: its signed checkpoint at any size, and proofs. */
function tree(prefix: string, count: number) {
  const leaves = Array.from({ length: count }, (_, i) => hashLeaf(crypto, utf8(`${prefix} ${i}`)));
  const nodes = new Map<string, Uint8Array>();
  let frontier = emptyFrontier;
  const roots = [frontierRoot(crypto, frontier)];
  leaves.forEach((leaf, seq) => {
    const { frontier: next, completed } = appendLeaf(crypto, frontier, leaf);
    nodes.set(nodeKey({ level: 0, index: seq }), leaf);
    completed.forEach((hash, slot) => nodes.set(nodeKey({ level: slot + 1, index: (seq + 1) / 2 ** (slot + 1) - 1 }), hash));
    frontier = next;
    roots.push(frontierRoot(crypto, frontier));
  });
  return {
    note: (size: number) => signCheckpoint(crypto, { origin: ORIGIN, size, root: roots[size]! }, ORIGIN, log),
    proof: (size1: number, size2: number) => {
      const plans = planConsistency(size1, size2);
      return plans.map((p) => evaluatePlan(crypto, p, (id) => nodes.get(nodeKey(id))!));
    },
  };
}

function memoryState(): WitnessState & { held: Map<string, HeldCheckpoint>; evidence: SplitView[] } {
  const held = new Map<string, HeldCheckpoint>();
  const evidence: SplitView[] = [];
  return {
    held, evidence,
    latest: async (origin) => held.get(origin),
    put: async (h) => { held.set(h.origin, h); },
    addSplitView: async (e) => { evidence.push(e); },
    splitViews: async () => [...evidence],
  };
}

function witness(name = 'witness.example/w1') {
  const { signer } = generateSigner();
  const state = memoryState();
  const w = new Witness({ name, signer, crypto, clock: { now: () => new Date('2026-12-03T12:00:00Z') }, logs: [{ origin: ORIGIN, key: logKey }], state });
  return { w, state, key: parseWitnessKey(crypto, formatWitnessKey(crypto, name, signer.publicKey)) };
}

describe('tlog-witness add-checkpoint (c2sp.org/tlog-witness)', () => {
  const honest = tree('honest', 40);

  test('cosigns a first checkpoint, then one that a consistency proof links to it; cosignatures verify as cosignature/v1', async () => {
    const { w, key, state } = witness();
    const first = await w.addCheckpoint(addCheckpointBody(0, [], honest.note(10)));
    assert.equal(first.status, 200);
    const { text } = splitNote(honest.note(10));
    const [c] = verifyCosignatures(crypto, text, [first.body], [key]);
    assert.equal(c!.timestamp, Date.parse('2026-12-03T12:00:00Z') / 1000);
    const second = await w.addCheckpoint(addCheckpointBody(10, honest.proof(10, 33), honest.note(33)));
    assert.equal(second.status, 200);
    assert.equal(verifyCosignatures(crypto, splitNote(honest.note(33)).text, [second.body], [key]).length, 1);
    assert.equal(state.held.get(ORIGIN)!.size, 33);
    // A cosignature over another checkpoint's text does not verify.
    assert.throws(() => verifyCosignatures(crypto, text, [second.body], [key]), /does not verify/);
  });

  test('a stale old size is a 409 naming the size held, as text/x.tlog.size', async () => {
    const { w } = witness();
    await w.addCheckpoint(addCheckpointBody(0, [], honest.note(10)));
    const stale = await w.addCheckpoint(addCheckpointBody(0, [], honest.note(20)));
    assert.deepEqual([stale.status, stale.body, stale.contentType], [409, '10\n', 'text/x.tlog.size']);
  });

  test('unknown origin 404, a signature not by the log 403, old beyond size 400, malformed 400, bad proof 422', async () => {
    const { w } = witness();
    const other = generateSigner().signer;
    const foreign = signCheckpoint(crypto, { origin: 'other.example/log', size: 1, root: new Uint8Array(32) }, 'other.example/log', other);
    assert.equal((await w.addCheckpoint(addCheckpointBody(0, [], foreign))).status, 404);
    const forged = signCheckpoint(crypto, { origin: ORIGIN, size: 1, root: new Uint8Array(32) }, ORIGIN, other);
    assert.equal((await w.addCheckpoint(addCheckpointBody(0, [], forged))).status, 403);
    assert.equal((await w.addCheckpoint(addCheckpointBody(11, [], honest.note(10)))).status, 400);
    const malformed = await w.addCheckpoint(`old 01\n\n${honest.note(10)}`);
    assert.deepEqual([malformed.status, malformed.body], [400, 'line 1: expected "old <size>"\n']);
    assert.equal((await w.addCheckpoint(`old 0\nnot base64!\n\n${honest.note(10)}`)).status, 400);
    await w.addCheckpoint(addCheckpointBody(0, [], honest.note(10)));
    const wrong = await w.addCheckpoint(addCheckpointBody(10, honest.proof(9, 20), honest.note(20)));
    assert.equal(wrong.status, 422);
  });

  test('a split view — two trees of one size, both signed by the log — is refused and both checkpoints are kept', async () => {
    const forked = tree('forked', 40);
    const a = witness('witness.example/a');
    const b = witness('witness.example/b');
    // The log shows one tree to each witness: each alone sees nothing wrong.
    assert.equal((await a.w.addCheckpoint(addCheckpointBody(0, [], honest.note(20)))).status, 200);
    assert.equal((await b.w.addCheckpoint(addCheckpointBody(0, [], forked.note(20)))).status, 200);
    // Shown the other tree at the same size, a witness refuses it and keeps both as evidence.
    const refused = await a.w.addCheckpoint(addCheckpointBody(20, [], forked.note(20)));
    assert.equal(refused.status, 409);
    assert.equal(a.state.evidence.length, 1);
    assert.deepEqual([a.state.evidence[0]!.held, a.state.evidence[0]!.offered], [honest.note(20), forked.note(20)]);
    assert.equal(a.state.evidence[0]!.reason, 'same size, different roots');
    assert.equal(a.state.held.get(ORIGIN)!.root, splitNote(honest.note(20)).text.split('\n')[2], 'the witness still holds the tree it cosigned');
    // A larger tree of the fork cannot be proved consistent with the held one either.
    const grown = await b.w.addCheckpoint(addCheckpointBody(20, honest.proof(20, 30), honest.note(30)));
    assert.equal(grown.status, 422);
    assert.equal(b.state.evidence[0]!.reason, 'not consistent with the checkpoint held');
  });
});
