/**
 * Partnerships (cooperative security): the frameworks the Council establishes (Partnership for
 * Peace, Mediterranean Dialogue, Istanbul Cooperation Initiative, partners across the globe), each
 * partner's joining, suspension and leaving over time, and the tailored programmes agreed with a
 * partner within a framework.
 */
import type { RecordCommand, Title, WorldEventOf } from '../command.js';
import type { Iso3 } from '../states.js';
import type { DatePrecision } from '../membership/types.js';

/**
 * Kinds of tailored programme: Individual Partnership Action Plan, Annual National Programme,
 * Individual Partnership and Cooperation Programme, Individually Tailored Partnership Programme
 * (since 2021, "one partner, one plan"), Planning and Review Process, Individual Partnership
 * Programme, Substantial NATO-Georgia Package, Comprehensive Assistance Package.
 */
export const PROGRAMME_KINDS = ['IPAP', 'ANP', 'IPCP', 'ITPP', 'PARP', 'IPP', 'SNGP', 'CAP'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

// ---- commands (docs/record-format.md, "Partnerships") ----

export type EstablishFramework = RecordCommand<'EstablishFramework', { readonly framework: string; readonly name: Title; readonly region?: string }>;
/**
 * `dateIs: 'on_or_before'`: no source gives the day; `at` is a day by which the partner had joined
 * (or left), such as the last day of the month a source gives.
 */
export type JoinFramework = RecordCommand<'JoinFramework', { readonly framework: string; readonly partner: Iso3; readonly dateIs?: DatePrecision }>;
export type LeaveFramework = RecordCommand<'LeaveFramework', { readonly framework: string; readonly partner: Iso3; readonly dateIs?: DatePrecision }>;
export type SuspendPartner = RecordCommand<'SuspendPartner', { readonly framework: string; readonly partner: Iso3; readonly reason?: string }>;
export type ResumePartner = RecordCommand<'ResumePartner', { readonly framework: string; readonly partner: Iso3 }>;
export type AgreeTailoredProgramme = RecordCommand<
  'AgreeTailoredProgramme',
  { readonly programme: string; readonly framework: string; readonly partner: Iso3; readonly kind: ProgrammeKind; readonly title?: string }
>;

export type PartnershipsCommand = EstablishFramework | JoinFramework | LeaveFramework | SuspendPartner | ResumePartner | AgreeTailoredProgramme;

// ---- events ----

export type FrameworkEstablished = WorldEventOf<'FrameworkEstablished', { framework: string; name: Title; region?: string }>;
export type FrameworkJoined = WorldEventOf<'FrameworkJoined', { framework: string; partner: Iso3; dateIs?: 'on_or_before' }>;
export type FrameworkLeft = WorldEventOf<'FrameworkLeft', { framework: string; partner: Iso3; dateIs?: 'on_or_before' }>;
export type PartnerSuspended = WorldEventOf<'PartnerSuspended', { framework: string; partner: Iso3; reason?: string }>;
export type PartnerResumed = WorldEventOf<'PartnerResumed', { framework: string; partner: Iso3 }>;
export type TailoredProgrammeAgreed = WorldEventOf<
  'TailoredProgrammeAgreed',
  { programme: string; framework: string; partner: Iso3; kind: ProgrammeKind; title?: string }
>;

export type PartnershipsEvent = FrameworkEstablished | FrameworkJoined | FrameworkLeft | PartnerSuspended | PartnerResumed | TailoredProgrammeAgreed;

// ---- state ----

export interface Framework {
  readonly id: string;
  readonly name: Title;
  readonly region?: string;
  readonly establishedAt: string;
}

/** An interval of suspension: [from, until). */
export interface Suspension {
  readonly from: string;
  readonly until?: string;
  readonly reason?: string;
}

/**
 * One period of participation in a framework: [from, until). A partner that leaves and rejoins
 * (Malta in the Partnership for Peace) has two periods.
 */
export type Participation =
  | { readonly status: 'participating'; readonly from: string; readonly fromIs?: 'on_or_before'; readonly suspensions: readonly Suspension[] }
  | {
      readonly status: 'left'; readonly from: string; readonly fromIs?: 'on_or_before'; readonly until: string; readonly untilIs?: 'on_or_before';
      readonly suspensions: readonly Suspension[];
    };

export interface Programme {
  readonly id: string;
  readonly framework: string;
  readonly partner: Iso3;
  readonly kind: ProgrammeKind;
  readonly title?: string;
  readonly agreedAt: string;
}

export interface PartnershipsState {
  readonly frameworks: Readonly<Record<string, Framework>>;
  /** `FRAMEWORK/ISO3` → periods of participation, oldest first. */
  readonly participations: Readonly<Record<string, readonly Participation[]>>;
  readonly programmes: Readonly<Record<string, Programme>>;
}
