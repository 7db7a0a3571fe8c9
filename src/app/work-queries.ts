/**
 * The Alliance's work, answered at any date from the bitemporal indexes the append keeps (never by
 * replaying the log): operations and their contributors, partnerships, the DCB fund's books,
 * exercises, NATO-EU membership and declarations, the arms-control register, and the coverage of
 * human-security pillars and gender analysis by core task and year.
 *
 * Every query takes a valid time (`asOf`, a date meaning the end of that day; default now) and a
 * record time (`knownAt`: as the log knew it then).
 */
import type { LedgerService } from './ledger-service.js';
import type { AccessFilter, FactRow } from './ports.js';
import { endOfDay, normaliseInstant } from './time.js';
import { withNested } from './errors.js';
import { isFormerStateAt, partnerNames } from '../domain/states.js';
import { CORE_TASKS, HUMAN_SECURITY_PILLARS, type CoreTask, type HumanSecurityPillar } from '../domain/vocabulary.js';
import { COOPERATION_AREAS, type CooperationArea } from '../domain/eu/types.js';

export interface TimeQuery {
  /** Valid time: a date (inclusive of that day) or UTC instant. Default: now. */
  readonly asOf?: string;
  /** Record time: answer as the log knew it then. Default: now. */
  readonly knownAt?: string;
  /** What the reader may see (src/app/access.ts); default: everything (the local operator). */
  readonly access?: AccessFilter;
}

type Name = { readonly en: string; readonly fr: string };

interface Bounds {
  /** Normalised instant of the valid time asked. */
  readonly at: string;
  facts(kind: string, options?: { validAt?: string; keyPrefix?: string }): Promise<FactRow[]>;
}

async function bounds(ledger: LedgerService, world: string, q: TimeQuery): Promise<Bounds> {
  await ledger.requireWorld(world);
  const at = q.asOf ? endOfDay(q.asOf) : normaliseInstant(new Date().toISOString());
  const knownAtSize = q.knownAt ? await ledger.store.sizeAtRecordTime(world, endOfDay(q.knownAt)) : undefined;
  return {
    at,
    facts: (kind, options = {}) => ledger.store.facts(world, {
      kind,
      ...(q.access ? { access: q.access } : {}),
      ...(knownAtSize === undefined ? {} : { knownAtSize }),
      ...(options.validAt === undefined ? {} : { validAt: options.validAt }),
      ...(options.keyPrefix === undefined ? {} : { keyPrefix: options.keyPrefix }),
    }),
  };
}

const day = (instant: string): string => instant.slice(0, 10);
const inst = (time: string): string => normaliseInstant(time);
const atOrBefore = (time: string | undefined, at: string): boolean => time !== undefined && inst(time) <= at;
const nameOf = (code: string): Name => partnerNames(code) ?? { en: code, fr: code };
const byName = (a: { name: Name }, b: { name: Name }): number => a.name.en.localeCompare(b.name.en, 'en');

/** The Allies at an instant, from the membership index. */
async function alliesAt(b: Bounds, at: string): Promise<Set<string>> {
  const rows = await b.facts('membership', { validAt: at });
  return new Set(rows.map((r) => (r.data as { state: string }).state));
}

// ---- operations and missions ----

export type OperationStatus = 'planned' | 'active' | 'ended';

interface OperationData {
  readonly operation: string;
  readonly name: { readonly en: string; readonly fr?: string };
  readonly kind: 'operation' | 'mission';
  readonly coreTask: CoreTask;
  readonly area: string;
  readonly mandate: readonly string[];
  readonly resolutions?: readonly string[];
  readonly requestedBy?: readonly string[];
  readonly requestingOrganisation?: string;
  readonly determination?: string;
  readonly plannedAt?: string;
  readonly launchedAt?: string;
  readonly launchDecidedAt?: string;
  readonly launchDecision?: string;
  readonly endedAt?: string;
  /** `on_or_before`: it had ended by `endedAt`; the day is not sourced. */
  readonly endedIs?: 'on_or_before';
  readonly endDecidedAt?: string;
  readonly endDecision?: string;
  readonly successor?: string;
}

export interface ContributionRow {
  readonly contributor: string;
  readonly name: Name;
  readonly role: 'ally' | 'partner';
  /** The first day, or with `fromIs: 'on_or_before'` a day by which the contribution had begun. */
  readonly from: string;
  readonly fromIs?: 'on_or_before';
  readonly until?: string;
  /** With `'on_or_before'`: `until` is a day by which the contribution had ended. */
  readonly untilIs?: 'on_or_before';
}

export interface OperationRow extends Omit<OperationData, 'name'> {
  readonly name: { readonly en: string; readonly fr: string };
  /** Status on the date asked. */
  readonly status: OperationStatus;
  /** Contributors on the date asked. */
  readonly allies: readonly string[];
  readonly partners: readonly string[];
  /** Whether the record holds any contributor of this operation at all: if not, its empty lists mean "not recorded", not "none". */
  readonly contributorsRecorded: boolean;
  /**
   * Whether the lists may lack contributors on the date asked: the record knows a contributor
   * only from a later list (a day by which it was contributing, not when it began).
   */
  readonly contributorsIncomplete: boolean;
  /**
   * Contributors in the lists whose departure the record knows only by a later bound (a day by
   * which they had left, not the day): on the date asked they may already have gone.
   */
  readonly contributorsMayHaveLeft: readonly string[];
}

function operationStatus(d: OperationData, at: string): OperationStatus | undefined {
  if (atOrBefore(d.endedAt, at)) return 'ended';
  if (atOrBefore(d.launchedAt, at)) return 'active';
  if (atOrBefore(d.plannedAt, at)) return 'planned';
  return undefined;
}

