/** Option parsers: bad input is refused with the option and the reason, before anything runs. */
import { InvalidArgumentError } from 'commander';
import { isDate } from '../app/time.js';

export function parseNonNegativeInt(value: string): number {
  if (!/^(0|[1-9][0-9]*)$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError(`"${value}" is not a non-negative whole number.`);
  return Number(value);
}

export function parseDateOption(value: string): string {
  if (isDate(value)) return value;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString().replace(/\.000Z$/, 'Z');
  throw new InvalidArgumentError(`"${value}" is not a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM:SSZ).`);
}
