/**
 * A scenario's channels and its evaluation over HTTP: messages between seats (bilateral, to the
 * chair, to everyone, from exercise control), listed as the reader may read them; exercise
 * objectives with what the system measured and the evaluators' scores. Every response is marked
 * EXERCISE. Reads go through the one authorisation layer (src/app/access.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../context.js';
import { looseObject, worldParam } from './schemas.js';
import { Scenarios, type Operator } from '../../app/scenarios/service.js';
import { csrfHeader, guarded, takingPart as takingPartIn } from './scenario-common.js';
import { listMessages, sendMessage } from '../../app/scenarios/channels.js';
import { evaluation, scoreObjective } from '../../app/scenarios/evaluation.js';
import { RATINGS } from '../../domain/scenario/objectives.js';
import { CLASSIFICATIONS, type Classification } from '../../ledger/classification.js';

const tags = ['scenarios'];
const nameParams = {
  type: 'object', additionalProperties: false, required: ['name'],
  properties: { name: worldParam.properties.world },
} as const;
const seatCode = { type: 'string', pattern: '^([A-Z]{2,10})$' } as const;
const messageSchema = {
  type: 'object', additionalProperties: false,
  required: ['seq', 'at', 'offset', 'from', 'to', 'channel', 'text', 'classification', 'releasability', 'signedBy'],
  properties: {
    seq: { type: 'integer' }, at: { type: 'string' }, offset: { type: 'string' }, from: { type: 'string' },
    to: { type: 'array', items: { type: 'string' } }, channel: { type: 'string' }, text: { type: 'string' },
    classification: { type: 'string' }, releasability: { type: 'array', items: { type: 'string' } }, signedBy: { type: 'string' },
  },
} as const;

export async function scenarioLiveRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const scenarios = new Scenarios({ ledger: deps.ledger, dataDir: deps.dataDir, accounts: deps.accounts });
  const takingPart = (request: FastifyRequest, name: string): Operator => takingPartIn(scenarios, request, name);

  app.get('/api/scenarios/:name/messages', {
    schema: {
      tags, summary: 'The messages of the channels the reader may read (a player: those of the seats they hold; exercise control: every channel), oldest first',
      params: nameParams,
      querystring: { type: 'object', additionalProperties: false, properties: { seat: seatCode } },
      response: { 200: { type: 'object', additionalProperties: false, required: ['exercise', 'messages'], properties: { exercise: { type: 'boolean' }, messages: { type: 'array', items: messageSchema } } } },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name } = request.params as { name: string };
    const { seat } = request.query as { seat?: string };
    const operator = takingPart(request, name);
    return { exercise: true, messages: await listMessages(scenarios, name, operator, seat ? { seat } : {}) };
  }));

  app.post('/api/scenarios/:name/messages', {
    bodyLimit: 64 * 1024,
    schema: {
      tags, summary: 'Send a message from your seat (or, exercise control, from EXCON) to seats, the chair (IS) or everyone (ALL); signed by the seat’s delegation, dated in scenario time',
      headers: csrfHeader, params: nameParams,
      body: {
        type: 'object', additionalProperties: false, required: ['from', 'to', 'text'],
        properties: {
          from: seatCode,
          to: { type: 'array', minItems: 1, maxItems: 60, items: seatCode },
          text: { type: 'string', minLength: 1, maxLength: 4000 },
          classification: { type: 'string', enum: [...CLASSIFICATIONS] },
        },
      },
      response: { 201: messageSchema },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name } = request.params as { name: string };
    const operator = takingPart(request, name);
    const body = request.body as { from: string; to: string[]; text: string; classification?: Classification };
    const message = await sendMessage(scenarios, name, body, operator);
    return reply.code(201).send(message);
  }));

  app.get('/api/scenarios/:name/objectives', {
    schema: {
      tags, summary: 'The exercise objectives: what the system measured (times, participation) and the evaluators’ scores (exercise control, evaluators, observers)',
      params: nameParams,
      response: { 200: { type: 'object', additionalProperties: false, required: ['exercise', 'objectives'], properties: { exercise: { type: 'boolean' }, objectives: { type: 'array', items: looseObject } } } },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name } = request.params as { name: string };
    return evaluation(scenarios, name, takingPart(request, name));
  }));

  app.post('/api/scenarios/:name/scores', {
    bodyLimit: 64 * 1024,
    schema: {
      tags, summary: 'Score an exercise objective with an observation (evaluators and exercise control); signed by the evaluator, dated in scenario time, never shown to players',
      headers: csrfHeader, params: nameParams,
      body: {
        type: 'object', additionalProperties: false, required: ['objective', 'rating', 'observation'],
        properties: {
          objective: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' },
          rating: { type: 'string', enum: [...RATINGS] },
          observation: { type: 'string', minLength: 1, maxLength: 4000 },
          classification: { type: 'string', enum: [...CLASSIFICATIONS] },
        },
      },
      response: { 201: looseObject },
    },
  }, async (request, reply) => guarded(request, reply, async () => {
    const { name } = request.params as { name: string };
    const operator = takingPart(request, name);
    const body = request.body as { objective: string; rating: string; observation: string; classification?: Classification };
    return reply.code(201).send(await scoreObjective(scenarios, name, body, operator));
  }));
}
