/**
 * Live updates as server-sent events: every new entry the reader may see, as it is appended (by
 * this instance, or by another one on the same PostgreSQL database). Resumable with
 * Last-Event-ID or ?since=.
 */
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../context.js';
import { worldAccess } from '../context.js';
import { accessKey } from '../cache.js';
import { worldParam } from './schemas.js';
import { fromUtf8 } from '../../ledger/bytes.js';

const HEARTBEAT_MS = 15_000;

interface Batch { readonly text: string; readonly next: number; readonly count: number }

export async function eventRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  // Subscribers who may read the same entries and wait at the same position share one read and
  // one serialisation: an append woken up for a thousand listeners reads the log once per kind
  // of reader, not once per listener. A read is shared only while it is in flight, so nobody is
  // ever handed an answer older than their wake-up: an append forgets the world's reads in
  // flight before any listener is woken (this listener is registered first).
  const inFlight = new Map<string, Promise<Batch>>();
  deps.bus.subscribe((w) => {
    for (const key of inFlight.keys()) if (key.startsWith(`${w}\u0000`)) inFlight.delete(key);
  });
  const readFrom = (world: string, access: Parameters<typeof accessKey>[0], cursor: number): Promise<Batch> => {
    const key = `${world}\u0000${accessKey(access)}\u0000${cursor}`;
    let batch = inFlight.get(key);
    if (!batch) {
      batch = (async () => {
        const rows = await deps.ledger.store.findEntries(world, { access, fromSeq: cursor, limit: 500 });
        let text = '';
        for (const row of rows) text += `id: ${row.seq}\nevent: entry\ndata: ${fromUtf8(row.bytes)}\n\n`;
        const next = rows.length ? rows[rows.length - 1]!.seq + 1 : Math.max(cursor, await deps.ledger.store.size(world));
        return { text, next, count: rows.length };
      })();
      const mine = batch;
      inFlight.set(key, mine);
      void mine.finally(() => { if (inFlight.get(key) === mine) inFlight.delete(key); }).catch(() => undefined);
    }
    return batch;
  };

  app.get('/api/worlds/:world/events', {
    // A HEAD would open a stream whose headers are never sent (a response to HEAD has no body to
    // flush them with), holding the connection for ever: the stream answers GET only.
    exposeHeadRoute: false,
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
    // The stream is written raw (hijacked): the headers every answer carries (security headers,
    // request id) are taken from the reply, or they would be lost.
    res.writeHead(200, {
      ...Object.fromEntries(Object.entries(reply.getHeaders()).filter((e): e is [string, string | number | string[]] => e[1] !== undefined)),
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no',
    });
    res.write(`retry: 2000\n: world ${world}, from ${cursor}\n\n`);
    let busy = false;
    let again = false;
    const pump = async () => {
      if (busy) { again = true; return; }
      busy = true;
      try {
        do {
          again = false;
          const batch = await readFrom(world, access, cursor);
          if (batch.count) res.write(batch.text);
          cursor = batch.next;
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