/** Operations and missions known on the date, with their status then and their contributors then. */
export async function operations(
  ledger: LedgerService, world: string, q: TimeQuery & { status?: OperationStatus } = {},
): Promise<OperationRow[]> {
  const b = await bounds(ledger, world, q);
  const [ops, contributions, everContributed, allies] = await Promise.all([
    b.facts('operation'), b.facts('operation-contribution', { validAt: b.at }), b.facts('operation-contribution'), alliesAt(b, b.at),
  ]);
  const recorded = new Set(everContributed.map((c) => (c.data as { operation: string }).operation));
  const boundedLater = new Set(everContributed
    .filter((c) => (c.data as { fromIs?: string }).fromIs === 'on_or_before' && c.validFrom > b.at)
    .map((c) => (c.data as { operation: string }).operation));
  const current = new Map<string, { allies: string[]; partners: string[]; mayHaveLeft: string[] }>();
  for (const c of contributions) {
    const d = c.data as { operation: string; contributor: string; untilIs?: string };
    const entry = current.get(d.operation) ?? { allies: [], partners: [], mayHaveLeft: [] };
    if (d.untilIs === 'on_or_before') entry.mayHaveLeft.push(d.contributor);
    // An Ally or a partner as it stands on the date asked: a partner that has since joined the
    // Alliance (Finland, Sweden in NATO Mission Iraq) contributes as an Ally from its accession.
    (allies.has(d.contributor) ? entry.allies : entry.partners).push(d.contributor);
    current.set(d.operation, entry);
  }
  const rows: OperationRow[] = [];
  for (const f of ops) {
    const d = f.data as OperationData;
    const status = operationStatus(d, b.at);
    if (!status || (q.status && q.status !== status)) continue;
    const { name, endedAt, endedIs, endDecidedAt, endDecision, successor, launchedAt, launchDecidedAt, launchDecision, ...rest } = d;
    const c = current.get(d.operation) ?? { allies: [], partners: [], mayHaveLeft: [] };
    // What happened after the date asked is not shown: an operation active then has no end yet.
    const launch = status === 'planned' ? {} : {
      ...(launchedAt === undefined ? {} : { launchedAt }),
      ...(launchDecidedAt === undefined ? {} : { launchDecidedAt }),
      ...(launchDecision === undefined ? {} : { launchDecision }),
    };
    const end = status !== 'ended' ? {} : {
      ...(endedAt === undefined ? {} : { endedAt }),
      ...(endedIs === undefined ? {} : { endedIs }),
      ...(endDecidedAt === undefined ? {} : { endDecidedAt }),
      ...(endDecision === undefined ? {} : { endDecision }),
      ...(successor === undefined ? {} : { successor }),
    };
    rows.push({ ...rest, ...launch, ...end, name: { en: name.en, fr: name.fr ?? name.en }, status, allies: c.allies.sort(), partners: c.partners.sort(),
      contributorsRecorded: recorded.has(d.operation), contributorsIncomplete: status === 'active' && boundedLater.has(d.operation),
      contributorsMayHaveLeft: c.mayHaveLeft.sort(),
    });
  }
  return rows
    .sort((x, y) => (x.launchedAt ?? x.plannedAt ?? '').localeCompare(y.launchedAt ?? y.plannedAt ?? '') || x.operation.localeCompare(y.operation));
}

export interface OperationDetail extends OperationRow {
  /** Every contribution known on the date, with its period (an open period may have ended since). */
  readonly contributions: readonly ContributionRow[];
}

export async function operation(ledger: LedgerService, world: string, id: string, q: TimeQuery = {}): Promise<OperationDetail> {
  const wanted = id.toUpperCase();
  const row = (await operations(ledger, world, q)).find((r) => r.operation.toUpperCase() === wanted);
  if (!row) throw withNested('work.not_found', { id }, 'what', { code: 'what.operation', params: {} });
  const b = await bounds(ledger, world, q);
  const [facts, allies] = await Promise.all([b.facts('operation-contribution', { keyPrefix: `${row.operation}/` }), alliesAt(b, b.at)]);
  const contributions = facts
    .filter((f) => f.validFrom <= b.at && (f.data as { operation: string }).operation === row.operation)
    .map((f) => {
      const d = f.data as { contributor: string; role: 'ally' | 'partner'; fromIs?: 'on_or_before'; untilIs?: 'on_or_before' };
      const until = f.validTo && f.validTo <= b.at ? day(f.validTo) : undefined;
      // A contribution still under way on the date: the contributor's standing then; an ended one: its standing when it joined.
      const role = until ? d.role : allies.has(d.contributor) ? 'ally' as const : 'partner' as const;
      return {
        contributor: d.contributor, name: nameOf(d.contributor), role, from: day(f.validFrom),
        ...(d.fromIs === undefined ? {} : { fromIs: d.fromIs }), ...(until ? { until, ...(d.untilIs === undefined ? {} : { untilIs: d.untilIs }) } : {}),
      };
    })
    .sort((x, y) => x.from.localeCompare(y.from) || byName(x, y));
  return { ...row, contributions };
}

// ---- partnerships ----

export interface FrameworkRow {
  readonly framework: string;
  readonly name: { readonly en: string; readonly fr: string };
  readonly region?: string;
  readonly establishedAt: string;
  /** Partners taking part on the date (not Allies then), and how many of them are suspended. */
  readonly partners: number;
  readonly suspended: number;
}

export interface PartnerRow {
  readonly framework: string;
  readonly partner: string;
  readonly name: Name;
  /** The day it joined, or with `sinceIs: 'on_or_before'` a day by which it had joined. */
  readonly since: string;
  readonly sinceIs?: 'on_or_before';
  readonly suspended: boolean;
  readonly suspendedSince?: string;
  readonly reason?: string;
  /** An Ally on the date: it joined the Alliance after joining the framework. */
  readonly ally: boolean;
}

