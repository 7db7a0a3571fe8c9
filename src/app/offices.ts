/**
 * The Alliance's offices and seats over time, as `evere offices` and the API give them: every
 * recorded term (the Secretaries General, the other offices' holders, the seats of NATO
 * Headquarters and SHAPE) with its bounds, and the spans between recorded terms that no source
 * covers.
 *
 * Spans in an office's (or a body's seat's) recorded history that nobody is recorded for: between
 * one recorded tenure's end and the next recorded start of the same office. The record leaves a
 * holder out when no source dates them (four SACEURs of 1974–1997), and ends a tenure at the last
 * day a source shows it (Galvin, the Special Representatives for Women, Peace and Security), so a
 * listing that skipped these spans would read as "nobody held the post". Only spans between two
 * recorded tenures are reported: before the first and after the last, the record cannot tell a
 * missing holder from an office that did not exist yet or any more.
 */
import type { LedgerService } from './ledger-service.js';
import type { FactRow } from './ports.js';
import { factsOf, type TimeQuery } from './treaty-queries.js';
import { endOfDay } from './time.js';
import { addDays } from '../domain/time.js';

export interface Tenure { readonly what: string; readonly from: string; readonly until?: string }
export interface UnrecordedSpan { readonly what: string; readonly from: string; readonly until: string }

export function unrecordedSpans(tenures: readonly Tenure[]): UnrecordedSpan[] {
  const byWhat = new Map<string, Tenure[]>();
  for (const t of tenures) byWhat.set(t.what, [...(byWhat.get(t.what) ?? []), t]);
  const spans: UnrecordedSpan[] = [];
  for (const [what, list] of byWhat) {
    const sorted = [...list].sort((a, b) => a.from.localeCompare(b.from));
    // The latest end seen so far; undefined once a tenure with no end is open.
    let reach: string | undefined = sorted[0]!.until;
    for (const t of sorted.slice(1)) {
      if (reach === undefined) break;
      if (t.from > reach) spans.push({ what, from: reach, until: t.from });
      if (t.until === undefined) reach = undefined;
      else if (t.until > reach) reach = t.until;
    }
  }
  return spans;
}

/** The spans in effect at an instant (`from` ≤ at < `until`), as a valid-time query reads tenures. */
export function spansAt(spans: readonly UnrecordedSpan[], at: string): UnrecordedSpan[] {
  return spans.filter((s) => s.from <= at && at < s.until);
}

/** Offices and bodies in the order they are listed. */
export const OFFICE_ORDER = ['secretary_general', 'acting_secretary_general', 'deputy_secretary_general', 'saceur', 'saclant', 'acting_saclant', 'sact', 'wps_special_representative', 'nato_headquarters', 'shape'];

/**
 * One term of an office (a holder) or of a body's seat (a place), or a span between two recorded
 * terms that no source covers (`recorded: false`, no holder or place).
 */
export interface OfficeTerm {
  readonly kind: 'office' | 'seat';
  /** The office (`secretary_general`, `saceur`…) or the body (`nato_headquarters`, `shape`). */
  readonly what: string;
  readonly holder?: string;
  readonly nationality?: string;
  readonly place?: string;
  readonly site?: string;
  /** [from, until): instants. */
  readonly from: string;
  readonly until?: string;
  readonly recorded: boolean;
  /** `on_or_before`: no source gives the first day; `from` is the earliest day one shows the term. */
  readonly fromIs?: 'on_or_before';
  /**
   * `on_or_after`: the term ended on or after `until` (the day after the last day a source shows
   * it); `on_or_before`: `until` is the next term's start, itself known only as a bound.
   */
  readonly untilIs?: 'on_or_after' | 'on_or_before';
}

const KINDS = ['secretary-general', 'office-holder', 'seat'] as const;

/**
 * Whether an office-holder fact ends at its holder's own last day seen (`untilIs: on_or_after`), a
 * bound, rather than at the next holder's start.
 */
export function endsAtOwnBound(f: FactRow): boolean {
  const d = f.data as { until?: string; untilIs?: string };
  return d.untilIs === 'on_or_after' && d.until !== undefined && f.validTo?.slice(0, 10) === addDays(d.until, 1);
}

/** Offices held only now and then: the time between two acting holders is not a gap in the record. */
const INTERMITTENT: ReadonlySet<string> = new Set(['acting_secretary_general', 'acting_saclant']);

function termsOf(facts: readonly FactRow[][]): OfficeTerm[] {
  const [sgs, holders, seats] = facts;
  const span = (f: FactRow) => ({ from: f.validFrom, ...(f.validTo ? { until: f.validTo } : {}), recorded: true });
  return [
    ...sgs!.map((f) => {
      const d = f.data as { name: string; nationality: string };
      return { kind: 'office' as const, what: 'secretary_general', holder: d.name, nationality: d.nationality, ...span(f) };
    }),
    ...holders!.map((f) => {
      const d = f.data as { office: string; name: string; nationality: string; dateIs?: 'on_or_before' };
      return {
        kind: 'office' as const, what: d.office, holder: d.name, nationality: d.nationality, ...span(f),
        ...(d.dateIs ? { fromIs: d.dateIs } : {}), ...(endsAtOwnBound(f) ? { untilIs: 'on_or_after' as const } : {}),
      };
    }),
    ...seats!.map((f) => {
      const d = f.data as { body: string; place: string; site?: string; dateIs?: 'on_or_before' };
      return { kind: 'seat' as const, what: d.body, place: d.place, ...(d.site ? { site: d.site } : {}), ...span(f), ...(d.dateIs ? { fromIs: d.dateIs } : {}) };
    }),
  ];
}

/**
 * Every term at a date (`asOf`: who held each office, where each body sat, or "not recorded"
 * when the date falls between two recorded terms), or the whole history with its unrecorded spans.
 */
export async function officeTerms(ledger: LedgerService, world: string, q: TimeQuery = {}): Promise<OfficeTerm[]> {
  const { asOf: _asOf, ...whole } = q;
  // The whole history as known at knownAt, to find the spans no term is recorded for; the terms at
  // asOf are those of it valid then, as a valid-time query reads them (from ≤ at < until).
  const history = termsOf(await Promise.all(KINDS.map((kind) => factsOf(ledger, world, kind, whole))));
  const at = q.asOf === undefined ? undefined : endOfDay(q.asOf);
  // A term that ends when the next began ends no later than that one's bound.
  const boundedStarts = new Set(history.filter((r) => r.fromIs).map((r) => `${r.what} ${r.from}`));
  const endsByNext = (r: OfficeTerm): OfficeTerm => (r.until && !r.untilIs && boundedStarts.has(`${r.what} ${r.until}`) ? { ...r, untilIs: 'on_or_before' } : r);
  const current = (at === undefined ? history : history.filter((r) => r.from <= at && (r.until === undefined || at < r.until))).map(endsByNext);
  const kindOf = new Map(history.map((r) => [r.what, r.kind]));
  let spans = unrecordedSpans(history).filter((s) => !INTERMITTENT.has(s.what));
  if (at !== undefined) {
    const held = new Set(current.map((r) => r.what));
    spans = spansAt(spans, at).filter((s) => !held.has(s.what));
  }
  return [
    ...current,
    ...spans.map((s) => ({ kind: kindOf.get(s.what)!, what: s.what, from: s.from, until: s.until, recorded: false })),
  ].sort((a, b) => OFFICE_ORDER.indexOf(a.what) - OFFICE_ORDER.indexOf(b.what) || a.from.localeCompare(b.from));
}
