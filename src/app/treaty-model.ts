/** The treaty engine as the app's world model: entries are the engine's events. */
import type { Entry } from '../ledger/entry.js';
import { project, worldDecider, type WorldEvent, type WorldState } from '../domain/world.js';
import type { WorldModel } from './world-model.js';

/** The event an entry records: its type, valid time, the party it acts for and its payload. */
export function eventOf(entry: Entry): WorldEvent {
  return { type: entry.type, at: entry.validTime, by: entry.actingFor, data: entry.payload } as unknown as WorldEvent;
}

/**
 * Entry types the engine does not know (a scenario's own entries: its definition, seats, clock,
 * injects) are not treaty events: they leave the state as it is and change no index. Known types
 * are probed once each, by folding them into an empty state; the engine's `evolve` throws only
 * for a type it does not route.
 */
const known = new Map<string, boolean>();

export function isTreatyEventType(type: string): boolean {
  let answer = known.get(type);
  if (answer === undefined) {
    const probe = { type, at: '2000-01-01', by: 'NAC', data: {} };
    try {
      worldDecider.evolve(worldDecider.initialState(), probe as unknown as WorldEvent);
      answer = true;
    } catch (error) {
      // Only the router's exhaustiveness check on the whole event means "not a treaty event"; a
      // known type whose empty payload trips its own evolve is still a treaty event.
      answer = !(error instanceof Error && error.message === `unhandled case: ${JSON.stringify(probe)}`);
    }
    known.set(type, answer);
  }
  return answer;
}

export const treatyModel: WorldModel<WorldState> = {
  initialState: () => worldDecider.initialState(),
  project: (state, entry) => (isTreatyEventType(entry.type) ? project(state, eventOf(entry)) : []),
  evolve: (state, entry) => (isTreatyEventType(entry.type) ? worldDecider.evolve(state, eventOf(entry)) : state),
} as WorldModel<WorldState>;
