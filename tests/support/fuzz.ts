/**
 * Malformed requests for every operation of the OpenAPI document, shared by `npm run bench:fuzz`
 * (at least 10,000 a operation) and the sample `npm test` runs. Each operation is read from the
 * app's own document, so a new route is fuzzed without anyone listing it. A request fails the run
 * if it gets a 5xx or an answer carrying internal text (a stack, a file path, an exception's or the
 * database's own words).
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { testServer, signIn, type TestServer } from './api.js';
import { createWorldFromRecord } from '../../src/app/acts.js';
import { Scenarios } from '../../src/app/scenarios/service.js';
import { readScenarioText } from '../../src/app/scenarios/scenario-file.js';

export interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
}
interface Parameter { name: string; in: string; required?: boolean; schema?: Schema }
export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly body?: Schema;
}

/** Every operation of the app's OpenAPI document. */
export async function operationsOf(app: FastifyInstance): Promise<Operation[]> {
  const doc = (await app.inject({ url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(), path, parameters: op.parameters ?? [],
    ...(op.requestBody?.content?.['application/json']?.schema ? { body: op.requestBody.content['application/json'].schema } : {}),
  })));
}

/**
 * What no answer may carry: a stack frame, a source or module path, a JavaScript exception's
 * words, or the database's. Returns the first match, or undefined.
 */
const INTERNAL: readonly RegExp[] = [
  /\n\s*at [^\n]*[(:]\S*:\d+/, /\bat (?:async )?[\w$.<>]+ \(/, /node:internal/, /node_modules/, /\/(?:src|dist)\/[\w/.-]+\.[cm]?[jt]s\b/,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|EvalError|AggregateError|InternalError)\b/, /Maximum call stack/, /Cannot read propert/,
  /is not a function/, /is not iterable/, /Unexpected (?:token|end of JSON)/, /in JSON at position/, /\[object Object\]/,
  /SQLITE_[A-Z]+/, /violates [\w ]*constraint/, /duplicate key value/, /relation "[^"]+"/, /\bpg_[a-z_]+\(/, /\bE(?:CONN[A-Z]+|PIPE|ADDRINUSE)\b/,
  /\bFST_[A-Z_]+/, /\bERR_[A-Z_]{4,}/,
];

export function internalText(body: string): string | undefined {
  let text = body;
  // The problem document echoes the request's own URL; what the client sent is not internal.
  try {
    const json = JSON.parse(body) as unknown;
    if (json && typeof json === 'object' && 'instance' in json) text = JSON.stringify({ ...json, instance: undefined });
  } catch {
    // Not JSON: checked as it is.
  }
  for (const pattern of INTERNAL) {
    const m = pattern.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

/** Values of a well-formed request, mixed into the junk so that requests get past the first check. */
const VALID: Record<string, readonly string[]> = {
  world: ['ex', 'record', 'drill'], name: ['drill', 'ex'], seq: ['0', '3', '700'], code: ['BEL', 'SWE', 'UKR'], kind: ['proposal', 'member', 'fund_package'],
  id: ['P-1', 'KFOR'], seat: ['BEL', 'HUN'],
};

const BAD_TIMES = ['2023-04-03T25:99Z', '2023-04-03T23:59:60Z', '2023-02-30', '2023-13-40', '2023-00-10', '0000-00-00', '2023-4-3', '2023-04-03T12:00', '2023-04-03T12:00:00+25:00',
  '+275760-09-13', '-000001-01-01', '2023-04-03 12:00:00Z', '1e9', '2023-04-03T12:00:00.1234567890Z', '２０２３-０４-０３'];
const BAD_INTEGERS = ['-1', '0x10', '1e3', ' 1', '1 ', '1.5', '+1', '99999999999999999999', '9007199254740993', 'NaN', 'Infinity', '%20', '0b1', '٣'];

const junk: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', 'null', 'undefined', '[]', '{}', '%00', '..%2F..%2Fetc%2Fpasswd', '../../etc/passwd', 'ZZZ', '\u{1F600}', 'a'.repeat(300), '<script>alert(1)</script>',
    "' OR 1=1 --", '$(id)', '__proto__', 'constructor', 'toString', ...BAD_TIMES, ...BAD_INTEGERS),
  fc.integer().map(String),
);

