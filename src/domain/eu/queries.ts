/** EU membership at a date, and the members NATO and the EU share, answered from state. */
import { alliesAt } from '../membership/queries.js';
import type { MembershipState } from '../membership/types.js';
import type { Iso3 } from '../states.js';
import { isAtOrAfter, isBefore } from '../time.js';
import type { EuMembership, EuState } from './types.js';

function covers(m: EuMembership, at: string): boolean {
  return isAtOrAfter(at, m.from) && (m.status === 'member' || isBefore(at, m.until));
}

export function euMembershipAt(eu: EuState, state: Iso3, at: string): EuMembership | undefined {
  return (eu.members[state] ?? []).find((m) => covers(m, at));
}

export function isEuMemberAt(eu: EuState, state: Iso3, at: string): boolean {
  return euMembershipAt(eu, state, at) !== undefined;
}

export function euMembersAt(eu: EuState, at: string): Iso3[] {
  return Object.keys(eu.members).filter((s) => isEuMemberAt(eu, s, at)).sort();
}

export interface SharedMembership {
  readonly both: readonly Iso3[];
  readonly natoOnly: readonly Iso3[];
  readonly euOnly: readonly Iso3[];
}

/** The members NATO and the EU share at `at`, and those in only one of them. */
export function sharedMembershipAt(membership: MembershipState, eu: EuState, at: string): SharedMembership {
  const allies = alliesAt(membership, at);
  const members = euMembersAt(eu, at);
  return {
    both: allies.filter((s) => members.includes(s)),
    natoOnly: allies.filter((s) => !members.includes(s)),
    euOnly: members.filter((s) => !allies.includes(s)),
  };
}
