/**
 * Membership of the Alliance: the Treaty's signature and entry into force (Art. 11), accession
 * (Art. 10), withdrawal (Art. 13) and participation in the integrated military structure.
 */
import type { RecordCommand, WorldEventOf } from '../command.js';
import type { Iso3 } from '../states.js';

export const RATIFICATION_STAGES = ['parliament_approved', 'instrument_signed', 'instrument_deposited'] as const;
/**
 * How exact a recorded stage date is: `exact`, or `on_or_before` when a source only bounds it
 * (e.g. "every Ally had deposited when the protocol entered into force on D").
 */
export const DATE_PRECISIONS = ['exact', 'on_or_before'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
/** A national ratification step; only `instrument_deposited` counts as ratified. */
export type RatificationStage = (typeof RATIFICATION_STAGES)[number];

export interface Vote {
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
}

// ---- commands (docs/record-format.md, "Membership") ----

export type SignTreaty = RecordCommand<'SignTreaty', { readonly signatories: readonly Iso3[] }>;
export type TreatyEntersIntoForce = RecordCommand<'TreatyEntersIntoForce', { readonly parties: readonly Iso3[] }>;
export type ApplyForMembership = RecordCommand<'ApplyForMembership', { readonly state: Iso3 }>;
/**
 * The Allies recognise a European state's aspiration to membership (an aspirant, or candidate:
 * e.g. Bucharest 2008 for Georgia and Ukraine; the Membership Action Plan for Bosnia and
 * Herzegovina in 2010). Not an Art. 10 invitation.
 */
export type RecognizeAspiration = RecordCommand<'RecognizeAspiration', { readonly states: readonly Iso3[]; readonly occasion?: string }>;
export type InviteToAccede = RecordCommand<'InviteToAccede', { readonly invitees: readonly Iso3[]; readonly occasion?: string }>;
export type SignAccessionProtocol = RecordCommand<'SignAccessionProtocol', { readonly protocol: string; readonly invitees: readonly Iso3[] }>;
export type RecordRatificationStage = RecordCommand<
  'RecordRatificationStage',
  { readonly protocol: string; readonly ally: Iso3; readonly stage: RatificationStage; readonly vote?: Vote; readonly dateIs?: DatePrecision }
>;
export type ProtocolEntersIntoForce = RecordCommand<'ProtocolEntersIntoForce', { readonly protocol: string }>;
export type DepositAccessionInstrument = RecordCommand<'DepositAccessionInstrument', { readonly state: Iso3; readonly protocol: string }>;
export type NotifyDenunciation = RecordCommand<'NotifyDenunciation', { readonly ally: Iso3 }>;
export type LeaveIntegratedMilitaryStructure = RecordCommand<'LeaveIntegratedMilitaryStructure', { readonly ally: Iso3 }>;
export type RejoinIntegratedMilitaryStructure = RecordCommand<'RejoinIntegratedMilitaryStructure', { readonly ally: Iso3 }>;

export type MembershipCommand =
  | SignTreaty
  | TreatyEntersIntoForce
  | ApplyForMembership
  | RecognizeAspiration
  | InviteToAccede
  | SignAccessionProtocol
  | RecordRatificationStage
  | ProtocolEntersIntoForce
  | DepositAccessionInstrument
  | NotifyDenunciation
  | LeaveIntegratedMilitaryStructure
  | RejoinIntegratedMilitaryStructure;

// ---- events ----

export type TreatySigned = WorldEventOf<'TreatySigned', { signatories: readonly Iso3[] }>;
/** The parties become Allies at `at`. */
export type TreatyEnteredIntoForce = WorldEventOf<'TreatyEnteredIntoForce', { parties: readonly Iso3[] }>;
export type MembershipApplied = WorldEventOf<'MembershipApplied', { state: Iso3 }>;
export type AspirationRecognized = WorldEventOf<'AspirationRecognized', { states: readonly Iso3[]; occasion?: string }>;
export type AccessionInvited = WorldEventOf<'AccessionInvited', { invitees: readonly Iso3[]; occasion?: string }>;
/** `requiredRatifiers` is the set of Allies at signature, sorted; it never changes afterwards. */
export type AccessionProtocolSigned = WorldEventOf<
  'AccessionProtocolSigned',
  { protocol: string; invitees: readonly Iso3[]; requiredRatifiers: readonly Iso3[] }
>;
/** `required` is false for an Ally that joined after signature and ratified all the same. */
export type RatificationStageRecorded = WorldEventOf<
  'RatificationStageRecorded',
  { protocol: string; ally: Iso3; stage: RatificationStage; vote?: Vote; required: boolean; dateIs?: DatePrecision }
>;
export type ProtocolEnteredIntoForce = WorldEventOf<'ProtocolEnteredIntoForce', { protocol: string }>;
/** The depositing state is an Ally from `at`. */
export type AccessionInstrumentDeposited = WorldEventOf<'AccessionInstrumentDeposited', { state: Iso3; protocol: string }>;
/** The Ally ceases to be a Party at `effectiveAt` (one year after notice). */
export type DenunciationNotified = WorldEventOf<'DenunciationNotified', { ally: Iso3; effectiveAt: string }>;
export type MilitaryStructureLeft = WorldEventOf<'MilitaryStructureLeft', { ally: Iso3 }>;
export type MilitaryStructureRejoined = WorldEventOf<'MilitaryStructureRejoined', { ally: Iso3 }>;

export type MembershipEvent =
  | TreatySigned
  | TreatyEnteredIntoForce
  | MembershipApplied
  | AspirationRecognized
  | AccessionInvited
  | AccessionProtocolSigned
  | RatificationStageRecorded
  | ProtocolEnteredIntoForce
  | AccessionInstrumentDeposited
  | DenunciationNotified
  | MilitaryStructureLeft
  | MilitaryStructureRejoined;

// ---- state ----

export type TreatyState =
  | { readonly status: 'unsigned' }
  | { readonly status: 'signed'; readonly signedAt: string; readonly signatories: readonly Iso3[] }
  | {
      readonly status: 'in_force';
      readonly signedAt: string;
      readonly signatories: readonly Iso3[];
      readonly enteredIntoForceAt: string;
      readonly parties: readonly Iso3[];
    };

/** One period as an Ally: [from, until). `until` is set once a denunciation has been notified. */
export interface MembershipPeriod {
  readonly from: string;
  readonly until?: string;
  readonly denouncedAt?: string;
  /** `founding` = entry into force of the Treaty; otherwise the accession protocol's id. */
  readonly via: { readonly kind: 'founding' } | { readonly kind: 'accession'; readonly protocol: string };
}

export interface RecordedStage {
  readonly stage: RatificationStage;
  /** The day of the stage, or its latest possible day when `dateIs` is `on_or_before`. */
  readonly at: string;
  readonly vote?: Vote;
  readonly dateIs?: DatePrecision;
}

export interface Ratification {
  readonly ally: Iso3;
  readonly required: boolean;
  /** In the order recorded; stage ranks strictly increase. */
  readonly stages: readonly RecordedStage[];
}

interface ProtocolBase {
  readonly id: string;
  readonly invitees: readonly Iso3[];
  readonly signedAt: string;
  readonly requiredRatifiers: readonly Iso3[];
  readonly ratifications: Readonly<Record<Iso3, Ratification>>;
}

export type Protocol =
  | (ProtocolBase & { readonly status: 'signed' })
  | (ProtocolBase & {
      readonly status: 'in_force';
      readonly enteredIntoForceAt: string;
      /** Invitee → date its instrument of accession was deposited. */
      readonly deposits: Readonly<Record<Iso3, string>>;
    });

/** An interval out of the integrated military structure: [from, until). */
export interface OutOfStructure {
  readonly from: string;
  readonly until?: string;
}

export interface MembershipState {
  readonly treaty: TreatyState;
  /** Ally → periods of membership, oldest first. */
  readonly periods: Readonly<Record<Iso3, readonly MembershipPeriod[]>>;
  /** State → dates of its applications. */
  readonly applications: Readonly<Record<Iso3, readonly string[]>>;
  /** State → invitations to accede, oldest first. */
  readonly invitations: Readonly<Record<Iso3, readonly { readonly at: string; readonly occasion?: string }[]>>;
  readonly protocols: Readonly<Record<string, Protocol>>;
  /** Ally → intervals out of the integrated military structure, oldest first. */
  readonly outOfStructure: Readonly<Record<Iso3, readonly OutOfStructure[]>>;
}