/** A value for a parameter: malformed for its schema, or well-formed (`validWeight` in 3 + `validWeight`). */
function parameterValue(p: Parameter, validWeight = 1): fc.Arbitrary<string> {
  const s = p.schema ?? {};
  const valid: fc.Arbitrary<string>[] = [];
  if (VALID[p.name]) valid.push(fc.constantFrom(...VALID[p.name]!));
  if (s.enum?.length) valid.push(fc.constantFrom(...s.enum.map(String)));
  if (s.format === 'evere-time' || s.format === 'evere-date') valid.push(fc.constantFrom('2024-06-01', '1999-03-12', '2024-06-01T10:00:00Z'));
  if (s.type === 'integer') valid.push(fc.nat({ max: 2000 }).map(String));
  const bad: fc.Arbitrary<string>[] = [junk];
  if (s.format === 'evere-time' || s.format === 'evere-date') bad.push(fc.constantFrom(...BAD_TIMES));
  if (s.type === 'integer') bad.push(fc.constantFrom(...BAD_INTEGERS));
  return valid.length ? fc.oneof({ arbitrary: fc.oneof(...bad), weight: 3 }, { arbitrary: fc.oneof(...valid), weight: validWeight }) : fc.oneof(...bad);
}

const deep = (n: number, open: string, close: string) => open.repeat(n) + close.repeat(n);
const YAML_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
const BAD_TEXTS = [YAML_BOMB, 'scenario: x\n<<: *missing\n', `scenario: x\ninjects: ${deep(20_000, '[', ']')}`, 'scenario: [\n', '{"scenario": "x", "injects": [{"at": "2023-02-30"}]}',
  'scenario: x\ntitle: {en: x}\nasOf: 2023-02-30\n', '\t\u0000\u0007', '---\n--- !!js/function "function(){}"', 'scenario: x\ntitle: !!binary AAAA\n'];

/** A value of the wrong shape for a body field, or of the right shape with junk in it. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  junk, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}),
  fc.json({ maxDepth: 3 }).map((t) => JSON.parse(t) as unknown), fc.constantFrom(...BAD_TEXTS), fc.constant({ __proto__: { admin: true } }),
);

function fieldValue(name: string, s: Schema | undefined): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [anyValue];
  if (s?.enum?.length) options.push(fc.constantFrom(...s.enum));
  if (s?.format === 'evere-time' || s?.format === 'evere-date') options.push(fc.constantFrom(...BAD_TIMES, '2024-06-02', '2024-06-02T10:00:00Z'));
  if (name === 'text') options.push(fc.constantFrom(...BAD_TEXTS));
  if (name === 'by' || name === 'seat' || name === 'to') options.push(fc.constantFrom('BEL', 'SG', 'NAC', 'HUN', 'bel', 'XXX'));
  if (name === 'cmd') options.push(fc.constantFrom('TableProposal', 'AgreeProposal', 'BreakSilence', 'AllocateToProject', 'RequestConsultations', 'Nope'));
  if (name === 'data') options.push(fc.dictionary(fc.constantFrom('proposal', 'title', 'procedure', 'amount', 'currency', 'at', 'deadline', 'state', 'package'), anyValue, { maxKeys: 5 }));
  if (name === 'name' || name === 'username') options.push(fc.constantFrom('drill', 'ex', 'record', 'fz1', 'fz2', 'bel', 'otto'));
  return fc.oneof(...options);
}

function bodyOf(op: Operation): fc.Arbitrary<string | undefined> {
  const props = op.body?.properties ?? {};
  const names = [...new Set([...Object.keys(props), ...(op.body?.required ?? [])])];
  const shaped = names.length
    ? fc.record(Object.fromEntries(names.map((n) => [n, fieldValue(n, props[n])])), { requiredKeys: [] })
      .chain((o) => fc.option(fc.tuple(junk, anyValue), { nil: undefined }).map((extra) => (extra ? { ...o, [extra[0]]: extra[1] } : o)))
      .map((o) => JSON.stringify(o))
    : fc.json({ maxDepth: 3 });
  return fc.oneof(
    { arbitrary: shaped, weight: 6 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
    {
      arbitrary: fc.constantFrom('{', '{"cmd":', 'null', '[]', '""', '1e999', '{"a":1,"a":2}', '\uFEFF{}', deep(20_000, '[', ']'), `{"a":${deep(5_000, '{"a":', '}').replace(/}$/, '1}')}}`,
        JSON.stringify({ text: YAML_BOMB, name: 'fz1' }), JSON.stringify({ name: 'fz2', text: BAD_TEXTS[2] }), `{"x":"${'y'.repeat(600_000)}"}`),
      weight: 1,
    },
  );
}

export interface Credentials {
  /** A delegation's bearer token. */
  readonly token: string;
  /** A director's session (cookie and CSRF token), who may create scenarios; renewed after the sign-out operation. */
  director: { cookie: string; csrf: string };
}

