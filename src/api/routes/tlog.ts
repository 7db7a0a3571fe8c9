/**
 * Each world as a C2SP tlog-tiles log under `/api/worlds/{world}/log/`: `checkpoint` (the signed
 * note and the witnesses' cosignatures), `tile/L/N[.p/W]` hash tiles and `tile/entries/N[.p/W]`
 * entry bundles. Full tiles and bundles never change and are cacheable forever.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../context.js';
import { worldAccess } from '../context.js';
import { worldParam } from './schemas.js';
import { parseTilePath, TILE_WIDTH } from '../../ledger/tiles.js';
import { EvereError } from '../../app/errors.js';
import { IMMUTABLE, acceptCosignatures, readBundle, readTile, servedCheckpoint } from '../../app/tlog.js';

const binary = { 200: { type: 'string', format: 'binary' } } as const;

export async function tlogRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { ledger } = deps;

  app.get('/api/worlds/:world/log/checkpoint', {
    schema: {
      tags: ['transparency'],
      summary: 'C2SP tlog-tiles checkpoint: the log’s signed note, followed by the cosignatures of its witnesses (text/plain)',
      params: worldParam,
      response: { 200: { type: 'string' } },
    },
  }, async (request, reply) => {
    const { world } = request.params as { world: string };
    const { world: info } = await worldAccess(deps, request, world);
    const checkpoint = await servedCheckpoint(ledger, world);
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', info.exercise ? 'private, no-cache' : 'no-cache')
      .send(checkpoint.note);
  });

  /** A tile or bundle; anything else (a malformed path, a tile the tree does not have, a bundle the reader may not read in full) is a 404. */
  const tile = async (request: FastifyRequest, reply: FastifyReply) => {
    const { world, '*': rest } = request.params as { world: string; '*': string };
    const { world: info, access } = await worldAccess(deps, request, world);
    const path = `tile/${rest}`;
    let parsed;
    try {
      parsed = parseTilePath(path);
    } catch {
      throw new EvereError('http.not_found', { what: path });
    }
    const bytes = parsed.entries ? await readBundle(ledger, world, parsed, access) : await readTile(ledger, world, parsed);
    if (!bytes) throw new EvereError('http.not_found', { what: path });
    // What a signed-in reader was given, or anything from a closed world, stays out of shared caches.
    const shared = !info.exercise && request.account === undefined;
    const lifetime = parsed.width === TILE_WIDTH ? IMMUTABLE : 'public, max-age=60';
    return reply
      .type('application/octet-stream')
      .header('cache-control', shared ? lifetime : lifetime.replace('public', 'private'))
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  };

  app.get('/api/worlds/:world/log/tile/*', {
    schema: {
      tags: ['transparency'],
      summary: 'C2SP tlog-tiles: hash tile `tile/L/N[.p/W]` or entry bundle `tile/entries/N[.p/W]` (a bundle only if the reader may read every entry in it)',
      params: {
        type: 'object', additionalProperties: false, required: ['world', '*'],
        properties: { world: worldParam.properties.world, '*': { type: 'string', maxLength: 200 } },
      },
      response: binary,
    },
  }, tile);

  app.post('/api/worlds/:world/log/add-cosignature', {
    schema: {
      tags: ['transparency'],
      summary: 'A witness gives back its cosignature (text/plain: one of this log’s checkpoints, an empty line, cosignature/v1 lines); only registered witnesses’ valid lines are kept',
      params: worldParam,
      body: { type: 'string', maxLength: 16384 },
      response: { 200: { type: 'object', required: ['size', 'accepted'], properties: { size: { type: 'integer' }, accepted: { type: 'array', items: { type: 'string' } } } } },
    },
  }, async (request) => {
    const { world } = request.params as { world: string };
    await worldAccess(deps, request, world);
    return acceptCosignatures(ledger, world, request.body as string);
  });
}
