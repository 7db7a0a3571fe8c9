/**
 * Arms control, disarmament and non-proliferation: a register of instruments (treaties and
 * politically binding arrangements), each state's status in each over time, and the Alliance's
 * bodies for arms control, such as the High-Level Task Force on Conventional Arms Control.
 */
import type { RecordCommand, WorldEventOf } from '../command.js';
import type { Iso3 } from '../states.js';
import type { DatePrecision } from '../membership/types.js';

export const INSTRUMENT_KINDS = ['treaty', 'politically_binding'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

export const ARMS_CONTROL_FIELDS = [
  'nuclear',
  'conventional',
  'chemical',
  'biological',
  'missiles',
  'confidence_building',
  'landmines',
  'small_arms',
  'arms_trade',
] as const;
export type ArmsControlField = (typeof ARMS_CONTROL_FIELDS)[number];

/**
 * A state's standing in an instrument. `signed`: signed, not (yet) bound; `party`: bound
 * (ratified, accepted, acceded); `suspended`: bound but its operation suspended by that state;
 * `withdrawn`: no longer bound (withdrawal or, for a mere signatory, withdrawal of signature).
 */
export const ARMS_CONTROL_STATUSES = ['signed', 'party', 'suspended', 'withdrawn'] as const;
export type ArmsControlStatus = (typeof ARMS_CONTROL_STATUSES)[number];

/** The changes of status the register accepts, from no status (`none`) or from the current one. */
export const STATUS_TRANSITIONS: Readonly<Record<ArmsControlStatus | 'none', readonly ArmsControlStatus[]>> = {
  none: ['signed', 'party'],
  signed: ['party', 'withdrawn'],
  party: ['suspended', 'withdrawn'],
  suspended: ['party', 'withdrawn'],
  withdrawn: ['signed', 'party'],
};

// ---- commands (docs/record-format.md, "Arms control") ----

export type RegisterArmsControlInstrument = RecordCommand<
  'RegisterArmsControlInstrument',
  { readonly instrument: string; readonly name: string; readonly kind: InstrumentKind; readonly field: ArmsControlField; readonly depositary?: string }
>;
export type ArmsControlInstrumentEntersIntoForce = RecordCommand<'ArmsControlInstrumentEntersIntoForce', { readonly instrument: string }>;
/** A treaty in force ceases to be in force (for a bilateral treaty, a party's withdrawal ends it). */
export type ArmsControlInstrumentTerminates = RecordCommand<'ArmsControlInstrumentTerminates', { readonly instrument: string; readonly reason?: string }>;
/**
 * `dateIs: 'on_or_before'`: the source says only that the state held the status on the command's
 * date (it acted as a party that day), not when the status began. Only a state's first status in
 * an instrument may be so bounded: a later one would leave the end of the one before unknown.
 */
export type RecordArmsControlStatus = RecordCommand<
  'RecordArmsControlStatus',
  { readonly instrument: string; readonly state: Iso3; readonly status: ArmsControlStatus; readonly dateIs?: DatePrecision }
>;
export type EstablishArmsControlCommittee = RecordCommand<
  'EstablishArmsControlCommittee',
  { readonly committee: string; readonly name: string; readonly mandate?: string }
>;

export type ArmsControlCommand =
  | RegisterArmsControlInstrument
  | ArmsControlInstrumentEntersIntoForce
  | ArmsControlInstrumentTerminates
  | RecordArmsControlStatus
  | EstablishArmsControlCommittee;

// ---- events ----

/** `at` = opened for signature (a treaty) or adopted (a politically binding arrangement). */
export type ArmsControlInstrumentRegistered = WorldEventOf<
  'ArmsControlInstrumentRegistered',
  { instrument: string; name: string; kind: InstrumentKind; field: ArmsControlField; depositary?: string }
>;
export type ArmsControlInstrumentEnteredIntoForce = WorldEventOf<'ArmsControlInstrumentEnteredIntoForce', { instrument: string }>;
export type ArmsControlInstrumentTerminated = WorldEventOf<'ArmsControlInstrumentTerminated', { instrument: string; reason?: string }>;
/** `previous` is the status it replaces (absent for a first status). */
export type ArmsControlStatusRecorded = WorldEventOf<
  'ArmsControlStatusRecorded',
  { instrument: string; state: Iso3; status: ArmsControlStatus; previous?: ArmsControlStatus; dateIs?: 'on_or_before' }
>;
export type ArmsControlCommitteeEstablished = WorldEventOf<'ArmsControlCommitteeEstablished', { committee: string; name: string; mandate?: string }>;

export type ArmsControlEvent =
  | ArmsControlInstrumentRegistered
  | ArmsControlInstrumentEnteredIntoForce
  | ArmsControlInstrumentTerminated
  | ArmsControlStatusRecorded
  | ArmsControlCommitteeEstablished;

// ---- state ----

export type Instrument =
  | {
      readonly status: 'open';
      readonly id: string;
      readonly name: string;
      readonly kind: InstrumentKind;
      readonly field: ArmsControlField;
      readonly depositary?: string;
      readonly openedAt: string;
    }
  | {
      readonly status: 'in_force';
      readonly id: string;
      readonly name: string;
      readonly kind: InstrumentKind;
      readonly field: ArmsControlField;
      readonly depositary?: string;
      readonly openedAt: string;
      readonly enteredIntoForceAt: string;
    }
  | {
      readonly status: 'terminated';
      readonly id: string;
      readonly name: string;
      readonly kind: InstrumentKind;
      readonly field: ArmsControlField;
      readonly depositary?: string;
      readonly openedAt: string;
      readonly enteredIntoForceAt: string;
      readonly terminatedAt: string;
      readonly terminationReason?: string;
    };

/** One period of a status: [from, until); the next status closes it. */
export interface StatusPeriod {
  readonly status: ArmsControlStatus;
  /** The first day, or with `fromIs: 'on_or_before'` a day by which the status held. */
  readonly from: string;
  readonly fromIs?: 'on_or_before';
  readonly until?: string;
}

export interface Committee {
  readonly id: string;
  readonly name: string;
  readonly mandate?: string;
  readonly establishedAt: string;
}

export interface ArmsControlState {
  readonly instruments: Readonly<Record<string, Instrument>>;
  /** `INSTRUMENT/ISO3` → its periods of status, oldest first. */
  readonly statuses: Readonly<Record<string, readonly StatusPeriod[]>>;
  readonly committees: Readonly<Record<string, Committee>>;
}