export interface FuzzRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload?: string;
}

/** Malformed requests for one operation. */
export function requestsFor(op: Operation, credentials: Credentials): fc.Arbitrary<FuzzRequest> {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const declared = op.parameters.filter((p) => p.in === 'query');
  const query = fc.array(fc.oneof(
    { arbitrary: fc.constantFrom(...(declared.length ? declared : [{ name: 'x' } as Parameter])).chain((p) => parameterValue(p).map((v) => [p.name, v] as const)), weight: 4 },
    { arbitrary: fc.tuple(junk, junk), weight: 1 },
  ), { maxLength: 4 });
  const auth = fc.constantFrom('none', 'token', 'director', 'director-no-csrf', 'bad-bearer', 'basic', 'long-bearer', 'bad-cookie', 'long-cookie');
  return fc.record({
    params: fc.tuple(...pathParams.map((name) => parameterValue({ name, in: 'path', schema: op.parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? {} }, 4))),
    query,
    method: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), { nil: undefined, freq: 10 }),
    body: bodyOf(op),
    contentType: fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'garbage', ''),
    lang: fc.oneof(fc.constantFrom('fr', 'en', 'fr-CA,en;q=0.5'), junk),
    auth,
  }).map((r) => {
    let i = 0;
    const path = op.path.replace(/\{\w+\}/g, () => encodeURIComponent(r.params[i++] ?? ''));
    const qs = r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    const method = r.method ?? op.method;
    const headers: Record<string, string> = { 'accept-language': r.lang };
    if (r.contentType) headers['content-type'] = r.contentType;
    switch (r.auth) {
      case 'token': headers.authorization = `Bearer ${credentials.token}`; break;
      case 'director': headers.cookie = credentials.director.cookie; headers['x-csrf-token'] = credentials.director.csrf; break;
      case 'director-no-csrf': headers.cookie = credentials.director.cookie; break;
      case 'bad-bearer': headers.authorization = 'Bearer evere_nope'; break;
      case 'basic': headers.authorization = 'Basic Zm9vOmJhcg=='; break;
      case 'long-bearer': headers.authorization = `Bearer ${'evere_'.padEnd(600, 'z')}`; break;
      case 'bad-cookie': headers.cookie = '=;;;=; evere_session='; break;
      case 'long-cookie': headers.cookie = `evere_session=${'x'.repeat(5000)}`; break;
      default: break;
    }
    return { method, url: `${path}${qs ? `?${qs}` : ''}`, headers, ...(r.body !== undefined && method !== 'GET' && method !== 'HEAD' ? { payload: r.body } : {}) };
  });
}

