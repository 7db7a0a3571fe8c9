/**
 * Classification levels and releasability markings (C-M(2002)49; the public NATO SPIF), as data.
 * Evere carries them as simulated markings: it is not an accredited system for real classified
 * information.
 */
export const CLASSIFICATIONS = [
  'PUBLIC',
  'NATO UNCLASSIFIED',
  'NATO RESTRICTED',
  'NATO CONFIDENTIAL',
  'NATO SECRET',
  'COSMIC TOP SECRET',
] as const;

export type Classification = (typeof CLASSIFICATIONS)[number];

export const classificationRank = (c: Classification): number => CLASSIFICATIONS.indexOf(c);

export const isClassification = (value: unknown): value is Classification =>
  typeof value === 'string' && (CLASSIFICATIONS as readonly string[]).includes(value);

export const CLASSIFICATION_LABELS: Readonly<Record<Classification, { en: string; fr: string; portion: string }>> = {
  PUBLIC: { en: 'PUBLIC', fr: 'PUBLIC', portion: 'PU' },
  'NATO UNCLASSIFIED': { en: 'NATO UNCLASSIFIED', fr: 'OTAN SANS CLASSIFICATION', portion: 'NU' },
  'NATO RESTRICTED': { en: 'NATO RESTRICTED', fr: 'OTAN DIFFUSION RESTREINTE', portion: 'NR' },
  'NATO CONFIDENTIAL': { en: 'NATO CONFIDENTIAL', fr: 'CONFIDENTIEL OTAN', portion: 'NC' },
  'NATO SECRET': { en: 'NATO SECRET', fr: 'SECRET OTAN', portion: 'NS' },
  'COSMIC TOP SECRET': { en: 'COSMIC TOP SECRET', fr: 'COSMIC TRÈS SECRET', portion: 'CTS' },
};

/**
 * Releasability: `PUBLIC` (released), `NATO` (NATO only), `EU`, or ISO alpha-3 codes of partner
 * states it is releasable to. Allies always see what is releasable to NATO.
 */
export type Releasability = readonly string[];

/** What is wrong with a releasability marking: not a non-empty list, or the first bad token. */
export function checkReleasability(value: unknown): { readonly rule: 'non_empty_list' } | { readonly rule: 'releasability_token'; readonly value: string } | undefined {
  if (!Array.isArray(value) || value.length === 0) return { rule: 'non_empty_list' };
  for (const token of value) {
    if (typeof token !== 'string' || !/^(PUBLIC|NATO|EU|[A-Z]{3})$/.test(token)) return { rule: 'releasability_token', value: String(token) };
  }
  return undefined;
}
