/**
 * The Alliance's work at any date: operations and missions, partnerships, the DCB fund,
 * exercises, NATO-EU, arms control, human security — answered from the indexes, filtered for
 * the reader, cached between appends.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../context.js';
import { cachedHit, cachedJson, worldAccess } from '../context.js';
import { looseArray, looseObject, timeQuery, worldParam } from './schemas.js';
import {
  armsControlCommittees, armsControlRegister, armsControlStatuses, cooperationAreas, declarations, eu, exercises, frameworks,
  coverage, fund, fundReport, FUND_DIMENSIONS, humanSecurity, operation, operations, partners, programmes, readCoverageReference,
  type FundDimension, type TimeQuery,
} from '../../app/work-queries.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Query = { asOf?: string; knownAt?: string };

export async function workRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { ledger } = deps;
  const preParsing = cachedHit(deps);
  const read = (path: string, summary: string, answer: (world: string, q: TimeQuery, request: FastifyRequest) => Promise<unknown>, options: { params?: object; querystring?: object; list?: boolean } = {}) => {
    app.get(`/api/worlds/:world/${path}`, {
      preParsing,
      schema: {
        tags: ['work'], summary,
        params: options.params ?? worldParam,
        querystring: options.querystring ?? timeQuery,
        response: { 200: options.list === false ? looseObject : looseArray },
      },
    }, async (request, reply) => {
      const { world } = request.params as { world: string };
      const { access } = await worldAccess(deps, request, world);
      const q = request.query as Query;
      const time: TimeQuery = { ...(q.asOf ? { asOf: q.asOf } : {}), ...(q.knownAt ? { knownAt: q.knownAt } : {}), access };
      return cachedJson(deps, request, reply, access, () => answer(world, time, request));
    });
  };
  const idParams = { type: 'object', additionalProperties: false, required: ['world', 'id'], properties: { world: worldParam.properties.world, id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } } };

  read('operations', 'Operations and missions: status, mandate, core task, contributors', (w, q) => operations(ledger, w, q));
  read('operations/:id', 'One operation with its contributors over time', (w, q, r) => operation(ledger, w, (r.params as { id: string }).id, q), { params: idParams, list: false });
  read('partners', 'Partners and their frameworks at a date', (w, q) => partners(ledger, w, q));
  read('partnership-frameworks', 'Partnership frameworks', (w, q) => frameworks(ledger, w, q));
  read('partnership-programmes', 'Tailored partnership programmes', (w, q) => programmes(ledger, w, q));
  read('fund', 'The DCB trust fund: packages and balances per currency (a pledge is not a contribution)', (w, q) => fund(ledger, w, q), { list: false });
  read('fund/report', 'The DCB fund by Ally, partner, area, year or package', (w, q, r) => fundReport(ledger, w, ((r.query as { by?: FundDimension }).by ?? 'ally'), q), {
    querystring: { type: 'object', additionalProperties: false, properties: { ...timeQuery.properties, by: { type: 'string', enum: [...FUND_DIMENSIONS] } } },
  });
  read('exercises', 'Military exercises: dates, lead, participants, core task, resilience themes', (w, q, r) => exercises(ledger, w, { ...q, ...((r.query as { year?: string }).year ? { year: (r.query as { year: string }).year } : {}) }), {
    querystring: { type: 'object', additionalProperties: false, properties: { ...timeQuery.properties, year: { type: 'string', pattern: '^\\d{4}$' } } },
  });
  read('eu', 'NATO and the EU at a date: shared members and those in only one', (w, q) => eu(ledger, w, q), { list: false });
  read('eu/declarations', 'NATO-EU joint declarations', (w, q) => declarations(ledger, w, q));
  read('eu/areas', 'Areas of NATO-EU cooperation and the declarations that name them', (w, q) => cooperationAreas(ledger, w, q));
  read('arms-control', 'The register of arms-control instruments', (w, q) => armsControlRegister(ledger, w, q));
  read('arms-control/status', 'Each state’s status in each instrument at a date', (w, q) => armsControlStatuses(ledger, w, q));
  read('arms-control/committees', 'Arms-control bodies such as the High-Level Task Force', (w, q) => armsControlCommittees(ledger, w, q));
  const reference = readCoverageReference(() => {
    try {
      return readFileSync(join(deps.dataDir, 'coverage.json'), 'utf8');
    } catch {
      return undefined;
    }
  });
  read('coverage', 'What the record holds per area against published reference counts: complete, partial or not recorded (a measure with nothing recorded is not a zero)', (w, q) => coverage(ledger, w, reference, q));
  read('human-security', 'Human-security pillars and gender analysis: coverage and gaps by core task and year', (w, q) => humanSecurity(ledger, w, q));
}
