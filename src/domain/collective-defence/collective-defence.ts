/**
 * The Art. 5 decider. Guarantees: the Council invokes Art. 5 (conditionally) and determines an
 * armed attack only against Allies (at that date) in the Art. 6 area; a determination that follows
 * a conditional invocation of the same id names the same Allies and does not precede it; measures
 * are reported only under a determination made.
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { isAllyAt } from '../membership/queries.js';
import { stateInfo } from '../states.js';
import { isAfter, isBefore } from '../time.js';
import type { WorldState } from '../world-state.js';
import type { CollectiveDefenceCommand, CollectiveDefenceEvent, CollectiveDefenceState } from './types.js';

export function initialCollectiveDefenceState(): CollectiveDefenceState {
  return { determinations: {}, invocations: {} };
}

/** Art. 5 and 6: only an attack on Allies (on the date) in the treaty area; undefined when it is one. */
function rejectVictims(world: WorldState, victims: readonly string[], at: string): Decision<CollectiveDefenceEvent> | undefined {
  const strangers = victims.filter((s) => !isAllyAt(world.membership, s, at));
  if (strangers.length > 0) return reject('article5.victim_not_ally', 'data.victims', { states: strangers, at });
  const outside = victims.filter((s) => stateInfo(s)?.inTreatyArea !== true);
  if (outside.length > 0) return reject('article5.outside_treaty_area', 'data.victims', { states: outside });
  return undefined;
}

export function decideCollectiveDefence(world: WorldState, command: CollectiveDefenceCommand): Decision<CollectiveDefenceEvent> {
  switch (command.cmd) {
    case 'InvokeArticle5Conditionally': {
      const { determination: id, victims, attackDate, condition } = command.data;
      const made = world.collectiveDefence.determinations[id];
      if (made) return reject('article5.exists', 'data.determination', { determination: id, determinedAt: made.determinedAt });
      const invoked = world.collectiveDefence.invocations[id];
      if (invoked) return reject('article5.exists', 'data.determination', { determination: id, determinedAt: invoked.invokedAt });
      const victimsRejected = rejectVictims(world, victims, command.at);
      if (victimsRejected) return victimsRejected;
      if (isAfter(attackDate, command.at)) return reject('article5.attack_after_determination', 'data.attackDate', { attackDate, at: command.at });
      return accept(eventFrom(command, 'Article5InvokedConditionally', { determination: id, victims, attackDate, condition }));
    }
    case 'DetermineArmedAttack': {
      const { determination: id, victims, attackDate, description } = command.data;
      const existing = world.collectiveDefence.determinations[id];
      if (existing) return reject('article5.exists', 'data.determination', { determination: id, determinedAt: existing.determinedAt });
      const victimsRejected = rejectVictims(world, victims, command.at);
      if (victimsRejected) return victimsRejected;
      if (isAfter(attackDate, command.at)) return reject('article5.attack_after_determination', 'data.attackDate', { attackDate, at: command.at });
      const invoked = world.collectiveDefence.invocations[id];
      if (invoked) {
        if (isBefore(command.at, invoked.invokedAt)) {
          return reject('article5.before_invocation', 'at', { determination: id, at: command.at, invokedAt: invoked.invokedAt });
        }
        const same = invoked.victims.length === victims.length && invoked.victims.every((s) => victims.includes(s));
        if (!same) return reject('article5.victims_differ', 'data.victims', { determination: id, victims, invoked: invoked.victims });
      }
      return accept(eventFrom(command, 'ArmedAttackDetermined', { determination: id, victims, attackDate, description }));
    }
    case 'ReportArticle5Measure': {
      const { determination: id, measure } = command.data;
      const determination = world.collectiveDefence.determinations[id];
      if (!determination) return reject('article5.no_determination', 'data.determination', { determination: id });
      if (isBefore(command.at, determination.determinedAt)) {
        return reject('article5.before_determination', 'at', { at: command.at, determinedAt: determination.determinedAt });
      }
      return accept(eventFrom(command, 'Article5MeasureReported', { determination: id, measure }));
    }
    default:
      return assertNever(command);
  }
}

export function evolveCollectiveDefence(state: CollectiveDefenceState, event: CollectiveDefenceEvent): CollectiveDefenceState {
  switch (event.type) {
    case 'Article5InvokedConditionally': {
      const { determination: id, victims, attackDate, condition } = event.data;
      return { ...state, invocations: { ...state.invocations, [id]: { id, victims, attackDate, condition, invokedAt: event.at } } };
    }
    case 'ArmedAttackDetermined': {
      const { determination: id, victims, attackDate, description } = event.data;
      return {
        ...state,
        determinations: {
          ...state.determinations,
          [id]: { status: 'determined', id, victims, attackDate, description, determinedAt: event.at, measures: [] },
        },
      };
    }
    case 'Article5MeasureReported': {
      const determination = state.determinations[event.data.determination];
      if (!determination) return state;
      const measures = [...determination.measures, { by: event.by, at: event.at, measure: event.data.measure }];
      return { ...state, determinations: { ...state.determinations, [determination.id]: { ...determination, measures } } };
    }
    default:
      return assertNever(event);
  }
}
