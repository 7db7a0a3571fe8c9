/**
 * Noninterference as a property (issue 10). fast-check builds two worlds that differ only in
 * entries the callers may not read — NATO SECRET entries, releasable to NATO only, of kinds drawn
 * at random (proposals, consultations, contributions, pledges, packages, operations…) with ids
 * drawn from the same pool the callers use — and sends both the same sequence of requests as the
 * same callers (an unclassified delegation, unclassified International Staff, a partner cleared
 * NATO SECRET, the public): GETs of every route of the app's OpenAPI document and writes to every
 * other operation (so a new route is covered without anyone listing it), and acts of every
 * command of the engine's command declarations. Each pair of answers must be byte-identical:
 * status, body and the headers that matter.
 *
 * The two ledgers are made to write the same bytes for the same acts: one key directory, a fixed
 * ledger clock and the same seeded randomness (leaf salts), and hidden entries occupy the same
 * positions in both (a hidden entry in one world faces a different hidden entry in the other), so
 * the public tree size is the same. Normalised: only request ids and timing headers, and the log's
 * commitments (Merkle roots, proof hashes and the signatures over them, in checkpoints, proofs and
 * the data package's citation), which are functions of the hidden entries' salted leaf hashes by
 * design — the test checks that nothing else differs there (a zip is compared unpacked).
 *
 * One difference is allowed, and it ends the run: creating something under an id already taken by
 * something the caller may not read is refused with the generic `act.not_possible`, which names
 * nothing hidden, where the other world accepts it (the rules decide on the whole world; Evere
 * does not keep two things under one id). Acts that only name something hidden are refused
 * exactly as if it did not exist.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import type { LightMyRequestResponse } from 'fastify';
import { testServer, signIn, type TestServer } from '../support/api.js';
import { tempDir } from '../support/cli.js';
import { operationsOf, type Operation, type Schema } from '../support/fuzz.js';
import { act, actingPrincipal, createWorldFromRecord } from '../../src/app/acts.js';
import { commandSpecs, type FieldType } from '../../src/domain/command-specs.js';
import { Scenarios } from '../../src/app/scenarios/service.js';
import { Accounts, type Secrets } from '../../src/app/accounts.js';
import type { AccountStore } from '../../src/app/ports.js';
import { openMemoryAccounts } from '../../src/adapters/memory/memory-accounts.js';
import { nodeSecrets } from '../../src/adapters/crypto/password.js';
import { readScenarioText } from '../../src/app/scenarios/scenario-file.js';

const RUNS = Number(process.env.NI_RUNS ?? 3);
const PROBES = Number(process.env.NI_PROBES ?? 40);
const SEED = Number(process.env.NI_SEED ?? 20261203);
const PASSWORD = 'a long enough password';
const SECRET = { classification: 'NATO SECRET', releasability: ['NATO'] } as const;

/** Ids the hidden entries take, and the callers name. */
const HIDDEN_IDS = ['H-1', 'H-2', 'H-3', 'H-4'] as const;
const VISIBLE_IDS = ['V-PROP', 'V-SIL', 'V-CONS', 'TST-2024'] as const;
const FRESH_IDS = ['N-1', 'N-2'] as const;
const ID_POOL = [...HIDDEN_IDS, ...VISIBLE_IDS, ...FRESH_IDS];

/** Seeded randomness: the same bytes, call after call, in both ledgers; restarted for each world. */
function seededRandom(): { random: (n: number) => Uint8Array; restart: (seed: string) => void } {
  let seed = '';
  let counter = 0;
  return {
    random: (n) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i += 32) out.set(createHash('sha256').update(`${seed}:${counter++}`).digest().subarray(0, Math.min(32, n - i)), i);
      return out;
    },
    restart: (next) => {
      seed = next;
      counter = 0;
    },
  };
}

/** Hidden acts, one entry each, by kind: what one world holds where the other holds another. */
const HIDDEN_KINDS = {
  meeting: (id: string) => ({ cmd: 'TableProposal', by: 'SG', data: { proposal: id, title: { en: `Hidden ${id}` }, procedure: 'meeting' } }),
  silence: (id: string) => ({ cmd: 'TableProposal', by: 'SG', data: { proposal: id, title: { en: `Hidden ${id}` }, procedure: 'silence', deadline: '2024-06-20T12:00:00Z' } }),
  consultation: (id: string) => ({ cmd: 'RequestConsultations', by: 'BEL', data: { consultation: id, requesters: ['BEL'], reason: `Hidden ${id}` } }),
  contribution: (id: string) => ({ cmd: 'ContributeToFund', by: 'BEL', data: { contribution: id, ally: 'BEL', amount: 500_000_000, currency: 'EUR', package: 'TST-2024' } }),
  pledge: (id: string) => ({ cmd: 'PledgeToFund', by: 'BEL', data: { pledge: id, ally: 'BEL', amount: 700_000_000, currency: 'EUR', package: 'TST-2024' } }),
  package: (id: string) => ({ cmd: 'LaunchDcbPackage', by: 'NAC', data: { package: id, partner: 'GEO', areas: ['cyber_defence'], title: `Hidden ${id}` } }),
  operation: (id: string) => ({ cmd: 'PlanOperation', by: 'NAC', data: { operation: id, name: { en: `Hidden ${id}` }, kind: 'mission', coreTask: 'crisis_prevention_and_management', area: 'Hidden area', mandate: ['none'] } }),
  summit: (id: string) => ({ cmd: 'HoldSummit', by: 'NAC', data: { summit: id, place: `Hidden ${id}` } }),
} as const;
type HiddenKind = keyof typeof HIDDEN_KINDS;

