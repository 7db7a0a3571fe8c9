/**
 * The Defence and Related Security Capacity Building (DCB) trust fund (cooperative security):
 * packages agreed for partners, pledges and contributions by Allies, allocations to projects and
 * expenditures. Money is in integer minor units of an ISO 4217 currency (money.ts).
 */
import type { RecordCommand, WorldEventOf } from '../command.js';
import type { Iso3 } from '../states.js';
import type { Message } from '../../messages/index.js';
import type { Currency } from './money.js';
import type { DatePrecision } from '../membership/types.js';

/** The areas of DCB support the seed names. */
export const DCB_AREAS = [
  'strategic_advice',
  'education_and_training',
  'ammunition_and_small_arms',
  'logistics',
  'cyber_defence',
] as const;
export type DcbArea = (typeof DCB_AREAS)[number];

export const DCB_AREA_NAMES: Readonly<Record<DcbArea, Message>> = {
  strategic_advice: { en: 'Strategic advice on defence and security sector reform', fr: 'Conseil stratégique sur la réforme du secteur de la défense et de la sécurité' },
  education_and_training: { en: 'Education and training', fr: 'Formation et entraînement' },
  ammunition_and_small_arms: { en: 'Ammunition and small-arms management', fr: 'Gestion des munitions et des armes légères' },
  logistics: { en: 'Logistics', fr: 'Logistique' },
  cyber_defence: { en: 'Cyber defence', fr: 'Cyberdéfense' },
};

// ---- commands (docs/record-format.md, "The DCB trust fund") ----

export type LaunchDcbPackage = RecordCommand<
  'LaunchDcbPackage',
  { readonly package: string; readonly partner: Iso3; readonly areas: readonly DcbArea[]; readonly title?: string }
>;
/**
 * A promise of money; it does not count as received. `dateIs: 'on_or_before'`: no source gives the
 * day; `at` is a day by which the pledge had been made (the last day of the year a source gives).
 */
export type PledgeToFund = RecordCommand<
  'PledgeToFund',
  { readonly pledge: string; readonly ally: Iso3; readonly amount: number; readonly currency: Currency; readonly package?: string; readonly dateIs?: DatePrecision }
>;
/**
 * Money received; earmarked for a package if `package` is given (or its pledge was).
 * `dateIs: 'on_or_before'`: `at` is a day by which the money had been received.
 */
export type ContributeToFund = RecordCommand<
  'ContributeToFund',
  {
    readonly contribution: string;
    readonly ally: Iso3;
    readonly amount: number;
    readonly currency: Currency;
    readonly package?: string;
    readonly pledge?: string;
    readonly dateIs?: DatePrecision;
  }
>;
export type AllocateToProject = RecordCommand<
  'AllocateToProject',
  {
    readonly project: string;
    readonly package: string;
    readonly area: DcbArea;
    readonly amount: number;
    readonly currency: Currency;
    readonly title?: string;
  }
>;
export type RecordExpenditure = RecordCommand<
  'RecordExpenditure',
  { readonly project: string; readonly amount: number; readonly currency: Currency }
>;

export type FundCommand = LaunchDcbPackage | PledgeToFund | ContributeToFund | AllocateToProject | RecordExpenditure;

// ---- events ----

export type DcbPackageLaunched = WorldEventOf<'DcbPackageLaunched', { package: string; partner: Iso3; areas: readonly DcbArea[]; title?: string }>;
export type FundPledged = WorldEventOf<'FundPledged', { pledge: string; ally: Iso3; amount: number; currency: Currency; package?: string; dateIs?: 'on_or_before' }>;
/** `package` is resolved from the pledge when the contribution names none. */
export type FundContributed = WorldEventOf<
  'FundContributed',
  { contribution: string; ally: Iso3; amount: number; currency: Currency; package?: string; pledge?: string; dateIs?: 'on_or_before' }
>;
/** `fromEarmarked` + `fromGeneral` = `amount`: what was drawn from money earmarked for the package, then from general money. */
export type ProjectAllocated = WorldEventOf<
  'ProjectAllocated',
  {
    project: string;
    package: string;
    partner: Iso3;
    area: DcbArea;
    amount: number;
    currency: Currency;
    fromEarmarked: number;
    fromGeneral: number;
    title?: string;
  }
>;
export type ExpenditureRecorded = WorldEventOf<'ExpenditureRecorded', { project: string; amount: number; currency: Currency }>;

export type FundEvent = DcbPackageLaunched | FundPledged | FundContributed | ProjectAllocated | ExpenditureRecorded;

// ---- state ----

export interface DcbPackage {
  readonly id: string;
  readonly partner: Iso3;
  readonly areas: readonly DcbArea[];
  readonly title?: string;
  readonly launchedAt: string;
}

export interface Pledge {
  readonly id: string;
  readonly ally: Iso3;
  readonly amount: number;
  readonly currency: Currency;
  readonly package?: string;
  readonly pledgedAt: string;
  /** Contributions made against this pledge so far. */
  readonly honoured: number;
}

export interface Project {
  readonly id: string;
  readonly package: string;
  readonly partner: Iso3;
  readonly area: DcbArea;
  readonly currency: Currency;
  readonly title?: string;
  readonly firstAllocatedAt: string;
  readonly allocated: number;
  readonly spent: number;
  /** Number of allocations and of expenditures so far (they key the index). */
  readonly allocations: number;
  readonly expenditures: number;
}

/**
 * One currency's books. Invariants (checked by the fund's property test):
 * received = allocated + general + Σ earmarked, every term ≥ 0; allocated = spent + Σ unspent.
 */
export interface CurrencyBooks {
  readonly pledged: number;
  readonly received: number;
  readonly allocated: number;
  readonly spent: number;
  /** Received and not yet allocated, not earmarked. */
  readonly general: number;
  /** Package → received for it and not yet allocated. */
  readonly earmarked: Readonly<Record<string, number>>;
}

export interface FundState {
  readonly packages: Readonly<Record<string, DcbPackage>>;
  readonly pledges: Readonly<Record<string, Pledge>>;
  readonly contributions: Readonly<Record<string, { readonly ally: Iso3; readonly at: string }>>;
  readonly projects: Readonly<Record<string, Project>>;
  readonly books: Readonly<Partial<Record<Currency, CurrencyBooks>>>;
  /** Currency → valid time of its latest movement of money (contribution, allocation, expenditure). */
  readonly lastMovement: Readonly<Partial<Record<Currency, string>>>;
}
