/** Consultations under Art. 4: "whenever, in the opinion of any of them, the territorial integrity,
 * political independence or security of any of the Parties is threatened". */
import type { RecordCommand, WorldEventOf } from '../command.js';
import type { Iso3 } from '../states.js';

export type RequestConsultations = RecordCommand<
  'RequestConsultations',
  { readonly consultation: string; readonly requesters: readonly Iso3[]; readonly reason: string }
>;
export type HoldConsultations = RecordCommand<'HoldConsultations', { readonly consultation: string }>;
export type ConsultationCommand = RequestConsultations | HoldConsultations;

export type ConsultationsRequested = WorldEventOf<
  'ConsultationsRequested',
  { consultation: string; requesters: readonly Iso3[]; reason: string }
>;
export type ConsultationsHeld = WorldEventOf<'ConsultationsHeld', { consultation: string }>;
export type ConsultationEvent = ConsultationsRequested | ConsultationsHeld;

interface ConsultationBase {
  readonly id: string;
  readonly requesters: readonly Iso3[];
  readonly reason: string;
  readonly requestedAt: string;
}

export type Consultation =
  | (ConsultationBase & { readonly status: 'requested' })
  | (ConsultationBase & { readonly status: 'held'; readonly heldAt: string });

export interface ConsultationState {
  readonly consultations: Readonly<Record<string, Consultation>>;
}
