/**
 * Records of strategy and institutions. Guarantees: a Strategic Concept supersedes the one before
 * it, so concepts are adopted in time order; Secretaries General take office in the order of their
 * ordinal and are nationals of an Ally on taking office; a summit ends no earlier than it opens.
 * The holders of every other office (Deputy, acting Secretary General, SACEUR, SACLANT, SACT, Special Representative for Women, Peace and Security) take
 * office in time order, are nationals of an Ally on taking office and leave no earlier than they
 * came; a body's seat moves in time order, and never to the place it already has; a policy is
 * adopted once.
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { isAllyAt } from '../membership/queries.js';
import { datePart, isAtOrBefore, isBefore } from '../time.js';
import type { WorldState } from '../world-state.js';
import type { StrategyCommand, StrategyEvent, StrategyState } from './types.js';

export function initialStrategyState(): StrategyState {
  return { concepts: [], secretariesGeneral: [], summits: {}, offices: {}, seats: {}, policies: {} };
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
    case 'AppointOfficeHolder': {
      const { office, name, nationality, until, dateIs, untilIs } = command.data;
      if (!isAllyAt(world.membership, nationality, command.at)) {
        return reject('strategy.office_nationality_not_ally', 'data.nationality', { office, nationality, at: command.at });
      }
      const last = s.offices[office]?.at(-1);
      if (last && isAtOrBefore(command.at, last.tookOffice)) {
        return reject('strategy.office_out_of_order', 'at', { office, at: command.at, lastName: last.name, lastAt: last.tookOffice });
      }
      if (until !== undefined && isBefore(until, datePart(command.at))) {
        return reject('strategy.office_until_before_start', 'data.until', { office, until, at: command.at });
      }
      if (untilIs !== undefined && until === undefined) return reject('strategy.office_until_precision_without_until', 'data.untilIs', { office });
      return accept(eventFrom(command, 'OfficeHolderAppointed', {
        office, name, nationality, ...(until !== undefined ? { until } : {}),
        ...(dateIs === 'on_or_before' ? { dateIs } : {}), ...(untilIs === 'on_or_after' ? { untilIs } : {}),
      }));
    }
    case 'MoveSeat': {
      const { body, place, site, dateIs } = command.data;
      const current = s.seats[body]?.at(-1);
      if (current && isAtOrBefore(command.at, current.from)) {
        return reject('strategy.seat_out_of_order', 'at', { body, at: command.at, place: current.place, from: current.from });
      }
      if (current && current.place === place && current.site === site) {
        return reject('strategy.seat_unchanged', 'data.place', { body, place, from: current.from });
      }
      return accept(eventFrom(command, 'SeatMoved', { body, place, ...(site !== undefined ? { site } : {}), ...(dateIs === 'on_or_before' ? { dateIs } : {}) }));
    }
    case 'AdoptPolicy': {
      const { policy: id, kind, title, dateIs } = command.data;
      const existing = s.policies[id];
      if (existing) return reject('strategy.policy_exists', 'data.policy', { policy: id, adoptedAt: existing.adoptedAt });
      return accept(eventFrom(command, 'PolicyAdopted', { policy: id, kind, title, ...(dateIs === 'on_or_before' ? { dateIs } : {}) }));
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
    case 'OfficeHolderAppointed': {
      const { office } = event.data;
      const holders = state.offices[office] ?? [];
      return { ...state, offices: { ...state.offices, [office]: [...holders, { ...event.data, n: holders.length + 1, tookOffice: event.at }] } };
    }
    case 'SeatMoved': {
      const { body } = event.data;
      const seats = state.seats[body] ?? [];
      return { ...state, seats: { ...state.seats, [body]: [...seats, { ...event.data, n: seats.length + 1, from: event.at }] } };
    }
    case 'PolicyAdopted':
      return { ...state, policies: { ...state.policies, [event.data.policy]: { ...event.data, adoptedAt: event.at } } };
    default:
      return assertNever(event);
  }
}
