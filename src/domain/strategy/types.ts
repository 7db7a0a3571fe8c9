/** Strategy and institutions: Strategic Concepts, Secretaries General, other offices, seats, summits. */
import type { RecordCommand, Title, WorldEventOf } from '../command.js';
import type { Iso3 } from '../states.js';
import type { DatePrecision } from '../membership/types.js';

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
/**
 * Offices other than the Secretary General's (whose holders carry an ordinal): the Deputy
 * Secretary General, an acting Secretary General between two appointments, and the strategic
 * commanders (SACEUR; SACLANT until Allied Command Atlantic became Allied Command
 * Transformation; SACT).
 */
export const OFFICES = ['deputy_secretary_general', 'acting_secretary_general', 'saceur', 'saclant', 'acting_saclant', 'sact', 'wps_special_representative'] as const;
export type Office = (typeof OFFICES)[number];
/** The bodies whose seat the record follows: NATO Headquarters and SHAPE. */
export const SEAT_BODIES = ['nato_headquarters', 'shape'] as const;
export type SeatBody = (typeof SEAT_BODIES)[number];

/** How exactly a tenure's last day (`until`) is known: `on_or_after` when it is only the last day a source shows the holder in post. */
export const UNTIL_PRECISIONS = ['exact', 'on_or_after'] as const;
export type UntilPrecision = (typeof UNTIL_PRECISIONS)[number];
/**
 * `dateIs: 'on_or_before'`: no source gives the day the holder took office; `at` is the earliest
 * day a source shows them in post. `untilIs: 'on_or_after'`: `until` is the last day a source
 * shows them in post, not the day they left.
 */
export type AppointOfficeHolder = RecordCommand<
  'AppointOfficeHolder',
  { readonly office: Office; readonly name: string; readonly nationality: Iso3; readonly until?: string; readonly dateIs?: DatePrecision; readonly untilIs?: UntilPrecision }
>;
/** `dateIs: 'on_or_before'`: no source gives the day of the move; the body sat there by `at`. */
export type MoveSeat = RecordCommand<'MoveSeat', { readonly body: SeatBody; readonly place: string; readonly site?: string; readonly dateIs?: DatePrecision }>;
/**
 * Alliance policies the record follows apart from Strategic Concepts: the Women, Peace and Security
 * policies and their action plans (UNSCR 1325), and the Human Security Approach. Each stands on its
 * own: a new policy does not end an earlier one in the record.
 */
export const POLICY_KINDS = ['wps_policy', 'wps_action_plan', 'human_security_approach'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];
/** `dateIs: 'on_or_before'`: no source gives the day; the policy had been adopted by `at` (e.g. the last day of the month or summit a source gives). */
export type AdoptPolicy = RecordCommand<'AdoptPolicy', { readonly policy: string; readonly kind: PolicyKind; readonly title: Title; readonly dateIs?: DatePrecision }>;
export type StrategyCommand = AdoptStrategicConcept | AppointSecretaryGeneral | HoldSummit | AppointOfficeHolder | MoveSeat | AdoptPolicy;

export type StrategicConceptAdopted = WorldEventOf<'StrategicConceptAdopted', ConceptData>;
/** `at` = took office. */
export type SecretaryGeneralAppointed = WorldEventOf<'SecretaryGeneralAppointed', { name: string; nationality: Iso3; ordinal: number }>;
export type SummitHeld = WorldEventOf<'SummitHeld', { summit: string; place: string; endDate?: string; declaration?: string }>;
/** `at` = took office; the holder serves until the next holder of the office takes office, or `until`. */
export type OfficeHolderAppointed = WorldEventOf<'OfficeHolderAppointed', { office: Office; name: string; nationality: Iso3; until?: string; dateIs?: 'on_or_before'; untilIs?: 'on_or_after' }>;
/** `at` = the body sits there from that day, until it moves again. */
export type SeatMoved = WorldEventOf<'SeatMoved', { body: SeatBody; place: string; site?: string; dateIs?: 'on_or_before' }>;
/** `at` = adopted (or endorsed) by the Council or by Heads of State and Government. */
export type PolicyAdopted = WorldEventOf<'PolicyAdopted', { policy: string; kind: PolicyKind; title: Title; dateIs?: 'on_or_before' }>;
export type StrategyEvent = StrategicConceptAdopted | SecretaryGeneralAppointed | SummitHeld | OfficeHolderAppointed | SeatMoved | PolicyAdopted;

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

export interface OfficeHolder {
  readonly office: Office;
  /** 1 for the first holder recorded in the office. */
  readonly n: number;
  readonly name: string;
  readonly nationality: Iso3;
  readonly tookOffice: string;
  readonly until?: string;
}

export interface Seat {
  readonly body: SeatBody;
  readonly n: number;
  readonly place: string;
  readonly site?: string;
  readonly from: string;
}

export interface Policy {
  readonly policy: string;
  readonly kind: PolicyKind;
  readonly title: Title;
  readonly adoptedAt: string;
}

export interface StrategyState {
  /** In order of adoption; each superseded the one before. */
  readonly concepts: readonly StrategicConcept[];
  /** In order of taking office; each succeeded the one before. */
  readonly secretariesGeneral: readonly SecretaryGeneral[];
  readonly summits: Readonly<Record<string, Summit>>;
  /** Per office, in order of taking office. */
  readonly offices: Readonly<Partial<Record<Office, readonly OfficeHolder[]>>>;
  /** Per body, in order of moving in. */
  readonly seats: Readonly<Partial<Record<SeatBody, readonly Seat[]>>>;
  readonly policies: Readonly<Record<string, Policy>>;
}
