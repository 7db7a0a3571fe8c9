/**
 * Given / when / then for rule tests (STYLE habit 10):
 *   given(events).when(command).then(expectedEvents)
 *   given(events).when(command).thenRejects('accession.not_ratified')
 * `given` replays the events; `when` decides the command against the resulting state.
 * Used by tests only; it throws assertion errors, which is how a test fails.
 */
import type { Decider, Decision, Violation } from '../decider.js';
import { formatViolation } from '../../messages/index.js';
import { worldDecider, type WorldCommand, type WorldEvent, type WorldState } from '../world.js';

export class SpecificationError extends Error {}

function show(decision: Decision<unknown>): string {
  return decision.ok
    ? `accepted with ${JSON.stringify(decision.events)}`
    : `rejected: ${decision.violations.map((v) => `${v.code} at ${v.path} (${formatViolation(v)})`).join('; ')}`;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface Then<E> {
  /** Expects exactly these events, in order. */
  then(expected: readonly E[]): readonly E[];
  /** Expects acceptance, whatever the events; returns them. */
  thenAccepts(): readonly E[];
  /** Expects a refusal including a violation with this code; returns the violations. */
  thenRejects(code: string, params?: Violation['params']): readonly Violation[];
}

export interface Given<S, C, E> {
  when(command: C): Then<E>;
  /** The state after the given events. */
  readonly state: S;
}

export function specification<S, C, E>(decider: Decider<S, C, E>) {
  return (events: readonly E[] = []): Given<S, C, E> => {
    const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
    return {
      state,
      when(command: C): Then<E> {
        const decision = decider.decide(state, command);
        return {
          then(expected) {
            if (!decision.ok || !sameJson(decision.events, expected)) {
              throw new SpecificationError(`expected ${JSON.stringify(expected)}, ${show(decision)}`);
            }
            return decision.events;
          },
          thenAccepts() {
            if (!decision.ok) throw new SpecificationError(`expected acceptance, ${show(decision)}`);
            return decision.events;
          },
          thenRejects(code, params) {
            if (decision.ok) throw new SpecificationError(`expected rejection ${code}, ${show(decision)}`);
            const match = decision.violations.find((v) => v.code === code);
            if (!match) throw new SpecificationError(`expected rejection ${code}, ${show(decision)}`);
            if (params) {
              for (const [key, value] of Object.entries(params)) {
                if (!sameJson(match.params[key], value)) {
                  throw new SpecificationError(`expected ${code} with ${key}=${JSON.stringify(value)}, got ${JSON.stringify(match.params)}`);
                }
              }
            }
            return decision.violations;
          },
        };
      },
    };
  };
}

/** given/when/then over the whole world. */
export const given = specification<WorldState, WorldCommand, WorldEvent>(worldDecider);

type DataOf<K extends WorldCommand['cmd']> = Extract<WorldCommand, { cmd: K }>['data'];

/** A typed command for tests: `command('SignTreaty', '1949-04-04', 'PARTIES', { signatories })`. */
export function command<K extends WorldCommand['cmd']>(cmd: K, at: string, by: string, data: DataOf<K>): Extract<WorldCommand, { cmd: K }> {
  return { cmd, at, by, data } as Extract<WorldCommand, { cmd: K }>;
}

/**
 * The events of a sequence of commands, each decided against the state the previous ones made:
 * a compact way to write `given`. Throws if any command is refused.
 */
export function eventsOf(commands: readonly WorldCommand[], from: readonly WorldEvent[] = []): WorldEvent[] {
  let state = from.reduce(worldDecider.evolve, worldDecider.initialState());
  const events: WorldEvent[] = [...from];
  for (const c of commands) {
    const decision = worldDecider.decide(state, c);
    if (!decision.ok) throw new SpecificationError(`given ${c.cmd} at ${c.at} by ${c.by}: ${show(decision)}`);
    for (const e of decision.events) {
      state = worldDecider.evolve(state, e);
      events.push(e);
    }
  }
  return events;
}
