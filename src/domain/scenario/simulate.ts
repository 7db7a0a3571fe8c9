/**
 * The scenario engine: a discrete-event simulation over the world's deciders. From a world state
 * and a scenario time it delivers the injects that fall due, replays scripted acts and lets every
 * bot seat, the chair and exercise control act, each in time order, until a given scenario time.
 *
 * Every act goes through `worldDecider.decide` exactly as a person's would; a refusal is recorded
 * and the act is not retried. Deterministic: the same inputs (state, definition, seed, delivered
 * injects, seats held by people, scripted acts) always give the same steps. Pure: the caller turns
 * the steps into ledger entries (a live world) or only counts them (a headless batch).
 */
import type { Violation } from '../decider.js';
import { worldDecider, type WorldCommand, type WorldEvent } from '../world.js';
import type { WorldState } from '../world-state.js';
import { conditionHolds } from './conditions.js';
import { isoSeconds, resolveRelativeTimes } from './duration.js';
import { compareIntents, intents, seatOfParty, type IntentCommand, type SimContext } from './policy.js';
import type { Random } from './random.js';
import type { Inject, ScenarioDefinition } from './types.js';

/** An act recorded in a live world, replayed in a what-if branch at its scenario time. */
export interface ScriptedAct {
  readonly atMs: number;
  readonly command: IntentCommand;
  /** The principal that signed the original, kept for the branch's entries. */
  readonly actor?: string;
}

export type ActSource = 'bot' | 'script' | 'control';

export type SimStep =
  | {
      readonly kind: 'inject';
      readonly at: number;
      readonly inject: Inject;
      /** The inject's command waits for a person: it is delivered as a prompt, not carried out. */
      readonly prompt: boolean;
      readonly seat?: string;
    }
  | {
      /** A branching inject whose condition did not hold (by its time, or by the end of its wait). */
      readonly kind: 'withheld';
      readonly at: number;
      readonly inject: Inject;
    }
  | {
      readonly kind: 'act';
      readonly at: number;
      readonly seat: string;
      readonly source: ActSource;
      readonly command: WorldCommand;
      readonly events: readonly WorldEvent[];
      readonly actor?: string;
      /** The inject whose command this is. */
      readonly inject?: string;
    }
  | {
      readonly kind: 'refused';
      readonly at: number;
      readonly seat: string;
      readonly source: ActSource;
      readonly command: IntentCommand;
      readonly violations: readonly Violation[];
      readonly inject?: string;
    };

export interface SimInput {
  readonly world: WorldState;
  readonly definition: ScenarioDefinition;
  readonly random: Random;
  readonly seats: readonly string[];
  readonly humanSeats: ReadonlySet<string>;
  readonly delivered: ReadonlyMap<string, number>;
  /** Branching injects already withheld. */
  readonly withheld?: ReadonlySet<string>;
  readonly fromMs: number;
  readonly toMs: number;
  readonly scripted?: readonly ScriptedAct[];
  /** A guard against a policy that never settles. */
  readonly maxSteps?: number;
}

export interface SimResult {
  readonly world: WorldState;
  readonly delivered: ReadonlyMap<string, number>;
  readonly withheld: ReadonlySet<string>;
  readonly steps: readonly SimStep[];
  /** Scenario time reached (ms). */
  readonly reached: number;
}

function decideAndApply(world: WorldState, command: WorldCommand): { world: WorldState; events: readonly WorldEvent[] } | { violations: readonly Violation[] } {
  const decision = worldDecider.decide(world, command);
  if (!decision.ok) return { violations: decision.violations };
  let next = world;
  for (const event of decision.events) next = worldDecider.evolve(next, event);
  return { world: next, events: decision.events };
}

const asCommand = (c: IntentCommand, at: number): WorldCommand => ({ cmd: c.cmd, at: isoSeconds(at), by: c.by, data: c.data }) as WorldCommand;

