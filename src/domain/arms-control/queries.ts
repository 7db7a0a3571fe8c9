/** A state's status in an instrument at a date, answered from state. */
import type { Iso3 } from '../states.js';
import { isAtOrAfter, isBefore } from '../time.js';
import type { ArmsControlState, ArmsControlStatus } from './types.js';

export const statusKey = (instrument: string, state: Iso3): string => `${instrument}/${state}`;

export function armsControlStatusAt(ac: ArmsControlState, instrument: string, state: Iso3, at: string): ArmsControlStatus | undefined {
  return (ac.statuses[statusKey(instrument, state)] ?? [])
    .find((p) => isAtOrAfter(at, p.from) && (p.until === undefined || isBefore(at, p.until)))?.status;
}
