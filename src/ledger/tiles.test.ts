import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { nodeCrypto as crypto } from '../adapters/crypto/node-crypto.js';
import { toHex, utf8 } from './bytes.js';
import {
  appendLeaf, emptyFrontier, frontierRoot, hashLeaf, nodeHome, nodeKey, verifyConsistency, verifyInclusion, type NodeId,
} from './merkle.js';
import {
  consistencyProofFromTiles, decodeBundle, encodeBundle, encodeTileIndex, inclusionProofFromTiles, parseTilePath,
  tileBytes, tileExists, tileNodeIds, tilePath, tilesForSize, type Tile,
} from './tiles.js';

/** A tree as stores keep it (every completed node by level/index), and its roots at every size. */
function buildTree(count: number) {
  const nodes = new Map<string, Uint8Array>();
  const roots: Uint8Array[] = [frontierRoot(crypto, emptyFrontier)];
  let frontier = emptyFrontier;
  for (let seq = 0; seq < count; seq++) {
    const leaf = hashLeaf(crypto, utf8(`entry ${seq}`));
    const { frontier: next, completed } = appendLeaf(crypto, frontier, leaf);
    nodes.set(nodeKey({ level: 0, index: seq }), leaf);
    completed.forEach((hash, slot) => {
      const level = slot + 1;
      const index = (seq + 1) / 2 ** level - 1;
      assert.equal(nodeHome({ level, index }).seq, seq);
      nodes.set(nodeKey({ level, index }), hash);
    });
    frontier = next;
    roots.push(frontierRoot(crypto, frontier));
  }
  /** Tile bytes of the tree of `size` leaves, refusing tiles that tree does not have. */
  const reader = (size: number, reads: string[] = []) => async (tile: Tile) => {
    reads.push(tilePath(tile));
    assert.ok(tileExists(size, tile), `tree of size ${size} has no tile ${tilePath(tile)}`);
    return tileBytes(tile, tileNodeIds(tile).map((id: NodeId) => nodes.get(nodeKey(id))!));
  };
  return { roots, reader };
}

describe('tile paths (c2sp.org/tlog-tiles)', () => {
  test('indexes are 3-digit groups, all but the last prefixed with x', () => {
    assert.equal(encodeTileIndex(0), '000');
    assert.equal(encodeTileIndex(999), '999');
    assert.equal(encodeTileIndex(1000), 'x001/000');
    assert.equal(encodeTileIndex(1234067), 'x001/x234/067');
    assert.equal(tilePath({ level: 0, index: 1234, width: 256 }), 'tile/0/x001/234');
    assert.equal(tilePath({ level: 2, index: 5, width: 17 }), 'tile/2/005.p/17');
    assert.equal(tilePath({ level: 0, index: 5, width: 17 }, true), 'tile/entries/005.p/17');
  });

  test('parsing is the inverse of printing, and only canonical paths parse', () => {
    for (const tile of [{ level: 0, index: 0, width: 256 }, { level: 3, index: 1234067, width: 1 }, { level: 63, index: 1000, width: 255 }]) {
      assert.deepEqual(parseTilePath(tilePath(tile)), { ...tile, entries: false });
      assert.deepEqual(parseTilePath(tilePath(tile, true)), { ...tile, level: 0, entries: true });
    }
    for (const bad of ['tile/0/1', 'tile/0/0001', 'tile/00/000', 'tile/64/000', 'tile/0/x000/001', 'tile/0/000.p/0', 'tile/0/000.p/256',
      'tile/0/000.p/01', 'tile/0/001/002', 'tile/0/x1/002', 'tile/data/000', 'tile/0/000/', '../tile/0/000']) {
      assert.throws(() => parseTilePath(bad), RangeError, bad);
    }
  });
});