/** Markings none of the callers may read (above their clearance, or not released to the partner). */
const HIDDEN_MARKINGS = [
  SECRET,
  { classification: 'NATO CONFIDENTIAL', releasability: ['NATO'] },
  { classification: 'COSMIC TOP SECRET', releasability: ['UKR'] },
] as const;
type HiddenMarking = (typeof HIDDEN_MARKINGS)[number];

interface HiddenSlot { kindA: HiddenKind; kindB: HiddenKind; idA: string; idB: string; at: string; markingA: HiddenMarking; markingB: HiddenMarking }

const hiddenSlots: fc.Arbitrary<HiddenSlot[]> = fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(
  fc.shuffledSubarray([...HIDDEN_IDS], { minLength: n, maxLength: n }),
  fc.shuffledSubarray([...HIDDEN_IDS], { minLength: n, maxLength: n }),
  fc.array(fc.tuple(
    fc.constantFrom(...Object.keys(HIDDEN_KINDS) as HiddenKind[]), fc.constantFrom(...Object.keys(HIDDEN_KINDS) as HiddenKind[]),
    fc.constantFrom(...HIDDEN_MARKINGS), fc.constantFrom(...HIDDEN_MARKINGS),
  ), { minLength: n, maxLength: n }),
).map(([idsA, idsB, kinds]) => kinds.map(([kindA, kindB, markingA, markingB], i) => ({
  kindA, kindB, idA: idsA[i]!, idB: idsB[i]!, markingA, markingB, at: `2024-06-03T${String(9 + i).padStart(2, '0')}:00:00Z`,
}))));

/** The callers: none may read a NATO SECRET entry releasable to NATO only. */
const CALLERS = {
  public: undefined,
  'bel-u': { role: 'delegation', party: 'BEL', clearance: 'NATO UNCLASSIFIED' },
  'staff-u': { role: 'staff', clearance: 'NATO RESTRICTED' },
  geo: { role: 'partner', party: 'GEO', clearance: 'NATO SECRET' },
  player: { role: 'player', party: 'HUN', clearance: 'NATO UNCLASSIFIED' },
} as const;
type Caller = keyof typeof CALLERS;
/** Who acts for what: a body through the staff account, Belgium through its delegation, Georgia as a partner. */
const ACTING = { SG: 'staff-u', NAC: 'staff-u', DCB: 'staff-u', DEPOSITARY: 'staff-u', SHAPE: 'staff-u', BEL: 'bel-u', GEO: 'geo', HUN: 'player' } as const satisfies Record<string, Caller>;

/** The two servers, and each caller's headers in each. */
interface Side { s: TestServer; headers: Map<Caller | 'cleared', Record<string, string>>; restart: (seed: string) => void }

async function openSide(keysDir: string, now: Date): Promise<Side> {
  const { random, restart } = seededRandom();
  const s = await testServer({ record: false, keysDir, ledger: { clock: { now: () => now }, random } });
  const headers = new Map<Caller | 'cleared', Record<string, string>>([['public', {}]]);
  const accounts = [...Object.entries(CALLERS), ['cleared', { role: 'staff', clearance: 'COSMIC TOP SECRET' }]] as [Caller | 'cleared', { role: string; party?: string; clearance: string } | undefined][];
  for (const [username, spec] of accounts) {
    if (!spec) continue;
    await s.services.accounts.create({ username, password: PASSWORD, ...spec });
    const { cookie, csrf } = await signIn(s.app, username, PASSWORD);
    headers.set(username, { cookie, 'x-csrf-token': csrf });
  }
  return { s, headers, restart };
}

/** A world as both sides build it: the record at 2024-06-01, visible acts, then this side's hidden acts. */
async function buildWorld(side: Side, world: string, hidden: readonly { kind: HiddenKind; id: string; at: string; marking: HiddenMarking }[]): Promise<number> {
  const { ledger, config } = side.s.services;
  side.restart(world);
  await createWorldFromRecord(ledger, config.dataDir, world, { asOf: '2024-06-01' });
  const p = async (by: string) => actingPrincipal(ledger, world, by);
  for (const by of Object.keys(ACTING)) await p(by);
  await act(ledger, world, { cmd: 'LaunchDcbPackage', at: '2024-06-02T09:00:00Z', by: 'NAC', data: { package: 'TST-2024', partner: 'GEO', areas: ['cyber_defence'], title: 'Test package' } }, await p('NAC'), { classification: 'PUBLIC', releasability: ['PUBLIC'] });
  await act(ledger, world, { cmd: 'TableProposal', at: '2024-06-02T10:00:00Z', by: 'SG', data: { proposal: 'V-PROP', title: { en: 'Visible statement' }, procedure: 'meeting' } }, await p('SG'));
  await act(ledger, world, { cmd: 'TableProposal', at: '2024-06-02T11:00:00Z', by: 'SG', data: { proposal: 'V-SIL', title: { en: 'Visible silence' }, procedure: 'silence', deadline: '2024-06-25T12:00:00Z' } }, await p('SG'));
  await act(ledger, world, { cmd: 'RequestConsultations', at: '2024-06-02T12:00:00Z', by: 'BEL', data: { consultation: 'V-CONS', requesters: ['BEL'], reason: 'Visible' } }, await p('BEL'));
  await act(ledger, world, { cmd: 'ContributeToFund', at: '2024-06-02T13:00:00Z', by: 'BEL', data: { contribution: 'V-CONTRIB', ally: 'BEL', amount: 1_000_000, currency: 'EUR', package: 'TST-2024' } }, await p('BEL'), { classification: 'PUBLIC', releasability: ['PUBLIC'] });
  for (const h of hidden) {
    const command = HIDDEN_KINDS[h.kind](h.id);
    const entries = await act(ledger, world, { ...command, at: h.at }, await p(command.by), h.marking);
    assert.equal(entries.length, 1, `hidden ${h.kind} ${h.id}: one entry`);
  }
  await ledger.checkpoint(world);
  return ledger.store.size(world);
}

