/**
 * The operations decider: the Council plans, launches and ends operations and missions; Allies and
 * partners join and leave them.
 *
 * Guarantees:
 * - An operation always has a complete definition (name, kind, core task, area) and a mandate that
 *   says what it rests on: UN Security Council resolutions, a host government's request, an
 *   organisation's request, an Article 5 determination already made, or none (alone).
 * - An operation ends only after it began, and only once; the Council decision behind a step never
 *   postdates the step.
 * - A contribution falls within the operation's active period: one may join only an active
 *   operation, and its end closes every open contribution.
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { isAllyAt } from '../membership/queries.js';
import { isAfter, isAtOrBefore, isBefore } from '../time.js';
import type { WorldState } from '../world-state.js';
import { contributionAt, operationStatusAt } from './queries.js';
import type {
  ContributorRole,
  CouncilDecision,
  EndOperation,
  JoinOperation,
  LaunchOperation,
  LeaveOperation,
  Mandate,
  Operation,
  OperationDefinition,
  OperationsCommand,
  OperationsEvent,
  OperationsState,
  PlanOperation,
} from './types.js';

type OperationsDecision = Decision<OperationsEvent>;

export function initialOperationsState(): OperationsState {
  return { operations: {} };
}

const DEFINITION_FIELDS = ['name', 'kind', 'coreTask', 'area', 'mandate'] as const;
const MANDATE_DETAILS = ['resolutions', 'requestedBy', 'requestingOrganisation', 'determination'] as const;
const DETAIL_BASIS = { resolutions: 'unscr', requestedBy: 'host_request', requestingOrganisation: 'organisation_request', determination: 'article5' } as const;
/** A UN Security Council resolution is cited by its number (S/RES/1244 (1999) is `1244`). */
const RESOLUTION = /^[1-9][0-9]{0,4}$/;

export function decideOperations(world: WorldState, command: OperationsCommand): OperationsDecision {
  switch (command.cmd) {
    case 'PlanOperation':
      return planOperation(world, command);
    case 'LaunchOperation':
      return launchOperation(world, command);
    case 'EndOperation':
      return endOperation(world.operations, command);
    case 'JoinOperation':
      return joinOperation(world, command);
    case 'LeaveOperation':
      return leaveOperation(world.operations, command);
    default:
      return assertNever(command);
  }
}

function decision(data: CouncilDecision): CouncilDecision {
  return {
    ...(data.decidedAt === undefined ? {} : { decidedAt: data.decidedAt }),
    ...(data.decision === undefined ? {} : { decision: data.decision }),
  };
}

/** The Council decides before (or on the day of) what it decided. */
function decidedAfter(data: CouncilDecision, at: string): OperationsDecision | undefined {
  if (data.decidedAt !== undefined && isAfter(data.decidedAt, at)) {
    return reject('operation.decided_after', 'data.decidedAt', { decidedAt: data.decidedAt, at });
  }
  return undefined;
}

/** What the mandate rests on, and that every detail given belongs to a basis it names. */
function mandateViolation(world: WorldState, operation: string, m: Mandate, at: string): OperationsDecision | undefined {
  const bases = m.mandate;
  if (bases.includes('none') && bases.length > 1) return reject('operation.mandate_none_exclusive', 'data.mandate', { operation });
  for (const field of MANDATE_DETAILS) {
    const basis = DETAIL_BASIS[field];
    if (m[field] !== undefined && !bases.includes(basis)) {
      return reject('operation.mandate_detail_unused', `data.${field}`, { operation, field, basis });
    }
  }
  if (bases.includes('unscr')) {
    if (!m.resolutions || m.resolutions.length === 0) {
      return reject('operation.mandate_incomplete', 'data.resolutions', { operation, basis: 'unscr', field: 'resolutions' });
    }
    const bad = m.resolutions.findIndex((r) => !RESOLUTION.test(r));
    if (bad >= 0) return reject('operation.resolution_invalid', `data.resolutions[${bad}]`, { operation, value: m.resolutions[bad]! });
  }
  if (bases.includes('host_request') && (!m.requestedBy || m.requestedBy.length === 0)) {
    return reject('operation.mandate_incomplete', 'data.requestedBy', { operation, basis: 'host_request', field: 'requestedBy' });
  }
  if (bases.includes('organisation_request') && m.requestingOrganisation === undefined) {
    return reject('operation.mandate_incomplete', 'data.requestingOrganisation', {
      operation, basis: 'organisation_request', field: 'requestingOrganisation',
    });
  }
  if (bases.includes('article5')) {
    if (m.determination === undefined) {
      return reject('operation.mandate_incomplete', 'data.determination', { operation, basis: 'article5', field: 'determination' });
    }
    const determined = world.collectiveDefence.determinations[m.determination];
    if (!determined || isAfter(determined.determinedAt, at)) {
      return reject('operation.determination_unknown', 'data.determination', { operation, determination: m.determination, at });
    }
  }
  return undefined;
}

