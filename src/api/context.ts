/** What every route gets: the app's services and the reader resolved by the auth hook. */
import type { FastifyRequest } from 'fastify';
import type { OutgoingHttpHeader } from 'node:http';
import type { LedgerService } from '../app/ledger-service.js';
import type { Accounts } from '../app/accounts.js';
import type { AccountStore, AccessFilter, WorldInfo } from '../app/ports.js';
import { accessFor, mayEnter, type Account } from '../app/access.js';
import type { AppendBus } from './bus.js';
import type { AnswerCache } from './cache.js';
import type { FastifyReply, preParsingHookHandler } from 'fastify';
import { EvereError } from '../app/errors.js';
import { accessKey } from './cache.js';
import { COMPRESSION } from './hygiene.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Where an answer is kept: what the reader may see, and the whole request line (path and query). */
const answerKey = (access: AccessFilter, url: string) => `${accessKey(access)} ${url}`;

/**
 * Answers a read from the cache when the same question was asked by a reader with the same
 * access since the last append; otherwise computes, serialises and keeps it.
 */
export async function cachedJson(deps: ApiDeps, request: FastifyRequest, reply: FastifyReply, access: AccessFilter, compute: () => Promise<unknown>): Promise<FastifyReply> {
  // An audited reader's answers are computed every time: the audit point is where they are read.
  if (access.auditAs) return reply.type(JSON_TYPE).send(JSON.stringify(await compute()));
  const key = answerKey(access, request.url);
  let body = deps.cache?.get(key);
  if (body === undefined) {
    body = Buffer.from(JSON.stringify(await compute()));
    deps.cache?.set(key, body);
  }
  return reply.header('content-type', JSON_TYPE).send(body);
}

/**
 * The headers of a cached answer as the flat list node:http takes ([name, value, …]): the
 * headers set so far, then its type and length. Copying them into a new object with the two
 * added (spread) made V8 rebuild it as a dictionary: some 5 µs a hit.
 */
function rawHeaders(set: Record<string, OutgoingHttpHeader | undefined>, length: number): OutgoingHttpHeader[] {
  const out: OutgoingHttpHeader[] = [];
  for (const name in set) {
    const value = set[name];
    if (value !== undefined && name !== 'content-type' && name !== 'content-length') out.push(name, value);
  }
  out.push('content-type', JSON_TYPE, 'content-length', length);
  return out;
}

/**
 * A route option (preParsing hook) for the routes that answer through `cachedJson`: a question
 * already answered for a reader with the same access is sent as soon as the reader and the rate
 * limit are through (onRequest), before the request is parsed, validated or handled, as a bare
 * route sends a prepared buffer (straight onto the socket when it is not to be compressed: the
 * reader asked for no encoding, or it is too short to be). The key holds the whole request line,
 * so a hit is an answer to a request that passed validation and the handler before; anything
 * else (a world this process has not described yet, an audited reader, a miss) goes the whole way.
 */
export function cachedHit(deps: ApiDeps): preParsingHookHandler {
  return (request, reply, _payload, done) => {
    const name = (request.params as { world?: string }).world;
    const world = name === undefined ? undefined : deps.ledger.knownWorld(name);
    if (world === undefined || !deps.cache || !mayEnter(request.account, world)) return done();
    const access = accessFor(request.account, world);
    const body = access.auditAs ? undefined : deps.cache.get(answerKey(access, request.url));
    if (body === undefined) return done();
    if (request.method === 'GET' && (request.headers['accept-encoding'] === undefined || body.byteLength < COMPRESSION.threshold)) {
      // Nothing is left to do to it (it is not to be compressed): written as a bare server
      // writes a prepared buffer, with the headers set so far (security, rate limit).
      reply.hijack();
      reply.raw.writeHead(200, rawHeaders(reply.getHeaders(), body.byteLength));
      reply.raw.end(body);
      return;
    }
    reply.header('content-type', JSON_TYPE).send(body);
  };
}

export interface ApiDeps {
  /** Set by buildApp: serialised answers, dropped on every append. */
  readonly cache?: AnswerCache;
  readonly ledger: LedgerService;
  readonly accounts: Accounts;
  readonly accountStore: AccountStore;
  readonly bus: AppendBus;
  readonly dataDir: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    account?: Account;
    /** How the request was authenticated: a session cookie needs a CSRF token for writes. */
    authVia?: 'session' | 'token';
    csrf?: string;
  }
}

/**
 * The world named in the route, and what the requester may see of it. A scenario the requester
 * takes no part in answers exactly as a world that does not exist.
 */
export async function worldAccess(deps: ApiDeps, request: FastifyRequest, name: string): Promise<{ world: WorldInfo; access: AccessFilter }> {
  const world = await deps.ledger.requireWorld(name);
  if (!mayEnter(request.account, world)) throw new EvereError('world.not_found', { name });
  return { world, access: accessFor(request.account, world) };
}

export function requireAccount(request: FastifyRequest): Account {
  if (!request.account) throw new EvereError('auth.required');
  return request.account;
}