/**
 * Scenarios, built once: one the player takes part in on both sides ('joint', seated at HUN), where
 * a NATO SECRET inject on one side faces a NATO SECRET proposal on the other; and one nobody of the callers takes part in, named differently on each side ('grid' in A, 'ice'
 * in B): to them, neither exists.
 */
async function buildScenarios(side: Side, closed: string, tag: 'A' | 'B'): Promise<void> {
  const { ledger, config, accounts } = side.s.services;
  const scenarios = new Scenarios({ ledger, dataDir: config.dataDir, accounts });
  const definition = (name: string) => readScenarioText(JSON.stringify({
    scenario: name, title: { en: 'Drill' }, description: { en: 'A drill' }, asOf: '2024-06-01', injects: [],
  }), `${name}.json`);
  side.restart('scenarios');
  await scenarios.create('joint', definition('joint'));
  await scenarios.admit('joint', 'player');
  await scenarios.assign('joint', 'HUN', 'player');
  await scenarios.deliver('joint', { adHoc: { kind: 'intelligence', title: { en: 'Visible inject' }, tags: [] } });
  // Hidden from the player: in A a NATO SECRET inject, in B a NATO SECRET proposal in its place.
  const sg = await actingPrincipal(ledger, 'joint', 'SG');
  if (tag === 'A') await scenarios.deliver('joint', { adHoc: { kind: 'intelligence', title: { en: 'Hidden inject' }, tags: [], classification: 'NATO SECRET' } });
  else await act(ledger, 'joint', { cmd: 'TableProposal', by: 'SG', at: '2024-06-02T08:00:00Z', data: { proposal: 'H-1', title: { en: 'Hidden' }, procedure: 'meeting' } }, sg, SECRET);
  await scenarios.create(closed, definition(closed));
  await scenarios.deliver(closed, { adHoc: { kind: 'intelligence', title: { en: `Inject ${tag}` }, tags: [] } });
}

// ---- requests ----

interface Probe { caller: Caller | 'cleared'; method: string; url: string; payload?: unknown; lang: string; op: string }

const SCENARIO_NAMES = ['joint', 'grid', 'ice'];
const DATES = ['2024-06-02', '2024-06-04', '2024-06-30'];
const TIMES = ['2024-06-04T09:00:00Z', '2024-06-05T09:00:00Z', '2024-06-21T09:00:00Z'];
const STATES = ['BEL', 'HUN', 'GEO', 'SWE', 'FIN', 'UKR'];

function fieldArb(type: FieldType): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case 'text': return fc.constantFrom('a reason', 'para 3');
    case 'id': return fc.constantFrom(...ID_POOL);
    case 'state': return fc.constantFrom(...STATES);
    case 'states': return fc.subarray(STATES, { minLength: 1, maxLength: 2 });
    case 'date': return fc.constantFrom(...DATES);
    case 'time': return fc.constantFrom(...DATES, ...TIMES);
    case 'enum': return fc.constantFrom(...type.values);
    case 'enums': return fc.subarray([...type.values], { minLength: type.nonEmpty ? 1 : 0, maxLength: 2 });
    case 'title': return fc.constant({ en: 'A title' });
    case 'vote': return fc.constant({ for: 10, against: 1, abstain: 0 });
    case 'positive_integer': return fc.integer({ min: 1, max: 3 });
    case 'boolean': return fc.boolean();
    case 'texts': return fc.constantFrom([], ['a']);
    case 'amount': return fc.constantFrom(1, 500_000, 1_000_000, 600_000_000);
    default: return fc.constant(null);
  }
}