/** Each partner's participation in each framework on the date, with suspensions. */
export async function partners(
  ledger: LedgerService, world: string, q: TimeQuery & { framework?: string; includeAllies?: boolean } = {},
): Promise<PartnerRow[]> {
  const b = await bounds(ledger, world, q);
  const [rows, suspensions, allies] = await Promise.all([
    b.facts('partnership', { validAt: b.at }),
    b.facts('partnership-suspension', { validAt: b.at }),
    alliesAt(b, b.at),
  ]);
  const suspended = new Map(suspensions.map((s) => {
    const d = s.data as { framework: string; partner: string; reason?: string };
    return [`${d.framework}/${d.partner}`, { since: day(s.validFrom), ...(d.reason ? { reason: d.reason } : {}) }] as const;
  }));
  const framework = q.framework?.toUpperCase();
  return rows
    .map((f) => {
      const d = f.data as { framework: string; partner: string; fromIs?: 'on_or_before' };
      const s = suspended.get(`${d.framework}/${d.partner}`);
      return {
        framework: d.framework, partner: d.partner, name: nameOf(d.partner), since: day(f.validFrom), ...(d.fromIs ? { sinceIs: d.fromIs } : {}), suspended: s !== undefined,
        ...(s ? { suspendedSince: s.since, ...(s.reason ? { reason: s.reason } : {}) } : {}),
        ally: allies.has(d.partner),
      };
    })
    .filter((r) => (!framework || r.framework === framework) && (q.includeAllies || !r.ally))
    .sort((x, y) => x.framework.localeCompare(y.framework) || byName(x, y));
}

export async function frameworks(ledger: LedgerService, world: string, q: TimeQuery = {}): Promise<FrameworkRow[]> {
  const b = await bounds(ledger, world, q);
  const [rows, current] = await Promise.all([b.facts('framework'), partners(ledger, world, q)]);
  return rows
    .filter((f) => f.validFrom <= b.at)
    .map((f) => {
      const d = f.data as { framework: string; name: { en: string; fr?: string }; region?: string };
      const members = current.filter((p) => p.framework === d.framework);
      return {
        framework: d.framework, name: { en: d.name.en, fr: d.name.fr ?? d.name.en }, ...(d.region ? { region: d.region } : {}),
        establishedAt: day(f.validFrom), partners: members.length, suspended: members.filter((p) => p.suspended).length,
      };
    })
    .sort((x, y) => x.establishedAt.localeCompare(y.establishedAt));
}

export interface ProgrammeRow {
  readonly programme: string;
  readonly framework: string;
  readonly partner: string;
  readonly name: Name;
  readonly kind: string;
  readonly title?: string;
  readonly agreedAt: string;
}

export async function programmes(ledger: LedgerService, world: string, q: TimeQuery & { partner?: string } = {}): Promise<ProgrammeRow[]> {
  const b = await bounds(ledger, world, q);
  const rows = await b.facts('partnership-programme');
  return rows
    .filter((f) => f.validFrom <= b.at)
    .map((f) => {
      const d = f.data as { programme: string; framework: string; partner: string; kind: string; title?: string };
      return { programme: d.programme, framework: d.framework, partner: d.partner, name: nameOf(d.partner), kind: d.kind, ...(d.title ? { title: d.title } : {}), agreedAt: day(f.validFrom) };
    })
    .filter((r) => !q.partner || r.partner === q.partner)
    .sort((x, y) => x.agreedAt.localeCompare(y.agreedAt) || x.programme.localeCompare(y.programme));
}

// ---- the DCB trust fund ----

export interface PackageRow {
  readonly package: string;
  readonly partner: string;
  readonly name: Name;
  readonly areas: readonly string[];
  readonly title?: string;
  readonly launchedAt: string;
}

interface Movement {
  readonly kind: 'pledge' | 'contribution' | 'allocation' | 'expenditure';
  readonly at: string;
  readonly amount: number;
  readonly currency: string;
  readonly ally?: string;
  readonly package?: string;
  readonly partner?: string;
  readonly area?: string;
  readonly project?: string;
  readonly pledge?: string;
  readonly fromEarmarked?: number;
  readonly fromGeneral?: number;
}

export interface FundBalance {
  readonly currency: string;
  /** Promised; never counted as received. */
  readonly pledged: number;
  /** Pledged and not yet honoured by a contribution against the pledge. */
  readonly outstandingPledges: number;
  readonly received: number;
  readonly allocated: number;
  readonly spent: number;
  /** Received and not allocated: general money plus money earmarked for packages. */
  readonly unallocated: number;
  readonly earmarked: Readonly<Record<string, number>>;
  /** Allocated and not spent. */
  readonly unspent: number;
  /** received = allocated + unallocated, allocated = spent + unspent, and no balance is negative. */
  readonly reconciles: boolean;
}

export interface FundSummary {
  readonly asOf: string;
  readonly packages: readonly PackageRow[];
  readonly balances: readonly FundBalance[];
  /** How many contributions (money received) the record holds on the date: 0 means received is not recorded, not nil. */
  readonly contributionsRecorded: number;
}

async function movements(b: Bounds): Promise<{ packages: PackageRow[]; moves: Movement[] }> {
  const [pkgs, pledges, contributions, allocations, expenditures] = await Promise.all([
    b.facts('dcb-package'),
    b.facts('fund-pledge', { validAt: b.at }),
    b.facts('fund-contribution', { validAt: b.at }),
    b.facts('fund-allocation', { validAt: b.at }),
    b.facts('fund-expenditure', { validAt: b.at }),
  ]);
  const packages = pkgs
    .filter((f) => f.validFrom <= b.at)
    .map((f) => {
      const d = f.data as { package: string; partner: string; areas: string[]; title?: string };
      return { package: d.package, partner: d.partner, name: nameOf(d.partner), areas: d.areas, ...(d.title ? { title: d.title } : {}), launchedAt: day(f.validFrom) };
    })
    .sort((x, y) => x.launchedAt.localeCompare(y.launchedAt) || x.package.localeCompare(y.package));
  const move = (kind: Movement['kind']) => (f: FactRow): Movement => ({ kind, at: day(f.validFrom), ...(f.data as Omit<Movement, 'kind' | 'at'>) });
  return {
    packages,
    moves: [...pledges.map(move('pledge')), ...contributions.map(move('contribution')), ...allocations.map(move('allocation')), ...expenditures.map(move('expenditure'))],
  };
}

