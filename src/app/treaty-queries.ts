/**
 * Point-in-time questions about the treaty, answered from the bitemporal indexes the append
 * keeps (never by replaying the log): members as of a valid date and as the log knew it at a
 * record time; an accession's ratification matrix; enlargement rounds; decisions, consultations.
 */
import type { LedgerService } from './ledger-service.js';
import type { AccessFilter, FactRow } from './ports.js';
import { daysBetween, endOfDay, normaliseInstant } from './time.js';
import { STATES, describeReadings, resolveStateCode, stateInfo } from '../domain/states.js';
import { EvereError } from './errors.js';

export interface TimeQuery {
  /** Valid time: a date (inclusive of that day) or UTC instant. Default: the latest. */
  readonly asOf?: string;
  /** Record time: answer as the log knew it then. Default: now. */
  readonly knownAt?: string;
  /** What the reader may see (src/app/access.ts); default: everything (the local operator). */
  readonly access?: AccessFilter;
}

async function bounds(ledger: LedgerService, world: string, q: TimeQuery) {
  await ledger.requireWorld(world);
  return {
    ...(q.access ? { access: q.access } : {}),
    ...(q.asOf ? { validAt: endOfDay(q.asOf) } : {}),
    ...(q.knownAt ? { knownAtSize: await ledger.store.sizeAtRecordTime(world, endOfDay(q.knownAt)) } : {}),
  };
}

const day = (instant: string): string => instant.slice(0, 10);

/** A row under construction, assigned field by field. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A state's alpha-3 code from any accepted form (alpha-3, alpha-2, alias, NATO/FIPS digram), the
 * same for the CLI and the API: an unknown code is `query.unknown_state`; a code with two readings
 * (RS, AU, IS, BA…) is `query.ambiguous_state`, naming both.
 */
export function stateCodeFrom(input: string): string {
  const r = resolveStateCode(input);
  if (r.kind === 'state') return r.iso3;
  if (r.kind === 'ambiguous') throw ambiguous(input, r.readings);
  throw new EvereError('query.unknown_state', { code: input });
}

/** An accession's key: an invitee's code (any accepted form) becomes alpha-3; anything else is a protocol id. */
export function accessionKeyFrom(input: string): string {
  const r = resolveStateCode(input);
  if (r.kind === 'state') return r.iso3;
  if (r.kind === 'ambiguous') throw ambiguous(input, r.readings);
  return input;
}

function ambiguous(code: string, readings: Parameters<typeof describeReadings>[0]): EvereError {
  return new EvereError('query.ambiguous_state', { code, readings: describeReadings(readings) });
}

/**
 * NATO protocol order: English alphabetical, whatever the reader's language. The collator is made
 * on first need only: making one loads the collation tables, 6 to 10 ms here, about a twentieth of
 * `evere members`'s whole run, and the known states never need it (below).
 */
let collator: Intl.Collator | undefined;
const byEnglishName = (a: string, b: string): number => (collator ??= new Intl.Collator('en')).compare(a, b);
/**
 * A known state's English name as it sorts: accents folded (Türkiye with Turkmenistan), case
 * ignored, the text itself breaking ties. For every name in the states' table this is the
 * collator's order (a test compares the two), so ranking them needs no collator.
 */
