import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeptNodes } from './kept-nodes.js';

const hash = (n: number) => new Uint8Array(32).fill(n % 256);

test('kept nodes: what a tree of a size lacks, level by level, and only what it lacks', () => {
  const kept = new KeptNodes(3);
  // 20 leaves: level 3 has nodes 0, 1 (16 leaves), level 4 has node 0; level 5 is not complete.
  // Row 7 holds node 3/0; row 15 holds 3/1 and 4/0.
  assert.deepEqual([...kept.missing(20)], [{ level: 3, index: 0 }, { level: 3, index: 1 }, { level: 4, index: 0 }]);
  assert.deepEqual([...kept.missing(7)], [], 'a tree smaller than 2^from has no node to keep');
  for (const id of kept.missing(20)) kept.add(id, hash(id.level * 10 + id.index));
  assert.equal(kept.count, 3);
  assert.deepEqual([...kept.missing(20)], []);
  // Row 23: 3/2; row 31: 3/3, 4/1, 5/0; row 39: 3/4 — in the order of their rows.
  assert.deepEqual([...kept.missing(40)], [{ level: 3, index: 2 }, { level: 3, index: 3 }, { level: 4, index: 1 }, { level: 5, index: 0 }, { level: 3, index: 4 }]);
  assert.deepEqual(kept.get({ level: 3, index: 1 }), hash(31));
  assert.deepEqual(kept.get({ level: 4, index: 0 }), hash(40));
  assert.equal(kept.get({ level: 2, index: 0 }), undefined, 'below `from` nothing is kept');
  assert.equal(kept.get({ level: 3, index: 2 }), undefined);
  assert.equal(kept.get({ level: 9, index: 0 }), undefined);
  // A level behind the others (here 4, its node 1 not kept) is asked from its own first row on.
  for (const id of [{ level: 3, index: 2 }, { level: 3, index: 3 }, { level: 3, index: 4 }]) kept.add(id, hash(1));
  assert.deepEqual([...kept.missing(40)], [{ level: 4, index: 1 }, { level: 5, index: 0 }]);
});

test('kept nodes: a node out of order, or not a hash, is not kept, so no gap is ever answered for', () => {
  const kept = new KeptNodes(1);
  kept.add({ level: 1, index: 1 }, hash(1));
  assert.equal(kept.get({ level: 1, index: 1 }), undefined);
  kept.add({ level: 1, index: 0 }, new Uint8Array(31));
  assert.equal(kept.count, 0);
  kept.add({ level: 1, index: 0 }, hash(0));
  kept.add({ level: 1, index: 0 }, hash(9));
  assert.deepEqual(kept.get({ level: 1, index: 0 }), hash(0), 'a node kept is not replaced');
  assert.throws(() => new KeptNodes(0), /level ≥ 1/);
});

test('kept nodes: levels grow past their first allocation and keep every hash in place', () => {
  const kept = new KeptNodes(1);
  for (let i = 0; i < 1000; i++) kept.add({ level: 1, index: i }, hash(i));
  assert.equal(kept.count, 1000);
  for (const i of [0, 63, 64, 511, 999]) assert.deepEqual(kept.get({ level: 1, index: i }), hash(i));
  assert.equal(kept.get({ level: 1, index: 1000 }), undefined);
});
