/**
 * The shape every procedure of the rules engine takes (STYLE habit 1):
 * `decide(state, command)` gives events or violations, `evolve(state, event)` the next state.
 * Pure: no I/O, no clock, no randomness. `at` (valid time) and the actor come in with the command.
 */

/** ISO 3166-1 alpha-3 code of a state, or the id of a body (BODIES in states.ts: NAC, SG, DEPOSITARY…). */
export type PartyCode = string;

/** Who acts, as the command states it. */
export interface Acting {
  /** The Ally or body on whose behalf the command is given. */
  readonly by: PartyCode;
}

export interface Command<T extends string = string, D = unknown> extends Acting {
  readonly cmd: T;
  /** Valid time of the act: ISO 8601 date or UTC date-time. */
  readonly at: string;
  readonly data: D;
}

/** Events are plain, readonly, past-tense and permanent. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  /** Valid time: when it holds in the world. */
  readonly at: string;
  readonly by: PartyCode;
  readonly data: D;
}

export type ViolationParams = Readonly<Record<string, string | number | readonly string[]>>;

/** A refusal names the rule (`code`), where (`path`) and who or what is missing (`params`). */
export interface Violation {
  readonly code: string;
  readonly path: string;
  readonly params: ViolationParams;
}

export type Decision<E> =
  | { readonly ok: true; readonly events: readonly E[] }
  | { readonly ok: false; readonly violations: readonly Violation[] };

export interface Decider<S, C, E> {
  initialState(): S;
  decide(state: S, command: C): Decision<E>;
  evolve(state: S, event: E): S;
}

export const accept = <E>(...events: E[]): Decision<E> => ({ ok: true, events });

export const reject = <E>(code: string, path: string, params: ViolationParams = {}): Decision<E> => ({
  ok: false,
  violations: [{ code, path, params }],
});

/** Exhaustiveness check at the end of every switch over a union. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
