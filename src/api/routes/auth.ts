/**
 * Sign-in: session cookies (HttpOnly, SameSite=Strict, Secure over TLS — directly, or behind a
 * trusted proxy that says so) with a CSRF token; bearer tokens that expire and can be revoked.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../context.js';
import { requireAccount } from '../context.js';
import { EvereError } from '../../app/errors.js';
import { SESSION_HOURS } from '../../app/accounts.js';

export const SESSION_COOKIE = 'evere_session';

/**
 * The trusted-proxy setting (`EVERE_TRUST_PROXY`): a comma-separated list of addresses or CIDR
 * ranges of the proxies in front of the server (or `true`). Only their X-Forwarded-Proto tells
 * that a request came over TLS; anyone else's header is ignored.
 */
export function trustedProxies(setting: string | undefined): boolean | string {
  const value = setting?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  return value.split(',').map((v) => v.trim()).filter(Boolean).join(',');
}
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const accountSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, username: { type: 'string' }, role: { type: 'string' }, party: { type: 'string' },
    clearance: { type: 'string' }, worlds: { type: 'array', items: { type: 'string' } },
  },
  required: ['id', 'username', 'role', 'clearance'],
} as const;

export async function authRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  // Resolve who is asking, for every request (an anonymous one without a promise: most reads are).
  const resolve = async (request: FastifyRequest, header: string | undefined, sessionId: string | undefined) => {
    if (header?.startsWith('Bearer ')) {
      const account = await deps.accounts.fromToken(header.slice(7).trim());
      if (!account) throw new EvereError('auth.invalid_credentials');
      request.account = account;
      request.authVia = 'token';
      return;
    }
    const found = await deps.accounts.fromSession(sessionId!);
    if (found) {
      request.account = found.account;
      request.authVia = 'session';
      request.csrf = found.csrf;
    }
  };
  app.addHook('onRequest', (request, _reply, done) => {
    const header = request.headers.authorization;
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!header?.startsWith('Bearer ') && !sessionId) return done();
    resolve(request, header, sessionId).then(() => done(), done);
  });
  // A write authenticated by cookie must carry the session's CSRF token (double submit via header).
  app.addHook('preHandler', (request, _reply, done) => {
    if (request.authVia === 'session' && UNSAFE.has(request.method) && request.url !== '/api/auth/login' && request.headers['x-csrf-token'] !== request.csrf) {
      return done(new EvereError('auth.csrf'));
    }
    done();
  });

  app.post('/api/auth/login', {
    schema: {
      tags: ['auth'], summary: 'Sign in; sets an HttpOnly session cookie and returns the CSRF token for writes',
      body: { type: 'object', additionalProperties: false, required: ['username', 'password'], properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 1024 } } },
      response: { 200: { type: 'object', properties: { account: accountSchema, csrf: { type: 'string' }, expiresAt: { type: 'string' } }, required: ['account', 'csrf', 'expiresAt'] } },
    },
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const { username, password } = request.body as { username: string; password: string };
    const session = await deps.accounts.login(username, password);
    reply.setCookie(SESSION_COOKIE, session.sessionId, {
      httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https', maxAge: SESSION_HOURS * 3600,
    });
    return { account: session.account, csrf: session.csrf, expiresAt: session.expiresAt };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: { type: 'null' } } } }, async (request, reply) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) await deps.accounts.logout(sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  // Whether the caller is signed in, answered 200 either way: the web app asks on every page
  // load, and a signed-out reader is a normal state, not an error (no 401 in every console).
  app.get('/api/auth/session', {
    schema: {
      tags: ['auth'], summary: 'Whether the caller is signed in (and as whom, with the CSRF token)',
      response: { 200: { type: 'object', properties: { signedIn: { type: 'boolean' }, account: accountSchema, csrf: { type: 'string' } }, required: ['signedIn'] } },
    },
  }, async (request) => {
    const account = request.account;
    if (!account) return { signedIn: false };
    return { signedIn: true, account, ...(request.csrf ? { csrf: request.csrf } : {}) };
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'The signed-in account and its CSRF token', response: { 200: { type: 'object', properties: { account: accountSchema, csrf: { type: 'string' } }, required: ['account'] } } },
  }, async (request) => {
    const account = requireAccount(request);
    return { account, ...(request.csrf ? { csrf: request.csrf } : {}) };
  });
}
