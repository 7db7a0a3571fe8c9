/** Worlds, entries and the public transparency endpoints (checkpoint, proofs, keys). */
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../context.js';
import { worldAccess } from '../context.js';
import { entrySchema, looseObject, worldParam, dateSchema } from './schemas.js';
import { fromUtf8, toBase64, toHex } from '../../ledger/bytes.js';
import type { Entry } from '../../ledger/entry.js';
import { withNested } from '../../app/errors.js';
import { canRead, mayEnter } from '../../app/access.js';
import type { AccessFilter } from '../../app/ports.js';
import { endOfDay } from '../../app/time.js';
import { withCosignatures } from '../../app/tlog.js';

export async function ledgerRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { ledger } = deps;

  /** An entry the reader may see, or a 404 that does not tell whether it exists. */
  const readableEntry = async (world: string, seq: number, access: AccessFilter) => {
    const [row] = await ledger.store.findEntries(world, { access, fromSeq: seq, limit: 1 });
    if (!row || row.seq !== seq) throw withNested('http.not_found', {}, 'what', { code: 'what.entry', params: { seq } });
    return { bytes: row.bytes, entry: JSON.parse(fromUtf8(row.bytes)) as Entry };
  };

  const seqParams = { type: 'object', additionalProperties: false, required: ['world', 'seq'], properties: { world: worldParam.properties.world, seq: { type: 'integer', minimum: 0 } } } as const;

  app.get('/api/worlds', {
    schema: { tags: ['ledger'], summary: 'Worlds: the record and scenarios', response: { 200: { type: 'array', items: looseObject } } },
  }, async (request) => {
    // Scenarios are closed worlds: listed only to those taking part.
    const worlds = (await ledger.store.worlds()).filter((w) => mayEnter(request.account, w));
    return Promise.all(worlds.map(async (w) => ({ ...w, size: await ledger.store.size(w.name) })));
  });

  app.get('/api/worlds/:world/entries', {
    schema: {
      tags: ['ledger'], summary: 'Entries the reader may see, filtered by type and valid time',
      params: worldParam,
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          type: { type: 'string', maxLength: 64 }, from: dateSchema, to: dateSchema,
          since: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
        },
      },
      response: { 200: { type: 'object', properties: { entries: { type: 'array', items: entrySchema }, next: { type: 'integer' } }, required: ['entries'] } },
    },
  }, async (request) => {
    const { world } = request.params as { world: string };
    const q = request.query as { type?: string; from?: string; to?: string; since?: number; limit: number };
    const { access } = await worldAccess(deps, request, world);
    const rows = await ledger.store.findEntries(world, {
      access, limit: q.limit + 1,
      ...(q.type ? { types: [q.type] } : {}), ...(q.from ? { validFrom: q.from } : {}), ...(q.to ? { validTo: endOfDay(q.to) } : {}),
      ...(q.since !== undefined ? { fromSeq: q.since } : {}),
    });
    const entries = rows.slice(0, q.limit).map((r) => JSON.parse(fromUtf8(r.bytes)) as Entry);
    return { entries, ...(rows.length > q.limit ? { next: rows[q.limit]!.seq } : {}) };
  });

  app.get('/api/worlds/:world/entries/:seq', {
    schema: {
      tags: ['ledger'], summary: 'One entry (404 if it does not exist or the reader may not see it)',
      params: seqParams,
      response: { 200: entrySchema },
    },
  }, async (request) => {
    const { world, seq } = request.params as { world: string; seq: number };
    const { access } = await worldAccess(deps, request, world);
    const { entry } = await readableEntry(world, seq, access);
    return entry;
  });

  app.get('/api/worlds/:world/checkpoint', {
    schema: {
      tags: ['transparency'], summary: 'The latest signed checkpoint (C2SP tlog-checkpoint) and the log verifier key',
      params: worldParam,
      response: {
        200: {
          type: 'object', required: ['origin', 'size', 'rootHash', 'note', 'verifierKey', 'cosignatures'],
          properties: {
            origin: { type: 'string' }, size: { type: 'integer' }, rootHash: { type: 'string' }, rootHex: { type: 'string' }, note: { type: 'string' }, verifierKey: { type: 'string' }, createdAt: { type: 'string' },
            cosignatures: {
              type: 'array', description: 'The witnesses’ cosignatures (C2SP tlog-cosignature) on exactly this checkpoint: append each `line` and a newline to `note` to get the cosigned note',
              items: { type: 'object', required: ['witness', 'line'], properties: { witness: { type: 'string' }, line: { type: 'string' } } },
            },
          },
        },
      },
    },
  }, async (request) => {
    const { world } = request.params as { world: string };
    const { world: info } = await worldAccess(deps, request, world);
    const cp = await ledger.checkpoint(world);
    const { logKey } = await ledger.publicKeys(world);
    const cosignatures = (await ledger.store.cosignatures(world, cp.size)).map((text) => {
      const line = text.replace(/\n$/, '');
      return { witness: /^\u2014 (\S+) /u.exec(line)?.[1] ?? '', line };
    });
    return { origin: info.origin, size: cp.size, rootHash: toBase64(cp.root), rootHex: toHex(cp.root), note: cp.note, verifierKey: logKey, createdAt: cp.createdAt, cosignatures };
  });

  app.get('/api/worlds/:world/keys', {
    schema: { tags: ['transparency'], summary: 'The world’s public keys: the log verifier key and every signing principal', params: worldParam, response: { 200: looseObject } },
  }, async (request) => {
    const { world } = request.params as { world: string };
    await worldAccess(deps, request, world);
    return ledger.publicKeys(world);
  });

  app.get('/api/worlds/:world/proofs/inclusion/:seq', {
    schema: {
      tags: ['transparency'], summary: 'RFC 9162 inclusion proof of an entry the reader may see, against the latest checkpoint',
      params: seqParams,
      response: { 200: looseObject },
    },
  }, async (request) => {
    const { world, seq } = request.params as { world: string; seq: number };
    const { access } = await worldAccess(deps, request, world);
    const { bytes, entry } = await readableEntry(world, seq, access);
    // Defence in depth: the store filtered already; the rule is checked once more on the entry itself.
    if (!canRead(access, entry)) throw withNested('http.not_found', {}, 'what', { code: 'what.entry', params: { seq } });
    const proof = await ledger.inclusionProof(world, seq);
    const { logKey } = await ledger.publicKeys(world);
    // The checkpoint comes with the cosignatures its witnesses gave, so the proof can be checked offline against them.
    const checkpoint = await withCosignatures(ledger, world, proof.checkpoint, proof.treeSize);
    return { kind: 'inclusion', ...proof, checkpoint, entry: fromUtf8(bytes), verifierKey: logKey };
  });

  app.get('/api/worlds/:world/proofs/consistency', {
    schema: {
      tags: ['transparency'], summary: 'RFC 9162 consistency proof between two tree sizes (public: it reveals no content)',
      params: worldParam,
      querystring: { type: 'object', additionalProperties: false, required: ['from'], properties: { from: { type: 'integer', minimum: 0 }, to: { type: 'integer', minimum: 0 } } },
      response: { 200: looseObject },
    },
  }, async (request) => {
    const { world } = request.params as { world: string };
    const { from, to } = request.query as { from: number; to?: number };
    await worldAccess(deps, request, world);
    const proof = await ledger.consistencyProof(world, from, to);
    const { logKey } = await ledger.publicKeys(world);
    return { kind: 'consistency', ...proof, verifierKey: logKey };
  });
}
