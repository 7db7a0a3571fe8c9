/**
 * Acting in a writable world: a command is parsed, checked against who signs it, decided by the
 * rules engine on the state it will be appended to, and written as entries signed by the acting
 * principal. The historical record is written only from data/ (by `evere init`).
 */
import { parseCommand, worldDecider, type WorldState } from '../domain/world.js';
import { formatViolation } from '../messages/index.js';
import { isBody } from '../domain/states.js';
import type { Entry, Json } from '../ledger/entry.js';
import type { Classification, Releasability } from '../ledger/classification.js';
import type { LedgerService } from './ledger-service.js';
import type { Principal, PrincipalKind } from './ports.js';
import { EvereError } from './errors.js';
import { readRecordLines, decideRecord } from './record-loader.js';
import { join } from 'node:path';

export const RECORD_WORLD = 'record';

export interface ActOptions {
  readonly classification?: Classification;
  readonly releasability?: Releasability;
  readonly source?: string;
}

/** The principal that acts for a party in a world: an Ally's delegation, or the staff of a body. */
export function principalIdFor(by: string): { id: string; kind: PrincipalKind } {
  return isBody(by) ? { id: `staff-${by.toLowerCase()}`, kind: 'staff' } : { id: `delegation-${by.toLowerCase()}`, kind: 'delegation' };
}

export async function actingPrincipal(ledger: LedgerService, world: string, by: string): Promise<Principal> {
  const { id, kind } = principalIdFor(by);
  return ledger.ensurePrincipal(world, id, kind, by);
}

export async function act(ledger: LedgerService, world: string, raw: unknown, actor: Principal, options: ActOptions = {}): Promise<Entry[]> {
  if (world === RECORD_WORLD) throw new EvereError('world.read_only', { name: world });
  // Acts in a live world need no published source (the record's lines do).
  const parsed = parseCommand(raw, { requireSource: false });
  if (!parsed.ok) {
    const v = parsed.violations[0]!;
    throw new EvereError('input.command', { reason: formatViolation(v) }, parsed.violations);
  }
  const command = parsed.command;
  // The one rule for acts: a principal acts only for the party it belongs to.
  if (actor.actingFor !== command.by) throw new EvereError('act.not_authorised', { actor: actor.id, by: command.by });
  return ledger.appendDecided(world, (state) => {
    const decision = worldDecider.decide(state as WorldState, command);
    if (!decision.ok) {
      throw new EvereError('act.refused', { rule: decision.violations.map((v) => formatViolation(v)).join('; ') }, decision.violations);
    }
    return decision.events.map((event) => ({
      type: event.type, validTime: event.at, actor: actor.id, actingFor: event.by,
      classification: options.classification ?? 'NATO UNCLASSIFIED',
      releasability: options.releasability ?? ['NATO'],
      ...(options.source ? { source: options.source } : {}),
      payload: event.data as Json,
    }));
  });
}

/**
 * A writable world that starts as the real record stood at a date: the record's lines up to
 * `asOf` decided again into the new world (signed by its own archive key).
 */
export async function createWorldFromRecord(
  ledger: LedgerService,
  dataDir: string,
  name: string,
  options: { asOf?: string; exercise?: boolean; empty?: boolean; progress?: (d: number, t: number) => void },
): Promise<{ entries: number }> {
  const { lines } = options.empty ? { lines: [] } : readRecordLines(join(dataDir, 'record'));
  const cut = options.asOf ? `${options.asOf.length === 10 ? `${options.asOf}T23:59:59.999Z` : options.asOf}` : undefined;
  const drafts = decideRecord(cut ? lines.filter((l) => l.at <= cut) : lines);
  if (await ledger.store.world(name)) throw new EvereError('world.exists', { name });
  const parentSize = (await ledger.store.world(RECORD_WORLD)) ? await ledger.store.size(RECORD_WORLD) : 0;
  await ledger.createWorld(name, {
    ...(options.exercise ? { exercise: true } : {}),
    forkedFrom: { world: RECORD_WORLD, size: parentSize, ...(options.asOf ? { asOf: options.asOf } : {}) },
  });
  for (let start = 0; start < drafts.length; start += 500) {
    await ledger.append(name, drafts.slice(start, start + 500));
    options.progress?.(Math.min(drafts.length, start + 500), drafts.length);
  }
  return { entries: drafts.length };
}
