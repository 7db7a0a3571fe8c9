/**
 * Live updates as server-sent events: every new entry the reader may see, as it is appended (by
 * this instance, or by another one on the same PostgreSQL database). Resumable with
 * Last-Event-ID or ?since=.
 */
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../context.js';
import { worldAccess } from '../context.js';
import { worldParam } from './schemas.js';
import { fromUtf8 } from '../../ledger/bytes.js';

const HEARTBEAT_MS = 15_000;

export async function eventRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get('/api/worlds/:world/events', {
    schema: {
      tags: ['live'], summary: 'Server-sent events: `entry` for each new entry the reader may see',
      params: worldParam,
      querystring: { type: 'object', additionalProperties: false, properties: { since: { type: 'integer', minimum: 0 } } },
    },
  }, async (request, reply) => {
    const { world } = request.params as { world: string };
    const { access } = await worldAccess(deps, request, world);
    const lastId = Number(request.headers['last-event-id']);
    const q = request.query as { since?: number };
    let cursor = q.since ?? (Number.isSafeInteger(lastId) ? lastId + 1 : await deps.ledger.store.size(world));
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(`retry: 2000\n: world ${world}, from ${cursor}\n\n`);
    let busy = false;
    let again = false;
    const pump = async () => {
      if (busy) { again = true; return; }
      busy = true;
      try {
        do {
          again = false;
          const rows = await deps.ledger.store.findEntries(world, { access, fromSeq: cursor, limit: 500 });
          for (const row of rows) res.write(`id: ${row.seq}\nevent: entry\ndata: ${fromUtf8(row.bytes)}\n\n`);
          if (rows.length) cursor = rows[rows.length - 1]!.seq + 1;
          else cursor = Math.max(cursor, await deps.ledger.store.size(world));
        } while (again);
      } catch (error) {
        request.log.warn({ err: error }, 'live update failed');
      } finally {
        busy = false;
      }
    };
    const unsubscribe = deps.bus.subscribe((w) => { if (w === world) void pump(); });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => { unsubscribe(); clearInterval(heartbeat); });
    void pump();
  });
}
