/**
 * buildApp(deps): the HTTP API as a Fastify instance, one plugin per area, testable with
 * app.inject(). JSON-schema validation of requests and responses; an OpenAPI 3.1 document at
 * /openapi.json and a readable API page at /api/docs; RFC 9457 errors; rate limits.
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { ApiDeps } from './context.js';
import { errorHandler, problem, sendProblem } from './errors.js';
import { createAnswerCache } from './cache.js';
import { inputHygiene, timeFormats } from './input.js';
import { authRoutes } from './routes/auth.js';
import { ledgerRoutes } from './routes/ledger.js';
import { treatyRoutes } from './routes/treaty.js';
import { factRoutes } from './routes/facts.js';
import { workRoutes } from './routes/work.js';
import { commandRoutes } from './routes/commands.js';
import { eventRoutes } from './routes/events.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { scenarioLiveRoutes } from './routes/scenario-live.js';
import { tlogRoutes } from './routes/tlog.js';
import { datasetRoutes } from './routes/dataset.js';
import { httpHygiene, webCacheControl } from './hygiene.js';
import { sendShell } from './web-shell.js';

export interface ApiOptions {
  /** Requests per minute per client; false to turn off (benchmarks). */
  readonly rateLimit?: number | false;
  /** Largest accepted body, bytes. */
  readonly bodyLimit?: number;
  /**
   * Fastify's logger (pino): one JSON line a request (id, method, route, status, time) and every
   * 5xx with its stack. Off when false (tests); a level or true turns it on.
   */
  readonly logger?: boolean | 'fatal' | 'error' | 'warn' | 'info' | 'debug';
  /** Where the log's lines go (standard output when absent). */
  readonly logStream?: { write(line: string): void };
  /**
   * Proxies whose X-Forwarded-* headers are believed (addresses or CIDR ranges, or true for any):
   * behind one that terminates TLS, session cookies are marked Secure.
   */
  readonly trustProxy?: boolean | string;
  /** Bytes of serialised answers kept between appends (least recently used out first). */
  readonly cacheBytes?: number;
  /** Directory of the built web app, served at / when present. */
  readonly webRoot?: string;
  /** Why the server should not take traffic now (e.g. live updates lost), for /readyz; undefined when ready. */
  readonly notReady?: () => string | undefined;
}

export async function buildApp(baseDeps: ApiDeps, options: ApiOptions = {}): Promise<FastifyInstance> {
  const deps: ApiDeps = { ...baseDeps, cache: baseDeps.cache ?? createAnswerCache(baseDeps.ledger.store, baseDeps.bus, options.cacheBytes) };
  const app = Fastify({
    logger: options.logger ? { level: options.logger === true ? 'info' : options.logger, ...(options.logStream ? { stream: options.logStream } : {}) } : false,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    bodyLimit: options.bodyLimit ?? 256 * 1024,
    trustProxy: options.trustProxy ?? false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false }, plugins: [timeFormats] },
    return503OnClosing: true,
    // A malformed URL or an over-long path segment is answered like every other 4xx (fixed words).
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
  });
  app.setErrorHandler(errorHandler);
  // One line a request, once it is answered (Fastify's own two lines a request are off); no hook
  // at all without a logger (every hook costs every request its turn).
  if (options.logger) {
    app.addHook('onResponse', (request, reply, done) => {
      request.log.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
      done();
    });
  }
  inputHygiene(app);
  app.setNotFoundHandler((request, reply) => sendProblem(reply, problem(request, 'http.not_found', { what: request.url.split('?')[0] ?? '' }, 404)));

  await httpHygiene(app);
  await app.register(cookie);
  if (options.rateLimit !== false) {
    await app.register(rateLimit, {
      max: options.rateLimit ?? 1200, timeWindow: '1 minute',
      errorResponseBuilder: (request) => ({ ...problem(request, 'http.rate_limited', {}, 429), statusCode: 429 }),
    });
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Evere API',
        version: '1.0.0',
        description: 'The North Atlantic Alliance as software: the treaty engine, the real record and the verifiable ledger. Errors are RFC 9457 problem details in English or French (Accept-Language). Reads are filtered by the reader’s clearance and releasability; what a reader may not see is absent (404).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'evere_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      tags: [
        { name: 'treaty', description: 'Membership, accessions, enlargement' },
        { name: 'council', description: 'North Atlantic Council: proposals, decisions, acting' },
        { name: 'work', description: 'Operations, partnerships, the DCB fund, exercises, NATO-EU, arms control, human security' },
        { name: 'ledger', description: 'Worlds and entries' },
        { name: 'transparency', description: 'Checkpoints, proofs and keys for outside verifiers' },
        { name: 'live', description: 'Server-sent events' },
        { name: 'auth', description: 'Sign-in' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });

  await app.register(async (api) => {
    await authRoutes(api, deps);
    await ledgerRoutes(api, deps);
    await treatyRoutes(api, deps);
    await factRoutes(api, deps);
    await workRoutes(api, deps);
    await commandRoutes(api, deps);
    await eventRoutes(api, deps);
    await scenarioRoutes(api, deps);
    await scenarioLiveRoutes(api, deps);
    await tlogRoutes(api, deps);
    await datasetRoutes(api, deps);
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { tags: ['ledger'], summary: 'Liveness', response: { 200: { type: 'object', properties: { ok: { type: 'boolean' }, store: { type: 'string' } }, required: ['ok'] } } } },
    async () => ({ ok: true, store: deps.ledger.store.kind }));

  // Liveness: the process answers. Readiness: it can serve now (the database answers, live
  // updates are connected); a load balancer stops sending traffic while it cannot.
  const probe = { tags: ['ledger'], response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } } } as const;
  app.get('/healthz', { config: { rateLimit: false }, schema: { ...probe, summary: 'Liveness: the process answers' } }, async () => ({ ok: true }));
  app.get('/readyz', { config: { rateLimit: false }, schema: { ...probe, summary: 'Readiness: the database answers and live updates are connected (503 otherwise)' } }, async (request, reply) => {
    try {
      await deps.ledger.store.ping?.();
    } catch (error) {
      request.log.warn({ err: error }, 'not ready: store unavailable');
      return sendProblem(reply.header('retry-after', '1'), problem(request, 'store.unavailable', {}, 503));
    }
    const reason = options.notReady?.();
    if (reason) return sendProblem(reply.header('retry-after', '1'), problem(request, 'store.not_ready', { reason }, 503));
    return { ok: true };
  });

  if (options.webRoot && existsSync(options.webRoot)) {
    const webRoot = options.webRoot;
    await app.register(fastifyStatic, {
      root: webRoot, prefix: '/', wildcard: false, index: ['index.html'],
      cacheControl: false, setHeaders: (reply, file) => { reply.header('cache-control', webCacheControl(webRoot, file)); },
    });
    // Client-side routes (/en/…, /fr/…) get the app shell (the home page's with its first answers).
    app.get('/en/*', { schema: { hide: true } }, (request, reply) => sendShell(app, webRoot, request, reply, 'en'));
    app.get('/fr/*', { schema: { hide: true } }, (request, reply) => sendShell(app, webRoot, request, reply, 'fr'));
    app.get('/en', { schema: { hide: true } }, (_request, reply) => reply.redirect('/en/'));
    app.get('/fr', { schema: { hide: true } }, (_request, reply) => reply.redirect('/fr/'));
  }
  return app;
}
