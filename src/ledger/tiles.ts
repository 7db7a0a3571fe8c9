/**
 * C2SP tlog-tiles (c2sp.org/tlog-tiles): the Merkle tree served as "tiles" of 256 consecutive
 * hashes at levels 0, 8, 16, … of the tree, and the entries as bundles of 256. Pure: paths,
 * widths, which tiles a tree of a given size has, the bytes of a tile from node hashes, entry
 * bundles, and proofs computed back from tiles (what an outside client does).
 *
 * A tile at tile-level L, index N holds the hashes of tree nodes (level 8L, index N·256 + i) for
 * i < W; a full tile has W = 256. The partial tile at level L of a tree of size s has
 * W = floor(s / 256^L) mod 256; empty tiles do not exist.
 */
import type { LedgerCrypto } from './crypto.js';
import { concat } from './bytes.js';
import { evaluatePlan, hashChildren, nodeKey, planConsistency, planInclusion, planNodes, type NodeId } from './merkle.js';

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
export const HASH_SIZE = 32;
/** Entry bundles length-prefix each entry with a big-endian uint16. */
export const MAX_BUNDLED_ENTRY = 0xffff;

export interface Tile {
  /** Tile level: the tile holds tree nodes at level 8·level. */
  readonly level: number;
  readonly index: number;
  /** 1…256; 256 is a full tile. */
  readonly width: number;
}

/** `x001/x234/067` for 1234067: 3-digit groups, all but the last prefixed with `x`. */
export function encodeTileIndex(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`tile index ${index} is not a non-negative integer`);
  const groups: string[] = [];
  let n = index;
  do {
    groups.unshift(String(n % 1000).padStart(3, '0'));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

/** `tile/L/N[.p/W]`, or `tile/entries/N[.p/W]` for an entry bundle (relative to the log prefix). */
export function tilePath(tile: Tile, entries = false): string {
  const partial = tile.width < TILE_WIDTH ? `.p/${tile.width}` : '';
  return `tile/${entries ? 'entries' : String(tile.level)}/${encodeTileIndex(tile.index)}${partial}`;
}

export interface ParsedTilePath extends Tile {
  readonly entries: boolean;
}

/**
 * Parses a path below the log prefix (`tile/0/x001/234.p/7`). Throws a RangeError naming what is
 * wrong for anything that is not a canonical tile path (so that one resource has one name).
 */
export function parseTilePath(path: string): ParsedTilePath {
  const match = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(path);
  if (!match) throw new RangeError(`not a tile path: ${path.slice(0, 80)}`);
  const [, levelText, indexText, widthText] = match as unknown as [string, string, string, string | undefined];
  const groups = indexText.split('/').map((g) => g.replace(/^x/, ''));
  if (groups.length > 1 && groups[0] === '000') throw new RangeError(`tile index has a leading zero group: ${indexText}`);
  const index = groups.reduce((n, g) => n * 1000 + Number(g), 0);
  if (!Number.isSafeInteger(index)) throw new RangeError(`tile index is too large: ${indexText}`);
  const width = widthText === undefined ? TILE_WIDTH : Number(widthText);
  if (widthText !== undefined && width >= TILE_WIDTH) throw new RangeError(`partial tile width must be 1 to 255: ${widthText}`);
  const entries = levelText === 'entries';
  const level = entries ? 0 : Number(levelText);
  if (level > 63) throw new RangeError(`tile level must be 0 to 63: ${levelText}`);
  return { level, index, width, entries };
}

/** How many nodes of tree level 8·level a tree of `size` leaves has completed. */
function nodesAtTileLevel(size: number, level: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}

/** Does a tree of `size` leaves contain this tile (full, or partial with exactly this width)? */
export function tileExists(size: number, tile: Tile): boolean {
  const count = nodesAtTileLevel(size, tile.level);
  const start = tile.index * TILE_WIDTH;
  // Partial tiles of earlier sizes stay valid (their hashes never change), even once the tile is full.
  return start + tile.width <= count;
}

/** Every tile of a tree of `size` leaves, level by level: the full ones and at most one partial per level. */
export function tilesForSize(size: number): Tile[] {
  const out: Tile[] = [];
  for (let level = 0; nodesAtTileLevel(size, level) > 0; level++) {
    const count = nodesAtTileLevel(size, level);
    const full = Math.floor(count / TILE_WIDTH);
    for (let index = 0; index < full; index++) out.push({ level, index, width: TILE_WIDTH });
    if (count % TILE_WIDTH > 0) out.push({ level, index: full, width: count % TILE_WIDTH });
  }
  return out;
}

/** The tree nodes a tile holds, in order. */
export function tileNodeIds(tile: Tile): NodeId[] {
  const ids: NodeId[] = [];
  for (let i = 0; i < tile.width; i++) ids.push({ level: tile.level * TILE_HEIGHT, index: tile.index * TILE_WIDTH + i });
  return ids;
}

/** A tile's bytes: its node hashes concatenated. */
export function tileBytes(tile: Tile, hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length !== tile.width || hashes.some((h) => h.length !== HASH_SIZE)) {
    throw new RangeError(`tile ${tilePath(tile)} needs ${tile.width} hashes of ${HASH_SIZE} bytes`);
  }
  return concat(...hashes);
}

