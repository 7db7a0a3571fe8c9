/**
 * The Art. 4 decider. Guarantees: every requester is an Ally at the request; consultations are held
 * once, by the Council, on a request already made.
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { isAllyAt } from '../membership/queries.js';
import { isBefore } from '../time.js';
import type { WorldState } from '../world-state.js';
import type { ConsultationCommand, ConsultationEvent, ConsultationState } from './types.js';

export function initialConsultationState(): ConsultationState {
  return { consultations: {} };
}

export function decideConsultation(world: WorldState, command: ConsultationCommand): Decision<ConsultationEvent> {
  switch (command.cmd) {
    case 'RequestConsultations': {
      const { consultation: id, requesters, reason } = command.data;
      const existing = world.consultation.consultations[id];
      if (existing) return reject('consultation.exists', 'data.consultation', { consultation: id, requestedAt: existing.requestedAt });
      if (!requesters.includes(command.by)) return reject('consultation.requester_mismatch', 'by', { by: command.by, requesters });
      const strangers = requesters.filter((s) => !isAllyAt(world.membership, s, command.at));
      if (strangers.length > 0) return reject('consultation.requester_not_ally', 'data.requesters', { states: strangers, at: command.at });
      return accept(eventFrom(command, 'ConsultationsRequested', { consultation: id, requesters, reason }));
    }
    case 'HoldConsultations': {
      const id = command.data.consultation;
      const consultation = world.consultation.consultations[id];
      if (!consultation) return reject('consultation.unknown', 'data.consultation', { consultation: id });
      if (consultation.status === 'held') return reject('consultation.already_held', 'data.consultation', { consultation: id, heldAt: consultation.heldAt });
      if (isBefore(command.at, consultation.requestedAt)) {
        return reject('consultation.before_request', 'at', { at: command.at, requestedAt: consultation.requestedAt });
      }
      return accept(eventFrom(command, 'ConsultationsHeld', { consultation: id }));
    }
    default:
      return assertNever(command);
  }
}

export function evolveConsultation(state: ConsultationState, event: ConsultationEvent): ConsultationState {
  switch (event.type) {
    case 'ConsultationsRequested': {
      const { consultation: id, requesters, reason } = event.data;
      return { consultations: { ...state.consultations, [id]: { status: 'requested', id, requesters, reason, requestedAt: event.at } } };
    }
    case 'ConsultationsHeld': {
      const consultation = state.consultations[event.data.consultation];
      if (!consultation) return state;
      return { consultations: { ...state.consultations, [consultation.id]: { ...consultation, status: 'held', heldAt: event.at } } };
    }
    default:
      return assertNever(event);
  }
}
