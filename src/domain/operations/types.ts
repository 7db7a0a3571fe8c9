/**
 * Operations and missions (crisis prevention and management, and collective defence): decided
 * case by case and by consensus by the North Atlantic Council, usually under a UN Security Council
 * mandate (seed). An operation is planned, then active from its launch, then ended; Allies and
 * partners contribute to it over time.
 */
import type { RecordCommand, Title, WorldEventOf } from '../command.js';
import type { Iso3 } from '../states.js';
import type { CoreTask } from '../vocabulary.js';
import type { DatePrecision } from '../membership/types.js';

export const OPERATION_KINDS = ['operation', 'mission'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/**
 * What an operation rests on; the record says which (one or more):
 * - `unscr`: UN Security Council resolutions (`resolutions`, by number);
 * - `host_request`: the request or consent of a host government (`requestedBy`);
 * - `organisation_request`: the request of an international organisation (`requestingOrganisation`);
 * - `article5`: a determination under Article 5 (`determination`);
 * - `none`: no external mandate (for example air policing over Allied territory).
 */
export const MANDATE_BASES = ['unscr', 'host_request', 'organisation_request', 'article5', 'none'] as const;
export type MandateBasis = (typeof MANDATE_BASES)[number];

export interface Mandate {
  readonly mandate: readonly MandateBasis[];
  readonly resolutions?: readonly string[];
  readonly requestedBy?: readonly Iso3[];
  readonly requestingOrganisation?: string;
  readonly determination?: string;
}

export interface OperationDefinition extends Mandate {
  readonly name: Title;
  readonly kind: OperationKind;
  readonly coreTask: CoreTask;
  readonly area: string;
}

/** The Council's decision behind a step: its date (may precede the step) and a reference. */
export interface CouncilDecision {
  readonly decidedAt?: string;
  readonly decision?: string;
}

// ---- commands (docs/record-format.md, "Operations and missions") ----

export type PlanOperation = RecordCommand<'PlanOperation', { readonly operation: string } & OperationDefinition & CouncilDecision>;
/** Launches a planned operation, or defines and launches a new one (then the definition is required). */
export type LaunchOperation = RecordCommand<
  'LaunchOperation',
  { readonly operation: string } & Partial<OperationDefinition> & CouncilDecision
>;
/** `dateIs: 'on_or_before'`: no source gives the day it ended; it had ended by `at`. */
export type EndOperation = RecordCommand<'EndOperation', { readonly operation: string; readonly successor?: string; readonly dateIs?: DatePrecision } & CouncilDecision>;
/**
 * `dateIs: 'on_or_before'`: the source says only that the contributor was contributing on the
 * command's date (a list of contributing nations on that day), not when it began.
 */
export type JoinOperation = RecordCommand<'JoinOperation', { readonly operation: string; readonly contributor: Iso3; readonly dateIs?: DatePrecision }>;
/** `dateIs: 'on_or_before'`: no source gives the day the contribution ended; it had ended by `at`. */
export type LeaveOperation = RecordCommand<'LeaveOperation', { readonly operation: string; readonly contributor: Iso3; readonly dateIs?: DatePrecision }>;

export type OperationsCommand = PlanOperation | LaunchOperation | EndOperation | JoinOperation | LeaveOperation;

// ---- events ----

export type OperationPlanned = WorldEventOf<'OperationPlanned', { operation: string } & OperationDefinition & CouncilDecision>;
/** The full definition is carried by the event, whether it came from the plan or the launch. */
export type OperationLaunched = WorldEventOf<'OperationLaunched', { operation: string } & OperationDefinition & CouncilDecision>;
export type OperationEnded = WorldEventOf<'OperationEnded', { operation: string; successor?: string; dateIs?: 'on_or_before' } & CouncilDecision>;
/** `role` is `ally` if the contributor was an Ally on joining, otherwise `partner`. */
export type OperationJoined = WorldEventOf<'OperationJoined', { operation: string; contributor: Iso3; role: ContributorRole; dateIs?: 'on_or_before' }>;
export type OperationLeft = WorldEventOf<'OperationLeft', { operation: string; contributor: Iso3; dateIs?: 'on_or_before' }>;

export type OperationsEvent = OperationPlanned | OperationLaunched | OperationEnded | OperationJoined | OperationLeft;

// ---- state ----

export type ContributorRole = 'ally' | 'partner';

/** One period of contribution: [from, until); an operation's end closes every open period. */
export interface Contribution {
  readonly contributor: Iso3;
  readonly role: ContributorRole;
  /** The period's first day, or with `fromIs: 'on_or_before'` a day by which it had begun. */
  readonly from: string;
  readonly fromIs?: 'on_or_before';
  readonly until?: string;
  /** With `'on_or_before'`: `until` is a day by which it had ended (the day itself is not sourced). */
  readonly untilIs?: 'on_or_before';
}

interface OperationBase {
  readonly id: string;
  readonly definition: OperationDefinition;
  readonly plannedAt?: string;
  readonly planDecision?: CouncilDecision;
  readonly contributions: readonly Contribution[];
}

export type Operation =
  | (OperationBase & { readonly status: 'planned'; readonly plannedAt: string })
  | (OperationBase & { readonly status: 'active'; readonly launchedAt: string; readonly launchDecision: CouncilDecision })
  | (OperationBase & {
      readonly status: 'ended';
      readonly launchedAt: string;
      readonly launchDecision: CouncilDecision;
      readonly endedAt: string;
      /** `on_or_before`: it had ended by `endedAt`; the day is not sourced. */
      readonly endedIs?: 'on_or_before';
      readonly endDecision: CouncilDecision;
      readonly successor?: string;
    });

export type OperationStatus = Operation['status'];

export interface OperationsState {
  readonly operations: Readonly<Record<string, Operation>>;
}