/** The answer to one request: its status and body (the event stream over a real connection). */
async function send(target: FuzzTarget, op: Operation, r: FuzzRequest): Promise<{ status: number; body: string }> {
  if (op.path.endsWith('/events') && (r.method === 'GET' || r.method === 'HEAD')) {
    // A well-formed request (GET, or the HEAD Fastify derives from it) opens a stream that does
    // not end: read its status, then hang up.
    const controller = new AbortController();
    // fetch sends header values as bytes (ISO-8859-1); what it cannot send, no client sends.
    const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, v.replace(/[^\x20-\xff]/g, '?')]));
    const timer = setTimeout(() => controller.abort(new Error(`no answer in 10 s to ${r.method} ${r.url.slice(0, 200)} ${JSON.stringify(headers).slice(0, 300)}`)), 10_000);
    try {
      const res = await fetch(`${target.address}${r.url}`, { method: r.method, headers, signal: controller.signal });
      const body = res.status === 200 || r.method === 'HEAD' ? '' : await res.text();
      return { status: res.status, body };
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }
  const res = await target.app.inject({ method: r.method as 'GET', url: r.url, headers: r.headers, ...(r.payload !== undefined ? { payload: r.payload } : {}) });
  return { status: res.statusCode, body: res.body };
}

export interface FuzzTarget {
  readonly server: TestServer;
  readonly app: FastifyInstance;
  /** The listening address (for the event stream). */
  readonly address: string;
  readonly credentials: Credentials;
  readonly operations: readonly Operation[];
}

export interface FuzzResult {
  readonly requests: number;
  readonly statuses: ReadonlyMap<number, number>;
  readonly ms: number;
}

/**
 * `runs` malformed requests to one operation; throws (with fast-check's shrunk counterexample and
 * seed) on the first 5xx or answer carrying internal text.
 */
export async function fuzzOperation(target: FuzzTarget, op: Operation, runs: number, seed: number): Promise<FuzzResult> {
  const statuses = new Map<number, number>();
  let requests = 0;
  const started = performance.now();
  await fc.assert(fc.asyncProperty(requestsFor(op, target.credentials), async (r) => {
    const { status, body } = await send(target, op, r);
    requests++;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status >= 500) throw new Error(`${status} for ${r.method} ${r.url.slice(0, 200)}: ${body.slice(0, 300)}`);
    const leak = internalText(body);
    if (leak !== undefined) throw new Error(`internal text "${leak}" in the ${status} for ${r.method} ${r.url.slice(0, 200)}: ${body.slice(0, 300)}`);
  }), { numRuns: runs, seed, endOnFailure: runs > 1000 });
  // Signing out ends the director's session: the operations after it get a new one.
  if (op.path === '/api/auth/logout') target.credentials.director = await signIn(target.app, 'dir', PASSWORD);
  return { requests, statuses, ms: performance.now() - started };
}

const PASSWORD = 'a long enough password';

/**
 * A server to fuzz: a writable world forked from the record, a scenario, a delegation's token and a
 * director's session, listening on loopback for the event stream.
 */
export async function fuzzTarget(): Promise<FuzzTarget> {
  const server = await testServer({ record: false });
  const { ledger, accounts, config } = server.services;
  await createWorldFromRecord(ledger, config.dataDir, 'ex', { asOf: '2024-06-01' });
  await accounts.create({ username: 'bel', password: PASSWORD, role: 'delegation', party: 'BEL', clearance: 'NATO SECRET' });
  await accounts.create({ username: 'dir', password: PASSWORD, role: 'director', clearance: 'NATO SECRET' });
  const token = await accounts.createToken('bel', 'fuzz');
  const scenarios = new Scenarios({ ledger, dataDir: config.dataDir, accounts });
  await scenarios.create('drill', readScenarioText(JSON.stringify({ scenario: 'drill', title: { en: 'Drill' }, asOf: '2024-06-01', injects: [] }), 'drill.json'));
  await scenarios.admit('drill', 'dir');
  const director = await signIn(server.app, 'dir', PASSWORD);
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  return { server, app: server.app, address, credentials: { token, director }, operations: await operationsOf(server.app) };
}
