/**
 * The one map from errors to HTTP: RFC 9457 problem details (application/problem+json), with
 * the rule that refused, in English or French by Accept-Language. A bug is a 500 that names
 * nothing internal; everything a client can cause is a 4xx.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { EvereError, localizedParams } from '../app/errors.js';
import { formatMessage, formatViolation, type Lang } from '../messages/index.js';

export function langOf(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('fr') ? 'fr' : 'en';
}

export function statusFor(code: string, hasViolations: boolean): number {
  if (code === 'auth.required' || code === 'auth.invalid_credentials') return 401;
  if (code === 'auth.csrf' || code === 'act.not_authorised' || code === 'act.in_scenario' || code === 'world.read_only') return 403;
  if (code === 'auth.throttled' || code === 'http.rate_limited') return 429;
  if (code === 'http.too_large') return 413;
  if (/not_found|no_protocol|seq_out_of_range|no_checkpoint_at/.test(code)) return 404;
  if (code === 'world.exists' || code === 'account.exists') return 409;
  if (code === 'act.refused' || hasViolations && code !== 'input.command') return 422;
  return 400;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  violations?: { code: string; path: string; message: string }[];
}

export function problem(request: FastifyRequest, code: string, params: Record<string, string | number | readonly string[]> = {}, status?: number, violations: EvereError['violations'] = []): Problem {
  const lang = langOf(request);
  const s = status ?? statusFor(code, violations.length > 0);
  return {
    type: `https://evere.local/errors/${code}`,
    title: code,
    status: s,
    detail: formatMessage(code, params, lang),
    code,
    instance: request.url,
    ...(violations.length ? { violations: violations.map((v) => ({ code: v.code, path: v.path, message: formatViolation(v, lang) })) } : {}),
  };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json').send(p);
}

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof EvereError) return sendProblem(reply, problem(request, error.code, localizedParams(error, langOf(request)), undefined, error.violations));
  const fe = error as FastifyError;
  if (fe.validation) {
    const first = fe.validation[0];
    const where = `${fe.validationContext ?? 'request'}${first?.instancePath ?? ''}`;
    return sendProblem(reply, problem(request, 'http.bad_request', { reason: `${where} ${first?.message ?? 'is invalid'}` }, 400));
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(reply, problem(request, 'http.too_large', { limit: String(request.routeOptions.bodyLimit ?? '') }, 413));
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 429) return sendProblem(reply, problem(request, 'http.rate_limited', {}, 429));
    return sendProblem(reply, problem(request, 'http.bad_request', { reason: fe.message }, fe.statusCode));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.code(500).type('application/problem+json').send({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'An internal error occurred; it has been logged.', code: 'internal' });
}
