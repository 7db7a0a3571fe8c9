/**
 * Exercise objectives: what a scenario is meant to train, defined in the scenario file, measured by
 * the system where it can be (times, participation) and scored by evaluators with an observation.
 * Pure: objectives are read from the file's document, and measured from the after-action report.
 *
 * Measures:
 * - `consensus`: the proposals it names (`proposals`, or any `tagged`; all proposals if neither)
 *   are adopted within `within` of their tabling — or, `from: request`, of the first request for
 *   Article 4 consultations;
 * - `consultations`: every requested Article 4 consultation is held within `within`;
 * - `no-isolated-objector`: no Ally stands alone against a proposal (the only one to object or
 *   break silence on it) without a footnote recording its position;
 * - `participation`: at least `min` (0–1) of the seats people hold act or write at least once.
 */
import type { Title } from '../command.js';
import type { AfterActionReport } from './aar.js';
import { parseDuration, HOUR } from './duration.js';

export const MEASURE_KINDS = ['consensus', 'consultations', 'no-isolated-objector', 'participation'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const RATINGS = ['met', 'partly-met', 'not-met'] as const;
export type Rating = (typeof RATINGS)[number];

export type Measure =
  | { readonly kind: 'consensus'; readonly withinMs: number; readonly proposals?: readonly string[]; readonly tagged?: readonly string[]; readonly from: 'tabled' | 'request' }
  | { readonly kind: 'consultations'; readonly withinMs: number }
  | { readonly kind: 'no-isolated-objector' }
  | { readonly kind: 'participation'; readonly min: number };

export interface Objective {
  readonly id: string;
  readonly title: Title;
  readonly description?: Title;
  readonly measure?: Measure;
}

export interface RawObjective {
  readonly id: string;
  readonly title: Title;
  readonly description?: Title;
  readonly measure?: {
    readonly kind: MeasureKind;
    readonly within?: string;
    readonly proposals?: readonly string[];
    readonly tagged?: readonly string[];
    readonly from?: 'tabled' | 'request';
    readonly min?: number;
  };
}

export interface ObjectiveProblem {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Objectives from a schema-valid document's `objectives`, with the problems the schema cannot see. */
export function readObjectives(raw: readonly RawObjective[] | undefined): { objectives: Objective[]; problems: ObjectiveProblem[] } {
  const objectives: Objective[] = [];
  const problems: ObjectiveProblem[] = [];
  const seen = new Set<string>();
  (raw ?? []).forEach((o, i) => {
    if (seen.has(o.id)) problems.push({ path: ['objectives', i, 'id'], code: 'objective.duplicate', params: { objective: o.id } });
    seen.add(o.id);
    let measure: Measure | undefined;
    const m = o.measure;
    if (m) {
      const within = (): number => {
        const ms = m.within === undefined ? undefined : parseDuration(m.within);
        if (ms === undefined) problems.push({ path: ['objectives', i, 'measure', 'within'], code: 'objective.within_missing', params: { kind: m.kind } });
        return ms ?? 0;
      };
      switch (m.kind) {
        case 'consensus':
          measure = { kind: 'consensus', withinMs: within(), from: m.from ?? 'tabled', ...(m.proposals ? { proposals: m.proposals } : {}), ...(m.tagged ? { tagged: m.tagged } : {}) };
          break;
        case 'consultations':
          measure = { kind: 'consultations', withinMs: within() };
          break;
        case 'no-isolated-objector':
          measure = { kind: 'no-isolated-objector' };
          break;
        case 'participation':
          measure = { kind: 'participation', min: m.min ?? 1 };
          break;
      }
    }
    objectives.push({ id: o.id, title: o.title, ...(o.description ? { description: o.description } : {}), ...(measure ? { measure } : {}) });
  });
  return { objectives, problems };
}

/** What the system measured of an objective: met, not met, not yet decided (play goes on), or nothing it can measure. */
export interface Measured {
  readonly status: 'met' | 'not-met' | 'pending' | 'not-measured';
  /** A sentence of the catalogue (objective.* codes) saying what was measured. */
  readonly code: string;
  readonly params: Readonly<Record<string, string | number | readonly string[]>>;
}

const ms = (time: string): number => Date.parse(time.length === 10 ? `${time}T00:00:00Z` : time);
const hours = (x: number): number => Math.round((x / HOUR) * 10) / 10;
const seatOf = (party: string): string => (party === 'SG' || party === 'NAC' ? 'IS' : party);

/**
 * Measures an objective on the report of what was played. `humanSeats` are the seats people hold;
 * `ended` says play is over (what has not happened by then will not).
 */
export function measureObjective(objective: Objective, aar: AfterActionReport, context: { humanSeats: readonly string[]; ended: boolean }): Measured {
  const m = objective.measure;
  if (!m) return { status: 'not-measured', code: 'objective.by_evaluators', params: {} };
  const reached = ms(aar.reachedAt);
  switch (m.kind) {
    case 'consensus': {
      const decisions = aar.decisions.filter((d) => (m.proposals ? m.proposals.includes(d.proposal) : true) && (m.tagged ? d.tags.some((t) => m.tagged!.includes(t)) : true));
      if (decisions.length === 0) return { status: context.ended ? 'not-met' : 'pending', code: 'objective.no_proposal', params: {} };
      const request = aar.consultations[0]?.requestedAt;
      const rows = decisions.map((d) => {
        const from = ms(m.from === 'request' && request ? request : d.tabledAt);
        const took = d.adoptedAt ? ms(d.adoptedAt) - from : undefined;
        return { proposal: d.proposal, took, open: took === undefined && !context.ended && reached - from < m.withinMs, late: took === undefined ? reached - from >= m.withinMs || context.ended : took > m.withinMs };
      });
      const late = rows.filter((r) => r.late).map((r) => r.proposal);
      const within = hours(m.withinMs);
      const longest = Math.max(...rows.map((r) => r.took ?? 0));
      if (late.length > 0) return { status: 'not-met', code: 'objective.consensus_late', params: { proposals: late, within } };
      if (rows.some((r) => r.open)) return { status: 'pending', code: 'objective.consensus_pending', params: { within } };
      return { status: 'met', code: 'objective.consensus_met', params: { count: rows.length, hours: hours(longest), within } };
    }
    case 'consultations': {
      const within = hours(m.withinMs);
      if (aar.consultations.length === 0) return { status: context.ended ? 'not-met' : 'pending', code: 'objective.no_consultation', params: {} };
      const late = aar.consultations.filter((c) => (c.heldAt ? ms(c.heldAt) - ms(c.requestedAt) > m.withinMs : reached - ms(c.requestedAt) >= m.withinMs || context.ended)).map((c) => c.consultation);
      if (late.length > 0) return { status: 'not-met', code: 'objective.consultations_late', params: { consultations: late, within } };
      if (aar.consultations.some((c) => !c.heldAt)) return { status: 'pending', code: 'objective.consultations_pending', params: { within } };
      return { status: 'met', code: 'objective.consultations_met', params: { hours: Math.max(...aar.consultations.map((c) => c.hoursToConsultations ?? 0)), within } };
    }
    case 'no-isolated-objector': {
      const against = new Map<string, Set<string>>();
      for (const row of [...aar.objections, ...aar.silenceBreaks]) {
        for (const proposal of row.proposals) against.set(proposal, new Set([...(against.get(proposal) ?? []), row.party]));
      }
      const isolated: string[] = [];
      for (const [proposal, parties] of against) {
        if (parties.size !== 1) continue;
        const [ally] = [...parties];
        const footnoted = aar.decisions.find((d) => d.proposal === proposal)?.footnotes.some((f) => f.ally === ally) ?? false;
        if (!footnoted) isolated.push(`${ally} (${proposal})`);
      }
      if (isolated.length > 0) return { status: 'not-met', code: 'objective.isolated', params: { isolated } };
      return { status: context.ended ? 'met' : 'pending', code: 'objective.none_isolated', params: { proposals: against.size } };
    }
    case 'participation': {
      if (context.humanSeats.length === 0) return { status: 'not-measured', code: 'objective.no_people', params: {} };
      const acted = new Set(aar.participation.filter((p) => p.played === 'player' || p.played === 'both').map((p) => seatOf(p.party)));
      const seats = [...context.humanSeats].sort();
      const active = seats.filter((s) => acted.has(s));
      const silent = seats.filter((s) => !acted.has(s));
      const share = active.length / context.humanSeats.length;
      const percent = Math.round(share * 100);
      if (share >= m.min) return { status: 'met', code: 'objective.participation', params: { active: active.length, seats: context.humanSeats.length, percent, silent: silent.length ? silent : ['—'] } };
      return { status: context.ended ? 'not-met' : 'pending', code: 'objective.participation', params: { active: active.length, seats: context.humanSeats.length, percent, silent } };
    }
  }
}
