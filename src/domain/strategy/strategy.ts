/**
 * Records of strategy and institutions. Guarantees: a Strategic Concept supersedes the one before
 * it, so concepts are adopted in time order; Secretaries General take office in the order of their
 * ordinal and are nationals of an Ally on taking office; a summit ends no earlier than it opens.
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { isAllyAt } from '../membership/queries.js';
import { datePart, isAtOrBefore, isBefore } from '../time.js';
import type { WorldState } from '../world-state.js';
import type { StrategyCommand, StrategyEvent, StrategyState } from './types.js';

export function initialStrategyState(): StrategyState {
  return { concepts: [], secretariesGeneral: [], summits: {} };
}

export function decideStrategy(world: WorldState, command: StrategyCommand): Decision<StrategyEvent> {
  const s = world.strategy;
  switch (command.cmd) {
    case 'AdoptStrategicConcept': {
      const id = command.data.concept;
      const existing = s.concepts.find((c) => c.concept === id);
      if (existing) return reject('strategy.concept_exists', 'data.concept', { concept: id, adoptedAt: existing.adoptedAt });
      const previous = s.concepts.at(-1);
      if (previous && isAtOrBefore(command.at, previous.adoptedAt)) {
        return reject('strategy.concept_out_of_order', 'at', { at: command.at, previous: previous.concept, previousAt: previous.adoptedAt });
      }
      return accept(eventFrom(command, 'StrategicConceptAdopted', { ...command.data }));
    }
    case 'AppointSecretaryGeneral': {
      const { name, nationality, ordinal } = command.data;
      if (!isAllyAt(world.membership, nationality, command.at)) {
        return reject('strategy.sg_nationality_not_ally', 'data.nationality', { nationality, at: command.at });
      }
      const last = s.secretariesGeneral.at(-1);
      if (last && (ordinal <= last.ordinal || isAtOrBefore(command.at, last.tookOffice))) {
        return reject('strategy.sg_out_of_order', 'data.ordinal', {
          ordinal,
          lastOrdinal: last.ordinal,
          lastName: last.name,
          lastAt: last.tookOffice,
        });
      }
      return accept(eventFrom(command, 'SecretaryGeneralAppointed', { name, nationality, ordinal }));
    }
    case 'HoldSummit': {
      const { summit: id, endDate } = command.data;
      const existing = s.summits[id];
      if (existing) return reject('strategy.summit_exists', 'data.summit', { summit: id, heldAt: existing.at });
      if (endDate !== undefined && isBefore(endDate, datePart(command.at))) {
        return reject('strategy.summit_end_before_start', 'data.endDate', { summit: id, endDate, at: command.at });
      }
      return accept(eventFrom(command, 'SummitHeld', { ...command.data }));
    }
    default:
      return assertNever(command);
  }
}

export function evolveStrategy(state: StrategyState, event: StrategyEvent): StrategyState {
  switch (event.type) {
    case 'StrategicConceptAdopted':
      return { ...state, concepts: [...state.concepts, { ...event.data, adoptedAt: event.at }] };
    case 'SecretaryGeneralAppointed':
      return { ...state, secretariesGeneral: [...state.secretariesGeneral, { ...event.data, tookOffice: event.at }] };
    case 'SummitHeld': {
      const { summit: id, ...rest } = event.data;
      return { ...state, summits: { ...state.summits, [id]: { id, at: event.at, ...rest } } };
    }
    default:
      return assertNever(event);
  }
}
