/**
 * The one map from errors to HTTP: RFC 9457 problem details (application/problem+json), with
 * the rule that refused, in English or French by Accept-Language. A bug is a 500 that names
 * nothing internal; everything a client can cause is a 4xx.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { EvereError, localizedParams } from '../app/errors.js';
import { isStoreUnavailable } from '../app/ports.js';
import { formatMessage, formatViolation, type Lang } from '../messages/index.js';

export function langOf(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('fr') ? 'fr' : 'en';
}

export function statusFor(code: string, hasViolations: boolean): number {
  if (code === 'auth.required' || code === 'auth.invalid_credentials') return 401;
  if (code === 'auth.csrf' || code === 'act.not_authorised' || code === 'act.in_scenario' || code === 'world.read_only' || code === 'cosign.rejected') return 403;
  if (code === 'auth.throttled' || code === 'http.rate_limited') return 429;
  if (code === 'http.too_large') return 413;
  if (/not_found|no_protocol|seq_out_of_range|no_checkpoint_at/.test(code)) return 404;
  if (code === 'world.exists' || code === 'account.exists' || code === 'cosign.unknown_checkpoint') return 409;
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

/** What a client is told of Fastify's own 4xx errors: fixed words (a code of the catalogue), never an exception's text. */
const FASTIFY_REASONS: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'reason.request.media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'reason.request.content_length',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'reason.request.empty_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'reason.request.invalid_json',
  FST_ERR_CTP_EMPTY_TYPE: 'reason.request.empty_type',
  FST_ERR_CTP_INVALID_TYPE: 'reason.request.invalid_type',
  FST_ERR_CTP_INVALID_PARSE_TYPE: 'reason.request.body_unreadable',
  FST_ERR_BAD_URL: 'reason.request.bad_url',
  FST_ERR_MAX_PARAM_LENGTH: 'reason.request.param_length',
  FST_ERR_ASYNC_CONSTRAINT: 'reason.request.unroutable',
};

function validationProblem(request: FastifyRequest, fe: FastifyError): Problem {
  const first = fe.validation?.[0];
  const context = fe.validationContext ?? 'request';
  const name = first?.instancePath.split('/').filter(Boolean).join('.') ?? '';
  const format = (first?.params as { format?: string } | undefined)?.format;
  if (first?.keyword === 'format' && (format === 'evere-time' || format === 'evere-date')) {
    const source = (context === 'querystring' ? request.query : context === 'params' ? request.params : request.body) as Record<string, unknown> | undefined;
    const value = name && !name.includes('.') ? source?.[name] : undefined;
    const shown = typeof value === 'string' ? value.replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?').slice(0, 40) : '';
    return problem(request, format === 'evere-time' ? 'input.time_invalid' : 'input.date_invalid', { param: name || context, value: shown }, 400);
  }
  return problem(request, 'http.bad_request', { reason: `${context}${first?.instancePath ?? ''} ${first?.message ?? 'is invalid'}` }, 400);
}

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof EvereError) return sendProblem(reply, problem(request, error.code, localizedParams(error, langOf(request)), undefined, error.violations));
  const fe = error as FastifyError;
  if (fe.validation) return sendProblem(reply, validationProblem(request, fe));
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(reply, problem(request, 'http.too_large', { limit: String(request.routeOptions.bodyLimit ?? '') }, 413));
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 429) return sendProblem(reply, problem(request, 'http.rate_limited', {}, 429));
    const reason = FASTIFY_REASONS[fe.code] ?? (error instanceof SyntaxError ? FASTIFY_REASONS.FST_ERR_CTP_INVALID_JSON_BODY! : 'reason.request.unreadable');
    return sendProblem(reply, problem(request, 'input.malformed', { reason: formatMessage(reason, {}, langOf(request)) }, fe.statusCode));
  }
  if (isStoreUnavailable(error)) {
    request.log.warn({ err: error }, 'store unavailable');
    return sendProblem(reply.header('retry-after', '1'), problem(request, 'store.unavailable', {}, 503));
  }
  // The stack goes to the log; the answer names only the request's id, to find it there.
  request.log.error({ err: error }, 'unhandled error');
  return reply.code(500).type('application/problem+json').send({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: formatMessage('http.internal', { id: request.id }, langOf(request)), code: 'internal', requestId: request.id });
}