export function simulate(input: SimInput): SimResult {
  const { definition, random, seats, humanSeats } = input;
  const startMs = Date.parse(definition.start);
  const delivered = new Map(input.delivered);
  const ctx: SimContext = { definition, random, delivered, humanSeats, seats, startMs, memo: new WeakMap() };
  const scripted = [...(input.scripted ?? [])].filter((s) => s.atMs >= input.fromMs).sort((a, b) => a.atMs - b.atMs);
  const maxSteps = input.maxSteps ?? 50_000;
  const steps: SimStep[] = [];
  const done = new Set<string>();
  let world = input.world;
  let cursor = input.fromMs;
  let nextScript = 0;
  let settled = false;

  const withheld = new Set(input.withheld);
  // A branching inject that waits for its condition is looked at again only once the world has
  // changed (or at the end of its wait).
  const lookedAt = new Map<string, WorldState>();
  /** The next inject to consider, and when: the earliest, then in list order. */
  const nextInject = (): { inject: Inject; at: number } | undefined => {
    let found: { inject: Inject; at: number } | undefined;
    for (const i of definition.injects) {
      if (delivered.has(i.id) || withheld.has(i.id)) continue;
      const from = startMs + i.atMs;
      // Injects are sorted by time: none after this one can come sooner.
      if (found && from > found.at) break;
      let at = from;
      if (i.condition && from <= cursor) {
        // Looked at and found wanting: again when the world changes, or at the end of its wait.
        at = lookedAt.get(i.id) === world ? startMs + (i.untilMs ?? i.atMs) : cursor;
      }
      if (!found || at < found.at) found = { inject: i, at };
    }
    return found;
  };

  for (let n = 0; n < maxSteps; n++) {
    const next = nextInject();
    const inject = next?.inject;
    const injectAt = next ? next.at : Infinity;
    const script = scripted[nextScript];
    const scriptAt = script ? script.atMs : Infinity;
    let best;
    for (const intent of intents(ctx, world)) {
      if (done.has(intent.key)) continue;
      if (!best || compareIntents(intent, best) < 0) best = intent;
    }
    const intentAt = best ? best.at : Infinity;
    const due = Math.min(injectAt, scriptAt, intentAt);
    const at = Math.max(due, cursor);
    if (at > input.toMs) {
      settled = true;
      break;
    }
    cursor = at;

    if (inject && injectAt === due) {
      if (inject.condition && !conditionHolds(inject.condition, world, delivered)) {
        if (at >= startMs + (inject.untilMs ?? inject.atMs)) {
          withheld.add(inject.id);
          steps.push({ kind: 'withheld', at, inject });
        } else {
          lookedAt.set(inject.id, world);
        }
        continue;
      }
      delivered.set(inject.id, at);
      const command = inject.command;
      if (!command) {
        steps.push({ kind: 'inject', at, inject, prompt: false });
        continue;
      }
      const seat = seatOfParty(command.by, seats);
      const prompt = humanSeats.has(seat);
      steps.push({ kind: 'inject', at, inject, prompt, seat });
      if (prompt) continue;
      const resolved: IntentCommand = { ...command, data: resolveRelativeTimes(command.data, at, startMs) as Record<string, unknown> };
      const source: ActSource = seat === 'EXCON' ? 'control' : 'bot';
      const result = decideAndApply(world, asCommand(resolved, at));
      if ('violations' in result) steps.push({ kind: 'refused', at, seat, source, command: resolved, violations: result.violations, inject: inject.id });
      else {
        world = result.world;
        steps.push({ kind: 'act', at, seat, source, command: asCommand(resolved, at), events: result.events, inject: inject.id });
      }
      continue;
    }
    if (script && scriptAt === due) {
      nextScript++;
      const seat = seatOfParty(script.command.by, seats);
      const result = decideAndApply(world, asCommand(script.command, at));
      if ('violations' in result) steps.push({ kind: 'refused', at, seat, source: 'script', command: script.command, violations: result.violations });
      else {
        world = result.world;
        steps.push({ kind: 'act', at, seat, source: 'script', command: asCommand(script.command, at), events: result.events, ...(script.actor ? { actor: script.actor } : {}) });
      }
      continue;
    }
    if (!best) continue;
    done.add(best.key);
    const source: ActSource = best.seat === 'EXCON' ? 'control' : 'bot';
    const result = decideAndApply(world, asCommand(best.command, at));
    if ('violations' in result) steps.push({ kind: 'refused', at, seat: best.seat, source, command: best.command, violations: result.violations });
    else {
      world = result.world;
      steps.push({ kind: 'act', at, seat: best.seat, source, command: asCommand(best.command, at), events: result.events });
    }
  }
  return { world, delivered, withheld, steps, reached: settled ? Math.max(cursor, input.toMs) : cursor };
}