/** An entry bundle: each entry as a big-endian uint16 length, then its bytes. */
export function encodeBundle(entries: readonly Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [i, entry] of entries.entries()) {
    if (entry.length > MAX_BUNDLED_ENTRY) throw new RangeError(`entry ${i} of the bundle is ${entry.length} bytes; a bundle holds at most ${MAX_BUNDLED_ENTRY}`);
    parts.push(new Uint8Array([entry.length >> 8, entry.length & 0xff]), entry);
  }
  return concat(...parts);
}

export function decodeBundle(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 2 > bytes.length) throw new RangeError(`entry bundle ends inside a length prefix at byte ${offset}`);
    const length = (bytes[offset]! << 8) | bytes[offset + 1]!;
    offset += 2;
    if (offset + length > bytes.length) throw new RangeError(`entry ${out.length} of the bundle runs past its end`);
    out.push(bytes.slice(offset, offset + length));
    offset += length;
  }
  return out;
}

/** Splits a tile's bytes into hashes; throws if the length is not the tile's width. */
export function tileHashes(tile: Tile, bytes: Uint8Array): Uint8Array[] {
  if (bytes.length !== tile.width * HASH_SIZE) throw new RangeError(`tile ${tilePath(tile)} is ${bytes.length} bytes, expected ${tile.width * HASH_SIZE}`);
  const out: Uint8Array[] = [];
  for (let i = 0; i < tile.width; i++) out.push(bytes.slice(i * HASH_SIZE, (i + 1) * HASH_SIZE));
  return out;
}

/**
 * The tile (in a tree of `size` leaves) from which the node `id` is computed: the node's
 * leftmost descendant at the tile's level lies in it, and the tile is as wide as `size` allows.
 */
export function tileForNode(id: NodeId, size: number): { tile: Tile; offset: number; span: number } {
  const level = Math.floor(id.level / TILE_HEIGHT);
  const span = 2 ** (id.level - level * TILE_HEIGHT);
  const first = id.index * span;
  const index = Math.floor(first / TILE_WIDTH);
  const count = nodesAtTileLevel(size, level);
  const width = Math.min(TILE_WIDTH, count - index * TILE_WIDTH);
  if (first + span > count) throw new RangeError(`node ${nodeKey(id)} is not complete in a tree of size ${size}`);
  return { tile: { level, index, width }, offset: first - index * TILE_WIDTH, span };
}

export type TileReader = (tile: Tile) => Promise<Uint8Array>;

/**
 * Reads the node hashes a set of proof plans needs from tiles (one read per distinct tile),
 * recomputing the levels between tile levels by hashing, as an outside client would.
 */
async function nodesFromTiles(crypto: LedgerCrypto, size: number, ids: readonly NodeId[], read: TileReader): Promise<Map<string, Uint8Array>> {
  const tiles = new Map<string, Promise<Uint8Array[]>>();
  const hashesOf = (tile: Tile) => {
    const key = tilePath(tile);
    let found = tiles.get(key);
    if (!found) {
      found = read(tile).then((bytes) => tileHashes(tile, bytes));
      tiles.set(key, found);
    }
    return found;
  };
  const out = new Map<string, Uint8Array>();
  await Promise.all(ids.map(async (id) => {
    const { tile, offset, span } = tileForNode(id, size);
    let layer = (await hashesOf(tile)).slice(offset, offset + span);
    while (layer.length > 1) {
      const next: Uint8Array[] = [];
      for (let i = 0; i < layer.length; i += 2) next.push(hashChildren(crypto, layer[i]!, layer[i + 1]!));
      layer = next;
    }
    out.set(nodeKey(id), layer[0]!);
  }));
  return out;
}

async function proofFromTiles(crypto: LedgerCrypto, size: number, plans: ReturnType<typeof planInclusion>, read: TileReader): Promise<Uint8Array[]> {
  const nodes = await nodesFromTiles(crypto, size, planNodes(plans), read);
  return plans.map((plan) => evaluatePlan(crypto, plan, (id) => nodes.get(nodeKey(id))!));
}

/** RFC 6962 inclusion proof of leaf `index` in the tree of `size` leaves, from tiles alone. */
export function inclusionProofFromTiles(crypto: LedgerCrypto, index: number, size: number, read: TileReader): Promise<Uint8Array[]> {
  return proofFromTiles(crypto, size, planInclusion(index, size), read);
}

/** RFC 6962 consistency proof from `size1` to `size2`, from the tiles of the tree of size2. */
export function consistencyProofFromTiles(crypto: LedgerCrypto, size1: number, size2: number, read: TileReader): Promise<Uint8Array[]> {
  return proofFromTiles(crypto, size2, planConsistency(size1, size2), read);
}
