/**
 * What the scenario routes share: who is asking, whether they take part, and how the scenario's
 * refusals map to HTTP (403 for "not you", 409 for a conflict with the scenario's state). Every
 * response of these routes is marked EXERCISE.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireAccount } from '../context.js';
import { langOf, problem, sendProblem } from '../errors.js';
import { EvereError, localizedParams } from '../../app/errors.js';
import type { Scenarios, Operator } from '../../app/scenarios/service.js';

/** Refusals that mean "not you": 403. */
const FORBIDDEN = new Set([
  'scenario.not_control', 'scenario.not_director', 'scenario.not_seated', 'scenario.seat_is_bot', 'scenario.inject_above_clearance',
  'channel.not_seated', 'objective.not_evaluator',
]);
/** Conflicts with the scenario's state: 409. */
const CONFLICT = new Set(['scenario.clock_started', 'scenario.clock_not_running', 'scenario.clock_not_paused', 'scenario.inject_delivered', 'scenario.ended', 'scenario.clock_backwards']);

export const csrfHeader = {
  type: 'object',
  properties: { 'x-csrf-token': { type: 'string', description: 'The session’s CSRF token (from sign-in), for writes authenticated by cookie' } },
} as const;

export function operatorOf(request: FastifyRequest): Operator {
  return { kind: 'account', account: requireAccount(request) };
}

/** The signed-in operator, if they take part in the scenario; otherwise the scenario is not found for them. */
export function takingPart(scenarios: Scenarios, request: FastifyRequest, name: string): Operator {
  const operator = operatorOf(request);
  if (!scenarios.takesPart(operator, name)) throw new EvereError('scenario.not_found', { name });
  return operator;
}

/** Runs a handler, mapping the scenario's refusals to 403 and its conflicts to 409. */
export async function guarded<T>(request: FastifyRequest, reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> {
  reply.header('x-evere-exercise', 'EXERCISE');
  try {
    return await work();
  } catch (error) {
    if (error instanceof EvereError && (FORBIDDEN.has(error.code) || CONFLICT.has(error.code))) {
      return sendProblem(reply, problem(request, error.code, localizedParams(error, langOf(request)), FORBIDDEN.has(error.code) ? 403 : 409));
    }
    throw error;
  }
}
