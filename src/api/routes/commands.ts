/**
 * Acting: a signed-in delegation gives a command of the rules engine for its Ally; the entry is
 * signed with the delegation's key. Refusals name the rule (RFC 9457, 422).
 */
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../context.js';
import { requireAccount, worldAccess } from '../context.js';
import { entrySchema, worldParam, looseArray } from './schemas.js';
import { act, actingPrincipal, viewOf } from '../../app/acts.js';
import { mayActFor } from '../../app/access.js';
import { EvereError } from '../../app/errors.js';
import { CLASSIFICATIONS, classificationRank, type Classification } from '../../ledger/classification.js';
import { availableCommands, type WorldState } from '../../domain/world.js';

export async function commandRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { ledger } = deps;
  /** An exercise world run as a scenario (seats, a clock): one acts there only through a seat. */
  const isScenario = async (world: string) => (await ledger.store.findEntries(world, { types: ['ScenarioDefined'], limit: 1 })).length > 0;

  app.post('/api/worlds/:world/commands', {
    bodyLimit: 64 * 1024,
    schema: {
      tags: ['council'], summary: 'Give a command of the rules engine (only for the party the account acts for)',
      params: worldParam,
      body: {
        type: 'object', additionalProperties: false, required: ['cmd', 'by', 'data'],
        properties: {
          cmd: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]{1,63}$' },
          by: { type: 'string', pattern: '^[A-Z]{2,10}$' },
          at: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?Z)?$' },
          data: { type: 'object' },
          classification: { type: 'string', enum: [...CLASSIFICATIONS] },
          releasability: { type: 'array', minItems: 1, maxItems: 40, items: { type: 'string', pattern: '^(PUBLIC|NATO|EU|[A-Z]{3})$' } },
        },
      },
      response: { 201: { type: 'array', items: entrySchema } },
    },
  }, async (request, reply) => {
    const { world } = request.params as { world: string };
    const account = requireAccount(request);
    const body = request.body as { cmd: string; by: string; at?: string; data: Record<string, unknown>; classification?: Classification; releasability?: string[] };
    const { world: info, access } = await worldAccess(deps, request, world);
    // In a scenario one acts only through one's seat, at the scenario clock's time.
    if (info.exercise && await isScenario(world)) throw new EvereError('act.in_scenario', { name: world });
    if (!mayActFor(account, body.by)) throw new EvereError('act.not_authorised', { actor: account.username, by: body.by });
    // Nobody writes above their own clearance.
    const classification = body.classification ?? 'NATO UNCLASSIFIED';
    if (classificationRank(classification) > classificationRank(account.clearance)) {
      throw new EvereError('act.not_authorised', { actor: `${account.username} (${account.clearance})`, by: classification });
    }
    const principal = await actingPrincipal(ledger, world, body.by);
    const at = body.at ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const entries = await act(ledger, world, { cmd: body.cmd, at, by: body.by, data: body.data }, principal, {
      classification, releasability: body.releasability ?? ['NATO'], access,
    });
    await ledger.checkpoint(world);
    return reply.code(201).send(entries);
  });

  app.get('/api/worlds/:world/commands/available', {
    schema: {
      tags: ['council'], summary: 'The commands the signed-in account may give now (from the engine’s declarations)',
      params: worldParam, response: { 200: looseArray },
    },
  }, async (request) => {
    const { world } = request.params as { world: string };
    const account = requireAccount(request);
    const { world: info, access } = await worldAccess(deps, request, world);
    if ((info.exercise && await isScenario(world)) || (!account.party && account.role !== 'staff')) return [];
    const by = account.party ?? 'SG';
    // What is available is judged on what the account may read.
    const state = (await viewOf(ledger, world, access)).state as WorldState;
    return availableCommands(state, by, new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')).map((s) => ({ ...s, by }));
  });
}