function balanceOf(currency: string, moves: readonly Movement[]): FundBalance {
  const of = (kind: Movement['kind']) => moves.filter((m) => m.kind === kind && m.currency === currency);
  const sum = (list: readonly Movement[], pick: (m: Movement) => number = (m) => m.amount) => list.reduce((s, m) => s + pick(m), 0);
  const pledges = of('pledge');
  const contributions = of('contribution');
  const allocations = of('allocation');
  const expenditures = of('expenditure');
  const honoured = sum(contributions.filter((c) => c.pledge !== undefined && pledges.some((p) => (p as { pledge?: string }).pledge === c.pledge)));
  const general = sum(contributions.filter((c) => c.package === undefined)) - sum(allocations, (m) => m.fromGeneral ?? 0);
  const earmarked: Record<string, number> = {};
  for (const c of contributions) if (c.package !== undefined) earmarked[c.package] = (earmarked[c.package] ?? 0) + c.amount;
  for (const a of allocations) if (a.package !== undefined) earmarked[a.package] = (earmarked[a.package] ?? 0) - (a.fromEarmarked ?? 0);
  const unallocated = general + Object.values(earmarked).reduce((s, n) => s + n, 0);
  const projects = new Map<string, number>();
  for (const a of allocations) projects.set(a.project ?? '', (projects.get(a.project ?? '') ?? 0) + a.amount);
  for (const e of expenditures) projects.set(e.project ?? '', (projects.get(e.project ?? '') ?? 0) - e.amount);
  const unspent = [...projects.values()].reduce((s, n) => s + n, 0);
  const [received, allocated, spent, pledged] = [sum(contributions), sum(allocations), sum(expenditures), sum(pledges)];
  const reconciles = received === allocated + unallocated && allocated === spent + unspent
    && general >= 0 && Object.values(earmarked).every((n) => n >= 0) && [...projects.values()].every((n) => n >= 0);
  return {
    currency, pledged, outstandingPledges: pledged - honoured, received, allocated, spent, unallocated,
    earmarked: Object.fromEntries(Object.entries(earmarked).filter(([, n]) => n !== 0)), unspent, reconciles,
  };
}

/** Packages launched and every currency's books on the date. */
export async function fund(ledger: LedgerService, world: string, q: TimeQuery = {}): Promise<FundSummary> {
  const b = await bounds(ledger, world, q);
  const { packages, moves } = await movements(b);
  const currencies = [...new Set(moves.map((m) => m.currency))].sort();
  return {
    asOf: day(b.at), packages, balances: currencies.map((c) => balanceOf(c, moves)),
    contributionsRecorded: moves.filter((m) => m.kind === 'contribution').length,
  };
}

export type FundDimension = 'ally' | 'partner' | 'area' | 'year' | 'package';
export const FUND_DIMENSIONS: readonly FundDimension[] = ['ally', 'partner', 'area', 'year', 'package'];

export interface FundReportRow {
  readonly key: string;
  readonly currency: string;
  readonly pledged: number;
  readonly received: number;
  readonly allocated: number;
  readonly spent: number;
}

/**
 * Money by Ally (what each pledged and contributed), by partner, package or area (what was pledged
 * and received for it, allocated and spent on it), or by year (of each movement). Unearmarked money
 * is reported under the key `-` (general) for partner and package.
 */
export async function fundReport(ledger: LedgerService, world: string, by: FundDimension, q: TimeQuery = {}): Promise<FundReportRow[]> {
  const b = await bounds(ledger, world, q);
  const { packages, moves } = await movements(b);
  const partnerOf = new Map(packages.map((p) => [p.package, p.partner]));
  const keyOf = (m: Movement): string | undefined => {
    switch (by) {
      case 'ally': return m.ally;
      case 'package': return m.package ?? '-';
      case 'partner': return m.partner ?? (m.package ? partnerOf.get(m.package) : undefined) ?? '-';
      case 'area': return m.area;
      case 'year': return m.at.slice(0, 4);
    }
  };
  const rows = new Map<string, { key: string; currency: string; pledged: number; received: number; allocated: number; spent: number }>();
  const field = { pledge: 'pledged', contribution: 'received', allocation: 'allocated', expenditure: 'spent' } as const;
  for (const m of moves) {
    const key = keyOf(m);
    if (key === undefined) continue;
    const id = `${key}\u0000${m.currency}`;
    const row = rows.get(id) ?? { key, currency: m.currency, pledged: 0, received: 0, allocated: 0, spent: 0 };
    row[field[m.kind]] += m.amount;
    rows.set(id, row);
  }
  return [...rows.values()].sort((x, y) => x.key.localeCompare(y.key) || x.currency.localeCompare(y.currency));
}

// ---- exercises ----

export interface ExerciseRow {
  readonly exercise: string;
  readonly name: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly lead: string;
  readonly coreTask: CoreTask;
  readonly allies: readonly string[];
  readonly partners: readonly string[];
  readonly hostNations: readonly string[];
  readonly themes: readonly string[];
  readonly domains: readonly string[];
  readonly personnel?: number;
  readonly status: 'under_way' | 'completed';
}

