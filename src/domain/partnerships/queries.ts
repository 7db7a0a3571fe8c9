/** Questions about partnerships answered from state: the reference answers for rules and tests. */
import { isAtOrAfter, isBefore } from '../time.js';
import type { Iso3 } from '../states.js';
import type { Participation, PartnershipsState, Suspension } from './types.js';

export const participationKey = (framework: string, partner: Iso3): string => `${framework}/${partner}`;

function covers(p: Participation, at: string): boolean {
  return isAtOrAfter(at, p.from) && (p.status === 'participating' || isBefore(at, p.until));
}

/** The period of participation of `partner` in `framework` that covers `at`, if any. */
export function participationAt(state: PartnershipsState, framework: string, partner: Iso3, at: string): Participation | undefined {
  return (state.participations[participationKey(framework, partner)] ?? []).find((p) => covers(p, at));
}

/** The suspension still open in a period, if any. */
export function openSuspension(p: Participation): Suspension | undefined {
  return p.suspensions.find((s) => s.until === undefined);
}

/** True if `partner` takes part in `framework` at `at` and is not suspended then. */
export function isActivePartnerAt(state: PartnershipsState, framework: string, partner: Iso3, at: string): boolean {
  const p = participationAt(state, framework, partner, at);
  if (!p) return false;
  return !p.suspensions.some((s) => isAtOrAfter(at, s.from) && (s.until === undefined || isBefore(at, s.until)));
}

/** The partners taking part in `framework` at `at`, suspended or not, sorted by code. */
export function partnersAt(state: PartnershipsState, framework: string, at: string): Iso3[] {
  return Object.keys(state.participations)
    .filter((key) => key.startsWith(`${framework}/`))
    .map((key) => key.slice(framework.length + 1))
    .filter((partner) => participationAt(state, framework, partner, at) !== undefined)
    .sort();
}
