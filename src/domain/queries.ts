/**
 * Point-in-time questions answered from a world's state: the reference answers for tests and small
 * worlds. The store answers the same from indexes (FACT_KINDS in world.ts) without replaying.
 */
import * as membership from './membership/queries.js';
import type { AccessionStatus } from './membership/queries.js';
import type { ProposalStatus } from './council/types.js';
import type { Iso3 } from './states.js';
import type { SecretaryGeneral, StrategicConcept } from './strategy/types.js';
import { isAtOrAfter } from './time.js';
import type { WorldState } from './world-state.js';

export type { AccessionStatus } from './membership/queries.js';

/** The Allies at `at` (ISO alpha-3, sorted). */
export function alliesAt(world: WorldState, at: string): Iso3[] {
  return membership.alliesAt(world.membership, at);
}

export function isAllyAt(world: WorldState, state: Iso3, at: string): boolean {
  return membership.isAllyAt(world.membership, state, at);
}

/**
 * An accession on `at`, by protocol id or by invitee (its latest protocol): required ratifiers,
 * who had deposited and who had not, who had acceded, and days elapsed since signature.
 */
export function accessionStatus(world: WorldState, protocolOrInvitee: string, at: string): AccessionStatus | undefined {
  return membership.accessionStatus(world.membership, protocolOrInvitee, at);
}

/** Allies out of the integrated military structure at `at`. */
export function outOfMilitaryStructureAt(world: WorldState, at: string): Iso3[] {
  return membership.alliesAt(world.membership, at).filter((a) => membership.isOutOfStructureAt(world.membership, a, at));
}

/** A proposal's status at `at` from its history, or undefined if not yet tabled. */
export function proposalStatusAt(world: WorldState, proposal: string, at: string): ProposalStatus | undefined {
  const p = world.council.proposals[proposal];
  return p?.history.filter((h) => isAtOrAfter(at, h.at)).at(-1)?.status;
}

/** The Strategic Concept in force at `at`. */
export function strategicConceptAt(world: WorldState, at: string): StrategicConcept | undefined {
  return world.strategy.concepts.filter((c) => isAtOrAfter(at, c.adoptedAt)).at(-1);
}

/** The Secretary General in office at `at`. */
export function secretaryGeneralAt(world: WorldState, at: string): SecretaryGeneral | undefined {
  return world.strategy.secretariesGeneral.filter((sg) => isAtOrAfter(at, sg.tookOffice)).at(-1);
}
