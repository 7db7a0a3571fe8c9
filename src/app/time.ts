/**
 * Times and ids as they come in from outside (API parameters, CLI options), and instants as the
 * indexes compare them.
 *
 * The one strict parser: a date `YYYY-MM-DD` or a UTC time `YYYY-MM-DDTHH:MM[:SS[.sss]]Z`, on the
 * proleptic Gregorian calendar (2023-02-30, 2023-13-40, T25:99Z and the leap second T23:59:60Z
 * are refused), and entry ids written in decimal digits only (`0x10`, ` `, `1e1` are refused).
 * The API's schemas (formats `evere-date`, `evere-time`) and the CLI's option parsers both call it.
 *
 * Instants as the indexes compare them: ISO 8601 UTC with milliseconds, so that string order is
 * time order. A date alone means the start of that day when it is a valid time, and the end of
 * that day when it is an "as of" bound ("members on 3 April 2023" includes that day's events).
 */
import { isIsoDate } from '../domain/time.js';
import { EvereError } from './errors.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?Z$/;
const DECIMAL = /^(0|[1-9][0-9]{0,15})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export const isDate = (value: string): boolean => isIsoDate(value);

/** True for a real UTC time `YYYY-MM-DDTHH:MM[:SS[.sss]]Z` (no leap second, no 24:00). */
export function isInstant(value: string): boolean {
  const m = TIME.exec(value);
  if (!m || !isIsoDate(m[1]!)) return false;
  return Number(m[2]) <= 23 && Number(m[3]) <= 59 && (m[4] === undefined || Number(m[4]) <= 59);
}

/** True for either form a time bound may take (a date or a UTC time). */
export const isTimeInput = (value: string): boolean => isDate(value) || isInstant(value);

/**
 * A date or UTC time from outside, checked and written canonically (`YYYY-MM-DD` or
 * `YYYY-MM-DDTHH:MM:SSZ`, milliseconds kept when given). Throws `input.time_invalid` naming
 * `param` (the query parameter or option it came in).
 */
export function parseTimeInput(value: string, param: string): string {
  if (isDate(value)) return value;
  if (!isInstant(value)) throw new EvereError('input.time_invalid', { param, value: shown(value) });
  const m = TIME.exec(value)!;
  const millis = m[5] && Number(m[5]) !== 0 ? m[5].padEnd(4, '0') : '';
  return `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${millis}Z`;
}

/** A date `YYYY-MM-DD` from outside; throws `input.date_invalid` naming `param`. */
export function parseDateInput(value: string, param: string): string {
  if (!isDate(value)) throw new EvereError('input.date_invalid', { param, value: shown(value) });
  return value;
}

/** True for an id or count written in decimal digits, no sign, no leading zero, safe as a number. */
export const isDecimalId = (value: string): boolean => DECIMAL.test(value) && Number.isSafeInteger(Number(value));

/** A non-negative whole number from outside; throws `input.integer_invalid` naming `param`. */
export function parseDecimalId(value: string, param: string): number {
  if (!isDecimalId(value)) throw new EvereError('input.integer_invalid', { param, value: shown(value) });
  return Number(value);
}

/** What a message may quote of a bad value: printable and short. */
function shown(value: string): string {
  const printable = value.replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?');
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}

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

/** Whole days from a to b (dates or instants), rounded down. */
export function daysBetween(a: string, b: string): number {
  return Math.floor((Date.parse(normaliseInstant(b)) - Date.parse(normaliseInstant(a))) / 86_400_000);
}
