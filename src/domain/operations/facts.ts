/**
 * Index changes for operations (kinds `operation` and `operation-contribution`; keys and data in
 * world.ts's FACT_KINDS). An operation's fact is valid from its planning (or launch) until its end;
 * its data carries every date, so its status at any date follows from the fact alone. A
 * contribution is keyed `OPERATION/ISO3` for the first period and `OPERATION/ISO3/n` for the n-th.
 */
import { assertNever } from '../decider.js';
import type { FactAssert, FactChange } from '../facts.js';
import type { WorldState } from '../world-state.js';
import type { Operation, OperationsEvent } from './types.js';

export function operationFact(op: Operation): FactAssert {
  const { definition } = op;
  const launched = op.status === 'planned' ? {} : {
    launchedAt: op.launchedAt,
    ...(op.launchDecision.decidedAt === undefined ? {} : { launchDecidedAt: op.launchDecision.decidedAt }),
    ...(op.launchDecision.decision === undefined ? {} : { launchDecision: op.launchDecision.decision }),
  };
  const ended = op.status !== 'ended' ? {} : {
    endedAt: op.endedAt,
    ...(op.endedIs === undefined ? {} : { endedIs: op.endedIs }),
    ...(op.endDecision.decidedAt === undefined ? {} : { endDecidedAt: op.endDecision.decidedAt }),
    ...(op.endDecision.decision === undefined ? {} : { endDecision: op.endDecision.decision }),
    ...(op.successor === undefined ? {} : { successor: op.successor }),
  };
  return {
    op: 'assert',
    kind: 'operation',
    key: op.id,
    validFrom: op.status === 'planned' ? op.plannedAt : op.plannedAt ?? op.launchedAt,
    ...(op.status === 'ended' ? { validTo: op.endedAt } : {}),
    data: {
      operation: op.id,
      ...definition,
      status: op.status,
      ...(op.plannedAt === undefined ? {} : { plannedAt: op.plannedAt }),
      ...(op.planDecision?.decidedAt === undefined ? {} : { planDecidedAt: op.planDecision.decidedAt }),
      ...launched,
      ...ended,
    },
  };
}

/** The fact of the contribution at `index` in the operation's list (periods of one contributor are numbered in order). */
function contributionFact(op: Operation, index: number): FactAssert | undefined {
  const c = op.contributions[index];
  if (!c) return undefined;
  const n = op.contributions.slice(0, index + 1).filter((x) => x.contributor === c.contributor).length;
  return {
    op: 'assert',
    kind: 'operation-contribution',
    key: n === 1 ? `${op.id}/${c.contributor}` : `${op.id}/${c.contributor}/${n}`,
    validFrom: c.from,
    ...(c.until === undefined ? {} : { validTo: c.until }),
    data: {
      operation: op.id, contributor: c.contributor, role: c.role, from: c.from,
      ...(c.fromIs === undefined ? {} : { fromIs: c.fromIs }), ...(c.until === undefined ? {} : { until: c.until }),
      ...(c.untilIs === undefined ? {} : { untilIs: c.untilIs }),
    },
  };
}

const present = <T>(value: T | undefined): value is T => value !== undefined;

export function projectOperations(after: WorldState, event: OperationsEvent, before: WorldState): FactChange[] {
  const op = after.operations.operations[event.data.operation];
  if (!op) return [];
  switch (event.type) {
    case 'OperationPlanned':
    case 'OperationLaunched':
      return [operationFact(op)];
    case 'OperationEnded': {
      // Every contribution the end closed is re-asserted with its new end.
      const previous = before.operations.operations[op.id]?.contributions ?? [];
      const closed = op.contributions.map((c, i) => (c.until !== previous[i]?.until ? contributionFact(op, i) : undefined)).filter(present);
      return [operationFact(op), ...closed];
    }
    case 'OperationJoined':
      return [contributionFact(op, op.contributions.length - 1)].filter(present);
    case 'OperationLeft': {
      const previous = before.operations.operations[op.id]?.contributions ?? [];
      return op.contributions.map((c, i) => (c.until !== previous[i]?.until ? contributionFact(op, i) : undefined)).filter(present);
    }
    default:
      return assertNever(event);
  }
}