function definitionOf(data: OperationDefinition): OperationDefinition {
  const { name, kind, coreTask, area, mandate, resolutions, requestedBy, requestingOrganisation, determination } = data;
  return {
    name, kind, coreTask, area, mandate,
    ...(resolutions === undefined ? {} : { resolutions }),
    ...(requestedBy === undefined ? {} : { requestedBy }),
    ...(requestingOrganisation === undefined ? {} : { requestingOrganisation }),
    ...(determination === undefined ? {} : { determination }),
  };
}

function since(op: Operation): string {
  return op.status === 'planned' ? op.plannedAt : op.launchedAt;
}

function planOperation(world: WorldState, command: PlanOperation): OperationsDecision {
  const { operation } = command.data;
  const existing = world.operations.operations[operation];
  if (existing) return reject('operation.exists', 'data.operation', { operation, status: existing.status, since: since(existing) });
  const refused = decidedAfter(command.data, command.at) ?? mandateViolation(world, operation, command.data, command.at);
  if (refused) return refused;
  return accept(eventFrom(command, 'OperationPlanned', { operation, ...definitionOf(command.data), ...decision(command.data) }));
}

/** Launch: the Council decides by consensus, case by case (seed). */
function launchOperation(world: WorldState, command: LaunchOperation): OperationsDecision {
  const { operation } = command.data;
  const existing = world.operations.operations[operation];
  const late = decidedAfter(command.data, command.at);
  if (late) return late;
  if (existing) {
    if (existing.status !== 'planned') {
      return reject('operation.exists', 'data.operation', { operation, status: existing.status, since: since(existing) });
    }
    const redefined = [...DEFINITION_FIELDS, ...MANDATE_DETAILS].find((f) => command.data[f] !== undefined);
    if (redefined) {
      return reject('operation.definition_with_plan', `data.${redefined}`, { operation, field: redefined, plannedAt: existing.plannedAt });
    }
    if (isBefore(command.at, existing.plannedAt)) {
      return reject('operation.launch_before_plan', 'at', { operation, at: command.at, plannedAt: existing.plannedAt });
    }
    return accept(eventFrom(command, 'OperationLaunched', { operation, ...existing.definition, ...decision(command.data) }));
  }
  const missing = DEFINITION_FIELDS.find((f) => command.data[f] === undefined);
  if (missing) return reject('operation.definition_missing', `data.${missing}`, { operation, field: missing });
  const definition = definitionOf(command.data as OperationDefinition);
  const refused = mandateViolation(world, operation, definition, command.at);
  if (refused) return refused;
  return accept(eventFrom(command, 'OperationLaunched', { operation, ...definition, ...decision(command.data) }));
}

function endOperation(state: OperationsState, command: EndOperation): OperationsDecision {
  const { operation, successor, dateIs } = command.data;
  const op = state.operations[operation];
  if (!op) return reject('operation.unknown', 'data.operation', { operation });
  if (op.status === 'planned') return reject('operation.not_launched', 'data.operation', { operation });
  if (op.status === 'ended') return reject('operation.already_ended', 'data.operation', { operation, endedAt: op.endedAt });
  if (isBefore(command.at, op.launchedAt)) {
    return reject('operation.end_before_start', 'at', { operation, at: command.at, launchedAt: op.launchedAt });
  }
  const late = decidedAfter(command.data, command.at);
  if (late) return late;
  return accept(eventFrom(command, 'OperationEnded', { operation, ...(successor === undefined ? {} : { successor }), ...(dateIs === 'on_or_before' ? { dateIs } : {}), ...decision(command.data) }));
}

