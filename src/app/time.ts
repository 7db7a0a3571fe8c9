/**
 * Instants as the indexes compare them: ISO 8601 UTC with milliseconds, so that string order is
 * time order. A date alone means the start of that day when it is a valid time, and the end of
 * that day when it is an "as of" bound ("members on 3 April 2023" includes that day's events).
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function normaliseInstant(value: string): string {
  if (DATE.test(value)) return `${value}T00:00:00.000Z`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO 8601 time: ${value}`);
  return date.toISOString();
}

export function endOfDay(value: string): string {
  if (DATE.test(value)) return `${value}T23:59:59.999Z`;
  return normaliseInstant(value);
}

export const isDate = (value: string): boolean => DATE.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime());

/** Whole days from a to b (dates or instants), rounded down. */
export function daysBetween(a: string, b: string): number {
  return Math.floor((Date.parse(normaliseInstant(b)) - Date.parse(normaliseInstant(a))) / 86_400_000);
}
