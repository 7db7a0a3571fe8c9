/**
 * Acting in a writable world: a command is parsed, checked against who signs it, decided by the
 * rules engine on what the actor may read and on the state it will be appended to, and written as
 * entries signed by the acting principal, marked at least as strictly as what they refer to. The
 * historical record is written only from data/ (by `evere init`).
 */
import { parseCommand, worldDecider, type WorldEvent, type WorldState } from '../domain/world.js';
import type { Violation } from '../domain/decider.js';
import { formatViolation } from '../messages/index.js';
import { isBody } from '../domain/states.js';
import { canonicalJson, type Entry, type Json } from '../ledger/entry.js';
import type { Classification, Releasability } from '../ledger/classification.js';
import type { LedgerService } from './ledger-service.js';
import type { AccessFilter, Principal, PrincipalKind } from './ports.js';
import { canRead, FULL_ACCESS } from './access.js';
import { FactMarkings, stricter, type Marking } from './fact-marking.js';
import { fromUtf8 } from '../ledger/bytes.js';
import { EvereError } from './errors.js';
import { readRecordLines, decideRecord } from './record-loader.js';
import { join } from 'node:path';

export const RECORD_WORLD = 'record';

export interface ActOptions {
  readonly classification?: Classification;
  readonly releasability?: Releasability;
  readonly source?: string;
  /**
   * What the actor may read of the world (default: everything — the local operator, who holds
   * the database). The act is decided on that view; see `act`.
   */
  readonly access?: AccessFilter;
}

/** The principal that acts for a party in a world: an Ally's delegation, or the staff of a body. */
export function principalIdFor(by: string): { id: string; kind: PrincipalKind } {
  return isBody(by) ? { id: `staff-${by.toLowerCase()}`, kind: 'staff' } : { id: `delegation-${by.toLowerCase()}`, kind: 'delegation' };
}

export async function actingPrincipal(ledger: LedgerService, world: string, by: string): Promise<Principal> {
  const { id, kind } = principalIdFor(by);
  return ledger.ensurePrincipal(world, id, kind, by);
}

/**
 * The refusal given when the actor's view of the world allows an act that the whole world does
 * not (an id already taken by something it may not read, a silence broken by an act above its
 * clearance…). It names no id, date, amount or party: all it tells is that the act is not possible.
 */
const NOT_POSSIBLE: Violation = Object.freeze({ code: 'act.not_possible', path: '', params: {} });

function refusal(violations: readonly Violation[]): EvereError {
  return new EvereError('act.refused', { rule: violations.map((v) => formatViolation(v)).join('; ') }, violations);
}

/**
 * Acting in a writable world: the one path every act takes (API, CLI, scenarios).
 *
 * Noninterference for acts. The actor reads only part of the world (`options.access`), so:
 * - the command is decided first on the actor's view — the world folded from the entries it may
 *   read. A refusal there is computed from what it may read only: an act naming a proposal,
 *   consultation, pledge or fund it may not read is refused exactly as if it did not exist, and a
 *   fund holds for it only the money it may see (an unclassified account cannot allocate what
 *   only a NATO SECRET contribution provides: "insufficient", with the balance it can read);
 * - the rules still decide on the whole world. If the whole world refuses what the view allowed,
 *   or would decide differently, the act is refused with `act.not_possible`, which says nothing
 *   of what it may not read;
 * - the entry is at least as restricted as everything it refers to (the index rows it changes,
 *   as the actor's view marks them), whatever marking was asked for.
 */
