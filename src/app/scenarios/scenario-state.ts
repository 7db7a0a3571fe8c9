/**
 * A scenario keeps its own definition, seats, clock and delivered injects as entries of its world,
 * beside the treaty's events: the world describes itself and verifies like any other. These are
 * not treaty events (the treaty model skips them); they are written by exercise control's
 * principal, acting for EXCON.
 *
 * The definition (the master scenario events list and the bots' policies) is releasable to
 * exercise control only (the user-assigned code XEX): players see injects as they are delivered,
 * never the list ahead of them.
 */
import type { Entry, Json } from '../../ledger/entry.js';
import { fromUtf8 } from '../../ledger/bytes.js';
import { evolveClock, initialClock, type ClockEvent, type ClockState } from '../../domain/scenario/clock.js';
import { endMs, startMs, type ScenarioDefinition } from '../../domain/scenario/types.js';
import { isoSeconds } from '../../domain/scenario/duration.js';
import type { LedgerService } from '../ledger-service.js';
import { EvereError } from '../errors.js';

export const SCENARIO_ENTRY_TYPES = [
  'ScenarioDefined', 'ScenarioBranched', 'SeatAssigned',
  'ClockStarted', 'ClockPaused', 'ClockResumed', 'ClockSpeedChanged', 'ClockAdvanced',
  'InjectDelivered', 'InjectWithheld',
] as const;
export type ScenarioEntryType = (typeof SCENARIO_ENTRY_TYPES)[number];

/** Exercise control's signing principal in every scenario world. */
export const CONTROL_PRINCIPAL = 'exercise-control';
/** Releasable to exercise control only: an ISO 3166 user-assigned code no state or partner holds. */
export const EXCON_ONLY = ['XEX'] as const;

/** What a what-if branch changed from its parent: one seat's policy, or one inject (replaced or dropped). */
export interface BranchChange {
  readonly seat?: string;
  readonly inject?: string;
  readonly drop?: boolean;
}

export interface ScenarioState {
  readonly world: string;
  readonly definition: ScenarioDefinition;
  /** Seq of the ScenarioDefined entry: the scenario's own part of the log starts there. */
  readonly definedAtSeq: number;
  readonly branch?: { readonly parent: string; readonly atSeq: number; readonly change?: BranchChange };
  /** Seat → the username of the person who holds it; absent: a bot plays it. */
  readonly holders: Readonly<Record<string, string>>;
  readonly clock: ClockState;
  /** Inject id → delivery time (ms). */
  readonly delivered: ReadonlyMap<string, number>;
  /** Inject id → the marking of its delivery: an ad-hoc inject is in no definition, it is marked here. */
  readonly deliveredMarkings?: ReadonlyMap<string, { readonly classification: string; readonly releasability: readonly string[] }>;
  /** Branching injects whose condition did not hold: inject id → when they were withheld (ms). */
  readonly withheld?: ReadonlyMap<string, number>;
}

const ms = (time: string): number => Date.parse(time.length === 10 ? `${time}T00:00:00Z` : time);

/** Folds the scenario's own entries, in log order. Undefined if the world is not a scenario. */
export function foldScenario(world: string, entries: readonly Entry[]): ScenarioState | undefined {
  let state: ScenarioState | undefined;
  for (const entry of entries) {
    const p = entry.payload as Record<string, unknown>;
    if (entry.type === 'ScenarioDefined') {
      const definition = p.definition as unknown as ScenarioDefinition;
      state = {
        world, definition, definedAtSeq: entry.seq, holders: {}, delivered: new Map(),
        clock: initialClock(startMs(definition), endMs(definition), definition.speed),
      };
      continue;
    }
    if (!state) continue;
    switch (entry.type as ScenarioEntryType) {
      case 'ScenarioBranched': {
        const definition = p.definition as unknown as ScenarioDefinition;
        // A branch restarts paused at its branch point, under its changed definition.
        const at = ms(entry.validTime);
        state = {
          ...state, definition, branch: { parent: String(p.parent), atSeq: Number(p.atSeq), ...(p.change ? { change: p.change as BranchChange } : {}) },
          clock: { ...initialClock(startMs(definition), endMs(definition), state.clock.speed), status: 'paused', anchorScenario: at },
        };
        break;
      }
      case 'SeatAssigned': {
        const holders = { ...state.holders };
        if (typeof p.holder === 'string') holders[String(p.seat)] = p.holder;
        else delete holders[String(p.seat)];
        state = { ...state, holders };
        break;
      }
      case 'ClockStarted':
      case 'ClockPaused':
      case 'ClockResumed':
      case 'ClockSpeedChanged':
      case 'ClockAdvanced':
        state = { ...state, clock: evolveClock(state.clock, clockEventOf(entry.type, p)) };
        break;
      case 'InjectDelivered': {
        const delivered = new Map(state.delivered);
        delivered.set(String(p.inject), ms(entry.validTime));
        const deliveredMarkings = new Map(state.deliveredMarkings);
        deliveredMarkings.set(String(p.inject), { classification: entry.classification, releasability: entry.releasability });
        state = { ...state, delivered, deliveredMarkings };
        break;
      }
      case 'InjectWithheld': {
        const withheld = new Map(state.withheld);
        withheld.set(String(p.inject), ms(entry.validTime));
        state = { ...state, withheld };
        break;
      }
      default:
        break;
    }
  }
  return state;
}

export function clockEventOf(type: string, p: Record<string, unknown>): ClockEvent {
  const realAt = Date.parse(String(p.realAt));
  switch (type) {
    case 'ClockStarted':
      return { type, realAt, ...(typeof p.speed === 'number' ? { speed: p.speed } : {}) };
    case 'ClockSpeedChanged':
      return { type, realAt, speed: Number(p.speed) };
    case 'ClockAdvanced':
      return { type, realAt, to: Date.parse(String(p.to)) };
    case 'ClockPaused':
    case 'ClockResumed':
      return { type, realAt };
    default:
      throw new Error(`not a clock entry: ${type}`);
  }
}

/** The payload of a clock change, as written. */
export function clockPayload(event: ClockEvent): Json {
  const realAt = new Date(event.realAt).toISOString();
  switch (event.type) {
    case 'ClockStarted':
      return event.speed === undefined ? { realAt } : { realAt, speed: event.speed };
    case 'ClockSpeedChanged':
      return { realAt, speed: event.speed };
    case 'ClockAdvanced':
      return { realAt, to: isoSeconds(event.to) };
    default:
      return { realAt };
  }
}

/** Reads the scenario entries of a world (all of them: the app's own use, not a reader's). */
export async function readScenario(ledger: LedgerService, world: string): Promise<ScenarioState> {
  await ledger.requireWorld(world);
  const rows = await ledger.store.findEntries(world, { types: [...SCENARIO_ENTRY_TYPES] });
  const state = foldScenario(world, rows.map((r) => JSON.parse(fromUtf8(r.bytes)) as Entry));
  if (!state) throw new EvereError('scenario.not_found', { name: world });
  return state;
}

/** The valid time (ms) of the last entry of a world: how far its scenario has been played. */
export async function lastValidTime(ledger: LedgerService, world: string): Promise<number> {
  const size = await ledger.store.size(world);
  if (size === 0) return 0;
  const [bytes] = await ledger.store.entryBytes(world, size - 1, size);
  return bytes ? ms((JSON.parse(fromUtf8(bytes)) as Entry).validTime) : 0;
}
