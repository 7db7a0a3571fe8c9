/**
 * Branching injects: an inject that depends on what happened. Its condition is read against the
 * world as it stands at the scenario time the inject is considered — which proposals were adopted,
 * whose silence was broken, which consultations were held, which accession protocols are in force,
 * which injects were delivered — so that
 * "if no statement is adopted by T+12h, deliver INJ-07" is an inject at T+12h whose condition is
 * `notAdopted: [the statement]`.
 *
 * Pure and deterministic: the same world and deliveries always give the same answer.
 */
import type { WorldState } from '../world-state.js';
import type { InjectCondition } from './types.js';

/** The proposal's status in the world, or undefined if no such proposal exists (yet). */
function statusOf(world: WorldState, proposal: string): string | undefined {
  return world.council.proposals[proposal]?.status;
}

/** True if every test of the condition holds (and, with `any`, at least one of its branches). */
export function conditionHolds(condition: InjectCondition, world: WorldState, delivered: ReadonlyMap<string, number>): boolean {
  const c = condition;
  if (c.adopted && !c.adopted.every((p) => statusOf(world, p) === 'adopted')) return false;
  if (c.notAdopted && c.notAdopted.some((p) => statusOf(world, p) === 'adopted')) return false;
  if (c.tabled && !c.tabled.every((p) => statusOf(world, p) !== undefined)) return false;
  if (c.notTabled && c.notTabled.some((p) => statusOf(world, p) !== undefined)) return false;
  if (c.silenceBroken && !c.silenceBroken.every((p) => world.council.proposals[p]?.silenceRounds.some((r) => r.breaks.length > 0) ?? false)) return false;
  if (c.status) {
    for (const [p, statuses] of Object.entries(c.status)) {
      const s = statusOf(world, p) ?? 'not_tabled';
      if (!(statuses as readonly string[]).includes(s)) return false;
    }
  }
  if (c.consultationsRequested && !c.consultationsRequested.every((id) => world.consultation.consultations[id] !== undefined)) return false;
  if (c.consultationsHeld && !c.consultationsHeld.every((id) => world.consultation.consultations[id]?.status === 'held')) return false;
  if (c.consultationsNotHeld && c.consultationsNotHeld.some((id) => world.consultation.consultations[id]?.status === 'held')) return false;
  if (c.inForce && !c.inForce.every((id) => world.membership.protocols[id]?.status === 'in_force')) return false;
  if (c.notInForce && c.notInForce.some((id) => world.membership.protocols[id]?.status === 'in_force')) return false;
  if (c.delivered && !c.delivered.every((id) => delivered.has(id))) return false;
  if (c.notDelivered && c.notDelivered.some((id) => delivered.has(id))) return false;
  if (c.any && !c.any.some((branch) => conditionHolds(branch, world, delivered))) return false;
  return true;
}

/** The inject ids a condition refers to (for checking a file). */
export function injectsReferred(condition: InjectCondition): string[] {
  return [...(condition.delivered ?? []), ...(condition.notDelivered ?? []), ...(condition.any ?? []).flatMap(injectsReferred)];
}
