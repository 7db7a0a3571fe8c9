/**
 * Valid time as the record writes it: an ISO 8601 date `YYYY-MM-DD` or a UTC date-time
 * `YYYY-MM-DDTHH:MM:SSZ`. The domain never reads the clock (STYLE habit 3); these functions only
 * compare and shift times that came in with a command.
 *
 * Guarantee: a date is read as the start of that day (00:00:00Z), so a date and a date-time on the
 * same day compare in that order. All arithmetic is on the proleptic Gregorian calendar in UTC.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validCalendarDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True for a real UTC date-time written `YYYY-MM-DDTHH:MM:SSZ`. */
export function isIsoDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (m === null || !validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  return Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 59;
}

/** True for either accepted form of valid time. */
export function isValidTime(value: string): boolean {
  return isIsoDate(value) || isIsoDateTime(value);
}

/** The comparable instant of a valid time: a date becomes its first second. */
export function instant(value: string): string {
  return DATE.test(value) ? `${value}T00:00:00Z` : value;
}

/** Negative, zero or positive as `a` is before, at or after `b`. */
export function compareTime(a: string, b: string): number {
  const x = instant(a);
  const y = instant(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isBefore = (a: string, b: string): boolean => compareTime(a, b) < 0;
export const isAtOrBefore = (a: string, b: string): boolean => compareTime(a, b) <= 0;
export const isAfter = (a: string, b: string): boolean => compareTime(a, b) > 0;
export const isAtOrAfter = (a: string, b: string): boolean => compareTime(a, b) >= 0;

/** The date part (`YYYY-MM-DD`) of a valid time. */
export function datePart(value: string): string {
  return value.slice(0, 10);
}

function splitDate(value: string): [number, number, number] {
  const [y, m, d] = datePart(value).split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

/** Milliseconds since the epoch of a calendar date (years below 100 kept as written). */
function utcDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function withDate(original: string, year: number, month: number, day: number): string {
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return original.length > 10 ? date + original.slice(10) : date;
}

/**
 * The same calendar day `years` later, keeping the time of day. 29 February becomes 1 March in a
 * common year: the period then runs its full length rather than ending a day short.
 */
export function addYears(value: string, years: number): string {
  const [y, m, d] = splitDate(value);
  const year = y + years;
  if (m === 2 && d === 29 && !isLeap(year)) return withDate(value, year, 3, 1);
  return withDate(value, year, m, d);
}

/** `days` days later (or earlier, if negative), keeping the time of day. */
export function addDays(value: string, days: number): string {
  const [y, m, d] = splitDate(value);
  const shifted = new Date(utcDay(y, m, d) + days * 86_400_000);
  return withDate(value, shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Whole calendar days from the date of `from` to the date of `to` (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = splitDate(from);
  const [y2, m2, d2] = splitDate(to);
  return Math.round((utcDay(y2, m2, d2) - utcDay(y1, m1, d1)) / 86_400_000);
}

/** The later of two valid times. */
export function latest(a: string, b: string): string {
  return compareTime(a, b) >= 0 ? a : b;
}
