/** Collective defence under Art. 5, within the area of Art. 6. */
import type { RecordCommand, WorldEventOf } from '../command.js';
import type { Iso3 } from '../states.js';

export type DetermineArmedAttack = RecordCommand<
  'DetermineArmedAttack',
  { readonly determination: string; readonly victims: readonly Iso3[]; readonly attackDate: string; readonly description: string }
>;
export type ReportArticle5Measure = RecordCommand<'ReportArticle5Measure', { readonly determination: string; readonly measure: string }>;
export type CollectiveDefenceCommand = DetermineArmedAttack | ReportArticle5Measure;

export type ArmedAttackDetermined = WorldEventOf<
  'ArmedAttackDetermined',
  { determination: string; victims: readonly Iso3[]; attackDate: string; description: string }
>;
/** Art. 5: measures "shall immediately be reported to the Security Council". */
export type Article5MeasureReported = WorldEventOf<'Article5MeasureReported', { determination: string; measure: string }>;
export type CollectiveDefenceEvent = ArmedAttackDetermined | Article5MeasureReported;

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
}
