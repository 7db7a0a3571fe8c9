/**
 * A what-if's branch point, as exercise control names it: an entry's number (the report's #
 * column), or a scenario time (`T+30h`, a duration from the start, or a UTC date-time) standing for
 * the first of the scenario's entries at or after it — a number that stays true when the record the
 * scenario was forked from grows. The CLI and the API read it the same way.
 */
import type { LedgerService } from '../ledger-service.js';
import { parseOffset } from '../../domain/scenario/duration.js';
import { EvereError } from '../errors.js';
import { readScenario } from './scenario-state.js';
import type { Scenarios } from './service.js';

/** A scenario time (ms): `T+12h`, a duration from the start, or a UTC date-time. */
export async function scenarioTimeOf(ledger: LedgerService, name: string, value: string): Promise<number> {
  const sc = await readScenario(ledger, name);
  const start = Date.parse(sc.definition.start);
  const offset = parseOffset(value, start);
  if (offset === undefined) throw new EvereError('scenario.time_invalid', { value });
  return start + offset;
}

export async function branchPoint(ledger: LedgerService, scenarios: Scenarios, name: string, value: string): Promise<number> {
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = await scenarioTimeOf(ledger, name, value);
  // The parent is brought up to its clock first, as the branch itself does.
  await scenarios.tick(name);
  const sc = await readScenario(ledger, name);
  const size = await ledger.store.size(name);
  for (const row of await ledger.store.entries(name, sc.definedAtSeq + 1, size)) {
    const entry = JSON.parse(new TextDecoder().decode(row.bytes)) as { validTime: string };
    if (Date.parse(entry.validTime) >= at) return row.seq;
  }
  return size;
}
