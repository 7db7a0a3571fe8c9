/** Index changes for Art. 4 events: one `consultation` fact per request, valid from the request. */
import type { FactChange } from '../facts.js';
import type { WorldState } from '../world-state.js';
import type { ConsultationEvent } from './types.js';

export function projectConsultation(after: WorldState, event: ConsultationEvent): FactChange[] {
  const c = after.consultation.consultations[event.data.consultation];
  if (!c) return [];
  return [{
    op: 'assert', kind: 'consultation', key: c.id, validFrom: c.requestedAt,
    data: {
      consultation: c.id, requesters: c.requesters, reason: c.reason, status: c.status,
      ...(c.status === 'held' ? { heldAt: c.heldAt } : {}),
    },
  }];
}