function joinOperation(world: WorldState, command: JoinOperation): OperationsDecision {
  const { operation, contributor, dateIs } = command.data;
  if (command.by !== contributor) return reject('actor.mismatch', 'by', { by: command.by, party: contributor });
  const op = world.operations.operations[operation];
  if (!op) return reject('operation.unknown', 'data.operation', { operation });
  const status = operationStatusAt(op, command.at);
  if (status !== 'active') return reject('operation.not_active', 'data.operation', { operation, at: command.at, status: status ?? 'not_begun' });
  const current = op.contributions.find((c) => c.contributor === contributor && (c.until === undefined || isBefore(command.at, c.until)));
  if (current) return reject('operation.already_contributing', 'data.contributor', { contributor, operation, from: current.from });
  const role: ContributorRole = isAllyAt(world.membership, contributor, command.at) ? 'ally' : 'partner';
  return accept(eventFrom(command, 'OperationJoined', { operation, contributor, role, ...(dateIs === 'on_or_before' ? { dateIs } : {}) }));
}

function leaveOperation(state: OperationsState, command: LeaveOperation): OperationsDecision {
  const { operation, contributor, dateIs } = command.data;
  if (command.by !== contributor) return reject('actor.mismatch', 'by', { by: command.by, party: contributor });
  const op = state.operations[operation];
  if (!op) return reject('operation.unknown', 'data.operation', { operation });
  const current = contributionAt(op, contributor, command.at);
  if (!current || current.until !== undefined) {
    return reject('operation.not_contributing', 'data.contributor', { contributor, operation, at: command.at });
  }
  return accept(eventFrom(command, 'OperationLeft', { operation, contributor, ...(dateIs === 'on_or_before' ? { dateIs } : {}) }));
}

// ---- evolve ----

function withOperation(state: OperationsState, op: Operation): OperationsState {
  return { ...state, operations: { ...state.operations, [op.id]: op } };
}

export function evolveOperations(state: OperationsState, event: OperationsEvent): OperationsState {
  switch (event.type) {
    case 'OperationPlanned': {
      const { operation, decidedAt, decision: reference, ...definition } = event.data;
      return withOperation(state, {
        status: 'planned', id: operation, definition: definitionOf(definition), plannedAt: event.at,
        planDecision: decision({ decidedAt, decision: reference }), contributions: [],
      });
    }
    case 'OperationLaunched': {
      const { operation, decidedAt, decision: reference, ...definition } = event.data;
      const previous = state.operations[operation];
      return withOperation(state, {
        status: 'active', id: operation, definition: definitionOf(definition),
        ...(previous?.plannedAt === undefined ? {} : { plannedAt: previous.plannedAt }),
        ...(previous?.planDecision === undefined ? {} : { planDecision: previous.planDecision }),
        launchedAt: event.at, launchDecision: decision({ decidedAt, decision: reference }), contributions: previous?.contributions ?? [],
      });
    }
    case 'OperationEnded': {
      const op = state.operations[event.data.operation];
      if (!op || op.status !== 'active') return state;
      const { successor, decidedAt, decision: reference } = event.data;
      const contributions = op.contributions.map((c) => (c.until === undefined || isBefore(event.at, c.until) ? { ...c, until: event.at } : c));
      return withOperation(state, {
        ...op, status: 'ended', endedAt: event.at, ...(event.data.dateIs === undefined ? {} : { endedIs: event.data.dateIs }), endDecision: decision({ decidedAt, decision: reference }), contributions,
        ...(successor === undefined ? {} : { successor }),
      });
    }
    case 'OperationJoined': {
      const op = state.operations[event.data.operation];
      if (!op) return state;
      const { contributor, role, dateIs } = event.data;
      const until = op.status === 'ended' && isAtOrBefore(event.at, op.endedAt) ? { until: op.endedAt } : {};
      const fromIs = dateIs === undefined ? {} : { fromIs: dateIs };
      return withOperation(state, { ...op, contributions: [...op.contributions, { contributor, role, from: event.at, ...fromIs, ...until }] });
    }
    case 'OperationLeft': {
      const op = state.operations[event.data.operation];
      if (!op) return state;
      const contributions = op.contributions.map((c) =>
        c.contributor === event.data.contributor && c.until === undefined
          ? { ...c, until: event.at, ...(event.data.dateIs === undefined ? {} : { untilIs: event.data.dateIs }) }
          : c,
      );
      return withOperation(state, { ...op, contributions });
    }
    default:
      return assertNever(event);
  }
}
