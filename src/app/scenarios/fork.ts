/**
 * The real record as it stood at a date, as a state of the rules engine in memory: the record's
 * lines up to the end of that day decided once, then reused by every headless run.
 */
import { join } from 'node:path';
import { parseCommand, worldDecider, type WorldState } from '../../domain/world.js';
import { withNested } from '../errors.js';
import { commandRefusal, readRecordLines } from '../record-loader.js';
import { seatList } from '../../domain/scenario/seats.js';
import type { ScenarioDefinition } from '../../domain/scenario/types.js';

const cache = new Map<string, WorldState>();

export function forkState(dataDir: string, asOf: string): WorldState {
  const key = `${dataDir}\u0000${asOf}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const cut = asOf.length === 10 ? `${asOf}T23:59:59.999Z` : asOf;
  let state = worldDecider.initialState();
  for (const line of readRecordLines(join(dataDir, 'record')).lines) {
    if (line.at > cut) break;
    const parsed = parseCommand(line.value);
    if (!parsed.ok) throw withNested('load.malformed', { file: line.file, line: line.line }, 'reason', commandRefusal(parsed.violations[0]!));
    const decision = worldDecider.decide(state, parsed.command);
    if (!decision.ok) throw withNested('load.rejected', { file: line.file, line: line.line }, 'rule', decision.violations[0]!);
    for (const event of decision.events) state = worldDecider.evolve(state, event);
  }
  cache.set(key, state);
  return state;
}

/** The seats `create` would find in the record forked at `asOf` (for checking a file before creating). */
export function recordSeats(dataDir: string) {
  return (at: { readonly asOf: string; readonly start: string; readonly partners: readonly string[] }): readonly string[] =>
    seatList(forkState(dataDir, at.asOf), { start: at.start, partners: at.partners } as unknown as ScenarioDefinition);
}
