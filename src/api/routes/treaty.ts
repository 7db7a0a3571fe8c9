/** The treaty's questions at any date, answered from the indexes and filtered for the reader. */
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../context.js';
import { cachedHit, cachedJson, worldAccess } from '../context.js';
import { factSchema, looseArray, looseObject, timeQuery, worldParam, dateSchema } from './schemas.js';
import { accession, accessionKeyFrom, allyProfile, consultations, decisions, enlargement, factsOf, members, stateCodeFrom } from '../../app/treaty-queries.js';
import { STATES } from '../../domain/states.js';
import { officeTerms } from '../../app/offices.js';
import type { AccessFilter } from '../../app/ports.js';

type Time = { asOf?: string; knownAt?: string };
const time = (q: Time) => ({ ...(q.asOf ? { asOf: q.asOf } : {}), ...(q.knownAt ? { knownAt: q.knownAt } : {}) });

export async function treatyRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { ledger } = deps;
  const preParsing = cachedHit(deps);
  const factList = (path: string, kind: string, summary: string, read = (world: string, q: Time & { access: AccessFilter }) => factsOf(ledger, world, kind, q)) => {
    app.get(`/api/worlds/:world/${path}`, {
      preParsing,
      schema: { tags: ['treaty'], summary, params: worldParam, querystring: timeQuery, response: { 200: { type: 'array', items: factSchema } } },
    }, async (request, reply) => {
      const { world } = request.params as { world: string };
      const { access } = await worldAccess(deps, request, world);
      return cachedJson(deps, request, reply, access, () => read(world, { ...time(request.query as Time), access }));
    });
  };

  app.get('/api/states', {
    schema: { tags: ['treaty'], summary: 'Reference table of states: ISO codes and names in English and French', response: { 200: looseArray } },
  }, async () => STATES);

  app.get('/api/worlds/:world/members', {
    preParsing,
    schema: { tags: ['treaty'], summary: 'The Allies at a date (asOf) as the log knew them (knownAt)', params: worldParam, querystring: timeQuery, response: { 200: looseArray } },
  }, async (request, reply) => {
    const { world } = request.params as { world: string };
    const { access } = await worldAccess(deps, request, world);
    return cachedJson(deps, request, reply, access, () => members(ledger, world, { ...time(request.query as Time), access }));
  });

  app.get('/api/worlds/:world/allies/:code', {
    schema: {
      tags: ['treaty'], summary: 'One Ally: membership, military structure, ratifications, consultations',
      params: { type: 'object', additionalProperties: false, required: ['world', 'code'], properties: { world: worldParam.properties.world, code: { type: 'string', minLength: 2, maxLength: 3, pattern: '^[A-Za-z]{2,3}$' } } },
      response: { 200: looseObject },
    },
  }, async (request) => {
    const { world, code } = request.params as { world: string; code: string };
    const { access } = await worldAccess(deps, request, world);
    return allyProfile(ledger, world, stateCodeFrom(code), access);
  });

  app.get('/api/worlds/:world/accessions/:code', {
    schema: {
      tags: ['treaty'], summary: 'An accession protocol’s ratification matrix at a date',
      description: 'The tracker, by stage of ratification, as of `asOf`: `stages` counts the required ratifiers whose parliament approved (`parliamentApproved`), '
        + 'whose head of state signed the instrument (`instrumentSigned`), that deposited it with the depositary (`deposited`, of which `depositedByBound` are known only '
        + 'by an "on or before" date), whose bounded deposit may or may not have happened yet (`undetermined`), and whether the protocol is `inForce`. `pending` names who '
        + 'is still at which stage (`parliament`, `deposit`, `undetermined`, `notRecorded`); each row has its `stage`. `ratified`, `missing` and `undetermined` are kept. '
        + 'The code is an invitee (any accepted state code; an ambiguous one such as RS is refused) or a protocol id.',
      params: { type: 'object', additionalProperties: false, required: ['world', 'code'], properties: { world: worldParam.properties.world, code: { type: 'string', minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' } } },
      querystring: timeQuery, response: { 200: looseObject },
    },
  }, async (request) => {
    const { world, code } = request.params as { world: string; code: string };
    const { access } = await worldAccess(deps, request, world);
    return accession(ledger, world, accessionKeyFrom(code), { ...time(request.query as Time), access });
  });

  app.get('/api/worlds/:world/enlargement', {
    preParsing,
    schema: { tags: ['treaty'], summary: 'Every enlargement round with its durations', description: 'Who was last to deposit (`lastToDeposit`, `lastDepositors`, `lastToDepositAt`) and last to approve in parliament (`lastToApprove`…) come from exact dates only: `lastToDepositStatus` is `known`, `undetermined` (a date known only by a bound could be later) or `pending`.', params: worldParam, querystring: timeQuery, response: { 200: looseArray } },
  }, async (request, reply) => {
    const { world } = request.params as { world: string };
    const { access } = await worldAccess(deps, request, world);
    return cachedJson(deps, request, reply, access, () => enlargement(ledger, world, { ...time(request.query as Time), access }));
  });

  app.get('/api/worlds/:world/council/decisions', {
    preParsing,
    schema: {
      tags: ['council'], summary: 'Decisions adopted by consensus within a date range', params: worldParam,
      querystring: { type: 'object', additionalProperties: false, properties: { from: dateSchema, to: dateSchema, knownAt: dateSchema, limit: { type: 'integer', minimum: 1, maximum: 10000 } } },
      response: { 200: { type: 'array', items: factSchema } },
    },
  }, async (request, reply) => {
    const { world } = request.params as { world: string };
    const { access } = await worldAccess(deps, request, world);
    const q = request.query as { from?: string; to?: string; knownAt?: string; limit?: number };
    return cachedJson(deps, request, reply, access, () => decisions(ledger, world, { ...q, access }));
  });

  factList('council/proposals', 'proposal', 'Council proposals and their procedure, positions, footnotes and history');
  factList('consultations', 'consultation', 'Article 4 requests and, once held, the Council’s meeting (requestedAt and heldAt apart)', (world, q) => consultations(ledger, world, q));
  factList('article5', 'article5', 'Article 5 determinations and the measures reported');
  factList('strategic-concepts', 'strategic-concept', 'Strategic Concepts in force at a date (all, without asOf)');
  factList('secretaries-general', 'secretary-general', 'Secretaries General');
  factList('summits', 'summit', 'Summits');
  factList('offices', 'office-holder', 'Holders of offices other than the Secretary General’s (Deputy, acting Secretary General, SACEUR, SACLANT, SACT, Special Representative for Women, Peace and Security), each until the next took office');
  factList('seats', 'seat', 'Seats of NATO Headquarters and SHAPE, each until the next move');

  app.get('/api/worlds/:world/offices/terms', {
    preParsing,
    schema: {
      tags: ['treaty'], summary: 'Every office’s terms and every body’s seats, with their bounds and the spans no source covers',
      description: 'One row per term: `kind` (`office` or `seat`), `what` (the office or body), `holder` and `nationality` (an office) or `place` and `site` (a seat), `from` and `until` '
        + '(instants, [from, until)). `fromIs: on_or_before`: no source gives the first day; `untilIs: on_or_after`: the term ended on or after `until`; `untilIs: on_or_before`: '
        + '`until` is the next term’s start, itself a bound. A span between two recorded terms that no source covers is a row with `recorded: false` and no holder. '
        + 'With `asOf`, the terms on that date (a span not recorded included).',
      params: worldParam, querystring: timeQuery, response: { 200: looseArray },
    },
  }, async (request, reply) => {
    const { world } = request.params as { world: string };
    const { access } = await worldAccess(deps, request, world);
    return cachedJson(deps, request, reply, access, () => officeTerms(ledger, world, { ...time(request.query as Time), access }));
  });
}
