/**
 * The arms-control register. Guarantees: an instrument is registered once, before any status in
 * it; a treaty enters into force once; a state's status changes only along STATUS_TRANSITIONS
 * (signed → party → suspended → party, withdrawn…), in date order, and each state records its own;
 * a treaty terminates only while in force, never before its entry into force, and then is out of
 * force for good. A state that no longer exists (ISO 3166-3: the Soviet Union, Czechoslovakia…)
 * records no status after its last day, and its last status ends with it: a continuing or
 * successor state records its own status from the day after (Russia in the INF Treaty).
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { addDays, isBefore } from '../time.js';
import { isFormerStateAt, stateInfo } from '../states.js';
import type { WorldState } from '../world-state.js';
import { statusKey } from './queries.js';
import { STATUS_TRANSITIONS, type ArmsControlCommand, type ArmsControlEvent, type ArmsControlState, type Instrument, type RecordArmsControlStatus } from './types.js';

export function initialArmsControlState(): ArmsControlState {
  return { instruments: {}, statuses: {}, committees: {} };
}

function instrumentAt(ac: ArmsControlState, id: string, at: string): Instrument | undefined {
  const i = ac.instruments[id];
  return i && !isBefore(at, i.openedAt) ? i : undefined;
}

export function decideArmsControl(world: WorldState, command: ArmsControlCommand): Decision<ArmsControlEvent> {
  const ac = world.armsControl;
  switch (command.cmd) {
    case 'RegisterArmsControlInstrument': {
      const { instrument, name, kind, field, depositary } = command.data;
      const existing = ac.instruments[instrument];
      if (existing) return reject('arms_control.instrument_exists', 'data.instrument', { instrument, openedAt: existing.openedAt });
      return accept(eventFrom(command, 'ArmsControlInstrumentRegistered', { instrument, name, kind, field, ...(depositary === undefined ? {} : { depositary }) }));
    }
    case 'ArmsControlInstrumentEntersIntoForce': {
      const { instrument } = command.data;
      const i = instrumentAt(ac, instrument, command.at);
      if (!i) return reject('arms_control.instrument_unknown', 'data.instrument', { instrument, at: command.at });
      if (i.kind !== 'treaty') return reject('arms_control.not_a_treaty', 'data.instrument', { instrument });
      if (i.status !== 'open') return reject('arms_control.already_in_force', 'data.instrument', { instrument, enteredIntoForceAt: i.enteredIntoForceAt });
      return accept(eventFrom(command, 'ArmsControlInstrumentEnteredIntoForce', { instrument }));
    }
    case 'ArmsControlInstrumentTerminates': {
      const { instrument, reason } = command.data;
      const i = instrumentAt(ac, instrument, command.at);
      if (!i) return reject('arms_control.instrument_unknown', 'data.instrument', { instrument, at: command.at });
      if (i.status === 'terminated') return reject('arms_control.already_terminated', 'data.instrument', { instrument, terminatedAt: i.terminatedAt });
      if (i.status !== 'in_force' || isBefore(command.at, i.enteredIntoForceAt)) return reject('arms_control.not_in_force', 'data.instrument', { instrument, at: command.at });
      return accept(eventFrom(command, 'ArmsControlInstrumentTerminated', { instrument, ...(reason === undefined ? {} : { reason }) }));
    }
    case 'RecordArmsControlStatus':
      return recordStatus(ac, command);
    case 'EstablishArmsControlCommittee': {
      const { committee, name, mandate } = command.data;
      const existing = ac.committees[committee];
      if (existing) return reject('arms_control.committee_exists', 'data.committee', { committee, establishedAt: existing.establishedAt });
      return accept(eventFrom(command, 'ArmsControlCommitteeEstablished', { committee, name, ...(mandate === undefined ? {} : { mandate }) }));
    }
    default:
      return assertNever(command);
  }
}

function recordStatus(ac: ArmsControlState, command: RecordArmsControlStatus): Decision<ArmsControlEvent> {
  const { instrument, state, status, dateIs } = command.data;
  if (command.by !== state) return reject('actor.mismatch', 'by', { by: command.by, party: state });
  if (!instrumentAt(ac, instrument, command.at)) return reject('arms_control.instrument_unknown', 'data.instrument', { instrument, at: command.at });
  if (isFormerStateAt(state, command.at)) {
    return reject('arms_control.state_dissolved', 'data.state', { state, instrument, at: command.at, until: stateInfo(state)!.former!.until });
  }
  const last = ac.statuses[statusKey(instrument, state)]?.at(-1);
  if (last && isBefore(command.at, last.from)) return reject('arms_control.before_previous', 'at', { state, instrument, at: command.at, from: last.from });
  if (last?.status === status) return reject('arms_control.status_unchanged', 'data.status', { state, status, instrument, from: last.from });
  if (last && dateIs === 'on_or_before') return reject('arms_control.bound_not_first', 'data.dateIs', { state, instrument, from: last.from });
  const from = last?.status ?? 'none';
  if (!STATUS_TRANSITIONS[from].includes(status)) {
    return reject('arms_control.transition_invalid', 'data.status', { state, from, to: status, instrument });
  }
  return accept(eventFrom(command, 'ArmsControlStatusRecorded', { instrument, state, status, ...(last ? { previous: last.status } : {}), ...(dateIs === 'on_or_before' ? { dateIs } : {}) }));
}

export function evolveArmsControl(ac: ArmsControlState, event: ArmsControlEvent): ArmsControlState {
  switch (event.type) {
    case 'ArmsControlInstrumentRegistered': {
      const { instrument, name, kind, field, depositary } = event.data;
      const i: Instrument = { status: 'open', id: instrument, name, kind, field, ...(depositary === undefined ? {} : { depositary }), openedAt: event.at };
      return { ...ac, instruments: { ...ac.instruments, [instrument]: i } };
    }
    case 'ArmsControlInstrumentEnteredIntoForce': {
      const i = ac.instruments[event.data.instrument];
      if (!i) return ac;
      return { ...ac, instruments: { ...ac.instruments, [i.id]: { ...i, status: 'in_force', enteredIntoForceAt: event.at } } };
    }
    case 'ArmsControlInstrumentTerminated': {
      const i = ac.instruments[event.data.instrument];
      if (!i || i.status !== 'in_force') return ac;
      const reason = event.data.reason === undefined ? {} : { terminationReason: event.data.reason };
      return { ...ac, instruments: { ...ac.instruments, [i.id]: { ...i, status: 'terminated', terminatedAt: event.at, ...reason } } };
    }
    case 'ArmsControlStatusRecorded': {
      const key = statusKey(event.data.instrument, event.data.state);
      const periods = (ac.statuses[key] ?? []).map((p) => (p.until === undefined || isBefore(event.at, p.until) ? { ...p, until: event.at } : p));
      // A state that no longer exists holds its status up to its last day, not beyond.
      const lastDay = stateInfo(event.data.state)?.former?.until;
      const end = lastDay === undefined ? {} : { until: addDays(lastDay, 1) };
      const fromIs = event.data.dateIs === undefined ? {} : { fromIs: event.data.dateIs };
      return { ...ac, statuses: { ...ac.statuses, [key]: [...periods, { status: event.data.status, from: event.at, ...fromIs, ...end }] } };
    }
    case 'ArmsControlCommitteeEstablished': {
      const { committee, name, mandate } = event.data;
      return { ...ac, committees: { ...ac.committees, [committee]: { id: committee, name, ...(mandate === undefined ? {} : { mandate }), establishedAt: event.at } } };
    }
    default:
      return assertNever(event);
  }
}
