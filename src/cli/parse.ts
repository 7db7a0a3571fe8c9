/**
 * Option parsers: bad input is refused with the option and the reason, before anything runs
 * (commander names the option; the exit code is 2). Times and ids go through the same strict
 * parser as the API's parameters (src/app/time.ts).
 */
import { InvalidArgumentError } from 'commander';
import { isDecimalId, isTimeInput, parseTimeInput } from '../app/time.js';

export function parseNonNegativeInt(value: string): number {
  if (!isDecimalId(value)) throw new InvalidArgumentError(`"${value}" is not a non-negative whole number in decimal digits.`);
  return Number(value);
}

export function parseDateOption(value: string): string {
  if (isTimeInput(value)) return parseTimeInput(value, 'option');
  throw new InvalidArgumentError(`"${value}" is not a calendar date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM[:SS]Z).`);
}