const sortKey = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The known states' English names by their place in that order, ranked once: comparing two of
 * them is comparing two numbers (the collator compares text each time, about half of a member
 * list's sort). A name outside the table is compared by the collator, consistently with the ranks.
 */
let englishRanks: Map<string, number> | undefined;
function englishRank(name: string): number | undefined {
  englishRanks ??= new Map([...new Set(STATES.map((s) => s.name.en))]
    .map((n) => ({ n, key: sortKey(n) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.n < b.n ? -1 : a.n > b.n ? 1 : 0))
    .map(({ n }, i) => [n, i]));
  return englishRanks.get(name);
}

/** Items in English alphabetical order of their names, each name's rank looked up once (not once per comparison). */
export function sortedByEnglishName<T extends { readonly name: { readonly en: string } }>(items: T[]): T[] {
  const keyed = items.map((item) => ({ item, name: item.name.en, rank: englishRank(item.name.en) }));
  keyed.sort((a, b) => (a.rank !== undefined && b.rank !== undefined ? a.rank - b.rank : byEnglishName(a.name, b.name)));
  return keyed.map((k) => k.item);
}

export interface Member {
  readonly code: string;
  readonly name: { readonly en: string; readonly fr: string };
  readonly since: string;
  readonly until?: string;
  readonly via: 'founding' | 'accession';
  readonly protocol?: string;
  readonly outOfIntegratedStructure: boolean;
}

export async function members(ledger: LedgerService, world: string, q: TimeQuery = {}): Promise<Member[]> {
  const b = await bounds(ledger, world, q);
  const validAt = b.validAt ?? normaliseInstant(new Date().toISOString());
  // Independent reads, issued together (one round trip on PostgreSQL instead of two).
  const [rows, out] = await Promise.all([
    ledger.store.facts(world, { kind: 'membership', ...b, validAt }),
    ledger.store.facts(world, { kind: 'military-structure', ...b, validAt }),
  ]);
  const outSet = new Set(out.map((f) => (f.data as { ally: string }).ally));
  return sortedByEnglishName(rows.map((f) => {
    const d = f.data as { state: string; via: 'founding' | 'accession'; protocol?: string };
    const info = stateInfo(d.state);
    return {
      code: d.state,
      name: info?.name ?? { en: d.state, fr: d.state },
      since: day(f.validFrom),
      ...(f.validTo ? { until: day(f.validTo) } : {}),
      via: d.via,
      ...(d.protocol ? { protocol: d.protocol } : {}),
      outOfIntegratedStructure: outSet.has(d.state),
    };
  }));
}

export interface ProtocolFact {
  readonly protocol: string;
  readonly invitees: readonly string[];
  readonly requiredRatifiers: readonly string[];
  readonly signedAt: string;
  readonly enteredIntoForceAt?: string;
  readonly deposits?: Readonly<Record<string, string>>;
}

export interface RatificationRow {
  readonly ally: string;
  readonly name: { readonly en: string; readonly fr: string };
  readonly required: boolean;
  readonly parliamentApproved?: string;
  /** The approval date is only a bound ("on or before"): approved by then, the exact day not sourced. */
  readonly parliamentApprovalIsBound?: boolean;
  readonly vote?: { readonly for: number; readonly against: number; readonly abstain?: number };
  readonly instrumentSigned?: string;
  /** The signature date is only a bound ("on or before"): signed by then, the exact day not sourced. */
  readonly instrumentSignedIsBound?: boolean;
  readonly deposited?: string;
  /** The deposit date is only a bound ("on or before"): the exact day is not sourced. */
  readonly depositDateIsBound?: boolean;
  /**
   * As of the query date: `deposited`; `deposited_by` (a bounded date that has passed);
   * `undetermined` (a bounded date still ahead: it may or may not have happened yet);
   * `pending` (no deposit recorded).
   */
  readonly status: 'deposited' | 'deposited_by' | 'undetermined' | 'pending';
  readonly ratified: boolean;
  /**
   * The furthest stage reached as of the query date: `deposited` (exactly dated or bounded and
   * passed), `instrument_signed`, `parliament_approved`, `undetermined` (a bounded deposit still
   * ahead), `awaiting_parliament` (its approval is recorded on a later day), or `not_recorded` (no
   * stage recorded by then nor any approval later: the record does not say).
   */
  readonly stage: 'deposited' | 'instrument_signed' | 'parliament_approved' | 'undetermined' | 'awaiting_parliament' | 'not_recorded';
}

/** The tracker's counts, each over the required ratifiers, as of the query date. */
export interface StageCounts {
  /** Parliamentary approval recorded by the date (an Ally that has deposited counts too). */
  readonly parliamentApproved: number;
  /** Parliamentary approvals whose date is recorded (the rest are implied by a deposit). */
  readonly parliamentApprovalDated: number;
  /** Instrument signed by the head of state, where that step is recorded, or deposited. */
  readonly instrumentSigned: number;
  /** Instruments deposited with the depositary by the date (exactly dated, or bounded and passed). */
  readonly deposited: number;
  /** Of those, deposits known only by a bound ("on or before"). */
  readonly depositedByBound: number;
  /** Deposits known only by a bound that falls after the date: they may or may not have happened. */
  readonly undetermined: number;
  /** True once the protocol is in force (every required ratifier deposited). */
  readonly inForce: boolean;
}

/** Required ratifiers by the stage they still have to pass, as of the query date. */
export interface PendingByStage {
  /** Parliament has not approved yet (its approval is recorded later). */
  readonly parliament: readonly string[];
  /** Parliament approved (the head of state may have signed); the instrument is not deposited. */
  readonly deposit: readonly string[];
  /** A bounded deposit after the date: may or may not have happened. */
  readonly undetermined: readonly string[];
  /** Nothing recorded by the date nor any later approval: the record does not say. */
  readonly notRecorded: readonly string[];
}

export interface AccessionReport {
  readonly protocol: string;
  readonly invitees: readonly string[];
  readonly signedAt: string;
  readonly asOf: string;
  readonly enteredIntoForceAt?: string;
  readonly members: Readonly<Record<string, string>>;
  readonly required: number;
  readonly ratified: number;
  /** Required ratifiers with no deposit as of the date. */
  readonly missing: readonly string[];
  /** Required ratifiers whose deposit date is only bounded and may fall after the date. */
  readonly undetermined: readonly string[];
  readonly daysElapsed: number;
  readonly rows: readonly RatificationRow[];
  /** The tracker's counts per stage (additive to `ratified`, which counts deposits). */
  readonly stages: StageCounts;
  readonly pending: PendingByStage;
  /**
   * Required ratifiers counted in `stages.parliamentApproved` from their signed or deposited
   * instrument, with no parliamentary approval recorded (Canada's and the United Kingdom's
   * procedures need no vote; Türkiye ratified Montenegro's protocol by a Council of Ministers decision).
   */
  readonly approvalNotRecorded: readonly string[];
}

async function protocolFacts(ledger: LedgerService, world: string, b: object): Promise<FactRow[]> {
  return ledger.store.facts(world, { kind: 'protocol', ...b });
}

/** A stage of an Ally's ratification as known on the date: one dated after it is not known yet then. */
function stageKnownAt(stages: ReadonlyMap<string, FactRow>, name: string, at: string): FactRow | undefined {
  const f = stages.get(name);
  return f !== undefined && f.validFrom <= at ? f : undefined;
}

/** An exactly dated stage after the date: it proves every later stage (the deposit) was after it too. */
function stageExactlyAfter(stages: ReadonlyMap<string, FactRow>, name: string, at: string): boolean {
  const f = stages.get(name);
  return f !== undefined && f.validFrom > at && (f.data as { dateIs?: string }).dateIs !== 'on_or_before';
}

/** The ratification matrix of a protocol (by id, or by an invitee's code) as of a date. */
export async function accession(ledger: LedgerService, world: string, protocolOrInvitee: string, q: TimeQuery = {}): Promise<AccessionReport> {
  const b = await bounds(ledger, world, q);
  const asOfInstant = b.validAt ?? endOfDay(new Date().toISOString().slice(0, 10));
  // The members on the day do not depend on the protocol: read beside the protocols, they save
  // one of the query's three sequential reads (a round trip each on PostgreSQL). The protocol's
  // ratifications need its id.
  const [all, memberships] = await Promise.all([
    protocolFacts(ledger, world, { ...(b.access ? { access: b.access } : {}), ...(b.knownAtSize !== undefined ? { knownAtSize: b.knownAtSize } : {}) }),
    ledger.store.facts(world, { kind: 'membership', ...b, validAt: asOfInstant }),
  ]);
  const wanted = protocolOrInvitee.toUpperCase();
  const candidates = all.filter((f) => {
    const p = f.data as ProtocolFact;
    return p.protocol.toUpperCase() === wanted || p.invitees.includes(wanted);
  });
  const fact = candidates[candidates.length - 1];
  if (!fact) throw new EvereError('query.no_protocol', { code: protocolOrInvitee });
  const p = fact.data as ProtocolFact;
  // Every stage recorded (a bounded deposit date after the query date still tells something).
  const ratifications = await ledger.store.facts(world, { kind: 'ratification', keyPrefix: `${p.protocol}/`, ...(b.access ? { access: b.access } : {}), ...(b.knownAtSize !== undefined ? { knownAtSize: b.knownAtSize } : {}) });
  const stages = new Map<string, Map<string, FactRow>>();
  for (const r of ratifications) {
    const d = r.data as { ally: string; stage: string };
    let of = stages.get(d.ally);
    if (of === undefined) stages.set(d.ally, (of = new Map()));
    of.set(d.stage, r);
  }
  const allies = new Set(p.requiredRatifiers);
  for (const ally of stages.keys()) allies.add(ally);
  const none = new Map<string, FactRow>();
  const rows: RatificationRow[] = sortedByEnglishName([...allies].map((ally) => {
    const all = stages.get(ally) ?? none;
    const deposit = all.get('instrument_deposited');
    const bounded = (deposit?.data as { dateIs?: string } | undefined)?.dateIs === 'on_or_before';
    const parliament = stageKnownAt(all, 'parliament_approved', asOfInstant);
    const signed = stageKnownAt(all, 'instrument_signed', asOfInstant);
    const vote = (parliament?.data as { vote?: RatificationRow['vote'] } | undefined)?.vote;
    const approvedAfter = stageExactlyAfter(all, 'parliament_approved', asOfInstant);
    const provenLater = approvedAfter || stageExactlyAfter(all, 'instrument_signed', asOfInstant);
    const status: RatificationRow['status'] = !deposit ? 'pending'
      : deposit.validFrom <= asOfInstant ? (bounded ? 'deposited_by' : 'deposited')
        : bounded && !provenLater ? 'undetermined' : 'pending';
    const stage: RatificationRow['stage'] = status === 'deposited' || status === 'deposited_by' ? 'deposited'
      : approvedAfter ? 'awaiting_parliament'
        : status === 'undetermined' ? 'undetermined'
          : signed ? 'instrument_signed'
            : parliament ? 'parliament_approved'
              : 'not_recorded';
    // Assigned one by one, in the order the answer lists them: a literal of conditional spreads
    // was a third of the query's own time.
    const row: Mutable<RatificationRow> = { ally, name: stateInfo(ally)?.name ?? { en: ally, fr: ally }, required: p.requiredRatifiers.includes(ally) } as Mutable<RatificationRow>;
    if (parliament) row.parliamentApproved = day(parliament.validFrom);
    if ((parliament?.data as { dateIs?: string } | undefined)?.dateIs === 'on_or_before') row.parliamentApprovalIsBound = true;
    if (vote) row.vote = vote;
    if (signed) row.instrumentSigned = day(signed.validFrom);
    if ((signed?.data as { dateIs?: string } | undefined)?.dateIs === 'on_or_before') row.instrumentSignedIsBound = true;
    if (deposit && status !== 'pending') {
      row.deposited = day(deposit.validFrom);
      if (bounded) row.depositDateIsBound = true;
    }
    row.status = status;
    row.ratified = status === 'deposited' || status === 'deposited_by';
    row.stage = stage;
    return row;
  }));
  const missing = rows.filter((r) => r.required && r.status === 'pending').map((r) => r.ally);
  const undetermined = rows.filter((r) => r.required && r.status === 'undetermined').map((r) => r.ally);
  const inForce = p.enteredIntoForceAt && normaliseInstant(p.enteredIntoForceAt) <= asOfInstant ? p.enteredIntoForceAt : undefined;
  const joined: Record<string, string> = {};
  for (const m of memberships) {
    const d = m.data as { state: string; protocol?: string };
    if (d.protocol === p.protocol) joined[d.state] = day(m.validFrom);
  }
  const end = Object.values(joined).sort().at(-1) ?? day(asOfInstant);
  const required = rows.filter((r) => r.required);
  const of = (...stages: RatificationRow['stage'][]) => required.filter((r) => stages.includes(r.stage));
  const stageCounts: StageCounts = {
    parliamentApproved: required.filter((r) => r.parliamentApproved !== undefined || r.instrumentSigned !== undefined || r.stage === 'deposited').length,
    parliamentApprovalDated: required.filter((r) => r.parliamentApproved !== undefined).length,
    instrumentSigned: required.filter((r) => r.instrumentSigned !== undefined || r.stage === 'deposited').length,
    deposited: of('deposited').length,
    depositedByBound: required.filter((r) => r.status === 'deposited_by').length,
    undetermined: of('undetermined').length,
    inForce: inForce !== undefined,
  };
  const codes = (list: readonly RatificationRow[]) => list.map((r) => r.ally);
  const pending: PendingByStage = {
    parliament: codes(of('awaiting_parliament')),
    deposit: codes(of('parliament_approved', 'instrument_signed')),
    undetermined: codes(of('undetermined')),
    notRecorded: codes(of('not_recorded')),
  };
  return {
    protocol: p.protocol, invitees: p.invitees, signedAt: p.signedAt, asOf: day(asOfInstant),
    ...(inForce ? { enteredIntoForceAt: inForce } : {}),
    members: joined,
    required: p.requiredRatifiers.length,
    ratified: rows.filter((r) => r.required && r.ratified).length,
    missing,
    undetermined,
    daysElapsed: Math.max(0, daysBetween(p.signedAt, end)),
    rows,
    stages: stageCounts,
    pending,
    approvalNotRecorded: required.filter((r) => r.parliamentApproved === undefined && (r.instrumentSigned !== undefined || r.stage === 'deposited')).map((r) => r.ally),
  };
}

export interface EnlargementRound {
  readonly protocol: string;
  readonly invitees: readonly string[];
  readonly invitedAt?: string;
  readonly signedAt: string;
  readonly enteredIntoForceAt?: string;
  readonly memberSince?: string;
  readonly ratifiers: number;
  readonly daysFromInvitation?: number;
  readonly daysFromSignature?: number;
  /**
   * The last required ratifier to deposit, only when known from exact dates: every other deposit
   * is exactly dated earlier, or bounded strictly before it. Absent on a tie (see `lastDepositors`)
   * or when a bound leaves it open.
   */
  readonly lastToDeposit?: string;
  /** `known` (from exact dates), `undetermined` (a bound could be later), or `pending` (not every required ratifier has deposited). */
  readonly lastToDepositStatus: LastStatus;
  readonly lastToDepositAt?: string;
  /** Every Ally that deposited on that last day (more than one on a tie). */
  readonly lastDepositors?: readonly string[];
  /** The last parliament to approve, by the same rule over parliamentary approvals. */
  readonly lastToApprove?: string;
  readonly lastToApproveStatus: LastStatus;
  readonly lastToApproveAt?: string;
  readonly lastApprovers?: readonly string[];
}

export type LastStatus = 'known' | 'undetermined' | 'pending';

interface LastOf { readonly status: LastStatus; readonly at?: string; readonly allies?: readonly string[] }

/**
 * Who was last to pass a stage, from known dates only. `rows` are the stage's facts for the
 * required ratifiers. Pending when some required ratifier has none; undetermined when a bounded
 * date ("on or before") does not fall strictly before the latest exact date.
 */
function lastOf(rows: readonly FactRow[], required: number): LastOf {
  if (new Set(rows.map((r) => (r.data as { ally: string }).ally)).size < required) return { status: 'pending' };
  const bounded = (r: FactRow) => (r.data as { dateIs?: string }).dateIs === 'on_or_before';
  const exact = rows.filter((r) => !bounded(r));
  const latest = exact.map((r) => r.validFrom).sort().at(-1);
  if (latest === undefined || rows.some((r) => bounded(r) && r.validFrom >= latest)) return { status: 'undetermined' };
  const allies = exact.filter((r) => r.validFrom === latest).map((r) => (r.data as { ally: string }).ally).sort();
  return { status: 'known', at: day(latest), allies };
}

export async function enlargement(ledger: LedgerService, world: string, q: TimeQuery = {}): Promise<EnlargementRound[]> {
  const b = await bounds(ledger, world, q);
  const [protocols, invitations, memberships, deposits] = await Promise.all([
    protocolFacts(ledger, world, b),
    ledger.store.facts(world, { kind: 'invitation', ...b }),
    ledger.store.facts(world, { kind: 'membership', ...(b.access ? { access: b.access } : {}), ...(b.knownAtSize !== undefined ? { knownAtSize: b.knownAtSize } : {}) }),
    ledger.store.facts(world, { kind: 'ratification', ...b }),
  ]);
  return protocols.map((f) => {
    const p = f.data as ProtocolFact;
    const invited = invitations
      .filter((i) => p.invitees.includes((i.data as { state: string }).state) && i.validFrom <= normaliseInstant(p.signedAt))
      .map((i) => day(i.validFrom)).sort().at(-1);
    const joined = memberships
      .filter((m) => (m.data as { protocol?: string }).protocol === p.protocol)
      .map((m) => day(m.validFrom)).sort().at(-1);
    const stage = (name: string) => deposits.filter((d) => {
      const x = d.data as { protocol: string; stage: string; required: boolean };
      return x.protocol === p.protocol && x.stage === name && x.required;
    });
    const deposit = lastOf(stage('instrument_deposited'), p.requiredRatifiers.length);
    // A deposit implies approval: an Ally with a deposit and no dated approval leaves the last approval open.
    const approvals = stage('parliament_approved');
    const approvedAll = lastOf(approvals, p.requiredRatifiers.length);
    const approval: LastOf = approvedAll.status === 'pending' && deposit.status !== 'pending' ? { status: 'undetermined' } : approvedAll;
    const single = (l: LastOf) => (l.allies?.length === 1 ? l.allies[0] : undefined);
    return {
      protocol: p.protocol, invitees: p.invitees, ...(invited ? { invitedAt: invited } : {}), signedAt: p.signedAt,
      ...(p.enteredIntoForceAt ? { enteredIntoForceAt: p.enteredIntoForceAt } : {}),
      ...(joined ? { memberSince: joined } : {}),
      ratifiers: p.requiredRatifiers.length,
      ...(joined && invited ? { daysFromInvitation: daysBetween(invited, joined) } : {}),
      ...(joined ? { daysFromSignature: daysBetween(p.signedAt, joined) } : {}),
      ...(single(deposit) ? { lastToDeposit: single(deposit) } : {}),
      lastToDepositStatus: deposit.status,
      ...(deposit.at ? { lastToDepositAt: deposit.at, lastDepositors: deposit.allies } : {}),
      ...(single(approval) ? { lastToApprove: single(approval) } : {}),
      lastToApproveStatus: approval.status,
      ...(approval.at ? { lastToApproveAt: approval.at, lastApprovers: approval.allies } : {}),
    };
  }).sort((a, b) => (a.signedAt < b.signedAt ? -1 : 1));
}

/** Facts of one kind valid at a date (all versions current in the log if no date). */
export async function factsOf(ledger: LedgerService, world: string, kind: string, q: TimeQuery = {}): Promise<FactRow[]> {
  const b = await bounds(ledger, world, q);
  return ledger.store.facts(world, { kind, ...b });
}

/**
 * Article 4 requests as they stood at a date: the request is valid from the day it was made; the
 * Council's meeting is part of the answer only from the day it was held, so a request asked
 * about on its own day, before a later meeting, is `requested` with no `heldAt`.
 */
export async function consultations(ledger: LedgerService, world: string, q: TimeQuery = {}): Promise<FactRow[]> {
  const rows = await factsOf(ledger, world, 'consultation', q);
  const at = q.asOf ? endOfDay(q.asOf) : normaliseInstant(new Date().toISOString());
  return rows.map((row) => {
    const { heldAt, status, ...rest } = row.data as { heldAt?: string; status: string };
    const held = heldAt !== undefined && normaliseInstant(heldAt) <= at;
    return { ...row, data: { ...rest, requestedAt: day(row.validFrom), status: held ? 'held' : status === 'held' ? 'requested' : status, ...(held ? { heldAt } : {}) } };
  });
}

/** Council decisions adopted within [from, to] (dates, inclusive; `asOf` is the upper bound if no `to`). */
export async function decisions(ledger: LedgerService, world: string, q: TimeQuery & { from?: string; to?: string; limit?: number } = {}): Promise<FactRow[]> {
  const b = await bounds(ledger, world, { ...(q.knownAt ? { knownAt: q.knownAt } : {}), ...(q.access ? { access: q.access } : {}) });
  const to = q.to ?? q.asOf;
  return ledger.store.facts(world, {
    kind: 'decision', ...b,
    ...(q.from ? { startsFrom: normaliseInstant(q.from) } : {}),
    ...(to ? { startsTo: endOfDay(to) } : {}),
    ...(q.limit !== undefined ? { limit: q.limit } : {}),
  });
}

export async function allyProfile(ledger: LedgerService, world: string, code: string, access?: AccessFilter) {
  await ledger.requireWorld(world);
  const a = access ? { access } : {};
  const info = stateInfo(code);
  if (!info) throw new EvereError('query.unknown_state', { code });
  const [memberships, structure, ratifications, consultations, sgs, protocols] = await Promise.all([
    ledger.store.facts(world, { kind: 'membership', keyPrefix: code, ...a }),
    ledger.store.facts(world, { kind: 'military-structure', keyPrefix: code, ...a }),
    ledger.store.facts(world, { kind: 'ratification', ...a }),
    ledger.store.facts(world, { kind: 'consultation', ...a }),
    ledger.store.facts(world, { kind: 'secretary-general', ...a }),
    ledger.store.facts(world, { kind: 'protocol', ...a }),
  ]);
  return {
    code, name: info.name, iso2: info.iso2, numeric: info.numeric,
    memberships: memberships.filter((m) => (m.data as { state: string }).state === code)
      .map((m) => ({ since: day(m.validFrom), ...(m.validTo ? { until: day(m.validTo) } : {}), ...(m.data as object) })),
    outOfIntegratedStructure: structure.filter((s) => (s.data as { ally: string }).ally === code)
      .map((s) => ({ from: day(s.validFrom), ...(s.validTo ? { until: day(s.validTo) } : {}) })),
    invitedBy: protocols.filter((p) => (p.data as ProtocolFact).invitees.includes(code)).map((p) => (p.data as ProtocolFact).protocol),
    ratifications: ratifications.filter((r) => (r.data as { ally: string }).ally === code)
      .map((r) => ({ ...(r.data as object), at: day(r.validFrom) })),
    consultationsRequested: consultations.filter((c) => (c.data as { requesters: string[] }).requesters.includes(code))
      .map((c) => ({ at: day(c.validFrom), ...(c.data as object) })),
    secretariesGeneral: sgs.filter((s) => (s.data as { nationality: string }).nationality === code).map((s) => s.data),
  };
}
