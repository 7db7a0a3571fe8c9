/**
 * The Art. 5 decider. Guarantees: the Council determines an armed attack only against Allies (at
 * the determination) in the Art. 6 area; measures are reported only under a determination made.
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { isAllyAt } from '../membership/queries.js';
import { stateInfo } from '../states.js';
import { isAfter, isBefore } from '../time.js';
import type { WorldState } from '../world-state.js';
import type { CollectiveDefenceCommand, CollectiveDefenceEvent, CollectiveDefenceState } from './types.js';

export function initialCollectiveDefenceState(): CollectiveDefenceState {
  return { determinations: {} };
}

export function decideCollectiveDefence(world: WorldState, command: CollectiveDefenceCommand): Decision<CollectiveDefenceEvent> {
  switch (command.cmd) {
    case 'DetermineArmedAttack': {
      const { determination: id, victims, attackDate, description } = command.data;
      const existing = world.collectiveDefence.determinations[id];
      if (existing) return reject('article5.exists', 'data.determination', { determination: id, determinedAt: existing.determinedAt });
      const strangers = victims.filter((s) => !isAllyAt(world.membership, s, command.at));
      if (strangers.length > 0) return reject('article5.victim_not_ally', 'data.victims', { states: strangers, at: command.at });
      const outside = victims.filter((s) => stateInfo(s)?.inTreatyArea !== true);
      if (outside.length > 0) return reject('article5.outside_treaty_area', 'data.victims', { states: outside });
      if (isAfter(attackDate, command.at)) return reject('article5.attack_after_determination', 'data.attackDate', { attackDate, at: command.at });
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
    case 'ArmedAttackDetermined': {
      const { determination: id, victims, attackDate, description } = event.data;
      return {
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
      return { determinations: { ...state.determinations, [determination.id]: { ...determination, measures } } };
    }
    default:
      return assertNever(event);
  }
}
