/**
 * One generic read over the fact indexes: every kind the rules engine projects (operations,
 * partnerships, the DCB fund, exercises, NATO-EU, arms control, human security, …), valid at a
 * date as the log knew it, filtered for the reader. An unknown kind is not an error: it simply
 * has no facts (the list of kinds grows with the engine).
 */
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../context.js';
import { worldAccess } from '../context.js';
import { factSchema, timeQuery, worldParam } from './schemas.js';
import { factsOf } from '../../app/treaty-queries.js';

export async function factRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get('/api/worlds/:world/facts/:kind', {
    schema: {
      tags: ['treaty'],
      summary: 'Facts of one kind valid at a date (asOf) as the log knew them (knownAt); all versions without asOf',
      params: {
        type: 'object', additionalProperties: false, required: ['world', 'kind'],
        properties: { world: worldParam.properties.world, kind: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' } },
      },
      querystring: timeQuery,
      response: { 200: { type: 'array', items: factSchema } },
    },
  }, async (request) => {
    const { world, kind } = request.params as { world: string; kind: string };
    const q = request.query as { asOf?: string; knownAt?: string };
    const { access } = await worldAccess(deps, request, world);
    return factsOf(deps.ledger, world, kind, {
      ...(q.asOf ? { asOf: q.asOf } : {}),
      ...(q.knownAt ? { knownAt: q.knownAt } : {}),
      access,
    });
  });
}