export async function act(ledger: LedgerService, world: string, raw: unknown, actor: Principal, options: ActOptions = {}): Promise<Entry[]> {
  if (world === RECORD_WORLD) throw new EvereError('world.read_only', { name: world });
  // Acts in a live world need no published source (the record's lines do).
  const parsed = parseCommand(raw, { requireSource: false });
  if (!parsed.ok) {
    const v = parsed.violations[0]!;
    throw new EvereError('input.command', { reason: formatViolation(v) }, parsed.violations, { reason: { code: v.code, params: v.params } });
  }
  const command = parsed.command;
  // The one rule for acts: a principal acts only for the party it belongs to.
  if (actor.actingFor !== command.by) throw new EvereError('act.not_authorised', { actor: actor.id, by: command.by });
  const access = options.access && !isFullAccess(options.access) ? options.access : undefined;
  const asked: Marking = { classification: options.classification ?? 'NATO UNCLASSIFIED', releasability: options.releasability ?? ['NATO'] };
  return ledger.appendDecided(world, async (state, at) => {
    const whole = worldDecider.decide(state as WorldState, command);
    let events: readonly WorldEvent[];
    let marking: Marking;
    if (access) {
      const view = await viewOf(ledger, world, access, at.size);
      const seen = worldDecider.decide(view.state as WorldState, command);
      if (!seen.ok) throw refusal(seen.violations);
      if (!whole.ok || canonicalJson(seen.events) !== canonicalJson(whole.events)) throw refusal([NOT_POSSIBLE]);
      events = seen.events;
      marking = referredMarking(ledger, view.state, events, asked, (kind, key) => view.markings.markingOf(kind, key));
    } else {
      if (!whole.ok) throw refusal(whole.violations);
      events = whole.events;
      marking = referredMarking(ledger, state, events, asked, at.marking);
    }
    return events.map((event) => ({
      type: event.type, validTime: event.at, actor: actor.id, actingFor: event.by,
      classification: marking.classification, releasability: [...marking.releasability] as Releasability,
      ...(options.source ? { source: options.source } : {}),
      payload: event.data as Json,
    }));
  });
}

const isFullAccess = (a: AccessFilter) => a.maxRank >= FULL_ACCESS.maxRank && a.releasableTo.includes('*') && !a.withheld?.length;

/** The asked marking, made at least as strict as every index row the events change. */
function referredMarking(ledger: LedgerService, state: unknown, events: readonly WorldEvent[], asked: Marking, markingOf: (kind: string, key: string) => Marking | undefined): Marking {
  let marking = asked;
  for (const event of events) {
    const entry = { type: event.type, validTime: event.at, actingFor: event.by, payload: event.data } as unknown as Entry;
    for (const fact of ledger.model.project(state, entry)) {
      const found = markingOf(fact.kind, fact.key);
      if (found) marking = stricter(marking, found);
    }
  }
  return marking;
}

// ---- the actor's view of a world ----

interface View {
  size: number;
  state: unknown;
  markings: FactMarkings;
}

const views = new WeakMap<LedgerService, Map<string, View>>();

/**
 * The world as a reader sees it: the model folded from the entries it may read, with the markings
 * of the index rows those entries shaped. Kept per world and access, and brought up to `size`
 * from where it was (the log only grows).
 */
export async function viewOf(ledger: LedgerService, world: string, access: AccessFilter, size?: number): Promise<{ state: unknown; markings: FactMarkings }> {
  const info = await ledger.requireWorld(world);
  let byKey = views.get(ledger);
  if (!byKey) views.set(ledger, byKey = new Map());
  const key = `${world}\u0000${info.createdAt}\u0000${access.maxRank}:${access.releasableTo.join(',')}:${access.withheld?.join(',') ?? ''}`;
  const target = size ?? await ledger.store.size(world);
  let view = byKey.get(key);
  if (!view || view.size > target) view = { size: 0, state: ledger.model.initialState(), markings: new FactMarkings() };
  const next: View = { size: view.size, state: view.state, markings: view.markings.fork() };
  for (let start = next.size; start < target; start += VIEW_CHUNK) {
    for (const bytes of await ledger.store.entryBytes(world, start, Math.min(target, start + VIEW_CHUNK))) {
      const entry = JSON.parse(fromUtf8(bytes)) as Entry;
      if (!canRead(access, entry)) continue;
      try {
        next.markings.mark(entry, ledger.model.project(next.state, entry));
        next.state = ledger.model.evolve(next.state, entry);
      } catch {
        // An entry that depends on what this reader may not read leaves its view as it was.
      }
    }
  }
  next.size = target;
  next.markings.commit();
  if (byKey.size > MAX_VIEWS) byKey.clear();
  byKey.set(key, next);
  return next;
}

const VIEW_CHUNK = 4096;
const MAX_VIEWS = 64;

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