/** Exercises begun on or before the date; `year` keeps those that began that year. */
export async function exercises(ledger: LedgerService, world: string, q: TimeQuery & { year?: string } = {}): Promise<ExerciseRow[]> {
  const b = await bounds(ledger, world, q);
  const rows = await b.facts('exercise');
  return rows
    .filter((f) => f.validFrom <= b.at && (!q.year || f.validFrom.startsWith(q.year)))
    .map((f) => {
      const d = f.data as Omit<ExerciseRow, 'status' | 'startDate'> & { startDate: string; hostNations?: string[]; themes?: string[]; domains?: string[] };
      return {
        exercise: d.exercise, name: d.name, startDate: day(f.validFrom), endDate: d.endDate, lead: d.lead, coreTask: d.coreTask,
        allies: d.allies, partners: d.partners, hostNations: d.hostNations ?? [], themes: d.themes ?? [], domains: d.domains ?? [],
        ...(d.personnel === undefined ? {} : { personnel: d.personnel }),
        status: f.validTo && f.validTo <= b.at ? 'completed' as const : 'under_way' as const,
      };
    })
    .sort((x, y) => x.startDate.localeCompare(y.startDate));
}

// ---- NATO-EU ----

export interface EuStateRow {
  readonly code: string;
  readonly name: Name;
  readonly nato: boolean;
  readonly eu: boolean;
  readonly natoSince?: string;
  readonly euSince?: string;
}

export interface EuReport {
  readonly asOf: string;
  readonly allies: number;
  readonly euMembers: number;
  readonly shared: readonly string[];
  readonly natoOnly: readonly string[];
  readonly euOnly: readonly string[];
  readonly states: readonly EuStateRow[];
}

/** Members of NATO and of the EU on the date: those they share, and those in only one. */
export async function eu(ledger: LedgerService, world: string, q: TimeQuery = {}): Promise<EuReport> {
  const b = await bounds(ledger, world, q);
  const [nato, members] = await Promise.all([b.facts('membership', { validAt: b.at }), b.facts('eu-membership', { validAt: b.at })]);
  const natoSince = new Map(nato.map((f) => [(f.data as { state: string }).state, day(f.validFrom)]));
  const euSince = new Map(members.map((f) => [(f.data as { state: string }).state, day(f.validFrom)]));
  const codes = [...new Set([...natoSince.keys(), ...euSince.keys()])];
  const states = codes
    .map((code) => ({
      code, name: nameOf(code), nato: natoSince.has(code), eu: euSince.has(code),
      ...(natoSince.has(code) ? { natoSince: natoSince.get(code)! } : {}), ...(euSince.has(code) ? { euSince: euSince.get(code)! } : {}),
    }))
    .sort(byName);
  return {
    asOf: day(b.at), allies: natoSince.size, euMembers: euSince.size,
    shared: states.filter((s) => s.nato && s.eu).map((s) => s.code),
    natoOnly: states.filter((s) => s.nato && !s.eu).map((s) => s.code),
    euOnly: states.filter((s) => !s.nato && s.eu).map((s) => s.code),
    states,
  };
}

export interface DeclarationRow {
  readonly declaration: string;
  readonly title: string;
  readonly signedAt: string;
  readonly place?: string;
  readonly areas: readonly CooperationArea[];
}

export async function declarations(ledger: LedgerService, world: string, q: TimeQuery = {}): Promise<DeclarationRow[]> {
  const b = await bounds(ledger, world, q);
  const rows = await b.facts('nato-eu-declaration');
  return rows
    .filter((f) => f.validFrom <= b.at)
    .map((f) => {
      const d = f.data as { declaration: string; title: string; place?: string; areas: CooperationArea[] };
      return { declaration: d.declaration, title: d.title, signedAt: day(f.validFrom), ...(d.place ? { place: d.place } : {}), areas: d.areas };
    })
    .sort((x, y) => x.signedAt.localeCompare(y.signedAt));
}

/** Each area of cooperation and the declarations, signed by the date, that name it. */
export async function cooperationAreas(ledger: LedgerService, world: string, q: TimeQuery = {}): Promise<{ area: CooperationArea; declarations: string[] }[]> {
  const signed = await declarations(ledger, world, q);
  return COOPERATION_AREAS.map((area) => ({ area, declarations: signed.filter((d) => d.areas.includes(area)).map((d) => d.declaration) }));
}

// ---- arms control ----

export const ARMS_STATUSES = ['signed', 'party', 'suspended', 'withdrawn'] as const;
type ArmsStatus = (typeof ARMS_STATUSES)[number];

export interface InstrumentRow {
  readonly instrument: string;
  readonly name: string;
  readonly kind: string;
  readonly field: string;
  readonly depositary?: string;
  readonly openedAt: string;
  /** In force on the date: entered into force on or before it and not yet terminated. */
  readonly inForce: boolean;
  readonly enteredIntoForceAt?: string;
  /** The day it ceased to be in force, once that day has come. */
  readonly terminatedAt?: string;
  /** How many Allies (on the date) hold each status then. */
  readonly allies: Readonly<Record<ArmsStatus, number>>;
}

export interface StatusRow {
  readonly instrument: string;
  readonly state: string;
  readonly name: Name;
  readonly ally: boolean;
  readonly status: ArmsStatus;
  /** The first day of the status, or with `sinceIs: 'on_or_before'` a day by which it held. */
  readonly since: string;
  readonly sinceIs?: 'on_or_before';
}

