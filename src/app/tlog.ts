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
import { parseCheckpointText } from '../ledger/checkpoint.js';
import { parseWitnessKey, splitNote, verifyCosignatures, type WitnessKey } from '../ledger/cosignature.js';
import { addCheckpointBody } from './witness.js';
import {
  TILE_WIDTH, encodeBundle, tileBytes, tileExists, tileNodeIds, tilePath, tilesForSize, type Tile,
} from '../ledger/tiles.js';
import { nodeKey } from '../ledger/merkle.js';
import type { AccessFilter, StoredCheckpoint, WitnessConfig } from './ports.js';
import type { LedgerService, Progress } from './ledger-service.js';
import { EvereError, reasonOf, withNested } from './errors.js';

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
  return { ...checkpoint, note: await withCosignatures(ledger, world, checkpoint.note, checkpoint.size) };
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

/** A checkpoint note with the cosignatures gathered for its tree size appended. */
export async function withCosignatures(ledger: LedgerService, world: string, note: string, size: number): Promise<string> {
  const lines = await ledger.store.cosignatures(world, size);
  return note + lines.filter((l) => !note.includes(l)).join('');
}

async function witnessKeys(ledger: LedgerService, world: string): Promise<{ config: WitnessConfig; key: WitnessKey }[]> {
  return (await ledger.store.witnesses(world)).map((config) => ({ config, key: parseWitnessKey(ledger.deps.crypto, config.key) }));
}

/**
 * Takes cosignatures a witness gives back (`POST <prefix>/add-cosignature`, body: the checkpoint
 * text, an empty line, cosignature lines). The text must be exactly one of this log's signed
 * checkpoints; only lines from the world's registered witnesses that verify are kept.
 */
export async function acceptCosignatures(ledger: LedgerService, world: string, body: string): Promise<{ size: number; accepted: string[] }> {
  let text: string;
  let lines: string[];
  let checkpoint;
  try {
    ({ text, lines } = splitNote(body));
    checkpoint = parseCheckpointText(text);
  } catch (error) {
    throw withNested('http.bad_request', {}, 'reason', reasonOf(error));
  }
  const stored = (await ledger.store.checkpoints(world)).find((c) => c.size === checkpoint.size);
  if (!stored || splitNote(stored.note).text !== text) throw new EvereError('cosign.unknown_checkpoint', { size: checkpoint.size });
  let verified;
  try {
    verified = verifyCosignatures(ledger.deps.crypto, text, lines, (await witnessKeys(ledger, world)).map((w) => w.key));
  } catch (error) {
    throw withNested('cosign.rejected', {}, 'reason', reasonOf(error));
  }
  if (verified.length === 0) throw withNested('cosign.rejected', {}, 'reason', { code: 'reason.no_witness_line', params: {} });
  for (const c of verified) await ledger.store.addCosignature(world, checkpoint.size, c.name, c.line);
  return { size: checkpoint.size, accepted: verified.map((c) => c.name) };
}

export interface GatherResult {
  readonly witness: string;
  readonly status: number | 'unreachable';
  readonly size: number;
  readonly cosigned: boolean;
  readonly reason?: string;
}

export type HttpPost = (url: string, body: string) => Promise<{ status: number; text: string }>;

/**
 * The log's side of c2sp.org/tlog-witness: sends the latest checkpoint, with a consistency proof
 * from the size each witness last cosigned, to every witness that has a URL; keeps the
 * cosignatures that verify with the witness's key. A 409 names the witness's size: the request is
 * made once more from there.
 */
export async function gatherCosignatures(ledger: LedgerService, world: string, post: HttpPost): Promise<GatherResult[]> {
  const checkpoint = await ledger.checkpoint(world);
  const { text } = splitNote(checkpoint.note);
  const witnesses = await witnessKeys(ledger, world);
  const results: GatherResult[] = [];
  const updated: WitnessConfig[] = [];
  for (const witness of witnesses) {
    const key = witness.key;
    let config = witness.config;
    if (!config.url) {
      updated.push(config);
      continue;
    }
    const url = `${config.url.replace(/\/+$/, '')}/add-checkpoint`;
    let oldSize = config.lastSize !== undefined && config.lastSize <= checkpoint.size ? config.lastSize : 0;
    let result: GatherResult | undefined;
    for (let attempt = 0; attempt < 2 && !result; attempt++) {
      const proof = oldSize > 0 && oldSize < checkpoint.size ? await ledger.consistencyHashes(world, oldSize, checkpoint.size) : [];
      let answer;
      try {
        answer = await post(url, addCheckpointBody(oldSize, proof, checkpoint.note));
      } catch (error) {
        result = { witness: key.name, status: 'unreachable', size: checkpoint.size, cosigned: false, reason: (error as Error).message };
        break;
      }
      const theirs = /^(0|[1-9][0-9]*)\n?$/.exec(answer.text);
      if (answer.status === 409 && theirs && Number(theirs[1]) !== oldSize && Number(theirs[1]) <= checkpoint.size && attempt === 0) {
        oldSize = Number(theirs[1]);
        continue;
      }
      if (answer.status !== 200) {
        result = { witness: key.name, status: answer.status, size: checkpoint.size, cosigned: false, reason: answer.text.trim().slice(0, 300) };
        break;
      }
      try {
        const lines = answer.text.split('\n').filter((l) => l !== '').map((l) => `${l}\n`);
        const valid = verifyCosignatures(ledger.deps.crypto, text, lines, [key]);
        if (!valid[0]) throw new Error('no cosignature from its key in the answer');
        await ledger.store.addCosignature(world, checkpoint.size, key.name, valid[0].line);
        result = { witness: key.name, status: 200, size: checkpoint.size, cosigned: true };
        config = { ...config, lastSize: checkpoint.size };
      } catch (error) {
        result = { witness: key.name, status: 200, size: checkpoint.size, cosigned: false, reason: (error as Error).message };
      }
    }
    updated.push(config);
    if (result) results.push(result);
  }
  await ledger.store.setWitnesses(world, updated);
  return results;
}
