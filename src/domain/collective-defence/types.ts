/** Collective defence under Art. 5, within the area of Art. 6. */
import type { RecordCommand, WorldEventOf } from '../command.js';
import type { Iso3 } from '../states.js';

/**
 * The Council agrees that an attack shall be regarded as covered by Art. 5 if a condition is met
 * (12 September 2001: "if it is determined that this attack was directed from abroad"). The
 * determination that follows under the same id (`DetermineArmedAttack`) makes it operative.
 */
export type InvokeArticle5Conditionally = RecordCommand<
  'InvokeArticle5Conditionally',
  { readonly determination: string; readonly victims: readonly Iso3[]; readonly attackDate: string; readonly condition: string }
>;
export type DetermineArmedAttack = RecordCommand<
  'DetermineArmedAttack',
  { readonly determination: string; readonly victims: readonly Iso3[]; readonly attackDate: string; readonly description: string }
>;
export type ReportArticle5Measure = RecordCommand<'ReportArticle5Measure', { readonly determination: string; readonly measure: string }>;
export type CollectiveDefenceCommand = InvokeArticle5Conditionally | DetermineArmedAttack | ReportArticle5Measure;

export type Article5InvokedConditionally = WorldEventOf<
  'Article5InvokedConditionally',
  { determination: string; victims: readonly Iso3[]; attackDate: string; condition: string }
>;
export type ArmedAttackDetermined = WorldEventOf<
  'ArmedAttackDetermined',
  { determination: string; victims: readonly Iso3[]; attackDate: string; description: string }
>;
/** Art. 5: measures "shall immediately be reported to the Security Council". */
export type Article5MeasureReported = WorldEventOf<'Article5MeasureReported', { determination: string; measure: string }>;
export type CollectiveDefenceEvent = Article5InvokedConditionally | ArmedAttackDetermined | Article5MeasureReported;

/** A conditional invocation, waiting for (or made operative by) the determination of the same id. */
export interface ConditionalInvocation {
  readonly id: string;
  readonly victims: readonly Iso3[];
  readonly attackDate: string;
  readonly condition: string;
  readonly invokedAt: string;
}

export interface Determination {
  readonly status: 'determined';
  readonly id: string;
  readonly victims: readonly Iso3[];
  readonly attackDate: string;
  readonly description: string;
  readonly determinedAt: string;
  readonly measures: readonly { readonly by: string; readonly at: string; readonly measure: string }[];
}

export interface CollectiveDefenceState {
  readonly determinations: Readonly<Record<string, Determination>>;
  readonly invocations: Readonly<Record<string, ConditionalInvocation>>;
}
