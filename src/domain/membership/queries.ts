/**
 * Questions about membership answered from state, for the rules of every procedure and for small
 * worlds in tests. The store answers the same questions from indexes (see facts.ts); these are the
 * reference answers.
 */
import { daysBetween, isAtOrAfter, isBefore } from '../time.js';
import type { Iso3 } from '../states.js';
import type { MembershipPeriod, MembershipState, Protocol, RatificationStage } from './types.js';

function within(period: MembershipPeriod, at: string): boolean {
  return isAtOrAfter(at, period.from) && (period.until === undefined || isBefore(at, period.until));
}

/** The period in which `state` is an Ally at `at`, if any. */
export function membershipPeriodAt(membership: MembershipState, state: Iso3, at: string): MembershipPeriod | undefined {
  return (membership.periods[state] ?? []).find((p) => within(p, at));
}

/** True if `state` is an Ally (a Party) at `at`. */
export function isAllyAt(membership: MembershipState, state: Iso3, at: string): boolean {
  return membershipPeriodAt(membership, state, at) !== undefined;
}

/** The Allies at `at`, sorted by code. */
export function alliesAt(membership: MembershipState, at: string): Iso3[] {
  return Object.keys(membership.periods)
    .filter((s) => isAllyAt(membership, s, at))
    .sort();
}

/** True if `state` has ever been an Ally, at any time recorded so far. */
export function hasBeenAlly(membership: MembershipState, state: Iso3): boolean {
  return (membership.periods[state] ?? []).length > 0;
}

export function latestStage(protocol: Protocol, ally: Iso3): RatificationStage | undefined {
  return protocol.ratifications[ally]?.stages.at(-1)?.stage;
}

/** Required ratifiers that have deposited their instrument of ratification. */
export function depositedRatifiers(protocol: Protocol): Iso3[] {
  return protocol.requiredRatifiers.filter((a) => latestStage(protocol, a) === 'instrument_deposited');
}

/** Required ratifiers that have not yet deposited (Art. 10: they block entry into force). */
export function missingRatifiers(protocol: Protocol): Iso3[] {
  return protocol.requiredRatifiers.filter((a) => latestStage(protocol, a) !== 'instrument_deposited');
}

/** A signed protocol naming `invitee` whose accession has not been completed by a deposit. */
export function pendingProtocolFor(membership: MembershipState, invitee: Iso3): Protocol | undefined {
  return Object.values(membership.protocols).find(
    (p) => p.invitees.includes(invitee) && !(p.status === 'in_force' && p.deposits[invitee] !== undefined),
  );
}

/** True if `ally` is out of the integrated military structure at `at`. */
export function isOutOfStructureAt(membership: MembershipState, ally: Iso3, at: string): boolean {
  return (membership.outOfStructure[ally] ?? []).some(
    (i) => isAtOrAfter(at, i.from) && (i.until === undefined || isBefore(at, i.until)),
  );
}

export interface AccessionStatus {
  readonly protocol: string;
  readonly invitees: readonly Iso3[];
  readonly signedAt: string;
  readonly status: Protocol['status'];
  readonly enteredIntoForceAt?: string;
  readonly requiredRatifiers: readonly Iso3[];
  /** Required ratifiers that had deposited by `at`. */
  readonly deposited: readonly Iso3[];
  /** Required ratifiers that had not deposited by `at`. */
  readonly notDeposited: readonly Iso3[];
  /** Invitees that had deposited their instrument of accession by `at`. */
  readonly acceded: readonly Iso3[];
  /** Days from signature to `at`, or to entry into force if that came first. */
  readonly daysElapsed: number;
}

/**
 * The state of an accession on `at`: the protocol given by id, or the latest protocol signed for an
 * invitee given by code. Undefined if none was signed by `at`.
 */
export function accessionStatus(membership: MembershipState, protocolOrInvitee: string, at: string): AccessionStatus | undefined {
  const byId = membership.protocols[protocolOrInvitee];
  const protocol =
    byId ??
    Object.values(membership.protocols)
      .filter((p) => p.invitees.includes(protocolOrInvitee))
      .sort((a, b) => (isBefore(a.signedAt, b.signedAt) ? -1 : 1))
      .at(-1);
  if (protocol === undefined || isBefore(at, protocol.signedAt)) return undefined;
  const depositedBy = (ally: Iso3): boolean =>
    (protocol.ratifications[ally]?.stages ?? []).some((s) => s.stage === 'instrument_deposited' && isAtOrAfter(at, s.at));
  const inForce = protocol.status === 'in_force' && isAtOrAfter(at, protocol.enteredIntoForceAt);
  const end = inForce && protocol.status === 'in_force' ? protocol.enteredIntoForceAt : at;
  const acceded =
    protocol.status === 'in_force'
      ? protocol.invitees.filter((i) => {
          const d = protocol.deposits[i];
          return d !== undefined && isAtOrAfter(at, d);
        })
      : [];
  return {
    protocol: protocol.id,
    invitees: protocol.invitees,
    signedAt: protocol.signedAt,
    status: inForce ? 'in_force' : 'signed',
    ...(inForce && protocol.status === 'in_force' ? { enteredIntoForceAt: protocol.enteredIntoForceAt } : {}),
    requiredRatifiers: protocol.requiredRatifiers,
    deposited: protocol.requiredRatifiers.filter(depositedBy),
    notDeposited: protocol.requiredRatifiers.filter((a) => !depositedBy(a)),
    acceded,
    daysElapsed: daysBetween(protocol.signedAt, end),
  };
}
