/** The treaty engine as the app's world model: entries are the engine's events. */
import type { Entry } from '../ledger/entry.js';
import { isWorldEventType, project, worldDecider, type WorldEvent, type WorldState } from '../domain/world.js';
import type { WorldModel } from './world-model.js';

/** The event an entry records: its type, valid time, the party it acts for and its payload. */
export function eventOf(entry: Entry): WorldEvent {
  return { type: entry.type, at: entry.validTime, by: entry.actingFor, data: entry.payload } as unknown as WorldEvent;
}

/**
 * Entry types the engine does not know (a scenario's own entries: its definition, seats, clock,
 * injects) are not treaty events: they leave the state as it is and change no index.
 */
export const isTreatyEventType = isWorldEventType;

export const treatyModel: WorldModel<WorldState> = {
  initialState: () => worldDecider.initialState(),
  project: (state, entry) => (isTreatyEventType(entry.type) ? project(state, eventOf(entry)) : []),
  evolve: (state, entry) => (isTreatyEventType(entry.type) ? worldDecider.evolve(state, eventOf(entry)) : state),
} as WorldModel<WorldState>;