/** Every state's status in every instrument on the date (Allies only unless `allStates`). */
export async function armsControlStatuses(
  ledger: LedgerService, world: string, q: TimeQuery & { instrument?: string; allStates?: boolean } = {},
): Promise<StatusRow[]> {
  const b = await bounds(ledger, world, q);
  const instrument = q.instrument?.toUpperCase();
  const [rows, allies] = await Promise.all([
    b.facts('arms-control-status', { validAt: b.at, ...(instrument ? { keyPrefix: `${instrument}/` } : {}) }),
    alliesAt(b, b.at),
  ]);
  return rows
    .map((f) => {
      const d = f.data as { instrument: string; state: string; status: ArmsStatus; fromIs?: 'on_or_before' };
      return { instrument: d.instrument, state: d.state, name: nameOf(d.state), ally: allies.has(d.state), status: d.status, since: day(f.validFrom), ...(d.fromIs === undefined ? {} : { sinceIs: d.fromIs }) };
    })
    .filter((r) => (!instrument || r.instrument === instrument) && (q.allStates || r.ally))
    .sort((x, y) => x.instrument.localeCompare(y.instrument) || byName(x, y));
}

export async function armsControlRegister(ledger: LedgerService, world: string, q: TimeQuery = {}): Promise<InstrumentRow[]> {
  const b = await bounds(ledger, world, q);
  const [rows, statuses] = await Promise.all([b.facts('arms-control-instrument'), armsControlStatuses(ledger, world, q)]);
  return rows
    .filter((f) => f.validFrom <= b.at)
    .map((f) => {
      const d = f.data as { instrument: string; name: string; kind: string; field: string; depositary?: string; enteredIntoForceAt?: string; terminatedAt?: string };
      const counts = Object.fromEntries(ARMS_STATUSES.map((s) => [s, statuses.filter((r) => r.instrument === d.instrument && r.status === s).length])) as Record<ArmsStatus, number>;
      const entered = atOrBefore(d.enteredIntoForceAt, b.at);
      const terminated = atOrBefore(d.terminatedAt, b.at);
      return {
        instrument: d.instrument, name: d.name, kind: d.kind, field: d.field, ...(d.depositary ? { depositary: d.depositary } : {}),
        openedAt: day(f.validFrom), inForce: entered && !terminated,
        ...(entered && d.enteredIntoForceAt ? { enteredIntoForceAt: d.enteredIntoForceAt } : {}),
        ...(terminated && d.terminatedAt ? { terminatedAt: day(d.terminatedAt) } : {}),
        allies: counts,
      };
    })
    .sort((x, y) => x.openedAt.localeCompare(y.openedAt));
}

export async function armsControlCommittees(ledger: LedgerService, world: string, q: TimeQuery = {}) {
  const b = await bounds(ledger, world, q);
  const rows = await b.facts('arms-control-committee');
  return rows
    .filter((f) => f.validFrom <= b.at)
    .map((f) => ({ ...(f.data as { committee: string; name: string; mandate?: string }), establishedAt: day(f.validFrom) }));
}

// ---- human security and WPS ----

export type ActivityKind = 'operation' | 'exercise' | 'dcb_package' | 'dcb_project';

interface Activity {
  readonly activity: ActivityKind;
  readonly id: string;
  readonly coreTask: CoreTask;
  /** Instants: [from, until). */
  readonly from: string;
  readonly until?: string;
}

export interface CoverageRow {
  readonly year: string;
  readonly coreTask: CoreTask;
  /** Activities under way at some point in the year. */
  readonly activities: number;
  /** With a human-security tag in force at the end of the year (or on the date asked). */
  readonly tagged: number;
  readonly genderAnalysis: number;
  readonly pillars: Readonly<Record<HumanSecurityPillar, number>>;
  /** Pillars no activity of this task and year addresses. */
  readonly missingPillars: readonly HumanSecurityPillar[];
  /** `ACTIVITY/ID` of the activities without a tag: the gaps. */
  readonly untagged: readonly string[];
  /** `ACTIVITY/ID` of tagged activities with no gender analysis recorded. */
  readonly noGenderAnalysis: readonly string[];
}

async function activities(b: Bounds): Promise<Activity[]> {
  const [ops, exs, pkgs, allocations] = await Promise.all([
    b.facts('operation'), b.facts('exercise'), b.facts('dcb-package'), b.facts('fund-allocation', { validAt: b.at }),
  ]);
  const list: Activity[] = [];
  for (const f of ops) {
    const d = f.data as OperationData;
    const from = d.launchedAt ?? d.plannedAt;
    if (!from || inst(from) > b.at) continue;
    list.push({ activity: 'operation', id: d.operation, coreTask: d.coreTask, from: inst(from), ...(d.endedAt ? { until: inst(d.endedAt) } : {}) });
  }
  for (const f of exs) {
    if (f.validFrom > b.at) continue;
    const d = f.data as { exercise: string; coreTask: CoreTask };
    list.push({ activity: 'exercise', id: d.exercise, coreTask: d.coreTask, from: f.validFrom, ...(f.validTo ? { until: f.validTo } : {}) });
  }
  for (const f of pkgs) {
    if (f.validFrom > b.at) continue;
    list.push({ activity: 'dcb_package', id: (f.data as { package: string }).package, coreTask: 'cooperative_security', from: f.validFrom });
  }
  const projects = new Map<string, string>();
  for (const f of allocations) {
    const project = (f.data as { project: string }).project;
    if (!projects.has(project) || f.validFrom < projects.get(project)!) projects.set(project, f.validFrom);
  }
  for (const [id, from] of projects) list.push({ activity: 'dcb_project', id, coreTask: 'cooperative_security', from });
  return list;
}

/**
 * Coverage and gaps by core task and year: for each year in which activities were under way (or
 * only `year`), how many carry a human-security tag, how many address each pillar, how many record
 * a gender analysis, and which carry none. A tag counts if in force at the end of that year, or on
 * the date asked for the current year.
 */