/** An act of any declared command, mostly by a party the caller acts for, with ids from the shared pool. */
const commandProbe = (world: string, cmd?: string): fc.Arbitrary<Probe> => fc.constantFrom(...commandSpecs.filter((c) => !cmd || c.cmd === cmd)).chain((spec) => {
  const parties = [...spec.actors.bodies, ...(spec.actors.ally ? ['BEL', 'HUN'] : []), ...(spec.actors.state ? ['BEL', 'GEO'] : [])].filter((b) => b in ACTING);
  return fc.record({
    by: parties.length ? fc.constantFrom(...parties) : fc.constantFrom('BEL', 'SG'),
    at: fc.constantFrom(...TIMES),
    data: fc.record(Object.fromEntries(spec.fields.map((f) => [f.name, fieldArb(f.type)])), { requiredKeys: spec.fields.filter((f) => f.required).map((f) => f.name) }),
    marking: fc.constantFrom(undefined, { classification: 'PUBLIC', releasability: ['PUBLIC'] }, { classification: 'NATO UNCLASSIFIED', releasability: ['NATO'] }, { classification: 'NATO SECRET', releasability: ['NATO'] }),
    lang: fc.constantFrom('en', 'fr'),
    stranger: fc.option(fc.constantFrom(...Object.keys(CALLERS) as Caller[]), { nil: undefined, freq: 8 }),
  }).map((r) => ({
    caller: r.stranger ?? ACTING[r.by as keyof typeof ACTING] ?? 'bel-u',
    method: 'POST', url: `/api/worlds/${world}/commands`, lang: r.lang, op: spec.cmd,
    payload: { cmd: spec.cmd, by: r.by, at: r.at, data: r.data, ...(r.marking ?? {}) },
  }));
});

/**
 * Acts the rules accept in a world without hidden entries unless something hidden gets in the
 * way — so that worlds also change during a run, and hidden ids are named where they matter.
 */
const likelyAct = (world: string): fc.Arbitrary<Probe> => fc.record({
  id: fc.constantFrom(...ID_POOL),
  at: fc.constantFrom(...TIMES),
  lang: fc.constantFrom('en', 'fr'),
  n: fc.integer({ min: 0, max: 8 }),
  amount: fc.constantFrom(1, 500_000, 2_000_000),
}).map(({ id, at, lang, n, amount }) => {
  const acts: [Caller, object][] = [
    ['bel-u', { cmd: 'AgreeProposal', by: 'BEL', data: { proposal: id } }],
    ['bel-u', { cmd: 'BreakSilence', by: 'BEL', data: { proposal: id, reason: 'para 2' } }],
    ['bel-u', { cmd: 'ObjectToProposal', by: 'BEL', data: { proposal: id, reason: 'no' } }],
    ['staff-u', { cmd: 'TableProposal', by: 'SG', data: { proposal: id, title: { en: 'Mine' }, procedure: 'meeting' } }],
    ['staff-u', { cmd: 'AllocateToProject', by: 'DCB', data: { project: id, package: 'TST-2024', area: 'cyber_defence', amount, currency: 'EUR' } }],
    ['bel-u', { cmd: 'PledgeToFund', by: 'BEL', data: { pledge: id, ally: 'BEL', amount, currency: 'EUR', package: 'TST-2024' } }],
    ['bel-u', { cmd: 'RequestConsultations', by: 'BEL', data: { consultation: id, requesters: ['BEL'], reason: 'threat' } }],
    ['staff-u', { cmd: 'HoldConsultations', by: 'NAC', data: { consultation: id } }],
    ['staff-u', { cmd: 'PlaceUnderSilence', by: 'SG', data: { proposal: id, deadline: '2024-06-28T12:00:00Z' } }],
  ];
  const [caller, command] = acts[n]!;
  return { caller, method: 'POST', url: `/api/worlds/${world}/commands`, lang, op: (command as { cmd: string }).cmd, payload: { ...command, at } };
});

/** Values for the path and query parameters of the OpenAPI document, pointing at hidden and visible things. */
function paramArb(name: string, world: string, size: number, schema?: Schema): fc.Arbitrary<string> {
  if (schema?.enum?.length) return fc.constantFrom(...schema.enum.map(String));
  switch (name) {
    case 'world': return fc.constantFrom(world, world, world, 'record', 'nope', ...SCENARIO_NAMES);
    case 'name': return fc.constantFrom(world, 'nope', ...SCENARIO_NAMES, 'joint', 'joint');
    case 'seq': case 'since': case 'from': case 'to':
      if (schema?.format === 'evere-time') return fc.constantFrom(...DATES, ...TIMES);
      return fc.oneof(fc.integer({ min: Math.max(0, size - 12), max: size + 2 }).map(String), fc.constantFrom('0', String(size - 1)));
    case 'limit': return fc.constantFrom('1', '5', '50');
    case 'code': case 'seat': return fc.constantFrom(...STATES);
    case 'kind': return fc.constantFrom('proposal', 'consultation', 'fund_package', 'fund_contribution', 'fund_pledge', 'operation', 'summit', 'member');
    case 'id': return fc.constantFrom(...ID_POOL);
    case 'asOf': case 'knownAt': return fc.constantFrom(...DATES, ...TIMES);
    case 'type': return fc.constantFrom('ProposalTabled', 'ConsultationsRequested', 'FundContributionMade', 'FundPledged');
    case 'by': return fc.constantFrom('ally', 'package', 'area');
    case 'year': return fc.constantFrom('2024', '2023');
    case 'compare': return fc.constantFrom(world, 'nope');
    default: return fc.constantFrom('x', '1', world);
  }
}

