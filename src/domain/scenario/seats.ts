/**
 * The seats of a scenario: every Ally at the start (its delegation), International Staff, and the
 * partners and invitees it names or that have an accession pending. People hold some seats; bots
 * play the others.
 */
import { alliesAt } from '../queries.js';
import type { WorldState } from '../world-state.js';
import { STAFF_SEAT, type ScenarioDefinition } from './types.js';

export function seatList(world: WorldState, definition: ScenarioDefinition): string[] {
  const allies = alliesAt(world, definition.start);
  const others: string[] = [];
  const add = (state: string) => {
    if (!allies.includes(state) && !others.includes(state)) others.push(state);
  };
  definition.partners.forEach(add);
  // Invitees whose accession is pending at the start, or begins during the scenario, keep their
  // seat once they have acceded.
  for (const protocol of Object.values(world.membership.protocols)) {
    if (protocol.status === 'signed' || protocol.enteredIntoForceAt > definition.start) protocol.invitees.forEach(add);
  }
  return [...allies, STAFF_SEAT, ...others];
}
