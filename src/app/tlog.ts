/**
 * A world as a C2SP tlog-tiles log: the signed checkpoint (with the cosignatures gathered from
 * witnesses), hash tiles and entry bundles, served by the API and exported as static files.
 *
 * Hash tiles reveal no content (leaf hashes of salted entries), like consistency proofs, and are
 * public to whoever may enter the world. An entry bundle is content: it is served only when the
 * reader may read every entry in it (src/app/access.ts); otherwise it answers as a resource that
 * does not exist, and an export leaves it out.
 */
import { toBase64 } from '../ledger/bytes.js';
import {
  TILE_WIDTH, encodeBundle, tileBytes, tileExists, tileNodeIds, tilePath, tilesForSize, type Tile,
} from '../ledger/tiles.js';
import { nodeKey } from '../ledger/merkle.js';
import type { AccessFilter, StoredCheckpoint } from './ports.js';
import type { LedgerService, Progress } from './ledger-service.js';
import { EvereError } from './errors.js';

/** Full tiles and bundles never change: caches may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The bytes of a hash tile of the world's current tree, or undefined if the tree has no such tile. */
export async function readTile(ledger: LedgerService, world: string, tile: Tile, size?: number): Promise<Uint8Array | undefined> {
  const treeSize = size ?? await ledger.store.size(world);
  if (!tileExists(treeSize, tile)) return undefined;
  if (tile.level === 0) {
    const start = tile.index * TILE_WIDTH;
    const rows = await ledger.store.entries(world, start, start + tile.width);
    if (rows.length !== tile.width) throw new EvereError('ledger.node_missing', { world, node: `0/${start + rows.length}` });
    return tileBytes(tile, rows.map((r) => r.leafHash));
  }
  const ids = tileNodeIds(tile);
  const found = await ledger.store.nodes(world, ids);
  return tileBytes(tile, ids.map((id) => {
    const hash = found.get(nodeKey(id));
    if (!hash) throw new EvereError('ledger.node_missing', { world, node: nodeKey(id) });
    return hash;
  }));
}

/**
 * The entry bundle of a tile of the current tree, if it exists and the reader may read every
 * entry in it (the store applies the access filter, so hidden entries are simply absent).
 */
export async function readBundle(ledger: LedgerService, world: string, tile: Tile, access: AccessFilter, size?: number): Promise<Uint8Array | undefined> {
  const treeSize = size ?? await ledger.store.size(world);
  if (tile.level !== 0 || !tileExists(treeSize, tile)) return undefined;
  const start = tile.index * TILE_WIDTH;
  const rows = await ledger.store.findEntries(world, { access, fromSeq: start, limit: tile.width });
  if (rows.length !== tile.width || rows.some((r, i) => r.seq !== start + i)) return undefined;
  return encodeBundle(rows.map((r) => r.bytes));
}

/**
 * The latest checkpoint (signed now if the tree grew) as served at `<prefix>/checkpoint`: the
 * log's signed note followed by the cosignature lines witnesses gave for exactly this tree.
 */
export async function servedCheckpoint(ledger: LedgerService, world: string): Promise<StoredCheckpoint> {
  const checkpoint = await ledger.checkpoint(world);
  const lines = await ledger.store.cosignatures(world, checkpoint.size);
  const own = checkpoint.note.endsWith('\n') ? checkpoint.note : `${checkpoint.note}\n`;
  return { ...checkpoint, note: own + lines.filter((l) => !own.includes(l)).join('') };
}

export interface TilesExport {
  readonly world: string;
  readonly size: number;
  readonly root: string;
  readonly tiles: number;
  readonly bundles: number;
  /** Bundles left out because some entry in them is not public. */
  readonly withheld: number;
}

/**
 * Writes the tree of the latest checkpoint as static files below a directory: `checkpoint`,
 * `tile/L/N[.p/W]` and `tile/entries/N[.p/W]`, the same paths the API serves under
 * `/api/worlds/{world}/log/`. `bundleAccess` decides which entry bundles may be published.
 */
export async function exportTiles(
  ledger: LedgerService,
  world: string,
  write: (path: string, bytes: Uint8Array | string) => Promise<void>,
  bundleAccess: AccessFilter | 'none',
  progress?: Progress,
): Promise<TilesExport> {
  await ledger.requireWorld(world);
  const checkpoint = await servedCheckpoint(ledger, world);
  const tiles = tilesForSize(checkpoint.size);
  let bundles = 0;
  let withheld = 0;
  for (const [i, tile] of tiles.entries()) {
    const bytes = await readTile(ledger, world, tile, checkpoint.size);
    if (!bytes) throw new EvereError('ledger.node_missing', { world, node: tilePath(tile) });
    await write(tilePath(tile), bytes);
    if (tile.level === 0 && bundleAccess !== 'none') {
      const bundle = await readBundle(ledger, world, tile, bundleAccess, checkpoint.size);
      if (bundle) {
        await write(tilePath(tile, true), bundle);
        bundles++;
      } else withheld++;
    }
    progress?.(i + 1, tiles.length);
  }
  if (tiles.length === 0) progress?.(0, 0);
  // The checkpoint last: a reader who sees it finds every tile it needs already in place.
  await write('checkpoint', checkpoint.note);
  return { world, size: checkpoint.size, root: toBase64(checkpoint.root), tiles: tiles.length, bundles, withheld };
}
