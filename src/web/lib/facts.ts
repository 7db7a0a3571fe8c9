/** Fact rows as the API returns them, and the small questions pages ask of them. */
import type { FactRow } from '../../app/ports.js';

export type Fact<D> = Omit<FactRow, 'data'> & { readonly data: D };

/** Valid at an instant: validFrom ≤ t < validTo. */
export function validAt(row: { validFrom: string; validTo?: string }, instant: string): boolean {
  return row.validFrom <= instant && (row.validTo === undefined || instant < row.validTo);
}

/** End of a calendar day (inclusive of that day), as the API's asOf means it. */
export const endOfDay = (date: string): string => `${date.slice(0, 10)}T23:59:59.999Z`;

export const day = (instant: string | undefined): string => (instant ?? '').slice(0, 10);

export const today = (): string => new Date().toISOString().slice(0, 10);

/** The latest version of each key (rows in log order). */
export function latestByKey<D>(rows: readonly Fact<D>[]): Fact<D>[] {
  const map = new Map<string, Fact<D>>();
  for (const r of rows) {
    const prev = map.get(r.key);
    if (!prev || prev.seq <= r.seq) map.set(r.key, r);
  }
  return [...map.values()];
}

export const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(`${day(b)}T00:00:00Z`) - Date.parse(`${day(a)}T00:00:00Z`)) / 86_400_000);
