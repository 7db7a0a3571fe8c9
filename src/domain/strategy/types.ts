/** Strategy and institutions: Strategic Concepts, Secretaries General, summits. */
import type { RecordCommand, WorldEventOf } from '../command.js';
import type { Iso3 } from '../states.js';

export interface ConceptData {
  readonly concept: string;
  readonly title: string;
  readonly place?: string;
  readonly reference?: string;
  readonly coreTasks?: readonly string[];
  readonly threats?: readonly string[];
  readonly challenges?: readonly string[];
}

export type AdoptStrategicConcept = RecordCommand<'AdoptStrategicConcept', ConceptData>;
export type AppointSecretaryGeneral = RecordCommand<
  'AppointSecretaryGeneral',
  { readonly name: string; readonly nationality: Iso3; readonly ordinal: number }
>;
export type HoldSummit = RecordCommand<
  'HoldSummit',
  { readonly summit: string; readonly place: string; readonly endDate?: string; readonly declaration?: string }
>;
export type StrategyCommand = AdoptStrategicConcept | AppointSecretaryGeneral | HoldSummit;

export type StrategicConceptAdopted = WorldEventOf<'StrategicConceptAdopted', ConceptData>;
/** `at` = took office. */
export type SecretaryGeneralAppointed = WorldEventOf<'SecretaryGeneralAppointed', { name: string; nationality: Iso3; ordinal: number }>;
export type SummitHeld = WorldEventOf<'SummitHeld', { summit: string; place: string; endDate?: string; declaration?: string }>;
export type StrategyEvent = StrategicConceptAdopted | SecretaryGeneralAppointed | SummitHeld;

export interface StrategicConcept extends ConceptData {
  readonly adoptedAt: string;
}

export interface SecretaryGeneral {
  readonly name: string;
  readonly nationality: Iso3;
  readonly ordinal: number;
  readonly tookOffice: string;
}

export interface Summit {
  readonly id: string;
  readonly place: string;
  readonly at: string;
  readonly endDate?: string;
  readonly declaration?: string;
}

export interface StrategyState {
  /** In order of adoption; each superseded the one before. */
  readonly concepts: readonly StrategicConcept[];
  /** In order of taking office; each succeeded the one before. */
  readonly secretariesGeneral: readonly SecretaryGeneral[];
  readonly summits: Readonly<Record<string, Summit>>;
}
