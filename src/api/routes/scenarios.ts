/**
 * Scenarios over HTTP: list and create exercises, assign seats, run the scenario clock, deliver
 * injects, act in a seat at scenario time, branch a what-if, and the after-action report (JSON or
 * HTML). Every response is marked EXERCISE (header and body).
 *
 * Who may do what: a director runs the scenarios in their account's worlds (and assigns seats);
 * controllers run the clock and injects; a player acts only for the seat a director gave them;
 * evaluators and observers read everything and act on nothing. While a scenario's clock runs, a
 * ticker brings it up to date every few seconds, so injects and silence deadlines fall due without
 * anyone asking.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../context.js';
import { requireAccount } from '../context.js';
import { problem, sendProblem, langOf, type Problem } from '../errors.js';
import { entrySchema, looseObject, worldParam } from './schemas.js';
import { accessFor, canRead } from '../../app/access.js';
import { viewOf } from '../../app/acts.js';
import { EvereError, withNested } from '../../app/errors.js';
import { Scenarios, type Operator } from '../../app/scenarios/service.js';
import { csrfHeader, guarded, operatorOf, takingPart as takingPartIn } from './scenario-common.js';
import { readAdHocInject, readScenarioText, readInject, readPolicy, ScenarioFileError } from '../../app/scenarios/scenario-file.js';
import { branchPoint } from '../../app/scenarios/branch-point.js';
import { recordSeats } from '../../app/scenarios/fork.js';
import { readScenario } from '../../app/scenarios/scenario-state.js';
import { scenarioReport } from '../../app/scenarios/report.js';
import { REPORT_CSP, renderReportHtml } from '../../app/scenarios/report-html.js';
import { parseDuration, parseOffset } from '../../domain/scenario/duration.js';
import { INJECT_KINDS, STAFF_SEAT } from '../../domain/scenario/types.js';
import { availableCommands, type WorldState } from '../../domain/world.js';
import { CLASSIFICATIONS, classificationRank, type Classification } from '../../ledger/classification.js';


const TICK_MS = 2000;
const tags = ['scenarios'];
const title = {
  type: 'object', additionalProperties: false, required: ['en'],
  properties: { en: { type: 'string', minLength: 1, maxLength: 500 }, fr: { type: 'string', minLength: 1, maxLength: 500 } },
} as const;
const nameParams = (extra: Record<string, unknown> = {}) => ({
  type: 'object', additionalProperties: false, required: ['name', ...Object.keys(extra)],
  properties: { name: worldParam.properties.world, ...extra },
});

export async function scenarioRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const scenarios = new Scenarios({ ledger: deps.ledger, dataDir: deps.dataDir, accounts: deps.accounts });
  const takingPart = (request: FastifyRequest, name: string): Operator => takingPartIn(scenarios, request, name);

  // The ticker: scenarios whose clock runs are brought up to it.
  let timer: NodeJS.Timeout | undefined;
  let ticking = false;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      if (ticking) return;
      ticking = true;
      void (async () => {
        for (const world of await deps.ledger.store.worlds()) {
          if (!world.exercise) continue;
          try {
            const sc = await readScenario(deps.ledger, world.name);
            if (sc.clock.status === 'running') await scenarios.tick(world.name);
          } catch (error) {
            if (!(error instanceof EvereError)) app.log.error({ err: error, world: world.name }, 'scenario tick failed');
          }
        }
      })().catch((error: unknown) => app.log.error({ err: error }, 'scenario ticker failed')).finally(() => { ticking = false; });
    }, TICK_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });

  app.get('/api/scenarios', {
    schema: { tags, summary: 'The scenarios the signed-in account takes part in (an administrator: all)', response: { 200: { type: 'array', items: looseObject } } },
  }, async (request, reply) => guarded(request, reply, () => scenarios.list(operatorOf(request))));

  app.post('/api/scenarios', {
    bodyLimit: 512 * 1024,
    schema: {
      tags, summary: 'Create a scenario (director or administrator): the record forked at a date, from a scenario file (YAML or JSON text) or document',
      headers: csrfHeader,
      body: {
        type: 'object', additionalProperties: false, required: ['name'],
        properties: {
          name: worldParam.properties.world,
          asOf: { type: 'string', format: 'evere-date', maxLength: 10 },
          text: { type: 'string', maxLength: 500_000, description: 'The scenario file, YAML or JSON' },
          scenario: { type: 'object', description: 'The scenario document (as the JSON schema describes it)' },
          check: { type: 'boolean', description: 'Only check the file, as `evere scenario validate` does: nothing is created (200)' },
        },
      },
      response: { 200: looseObject, 201: looseObject },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const operator = operatorOf(request);
    const body = request.body as { name: string; asOf?: string; text?: string; scenario?: object; check?: boolean };
    const source = body.text ?? (body.scenario ? JSON.stringify(body.scenario) : undefined);
    if (source === undefined && !body.asOf) throw new EvereError('scenario.as_of_missing');
    const text = source ?? JSON.stringify({ scenario: body.name, title: { en: body.name }, injects: [] });
    let definition;
    try {
      definition = readScenarioText(text, 'scenario', { ...(body.asOf ? { asOf: body.asOf } : {}), lang: langOf(request), seatsAt: recordSeats(deps.dataDir) });
    } catch (error) {
      // Every problem of the file on its own too, with its line and column, for a form to point at.
      if (error instanceof ScenarioFileError) {
        return sendProblem(reply, { ...problem(request, error.code, error.params), problems: error.problems.map((p) => ({ ...p })) } as Problem);
      }
      throw error;
    }
    if (body.check) {
      return reply.code(200).send({
        valid: true, title: definition.title, asOf: definition.asOf, start: definition.start,
        injects: definition.injects.length, seats: Object.keys(definition.seats).length,
      });
    }
    const status = await scenarios.create(body.name, definition, operator);
    return reply.code(201).send(status);
  }));

  app.get('/api/scenarios/:name', {
    schema: { tags, summary: 'A scenario: clock, seats, delivered injects (exercise control: the injects to come)', params: nameParams(), response: { 200: looseObject } },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name } = request.params as { name: string };
    const operator = takingPart(request, name);
    await scenarios.tick(name);
    return scenarios.status(name, operator);
  }));

  app.get('/api/scenarios/:name/available', {
    schema: {
      tags, summary: 'The commands the signed-in player may give now for the seats they hold, at scenario time (from the engine’s declarations)',
      params: nameParams(), response: { 200: { type: 'array', items: looseObject } },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name } = request.params as { name: string };
    const operator = takingPart(request, name);
    await scenarios.tick(name);
    const status = await scenarios.status(name, operator);
    const username = requireAccount(request).username;
    // What is available is judged on what the player may read.
    const state = (await viewOf(deps.ledger, name, accessFor(request.account, await deps.ledger.requireWorld(name)))).state as WorldState;
    if (status.ended) return [];
    // International Staff act as the Secretary General and, chairing, for the Council (NAC): a
    // person holding the seat adopts, places under silence and closes as the chair would.
    return status.seats.filter((s) => s.holder === username).flatMap((s) => {
      const parties = s.seat === STAFF_SEAT ? ['SG', 'NAC'] : [s.seat];
      const seen = new Set<string>();
      return parties.flatMap((by) => availableCommands(state, by, status.now).filter((spec) => !seen.has(spec.cmd) && seen.add(spec.cmd)).map((spec) => ({ ...spec, by })));
    });
  }));

  app.put('/api/scenarios/:name/seats/:seat', {
    schema: {
      tags, summary: 'Give a seat to a player, or back to its bot (director)', headers: csrfHeader,
      params: nameParams({ seat: { type: 'string', pattern: '^([A-Z]{3}|IS)$' } }),
      body: {
        type: 'object', additionalProperties: false,
        properties: { username: { type: 'string', minLength: 2, maxLength: 63 }, bot: { type: 'boolean' } },
      },
      response: { 200: looseObject },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name, seat } = request.params as { name: string; seat: string };
    const operator = takingPart(request, name);
    const body = request.body as { username?: string; bot?: boolean };
    if (!body.bot && !body.username) throw withNested('input.invalid', { field: 'body' }, 'reason', { code: 'reason.body_username_or_bot', params: {} });
    return scenarios.assign(name, seat, body.bot ? undefined : body.username, operator);
  }));

  app.post('/api/scenarios/:name/participants', {
    schema: {
      tags, summary: 'Admit a controller, evaluator or observer to a scenario (director)', headers: csrfHeader, params: nameParams(),
      body: { type: 'object', additionalProperties: false, required: ['username'], properties: { username: { type: 'string', minLength: 2, maxLength: 63 } } },
      response: { 200: looseObject },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name } = request.params as { name: string };
    return scenarios.admit(name, (request.body as { username: string }).username, undefined, takingPart(request, name));
  }));

  app.post('/api/scenarios/:name/clock', {
    schema: {
      tags, summary: 'Start, pause, resume the scenario clock or change its speed (exercise control)', headers: csrfHeader, params: nameParams(),
      body: {
        type: 'object', additionalProperties: false, required: ['action'],
        properties: { action: { enum: ['start', 'pause', 'resume', 'speed'] }, speed: { type: 'number', exclusiveMinimum: 0, maximum: 1_000_000 } },
      },
      response: { 200: looseObject },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name } = request.params as { name: string };
    const body = request.body as { action: 'start' | 'pause' | 'resume' | 'speed'; speed?: number };
    return scenarios.clock(name, { action: body.action, ...(body.speed !== undefined ? { speed: body.speed } : {}) }, takingPart(request, name));
  }));

  app.post('/api/scenarios/:name/advance', {
    schema: {
      tags, summary: 'Move scenario time forward (by a duration, or to T+… / a UTC time) and play what falls due (exercise control)', headers: csrfHeader, params: nameParams(),
      body: {
        type: 'object', additionalProperties: false,
        properties: { by: { type: 'string', minLength: 2, maxLength: 40 }, to: { type: 'string', minLength: 2, maxLength: 40 } },
      },
      response: { 200: looseObject },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name } = request.params as { name: string };
    const body = request.body as { by?: string; to?: string };
    const operator = takingPart(request, name);
    const sc = await readScenario(deps.ledger, name);
    const start = Date.parse(sc.definition.start);
    let target: { to?: number; by?: number };
    if (body.to !== undefined) {
      const offset = parseOffset(body.to, start);
      if (offset === undefined) throw new EvereError('scenario.time_invalid', { value: body.to });
      target = { to: start + offset };
    } else {
      const by = body.by === undefined ? undefined : parseDuration(body.by);
      if (by === undefined) throw new EvereError('scenario.duration_invalid', { value: body.by ?? '' });
      target = { by };
    }
    const r = await scenarios.advance(name, target, operator);
    return { status: r.status, entries: r.entries.length };
  }));

  app.post('/api/scenarios/:name/injects', {
    bodyLimit: 64 * 1024,
    schema: {
      tags, summary: 'Deliver an inject now: one from the list (inject), or an ad-hoc one with its full content — kind, title, text, attachments (links), addressees (to: seats), classification, releasability (exercise control)', headers: csrfHeader, params: nameParams(),
      body: {
        type: 'object', additionalProperties: false,
        properties: {
          inject: { type: 'string', minLength: 1, maxLength: 64, description: 'An inject of the scenario file, delivered ahead of its time' },
          id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'Ad hoc: its id (default ADHOC-n)' },
          kind: { enum: [...INJECT_KINDS] }, title, text: {
            type: 'object', additionalProperties: false, required: ['en'],
            properties: { en: { type: 'string', minLength: 1, maxLength: 2000 }, fr: { type: 'string', minLength: 1, maxLength: 2000 } },
          },
          attachments: {
            type: 'array', maxItems: 20, description: 'Links to the documents that come with it',
            items: { type: 'object', additionalProperties: false, required: ['title', 'url'], properties: { title, url: { type: 'string', minLength: 8, maxLength: 2000 } } },
          },
          to: { type: 'array', maxItems: 60, uniqueItems: true, items: { type: 'string', pattern: '^([A-Z]{3}|IS)$' }, description: 'Seats it is addressed to (default: every seat)' },
          classification: { type: 'string', enum: [...CLASSIFICATIONS] },
          releasability: { type: 'array', minItems: 1, maxItems: 40, items: { type: 'string', pattern: '^(PUBLIC|NATO|EU|[A-Z]{3})$' } },
          tags: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 64 } },
          resolution: { type: 'string', minLength: 1, maxLength: 100 },
          outlet: { type: 'string', minLength: 1, maxLength: 200 },
        },
      },
      response: { 201: { type: 'array', items: entrySchema } },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name } = request.params as { name: string };
    const { inject, ...adHoc } = request.body as { inject?: string } & Record<string, unknown>;
    const operator = takingPart(request, name);
    let entries;
    if (inject) {
      if (Object.keys(adHoc).length > 0) throw withNested('input.invalid', { field: 'body' }, 'reason', { code: 'reason.body_inject_alone', params: {} });
      entries = await scenarios.deliver(name, { id: inject }, operator);
    } else {
      if (!adHoc.kind || !adHoc.title) throw withNested('input.invalid', { field: 'body' }, 'reason', { code: 'reason.body_inject_or_kind', params: {} });
      // Only exercise control is told whether its inject is well formed.
      if (!scenarios.isControl(operator, name)) throw new EvereError('scenario.not_control', { user: requireAccount(request).username, name });
      const sc = await readScenario(deps.ledger, name);
      entries = await scenarios.deliver(name, { adHoc: readAdHocInject(adHoc, sc.definition) }, operator);
    }
    // The caller is told of what it may read.
    const access = accessFor(request.account, await deps.ledger.requireWorld(name));
    return reply.code(201).send(entries.filter((e) => canRead(access, { classification: e.classification, releasability: e.releasability })));
  }));

  app.post('/api/scenarios/:name/act', {
    bodyLimit: 64 * 1024,
    schema: {
      tags, summary: 'Act for your seat at the scenario’s current time (a player; the entry is signed by the seat’s delegation)', headers: csrfHeader, params: nameParams(),
      body: {
        type: 'object', additionalProperties: false, required: ['cmd', 'by', 'data'],
        properties: {
          cmd: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]{1,63}$' },
          by: { type: 'string', pattern: '^[A-Z]{2,10}$' },
          data: { type: 'object' },
          classification: { type: 'string', enum: [...CLASSIFICATIONS] },
          releasability: { type: 'array', minItems: 1, maxItems: 40, items: { type: 'string', pattern: '^(PUBLIC|NATO|EU|[A-Z]{3})$' } },
        },
      },
      response: { 201: { type: 'array', items: entrySchema } },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name } = request.params as { name: string };
    const operator = takingPart(request, name);
    const body = request.body as { cmd: string; by: string; data: Record<string, unknown>; classification?: Classification; releasability?: string[] };
    const account = requireAccount(request);
    const classification = body.classification ?? 'NATO UNCLASSIFIED';
    // Nobody writes above their own clearance.
    if (classificationRank(classification) > classificationRank(account.clearance)) {
      throw new EvereError('act.not_authorised', { actor: `${account.username} (${account.clearance})`, by: classification });
    }
    const entries = await scenarios.act(name, { cmd: body.cmd, by: body.by, data: body.data }, operator, {
      classification, releasability: body.releasability ?? ['NATO'],
    });
    return reply.code(201).send(entries);
  }));

  app.get('/api/scenarios/:name/report', {
    schema: {
      tags, summary: 'The after-action report as the reader may see it: JSON, or self-contained HTML with charts (format=html); a branch is compared with its parent',
      params: nameParams(),
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { format: { enum: ['json', 'html'] }, compare: worldParam.properties.world, lang: { enum: ['en', 'fr'] } },
      },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name } = request.params as { name: string };
    const q = request.query as { format?: 'json' | 'html'; compare?: string; lang?: 'en' | 'fr' };
    const operator = takingPart(request, name);
    if (q.compare) takingPart(request, q.compare);
    await scenarios.tick(name);
    const world = await deps.ledger.requireWorld(name);
    const report = await scenarioReport(scenarios, name, { access: accessFor(request.account, world), operator, ...(q.compare ? { compareWith: q.compare } : {}) });
    if (q.format === 'html') {
      // The report's own policy (its inline stylesheet by hash), and no framing.
      return reply.type('text/html; charset=utf-8').header('content-security-policy', `${REPORT_CSP}; frame-ancestors 'none'`)
        .send(renderReportHtml(report, q.lang ?? langOf(request)));
    }
    return report;
  }));

  app.post('/api/scenarios/:name/branch', {
    schema: {
      tags, summary: 'What-if: branch at an entry with one seat’s policy or one inject changed, and replay deterministically (director)', headers: csrfHeader, params: nameParams(),
      body: {
        type: 'object', additionalProperties: false, required: ['branch'],
        properties: {
          branch: worldParam.properties.world,
          atSeq: { type: 'integer', minimum: 0 },
          at: { type: 'string', minLength: 1, maxLength: 40, description: 'The branch point as a scenario time (T+30h, or a UTC date-time: its first entry at or after it) or an entry’s number, instead of atSeq' },
          seat: { type: 'string', pattern: '^([A-Z]{3}|IS)$' },
          policy: { anyOf: [{ type: 'object' }, { type: 'string', maxLength: 64_000 }], description: 'The seat’s new bot policy (as in a scenario file): an object, or YAML/JSON text, or the name of one of the file’s policies' },
          inject: { type: 'string', minLength: 1, maxLength: 64 },
          set: { anyOf: [{ type: 'object' }, { type: 'string', maxLength: 64_000 }], description: 'The inject as it should be (as in a scenario file): an object, or YAML/JSON text' },
          drop: { type: 'boolean' },
          toEnd: { type: 'boolean' },
        },
      },
      response: { 201: looseObject },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name } = request.params as { name: string };
    const body = request.body as { branch: string; atSeq?: number; at?: string; seat?: string; policy?: object | string; inject?: string; set?: object | string; drop?: boolean; toEnd?: boolean };
    const textOf = (v: object | string): string => (typeof v === 'string' ? v : JSON.stringify(v));
    const operator = takingPart(request, name);
    if ((body.atSeq === undefined) === (body.at === undefined)) throw withNested('input.invalid', { field: 'body' }, 'reason', { code: 'reason.body_at_seq_or_at', params: {} });
    const sc = await readScenario(deps.ledger, name);
    const policy = body.seat && body.policy ? readPolicy(textOf(body.policy), body.seat, sc.definition) : undefined;
    const replace = body.inject && body.set ? readInject(textOf(body.set), sc.definition) : undefined;
    // Only a director of the scenario reads its entries' times to find the point.
    if (body.at !== undefined && !(operator.kind === 'account' && operator.account.role === 'director')) throw new EvereError('scenario.not_director', { user: requireAccount(request).username, name });
    const atSeq = body.atSeq ?? await branchPoint(deps.ledger, scenarios, name, body.at!);
    const r = await scenarios.branch(name, body.branch, {
      atSeq, ...(body.seat ? { seat: body.seat } : {}), ...(policy ? { policy } : {}), ...(body.inject ? { inject: body.inject } : {}),
      ...(replace ? { replace } : {}), ...(body.drop ? { drop: true } : {}), ...(body.toEnd ? { toEnd: true } : {}),
    }, operator);
    return reply.code(201).send(r);
  }));
}