export async function humanSecurity(ledger: LedgerService, world: string, q: TimeQuery & { year?: string } = {}): Promise<CoverageRow[]> {
  const b = await bounds(ledger, world, q);
  const [list, tags] = await Promise.all([activities(b), b.facts('human-security')]);
  const lastYear = Number(b.at.slice(0, 4));
  const years = new Set<number>();
  for (const a of list) {
    const end = a.until ? Number(a.until.slice(0, 4)) - (a.until.slice(5, 10) === '01-01' && a.until.slice(11, 19) === '00:00:00' ? 1 : 0) : lastYear;
    for (let y = Number(a.from.slice(0, 4)); y <= Math.min(end, lastYear); y += 1) years.add(y);
  }
  const rows: CoverageRow[] = [];
  for (const y of [...years].sort((m, n) => m - n)) {
    if (q.year && String(y) !== q.year) continue;
    const yearStart = `${y}-01-01T00:00:00.000Z`;
    const yearEnd = `${y}-12-31T23:59:59.999Z`;
    const when = yearEnd < b.at ? yearEnd : b.at;
    const inForce = new Map<string, { pillars: HumanSecurityPillar[]; genderAnalysis?: boolean }>();
    for (const t of tags) {
      if (t.validFrom <= when && (!t.validTo || t.validTo > when)) {
        const d = t.data as { activity: string; id: string; pillars: HumanSecurityPillar[]; genderAnalysis?: boolean };
        inForce.set(`${d.activity}/${d.id}`, d);
      }
    }
    for (const task of CORE_TASKS) {
      const under = list.filter((a) => a.coreTask === task && a.from <= yearEnd && (!a.until || a.until > yearStart));
      if (under.length === 0) continue;
      const keys = under.map((a) => `${a.activity}/${a.id}`).sort();
      const tagged = keys.filter((k) => inForce.has(k));
      const pillars = Object.fromEntries(HUMAN_SECURITY_PILLARS.map((p) => [p, tagged.filter((k) => inForce.get(k)!.pillars.includes(p)).length])) as Record<HumanSecurityPillar, number>;
      rows.push({
        year: String(y), coreTask: task, activities: under.length, tagged: tagged.length,
        genderAnalysis: tagged.filter((k) => inForce.get(k)!.genderAnalysis === true).length,
        pillars, missingPillars: HUMAN_SECURITY_PILLARS.filter((p) => pillars[p] === 0),
        untagged: keys.filter((k) => !inForce.has(k)),
        noGenderAnalysis: tagged.filter((k) => inForce.get(k)!.genderAnalysis !== true),
      });
    }
  }
  return rows;
}

// ---- coverage: what the record holds per area, and what it does not ----

/**
 * One measure of an area: how many items the record holds on the date, and (`of`) how many a
 * public reference lists, with that reference. `of` is absent when no reference gives a count;
 * `modelled: false` marks what the engine cannot record yet (nothing is shown as 0 for it).
 */
export interface CoverageMeasure {
  readonly measure: string;
  readonly recorded: number;
  readonly of?: number;
  readonly source?: string;
  readonly modelled: boolean;
}

export type CoverageStatus = 'complete' | 'partial' | 'not_recorded';

export interface CoverageArea {
  readonly area: string;
  readonly status: CoverageStatus;
  readonly measures: readonly CoverageMeasure[];
}

/** Reference counts with their public source (data/coverage.json), keyed by measure. */
export type CoverageReference = Readonly<Record<string, { readonly of: number; readonly source: string; readonly note?: string }>>;

const statusOf = (measures: readonly CoverageMeasure[]): CoverageStatus => {
  if (measures.every((m) => !m.modelled || m.recorded === 0)) return 'not_recorded';
  return measures.every((m) => m.modelled && m.of !== undefined && m.recorded >= m.of) ? 'complete' : 'partial';
};

/**
 * What the record holds per area on the date (as the log knew it), against the reference counts
 * public sources give. An area is `complete` only when every measure reaches its reference count,
 * `not_recorded` when nothing of it is held (or the engine cannot hold it yet), else `partial`.
 */
