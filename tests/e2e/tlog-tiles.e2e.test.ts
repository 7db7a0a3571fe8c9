/**
 * Each world served as a C2SP tlog-tiles log (/api/worlds/{world}/log/) and exported as static
 * files (`evere tiles export DIR`): a client that knows only the log's verifier key and the
 * tiles verifies the checkpoint, proves inclusion of entries from bundles, and the export is the
 * same tree byte for byte. Entry bundles go through the access layer.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testServer, signIn, type TestServer } from '../support/api.js';
import { cli, tempDir } from '../support/cli.js';
import { draft } from '../support/ledger.js';
import { nodeCrypto as crypto } from '../../src/adapters/crypto/node-crypto.js';
import { openCheckpoint } from '../../src/ledger/checkpoint.js';
import { parseVerifierKey } from '../../src/ledger/note.js';
import { hashLeaf, verifyConsistency, verifyInclusion } from '../../src/ledger/merkle.js';
import { consistencyProofFromTiles, decodeBundle, inclusionProofFromTiles, tileHashes, tilePath, tilesForSize, type Tile } from '../../src/ledger/tiles.js';
import { toHex } from '../../src/ledger/bytes.js';

const SIZE = 600;
const SECRET_SEQ = 300;

describe('tlog-tiles over the API and as exported files', () => {
  let s: TestServer;
  let keyText: string;
  const prefix = '/api/worlds/pub/log';

  before(async () => {
    s = await testServer({ record: false });
    const ledger = s.services.ledger;
    await ledger.createWorld('pub');
    const drafts = Array.from({ length: SIZE }, (_, i) => draft(i, i === SECRET_SEQ ? { classification: 'NATO SECRET', releasability: ['NATO'] } : {}));
    await ledger.append('pub', drafts.slice(0, 400));
    await ledger.checkpoint('pub');
    await ledger.append('pub', drafts.slice(400));
    keyText = (await ledger.publicKeys('pub')).logKey;
    await s.services.accounts.create({ username: 'sg', password: 'a long enough password', role: 'staff', clearance: 'NATO SECRET' });
  });
  after(async () => s.close());

  const get = (path: string, headers: Record<string, string> = {}) => s.app.inject({ method: 'GET', url: `${prefix}/${path}`, headers });
  const readTile = async (tile: Tile) => {
    const r = await get(tilePath(tile));
    assert.equal(r.statusCode, 200, tilePath(tile));
    return new Uint8Array(r.rawPayload);
  };

  test('the checkpoint is a signed note in text/plain that the log key opens, never cached for long', async () => {
    const r = await get('checkpoint');
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(r.headers['cache-control'], 'no-cache');
    const cp = openCheckpoint(crypto, r.body, parseVerifierKey(crypto, keyText));
    assert.equal(cp.size, SIZE);
    assert.equal(cp.origin, 'evere.local/pub');
  });

  test('full tiles are immutable; partial tiles are served at their width; others are 404', async () => {
    const full = await get('tile/0/000');
    assert.equal(full.statusCode, 200);
    assert.equal(full.headers['content-type'], 'application/octet-stream');
    assert.equal(full.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(full.rawPayload.length, 256 * 32);
    const partial = await get('tile/0/002.p/88');
    assert.equal(partial.statusCode, 200);
    assert.equal(partial.rawPayload.length, 88 * 32);
    assert.notEqual(partial.headers['cache-control'], 'public, max-age=31536000, immutable');
    // The first 88 leaf hashes of tile 2 are the same in every narrower partial tile.
    assert.deepEqual((await get('tile/0/002.p/10')).rawPayload, partial.rawPayload.subarray(0, 320));
    assert.equal((await get('tile/1/000.p/2')).rawPayload.length, 64);
    for (const missing of ['tile/0/002', 'tile/0/002.p/89', 'tile/1/000', 'tile/2/000.p/1', 'tile/0/2', 'tile/0/000.p/256']) {
      assert.equal((await get(missing)).statusCode, 404, missing);
    }
  });

  test('a client with only the key and the tiles proves inclusion and consistency', async () => {
    const r = await get('checkpoint');
    const cp = openCheckpoint(crypto, r.body, parseVerifierKey(crypto, keyText));
    const bundle = decodeBundle(new Uint8Array((await get('tile/entries/000')).rawPayload));
    assert.equal(bundle.length, 256);
    const seq = 201;
    const leaf = hashLeaf(crypto, bundle[seq]!);
    const level0 = tileHashes({ level: 0, index: 0, width: 256 }, await readTile({ level: 0, index: 0, width: 256 }));
    assert.equal(toHex(leaf), toHex(level0[seq]!), 'the bundle entry hashes to the tile’s leaf hash');
    const proof = await inclusionProofFromTiles(crypto, seq, cp.size, readTile);
    assert.ok(verifyInclusion(crypto, seq, cp.size, leaf, proof, cp.root));
    const old = (await s.services.ledger.store.checkpoints('pub')).find((c) => c.size === 400)!;
    const consistency = await consistencyProofFromTiles(crypto, 400, cp.size, readTile);
    assert.ok(verifyConsistency(crypto, 400, cp.size, consistency, old.root, cp.root));
  });

  test('an entry bundle is served only to a reader who may read every entry in it', async () => {
    // Bundle 1 holds entry 300 (NATO SECRET): the public gets a 404 that says nothing more.
    const anonymous = await get('tile/entries/001');
    assert.equal(anonymous.statusCode, 404);
    assert.equal((await get('tile/0/001')).statusCode, 200, 'hash tiles reveal no content and stay public');
    assert.equal((await get('tile/entries/000')).statusCode, 200);
    const { cookie } = await signIn(s.app, 'sg', 'a long enough password');
    const cleared = await get('tile/entries/001', { cookie });
    assert.equal(cleared.statusCode, 200);
    assert.equal(cleared.headers['cache-control'], 'private, max-age=31536000, immutable', 'what a signed-in reader gets stays out of shared caches');
    assert.equal(decodeBundle(new Uint8Array(cleared.rawPayload)).length, 256);
  });

  test('an exercise world is closed: its log answers as if it did not exist', async () => {
    await s.services.ledger.createWorld('drill', { exercise: true });
    await s.services.ledger.append('drill', [draft(1)]);
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/worlds/drill/log/checkpoint' })).statusCode, 404);
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/worlds/drill/log/tile/0/000.p/1' })).statusCode, 404);
  });

  test('`evere tiles export DIR` writes the same tree as static files, leaving out bundles that are not public', async () => {
    const dir = tempDir('evere-tiles-');
    const db = join(s.dir, 'evere.db');
    const result = await cli(db, ['--world', 'pub', 'tiles', 'export', dir, '--json']);
    assert.equal(result.code, 0, result.err);
    const summary = JSON.parse(result.out) as { size: number; tiles: number; bundles: number; withheld: number };
    assert.deepEqual({ size: summary.size, tiles: summary.tiles, bundles: summary.bundles, withheld: summary.withheld }, { size: SIZE, tiles: 4, bundles: 2, withheld: 1 });
    for (const tile of tilesForSize(SIZE)) {
      assert.deepEqual(readFileSync(join(dir, tilePath(tile))), (await get(tilePath(tile))).rawPayload, tilePath(tile));
    }
    assert.ok(existsSync(join(dir, 'tile/entries/000')));
    assert.ok(!existsSync(join(dir, 'tile/entries/001')), 'the bundle holding a NATO SECRET entry is not published');
    assert.equal(readFileSync(join(dir, 'checkpoint'), 'utf8'), (await get('checkpoint')).body);

    const fr = await cli(db, ['--world', 'pub', 'tiles', 'export', dir], { EVERE_LANG: 'fr' });
    assert.equal(fr.code, 0, fr.err);
    assert.match(fr.out, /4 tuiles, 2 paquets d’entrées, 1 paquets laissés de côté/);
    const bad = await cli(db, ['--world', 'pub', 'tiles', 'export', dir, '--entries', 'some']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--entries must be public, all or none/);
  });
});