describe('which tiles a tree has', () => {
  test('the specification’s example: a tree of size 70,000', () => {
    const tiles = tilesForSize(70000);
    const at = (level: number) => tiles.filter((t) => t.level === level);
    assert.equal(at(0).filter((t) => t.width === 256).length, 273);
    assert.deepEqual(at(0).filter((t) => t.width < 256), [{ level: 0, index: 273, width: 112 }]);
    assert.deepEqual(at(1), [{ level: 1, index: 0, width: 256 }, { level: 1, index: 1, width: 17 }]);
    assert.deepEqual(at(2), [{ level: 2, index: 0, width: 1 }]);
    assert.equal(tiles.length, 273 + 1 + 2 + 1);
  });

  test('a tree of size 256 has one full level-0 tile and a level-1 tile of width 1; an empty tree has none', () => {
    assert.deepEqual(tilesForSize(256), [{ level: 0, index: 0, width: 256 }, { level: 1, index: 0, width: 1 }]);
    assert.deepEqual(tilesForSize(0), []);
  });

  test('a tile exists once its hashes are complete, and a narrower partial tile stays valid', () => {
    assert.ok(tileExists(300, { level: 0, index: 1, width: 44 }));
    assert.ok(tileExists(300, { level: 0, index: 1, width: 10 }));
    assert.ok(!tileExists(300, { level: 0, index: 1, width: 45 }));
    assert.ok(!tileExists(300, { level: 0, index: 1, width: 256 }));
    assert.ok(tileExists(512, { level: 0, index: 1, width: 44 }));
    assert.ok(!tileExists(300, { level: 1, index: 0, width: 2 }));
  });
});

describe('entry bundles', () => {
  test('entries round-trip through big-endian uint16 length prefixes', () => {
    const entries = [utf8(''), utf8('a'), new Uint8Array(300).fill(7), utf8('{"x":"é"}')];
    const bundle = encodeBundle(entries);
    assert.deepEqual([...bundle.slice(0, 2)], [0, 0]);
    assert.deepEqual([...bundle.slice(5, 7)], [1, 44]);
    assert.deepEqual(decodeBundle(bundle).map(toHex), entries.map(toHex));
  });

  test('a truncated bundle and an over-long entry are refused', () => {
    assert.throws(() => decodeBundle(new Uint8Array([0, 5, 1, 2])), /runs past its end/);
    assert.throws(() => decodeBundle(new Uint8Array([0])), /length prefix/);
    assert.throws(() => encodeBundle([new Uint8Array(0x10000)]), /at most 65535/);
  });
});

describe('proofs computed from tiles alone verify against the tree head', () => {
  const tree = buildTree(70_000);

  test('inclusion at sizes around tile boundaries', async () => {
    for (const [index, size] of [[0, 1], [5, 6], [255, 256], [100, 257], [256, 513], [65_535, 65_536], [40_000, 65_537], [69_999, 70_000], [12_345, 70_000]] as const) {
      const proof = await inclusionProofFromTiles(crypto, index, size, tree.reader(size));
      const leaf = hashLeaf(crypto, utf8(`entry ${index}`));
      assert.ok(verifyInclusion(crypto, index, size, leaf, proof, tree.roots[size]!), `inclusion ${index} in ${size}`);
    }
  });

  test('consistency between sizes, reading only tiles of the newer tree', async () => {
    for (const [size1, size2] of [[1, 2], [3, 256], [256, 257], [255, 70_000], [300, 65_536], [65_536, 70_000], [12_345, 69_999]] as const) {
      const reads: string[] = [];
      const proof = await consistencyProofFromTiles(crypto, size1, size2, tree.reader(size2, reads));
      assert.ok(verifyConsistency(crypto, size1, size2, proof, tree.roots[size1]!, tree.roots[size2]!), `consistency ${size1} → ${size2}`);
      assert.equal(new Set(reads).size, reads.length, 'each tile is read once');
    }
  });

  test('a tampered tile gives a proof that does not verify', async () => {
    const honest = tree.reader(1000);
    const tampered = async (tile: Tile) => {
      const bytes = await honest(tile);
      if (tile.level === 1) bytes[0] = bytes[0]! ^ 1;
      return bytes;
    };
    const reads: string[] = [];
    const proof = await inclusionProofFromTiles(crypto, 900, 1000, async (tile) => { reads.push(tilePath(tile)); return tampered(tile); });
    assert.ok(reads.includes('tile/1/000.p/3'), 'the proof reads the level-1 tile');
    assert.ok(!verifyInclusion(crypto, 900, 1000, hashLeaf(crypto, utf8('entry 900')), proof, tree.roots[1000]!));
  });
});