export async function coverage(ledger: LedgerService, world: string, reference: CoverageReference, q: TimeQuery = {}): Promise<CoverageArea[]> {
  const b = await bounds(ledger, world, q);
  const valid = (rows: FactRow[]) => rows.filter((f) => f.validFrom <= b.at);
  const [frameworkRows, partnershipRows, suspensionRows, ops, contributions, packages, contributionsIn, pledges, instruments, statuses,
    article5, consultationRows, sgs, concepts, summits, ratifications, protocols, tags] = await Promise.all([
    b.facts('framework'), b.facts('partnership'), b.facts('partnership-suspension'), b.facts('operation'), b.facts('operation-contribution'),
    b.facts('dcb-package'), b.facts('fund-contribution'), b.facts('fund-pledge'), b.facts('arms-control-instrument'), b.facts('arms-control-status'),
    b.facts('article5'), b.facts('consultation'), b.facts('secretary-general'), b.facts('strategic-concept'), b.facts('summit'),
    b.facts('ratification'), b.facts('protocol'), b.facts('human-security'),
  ]);
  const [officeRows, seatRows, invocationRows, policyRows] = await Promise.all([
    b.facts('office-holder'), b.facts('seat'), b.facts('article5-invocation'), b.facts('policy'),
  ]);
  const policiesOf = (kinds: readonly string[]) => valid(policyRows).filter((f) => kinds.includes((f.data as { kind: string }).kind)).length;
  const holdersOf = (office: string) => valid(officeRows).filter((f) => (f.data as { office: string }).office === office).length;
  const seatsOf = (body: string) => valid(seatRows).filter((f) => (f.data as { body: string }).body === body).length;
  const measure = (name: string, recorded: number, modelled = true): CoverageMeasure => {
    const ref = reference[name];
    return { measure: name, recorded, ...(ref ? { of: ref.of, source: ref.source } : {}), modelled };
  };
  const area = (name: string, measures: CoverageMeasure[]): CoverageArea => ({ area: name, status: statusOf(measures), measures });

  const partnersIn = (framework: string) => new Set(valid(partnershipRows)
    .map((f) => f.data as { framework: string; partner: string }).filter((d) => d.framework === framework).map((d) => d.partner)).size;
  const frameworkIds = valid(frameworkRows).map((f) => (f.data as { framework: string }).framework);
  const opRows = valid(ops);
  const withContributors = new Set(valid(contributions).map((c) => (c.data as { operation: string }).operation));
  const exact = valid(ratifications).map((f) => f.data as { protocol: string; stage: string; required: boolean; dateIs?: string })
    .filter((d) => d.required && d.stage === 'instrument_deposited');
  const pairs = valid(protocols).map((f) => f.data as { requiredRatifiers: readonly string[] }).reduce((n, p) => n + p.requiredRatifiers.length, 0);
  const approvals = valid(ratifications).map((f) => f.data as { stage: string; required: boolean; dateIs?: string })
    .filter((d) => d.required && d.stage === 'parliament_approved');
  const measureLists = valid(article5).map((f) => (f.data as { measures?: readonly { at: string }[] }).measures ?? []);
  // Measures reported later (the operations that carried the package out) have no published count
  // to compare with; `evere article5` lists them all. The package the Council agreed together: each determination's measures of its first day of measures.
  const agreed5 = measureLists.reduce((n, m) => {
    const first = m.map((x) => x.at.slice(0, 10)).sort()[0];
    return n + m.filter((x) => x.at.slice(0, 10) === first).length;
  }, 0);
  const consultations = valid(consultationRows).map((f) => f.data as { heldAt?: string });
  const instrumentIds = new Set(valid(instruments).map((f) => (f.data as { instrument: string }).instrument));

  return [
    area('ratification', [
      measure('ratification.pairs', pairs),
      measure('ratification.deposits_exact', exact.filter((d) => d.dateIs === undefined).length),
      measure('ratification.deposits_bounded', exact.filter((d) => d.dateIs !== undefined).length),
      measure('ratification.parliament_approvals', approvals.filter((d) => d.dateIs === undefined).length),
      measure('ratification.parliament_approvals_bounded', approvals.filter((d) => d.dateIs !== undefined).length),
      // Signed instruments: a step of its own only in some Allies' procedures, so no count to reach.
      measure('ratification.instruments_signed', valid(ratifications).filter((f) => {
        const d = f.data as { stage: string; required: boolean };
        return d.required && d.stage === 'instrument_signed';
      }).length),
    ]),
    area('partnerships', [
      ...['PFP', 'MD', 'ICI', 'PATG'].map((f) => measure(`partners.${f}`, frameworkIds.includes(f) ? partnersIn(f) : 0)),
      measure('partners.suspensions', valid(suspensionRows).length),
      measure('partners.EOP', frameworkIds.includes('EOP') ? partnersIn('EOP') : 0),
    ]),
    area('offices', [
      measure('offices.secretaries_general', valid(sgs).length),
      measure('offices.acting_secretaries_general', holdersOf('acting_secretary_general')),
      measure('offices.deputy_secretaries_general', holdersOf('deputy_secretary_general')),
      measure('offices.saceur', holdersOf('saceur')),
      measure('offices.saclant', holdersOf('saclant')),
      measure('offices.sact', holdersOf('sact')),
    ]),
    area('places', [measure('places.nato_headquarters', seatsOf('nato_headquarters')), measure('places.shape', seatsOf('shape'))]),
    area('strategy', [measure('strategy.strategic_concepts', valid(concepts).length), measure('strategy.summits', valid(summits).length)]),
    area('wps_human_security', [
      measure('human_security.tags', valid(tags).length),
      measure('wps.policies', policiesOf(['wps_policy', 'wps_action_plan'])),
      measure('offices.wps_special_representative', holdersOf('wps_special_representative')),
      measure('human_security.approach', policiesOf(['human_security_approach'])),
    ]),
    area('dcb', [
      measure('dcb.packages', valid(packages).length),
      measure('dcb.pledges', valid(pledges).length),
      measure('dcb.contributions_received', valid(contributionsIn).length),
    ]),
    area('operations', [
      measure('operations.operations', opRows.length),
      measure('operations.with_contributors', opRows.filter((f) => withContributors.has((f.data as { operation: string }).operation)).length),
    ]),
    area('arms_control', [
      measure('arms_control.instruments', instrumentIds.size),
      // The states that are or have been parties, as depositaries count States Parties: a signatory
      // that never ratified is not one, nor a state that no longer exists on the date (its
      // successors are counted in its place).
      ...['INF', 'CFE', 'OPEN-SKIES', 'NEW-START'].map((i) => measure(`arms_control.parties.${i}`,
        new Set(valid(statuses).map((f) => f.data as { instrument: string; state: string; status: string })
          .filter((d) => d.instrument === i && d.status === 'party' && !isFormerStateAt(d.state, b.at)).map((d) => d.state)).size)),
    ]),
    area('article5', [
      measure('article5.determinations', valid(article5).length),
      measure('article5.measures_agreed', agreed5),
      measure('article5.conditional_invocation', valid(invocationRows).length),
    ]),
    area('article4', [
      measure('article4.requests', consultations.length),
      measure('article4.meetings_dated', consultations.filter((c) => c.heldAt !== undefined).length),
    ]),
  ];
}

/** Reads data/coverage.json: reference counts with their sources. A missing file means no references. */
export function readCoverageReference(read: () => string | undefined): CoverageReference {
  const text = read();
  if (text === undefined) return {};
  const parsed = JSON.parse(text) as { measures?: CoverageReference };
  return parsed.measures ?? {};
}