/** A body of the right shape for a non-command write, with values from the pools. */
function bodyArb(op: Operation): fc.Arbitrary<unknown> {
  const props = Object.keys(op.body?.properties ?? {});
  const value = (name: string): fc.Arbitrary<unknown> => {
    switch (name) {
      case 'username': return fc.constantFrom('bel-u', 'geo', 'staff-u');
      case 'password': return fc.constant(PASSWORD);
      case 'action': return fc.constantFrom('start', 'pause');
      case 'cmd': return fc.constantFrom('AgreeProposal', 'BreakSilence');
      case 'by': case 'to': return fc.constantFrom('BEL', 'SG', 'HUN');
      case 'data': return fc.constantFrom(...ID_POOL).map((proposal) => ({ proposal }));
      case 'inject': return fc.constantFrom('i1', ...HIDDEN_IDS);
      case 'asOf': return fc.constant('2024-06-01');
      default: return fc.constantFrom('x', 'N-1');
    }
  };
  return fc.record(Object.fromEntries(props.map((p) => [p, value(p)])), { requiredKeys: op.body?.required ?? [] });
}

function routeProbe(op: Operation, world: string, size: number): fc.Arbitrary<Probe> {
  const pathNames = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const query = op.parameters.filter((p) => p.in === 'query');
  return fc.record({
    params: fc.tuple(...pathNames.map((n) => paramArb(n, world, size, op.parameters.find((p) => p.in === 'path' && p.name === n)?.schema))),
    query: fc.tuple(...query.map((p) => fc.option(paramArb(p.name, world, size, p.schema), { nil: undefined }))),
    caller: fc.constantFrom(...Object.keys(CALLERS) as Caller[]),
    body: op.method === 'GET' ? fc.constant(undefined) : bodyArb(op),
    lang: fc.constantFrom('en', 'fr'),
  }).map((r) => {
    let i = 0;
    const qs = query.map((p, j) => (r.query[j] === undefined ? '' : `${p.name}=${encodeURIComponent(r.query[j]!)}`)).filter(Boolean).join('&');
    return {
      caller: r.caller, method: op.method, lang: r.lang, op: `${op.method} ${op.path}`,
      url: `${op.path.replace(/\{\w+\}/g, () => encodeURIComponent(r.params[i++]!))}${qs ? `?${qs}` : ''}`,
      ...(r.body !== undefined ? { payload: r.body } : {}),
    };
  });
}

// ---- comparing answers ----

/** Headers that depend on the request's identity or timing, not on the world. */
const UNCOMPARED_HEADERS = new Set(['date', 'x-request-id', 'request-id', 'server-timing', 'x-response-time', 'connection', 'keep-alive', 'set-cookie']);
/** Routes whose answers carry the log's commitments to every leaf, hidden ones included. */
const COMMITMENT_ROUTE = /\/(checkpoint|proofs\/(inclusion|consistency)|dataset)(\/|\?|\.|$)/;

/** Masks what is a commitment to salted leaves: 32-byte hashes (base64 or hex) and the signature lines of a signed note. */
const maskCommitments = (body: string) => body
  .replace(/(\u2014 \S+ )[A-Za-z0-9+/]{80,}={0,2}/g, '$1<signature>')
  .replace(/[A-Za-z0-9+/]{43}=/g, '<hash>')
  .replace(/\b[0-9a-f]{64}\b/g, '<hash>');

function comparable(probe: Probe, res: LightMyRequestResponse): string {
  const commitments = COMMITMENT_ROUTE.test(probe.url);
  // A zip of files carrying the checkpoint: compared file by file, unpacked (its length follows the commitments').
  const zip = commitments && String(res.headers['content-type']).startsWith('application/zip');
  const headers = Object.entries(res.headers).filter(([k]) => !UNCOMPARED_HEADERS.has(k.toLowerCase()) && !(zip && k.toLowerCase() === 'content-length'))
    .map(([k, v]) => `${k.toLowerCase()}: ${String(v)}`).sort();
  const text = zip
    ? Object.entries(unzipSync(new Uint8Array(res.rawPayload))).map(([name, bytes]) => `${name}\n${strFromU8(bytes)}`).join('\n')
    : res.body;
  const body = commitments ? maskCommitments(text) : text;
  return `${res.statusCode}\n${headers.join('\n')}\n\n${body}`;
}

const NOT_POSSIBLE = 'act.not_possible';

/**
 * What is random or timed per sign-in, not a function of any world: a session's CSRF token and
 * expiry (the request's clock), an account's id (random, made once on each side). Masked.
 */
const maskCsrf = (text: string) => text.replace(/"csrf":"[^"]+"/g, '"csrf":"<csrf>"').replace(/"id":"acct_[^"]+"/g, '"id":"<account>"')
  .replace(/"expiresAt":"[^"]+"/g, '"expiresAt":"<expiry>"');

