/** Questions about operations answered from state: the reference answers for rules and tests. */
import { isAtOrAfter, isBefore } from '../time.js';
import type { Iso3 } from '../states.js';
import type { Contribution, Operation, OperationsState, OperationStatus } from './types.js';

/**
 * The status of an operation at `at`, from its dates: `planned` from planning to launch, `active`
 * from launch to end, `ended` from the end on; undefined before it was planned or launched.
 */
export function operationStatusAt(op: Operation, at: string): OperationStatus | undefined {
  if (op.status !== 'planned') {
    if (op.status === 'ended' && isAtOrAfter(at, op.endedAt)) return 'ended';
    if (isAtOrAfter(at, op.launchedAt)) return 'active';
  }
  if (op.plannedAt !== undefined && isAtOrAfter(at, op.plannedAt)) return 'planned';
  return undefined;
}

export function isActiveAt(op: Operation, at: string): boolean {
  return operationStatusAt(op, at) === 'active';
}

/** The operations active at `at`, sorted by id. */
export function activeOperationsAt(state: OperationsState, at: string): Operation[] {
  return Object.values(state.operations)
    .filter((op) => isActiveAt(op, at))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function covers(c: Contribution, at: string): boolean {
  return isAtOrAfter(at, c.from) && (c.until === undefined || isBefore(at, c.until));
}

/** The contribution period of `contributor` that covers `at`, if any. */
export function contributionAt(op: Operation, contributor: Iso3, at: string): Contribution | undefined {
  return op.contributions.find((c) => c.contributor === contributor && covers(c, at));
}

/** Contributors to an operation at `at`, sorted by code. */
export function contributorsAt(op: Operation, at: string): Iso3[] {
  return [...new Set(op.contributions.filter((c) => covers(c, at)).map((c) => c.contributor))].sort();
}
