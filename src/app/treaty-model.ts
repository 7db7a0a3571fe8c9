/** The treaty engine as the app's world model: entries are the engine's events. */
import type { Entry } from '../ledger/entry.js';
import { project, worldDecider, type WorldEvent, type WorldState } from '../domain/world.js';
import type { WorldModel } from './world-model.js';

/** The event an entry records: its type, valid time, the party it acts for and its payload. */
export function eventOf(entry: Entry): WorldEvent {
  return { type: entry.type, at: entry.validTime, by: entry.actingFor, data: entry.payload } as unknown as WorldEvent;
}

export const treatyModel: WorldModel<WorldState> = {
  initialState: () => worldDecider.initialState(),
  project: (state, entry) => project(state, eventOf(entry)),
  evolve: (state, entry) => worldDecider.evolve(state, eventOf(entry)),
} as WorldModel<WorldState>;