/** An event stream read over a socket, from its headers on, until closed. */
function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  let text = '';
  const ready = fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal }).then((res) => {
    const lines: string[] = [];
    res.headers.forEach((v, k) => { if (!UNCOMPARED_HEADERS.has(k)) lines.push(`${k}: ${v}`); });
    const head = `${res.status}\n${lines.sort().join('\n')}`;
    void (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk, { stream: true });
    })().catch(() => undefined);
    return { head, status: res.status };
  });
  return {
    ready,
    /** What arrived, heartbeats aside. */
    text: () => text.replaceAll(': keep-alive\n\n', ''),
    async waitFor(needle: string, ms = 15_000): Promise<void> {
      for (const end = Date.now() + ms; !text.includes(needle);) {
        if (Date.now() > end) throw new Error(`${url}: ${JSON.stringify(needle)} did not arrive; got ${text.length} characters`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => controller.abort(),
  };
}

describe('noninterference: the timing class of signing in', () => {
  test('an unknown or disabled name does the same work as a known name with a wrong password: the same store calls, one scrypt of the same cost', async () => {
    const store = openMemoryAccounts();
    const clock = { now: () => new Date('2026-06-01T00:00:00Z') };
    const setup = new Accounts(store, nodeSecrets, clock);
    await setup.create({ username: 'known', password: PASSWORD, role: 'staff' });
    await setup.create({ username: 'off', password: PASSWORD, role: 'staff' });
    await store.putAccount({ ...(await store.accountByName('off'))!, disabled: true });
    /** The work of two sign-ins in a fresh process (the first one makes the dummy hash), as a list of steps. */
    const work = async (username: string, password: string) => {
      const steps: string[] = [];
      const secrets: Secrets = {
        ...nodeSecrets,
        hashPassword: async (p) => { steps.push('scrypt hash'); return nodeSecrets.hashPassword(p); },
        // The cost of a check is the cost parameters of the hash checked against (scrypt$N$r$p).
        verifyPassword: async (p, stored) => { steps.push(`scrypt check ${stored.split('$').slice(0, 4).join('$')}`); return nodeSecrets.verifyPassword(p, stored); },
      };
      const counted = new Proxy(store, { get: (target, prop: keyof AccountStore) => (...args: unknown[]) => { steps.push(`store ${String(prop)}`); return (target[prop] as (...a: unknown[]) => unknown)(...args); } });
      const accounts = new Accounts(counted, secrets, clock);
      for (let i = 0; i < 2; i++) {
        const error = await accounts.login(username, password).then(() => undefined, (e: Error & { code?: string }) => e.code);
        steps.push(`answer ${error ?? 'signed in'}`);
      }
      await store.clearLoginFailures(username);
      return steps;
    };
    const known = await work('known', 'a wrong password');
    assert.deepEqual(await work('nobody', 'a wrong password'), known, 'unknown name');
    assert.deepEqual(await work('off', PASSWORD), known, 'disabled account');
    assert.equal(known.filter((s) => s.startsWith('scrypt check scrypt$16384$8$1')).length, 2, known.join('\n'));
    // The right password takes the same path up to the answer.
    const right = await work('known', PASSWORD);
    assert.deepEqual(right.slice(0, right.indexOf('scrypt check scrypt$16384$8$1') + 1), known.slice(0, known.indexOf('scrypt check scrypt$16384$8$1') + 1));
  });
});

describe('noninterference: two worlds that differ only in what the caller may not read answer alike', () => {
  let a: Side;
  let b: Side;
  let operations: Operation[];
  let run = 0;
  const stats = { probes: 0, acts: 0, accepted: 0, refused: 0, reads: 0, notPossible: 0, routes: new Set<string>(), commands: new Set<string>() };

  before(async () => {
    const keys = tempDir('evere-ni-keys-');
    const now = new Date();
    a = await openSide(keys, now);
    b = await openSide(keys, now);
    await buildScenarios(a, 'grid', 'A');
    await buildScenarios(b, 'ice', 'B');
    // The event stream never ends, and the sign-in routes change sessions: both are compared in
    // tests of their own below (a window of the stream; sign-in, session, me, sign-out).
    operations = (await operationsOf(a.s.app)).filter((op) => !op.path.endsWith('/events') && !op.path.startsWith('/api/auth/'));
    assert.ok(operations.length >= 45, `${operations.length} operations`);
  });
  after(async () => {
    await a?.s.close();
    await b?.s.close();
  });

  const send = (side: Side, p: Probe) => side.s.app.inject({
    method: p.method as 'GET', url: p.url,
    headers: { ...side.headers.get(p.caller)!, 'accept-language': p.lang },
    ...(p.payload !== undefined ? { payload: p.payload as object } : {}),
  });

  test('every route and every command, as every caller, answers byte for byte alike', async () => {
    const worldPair = fc.record({ slots: hiddenSlots, probeSeed: fc.integer() });
    const out = await fc.check(fc.asyncProperty(worldPair, async ({ slots, probeSeed }) => {
      const world = `ni${run++}`;
      const sizeA = await buildWorld(a, world, slots.map((s) => ({ kind: s.kindA, id: s.idA, at: s.at, marking: s.markingA })));
      const sizeB = await buildWorld(b, world, slots.map((s) => ({ kind: s.kindB, id: s.idB, at: s.at, marking: s.markingB })));
      assert.equal(sizeA, sizeB, 'hidden entries occupy the same positions in both worlds');
      const probe = fc.oneof(
        { arbitrary: commandProbe(world), weight: 2 },
        { arbitrary: likelyAct(world), weight: 1 },
        { arbitrary: fc.constantFrom(...operations).chain((op) => routeProbe(op, world, sizeA)), weight: 3 },
      );
      // Every operation and every command once, in an order of the run's choosing, among random requests.
      const sweep = fc.tuple(
        ...operations.map((op) => routeProbe(op, world, sizeA)),
        ...commandSpecs.map((spec) => commandProbe(world, spec.cmd)),
        fc.array(probe, { minLength: PROBES, maxLength: PROBES }),
      ).chain(([...parts]) => fc.shuffledSubarray(parts.flat() as Probe[], { minLength: parts.length - 1 + PROBES, maxLength: parts.length - 1 + PROBES }));
      const probes = fc.sample(sweep, { seed: probeSeed, numRuns: 1 })[0]!;
      for (const p of probes) {
        const [ra, rb] = [await send(a, p), await send(b, p)];
        stats.probes++;
        const isAct = p.url.endsWith('/commands') && p.method === 'POST';
        if (isAct) {
          stats.acts++;
          stats.commands.add(p.op);
          stats.routes.add('POST /api/worlds/{world}/commands');
          if (ra.statusCode === 201) stats.accepted++; else stats.refused++;
        } else {
          stats.reads++;
          stats.routes.add(p.op);
        }
        const [ca, cb] = [comparable(p, ra), comparable(p, rb)];
        if (ca === cb) continue;
        // Creating under an id something hidden already holds: the generic refusal, nothing more; the worlds now differ.
        const refusedA = ra.statusCode === 422 && (ra.json() as { violations?: { code: string }[] }).violations?.[0]?.code === NOT_POSSIBLE;
        const refusedB = rb.statusCode === 422 && (rb.json() as { violations?: { code: string }[] }).violations?.[0]?.code === NOT_POSSIBLE;
        if (isAct && (refusedA !== refusedB) && [ra.statusCode, rb.statusCode].includes(201)) {
          stats.notPossible++;
          for (const text of [ra.body, rb.body]) assert.ok(!/Hidden|2024-06-03/.test(text), `the refusal names nothing hidden: ${text}`);
          // This world is not probed again; hidden entries on the refusing side keep the two
          // worlds the same size in the list of worlds.
          const [refusing, accepted] = ra.statusCode === 201 ? [b, ra] : [a, rb];
          const nac = await actingPrincipal(refusing.s.services.ledger, world, 'NAC');
          for (let i = 0; i < (accepted.json() as unknown[]).length; i++) {
            await act(refusing.s.services.ledger, world, { ...HIDDEN_KINDS.summit(`PAD-${stats.notPossible}-${i}`), at: '2024-06-29T09:00:00Z' }, nac, SECRET);
          }
          break;
        }
        assert.equal(ca, cb, `${p.caller} ${p.method} ${p.url} ${p.payload ? JSON.stringify(p.payload) : ''}\nhidden in A: ${JSON.stringify(slots.map((s) => [s.kindA, s.idA, s.markingA.classification]))}\nhidden in B: ${JSON.stringify(slots.map((s) => [s.kindB, s.idB, s.markingB.classification]))}`);
      }
    }), { numRuns: RUNS, seed: SEED, endOnFailure: true });
    if (out.failed) assert.fail(`${fc.defaultReportMessage(out)}\n${out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance)}`);
    // Not vacuous: reads and acts were made, some acts accepted and some refused.
    assert.ok(stats.reads > 0 && stats.acts > 0 && stats.accepted > 0 && stats.refused > 0, JSON.stringify({ ...stats, routes: stats.routes.size, commands: stats.commands.size }));
    assert.deepEqual(operations.map((op) => `${op.method} ${op.path}`).filter((op) => !stats.routes.has(op)), [], 'every operation was asked');
    assert.deepEqual(commandSpecs.map((c) => c.cmd).filter((c) => !stats.commands.has(c)), [], 'every command was given');
    process.stderr.write(`noninterference: ${stats.probes} probes (${stats.reads} reads of ${stats.routes.size} routes, ${stats.acts} acts of ${stats.commands.size} commands: ${stats.accepted} accepted, ${stats.refused} refused; ${stats.notPossible} runs ended on an id taken by hidden material)\n`);
  });

  test('the event stream tells every caller the same in both worlds over a window: backlog, hidden appends, visible ones', async () => {
    const world = 'stream';
    const sizeA = await buildWorld(a, world, [
      { kind: 'meeting', id: 'H-1', at: '2024-06-03T09:00:00Z', marking: SECRET },
      { kind: 'contribution', id: 'H-2', at: '2024-06-03T10:00:00Z', marking: HIDDEN_MARKINGS[2] },
    ]);
    const sizeB = await buildWorld(b, world, [
      { kind: 'package', id: 'H-3', at: '2024-06-03T09:00:00Z', marking: HIDDEN_MARKINGS[1] },
      { kind: 'pledge', id: 'H-1', at: '2024-06-03T10:00:00Z', marking: SECRET },
    ]);
    assert.equal(sizeA, sizeB);
    const [urlA, urlB] = [await a.s.app.listen({ port: 0, host: '127.0.0.1' }), await b.s.app.listen({ port: 0, host: '127.0.0.1' })];
    const callers = [...Object.keys(CALLERS), 'cleared'] as (Caller | 'cleared')[];
    const streams = callers.map((caller) => ({
      caller,
      a: openStream(`${urlA}/api/worlds/${world}/events?since=0`, a.headers.get(caller)!),
      b: openStream(`${urlB}/api/worlds/${world}/events?since=0`, b.headers.get(caller)!),
    }));
    try {
      for (const st of streams) assert.equal((await st.a.ready).head, (await st.b.ready).head, `${st.caller}: the stream's status and headers`);
      // While the streams are open: a hidden entry, different on each side, then a visible one, alike.
      for (const [side, hidden] of [[a, HIDDEN_KINDS.operation('H-4')], [b, HIDDEN_KINDS.summit('H-2')]] as const) {
        const { ledger } = side.s.services;
        await act(ledger, world, { ...hidden, at: '2024-06-05T09:00:00Z' }, await actingPrincipal(ledger, world, hidden.by), SECRET);
        await act(ledger, world, { cmd: 'TableProposal', by: 'SG', at: '2024-06-05T10:00:00Z', data: { proposal: 'V-LIVE', title: { en: 'Live' }, procedure: 'meeting' } }, await actingPrincipal(ledger, world, 'SG'), { classification: 'PUBLIC', releasability: ['PUBLIC'] });
      }
      const visible = `id: ${sizeA + 1}\n`;
      let delivered = 0;
      for (const st of streams) {
        const { status } = await st.a.ready;
        if (status === 200) {
          await Promise.all([st.a.waitFor(visible), st.b.waitFor(visible)]);
          delivered++;
        } else await new Promise((resolve) => setTimeout(resolve, 200));
        if (st.caller === 'cleared') {
          assert.notEqual(st.a.text(), st.b.text(), 'a cleared reader is streamed the hidden entries (the comparison is not vacuous)');
          continue;
        }
        assert.equal(st.a.text(), st.b.text(), `${st.caller}: what the stream delivered`);
        assert.ok(!st.a.text().includes(`id: ${sizeA}\n`), `${st.caller}: the hidden entry appended live is not streamed`);
      }
      assert.ok(delivered >= 4, `${delivered} callers were streamed the world`);
    } finally {
      for (const st of streams) { st.a.close(); st.b.close(); }
    }
  });

  test('the sign-in routes answer alike in both worlds: sign in (known and unknown names, right and wrong passwords), session, me, sign out', async () => {
    const world = 'auth';
    assert.equal(
      await buildWorld(a, world, [{ kind: 'meeting', id: 'H-1', at: '2024-06-03T09:00:00Z', marking: SECRET }]),
      await buildWorld(b, world, [{ kind: 'operation', id: 'H-2', at: '2024-06-03T09:00:00Z', marking: SECRET }]),
    );
    const probes: Probe[] = [];
    for (const caller of Object.keys(CALLERS) as Caller[]) {
      for (const url of ['/api/auth/session', '/api/auth/me']) probes.push({ caller, method: 'GET', url, lang: 'en', op: url });
    }
    for (const username of ['bel-u', 'geo', 'player', 'nobody', 'H-1']) {
      for (const password of [PASSWORD, 'a wrong password']) {
        for (const lang of ['en', 'fr']) probes.push({ caller: 'public', method: 'POST', url: '/api/auth/login', payload: { username, password }, lang, op: 'login' });
      }
    }
    probes.push({ caller: 'public', method: 'POST', url: '/api/auth/login', payload: { username: 'geo' }, lang: 'fr', op: 'login' });
    probes.push({ caller: 'public', method: 'POST', url: '/api/auth/logout', lang: 'en', op: 'logout' });
    for (const p of probes) {
      const [ra, rb] = [await send(a, p), await send(b, p)];
      assert.equal(maskCsrf(comparable(p, ra)), maskCsrf(comparable(p, rb)), `${p.caller} ${p.method} ${p.url} ${JSON.stringify(p.payload ?? '')}`);
    }
    // Signing out a session of its own on each side, then asking with it.
    const sessions = await Promise.all([signIn(a.s.app, 'geo', PASSWORD), signIn(b.s.app, 'geo', PASSWORD)]);
    for (const [method, url] of [['POST', '/api/auth/logout'], ['GET', '/api/auth/session'], ['GET', `/api/worlds/${world}/council/proposals`]] as const) {
      const [ra, rb] = await Promise.all([a, b].map((side, i) => side.s.app.inject({ method, url, headers: { cookie: sessions[i]!.cookie, 'x-csrf-token': sessions[i]!.csrf } })));
      const p: Probe = { caller: 'geo', method, url, lang: 'en', op: url };
      assert.equal(maskCsrf(comparable(p, ra!)), maskCsrf(comparable(p, rb!)), `${method} ${url} with a signed-out session`);
    }
  });

  test('the comparison sees what a cleared reader is shown (the property is not vacuous; run last, it leaves its world different)', async () => {
    const world = 'teeth';
    const hidden = (kind: HiddenKind) => [{ kind, id: 'H-1', at: '2024-06-03T09:00:00Z', marking: SECRET }];
    assert.equal(await buildWorld(a, world, hidden('meeting')), await buildWorld(b, world, hidden('package')));
    for (const p of [
      { method: 'GET', url: `/api/worlds/${world}/council/proposals`, op: 'proposals' },
      { method: 'POST', url: `/api/worlds/${world}/commands`, op: 'PlaceUnderSilence', payload: { cmd: 'PlaceUnderSilence', by: 'SG', at: '2024-06-04T09:00:00Z', data: { proposal: 'H-1', deadline: '2024-06-28T12:00:00Z' }, classification: 'NATO SECRET' } },
    ]) {
      const cleared = { ...p, caller: 'cleared' as const, lang: 'en' };
      assert.notEqual(comparable(cleared, await send(a, cleared)), comparable(cleared, await send(b, cleared)), `${p.op}: a cleared reader tells the worlds apart`);
      const unclassified = { ...p, caller: 'staff-u' as const, lang: 'en' };
      assert.equal(comparable(unclassified, await send(a, unclassified)), comparable(unclassified, await send(b, unclassified)), `${p.op}: an unclassified reader cannot`);
    }
  });
});
