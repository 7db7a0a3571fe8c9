/**
 * Channels of a scenario: a seat's holder (or exercise control) sends a message; each message is
 * an entry of the scenario world (type `MessageSent`), marked EXERCISE, classified, signed by the
 * sending seat's delegation (or exercise control's principal), dated in scenario time, shown live
 * (server-sent events carry every entry the reader may see) and kept in the report's timeline.
 *
 * Who reads a message is decided by the one authorisation layer (src/app/access.ts): it is
 * releasable to its parties' seats and to exercise control, evaluators and observers
 * (src/domain/scenario/channels.ts), and a player reads the seats they hold. A listing is the entries the reader's access lets through.
 */
import { draftMessage, EVERYONE, type ChannelKind } from '../../domain/scenario/channels.js';
import { scenarioNow } from '../../domain/scenario/clock.js';
import { formatOffset, isoSeconds } from '../../domain/scenario/duration.js';
import { seatOfParty } from '../../domain/scenario/policy.js';
import { seatList } from '../../domain/scenario/seats.js';
import { EXCON, STAFF_SEAT, startMs } from '../../domain/scenario/types.js';
import type { WorldState } from '../../domain/world.js';
import { formatViolation } from '../../messages/index.js';
import { fromUtf8 } from '../../ledger/bytes.js';
import type { Entry, Json } from '../../ledger/entry.js';
import { classificationRank, type Classification } from '../../ledger/classification.js';
import { FULL_ACCESS, accessFor } from '../access.js';
import { actingPrincipal } from '../acts.js';
import { EvereError } from '../errors.js';
import { CONTROL_PRINCIPAL, lastValidTime, readScenario } from './scenario-state.js';
import { SYSTEM_OPERATOR, type Operator, type Scenarios } from './service.js';

export const MESSAGE_TYPE = 'MessageSent';

export interface MessageInput {
  /** The sending seat (SG and NAC are International Staff's), or EXCON. */
  readonly from: string;
  /** Seats, or ALL. */
  readonly to: readonly string[];
  readonly text: string;
  readonly classification?: Classification;
}

export interface MessageView {
  readonly seq: number;
  readonly at: string;
  /** Scenario time from the start, `T+1d06:30`. */
  readonly offset: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly channel: ChannelKind;
  readonly text: string;
  readonly classification: string;
  readonly releasability: readonly string[];
  /** The principal that signed it. */
  readonly signedBy: string;
}

/** Sends a message at the scenario's current time. */
export async function sendMessage(scenarios: Scenarios, name: string, input: MessageInput, operator: Operator = SYSTEM_OPERATOR): Promise<MessageView> {
  const ledger = scenarios.deps.ledger;
  if (!scenarios.takesPart(operator, name)) throw new EvereError('scenario.not_found', { name });
  await scenarios.tick(name);
  const user = operator.kind === 'account' ? operator.account.username : 'operator';
  const classification = input.classification ?? 'NATO UNCLASSIFIED';
  // Nobody writes above their own clearance.
  if (operator.kind === 'account' && classificationRank(classification) > classificationRank(operator.account.clearance)) {
    throw new EvereError('act.not_authorised', { actor: `${user} (${operator.account.clearance})`, by: classification });
  }
  const entries = await ledger.appendDecided(name, async (raw) => {
    const sc = await readScenario(ledger, name);
    const seats = seatList(raw as WorldState, sc.definition);
    const from = input.from === EXCON ? EXCON : seatOfParty(input.from, seats);
    if (from === EXCON) {
      if (!scenarios.isControl(operator, name)) throw new EvereError('channel.not_seated', { user, seat: input.from, name });
    } else {
      const holder = sc.holders[from];
      if (operator.kind === 'account' ? holder !== operator.account.username : !holder) {
        throw new EvereError('channel.not_seated', { user, seat: input.from, name });
      }
    }
    const drafted = draftMessage({ from, to: input.to.map((s) => (s === 'SG' || s === 'NAC' ? STAFF_SEAT : s)), text: input.text }, seats, sc.definition.channels);
    if (!drafted.ok) throw new EvereError('channel.refused', { rule: drafted.violations.map((v) => formatViolation(v)).join('; ') }, drafted.violations);
    const now = Math.max(scenarioNow(sc.clock, (scenarios.deps.now ?? Date.now)()), await lastValidTime(ledger, name));
    if (now >= sc.clock.end) throw new EvereError('scenario.ended', { name, end: isoSeconds(sc.clock.end) });
    const m = drafted.message;
    const principal = from === EXCON ? { id: CONTROL_PRINCIPAL } : await actingPrincipal(ledger, name, from === STAFF_SEAT ? 'SG' : from);
    return [{
      type: MESSAGE_TYPE, validTime: isoSeconds(now), actor: principal.id, actingFor: from === STAFF_SEAT ? 'SG' : from,
      classification, releasability: [...m.releasability],
      payload: { from: m.from, to: [...m.to], channel: m.channel, text: m.text } as Json,
    }];
  });
  const sc = await readScenario(ledger, name);
  return viewOf(entries[0]!, startMs(sc.definition));
}

function viewOf(e: Entry, start: number): MessageView {
  const p = e.payload as { from: string; to: string[]; channel: ChannelKind; text: string };
  return {
    seq: e.seq, at: e.validTime, offset: formatOffset(Date.parse(e.validTime) - start),
    from: p.from, to: p.to, channel: p.channel, text: p.text,
    classification: e.classification, releasability: e.releasability, signedBy: e.actor,
  };
}

/**
 * The messages the operator may read, oldest first (a seat's channels for a player; every channel
 * for exercise control). `seat` keeps the messages that seat sent or was addressed (or ALL).
 */
export async function listMessages(scenarios: Scenarios, name: string, operator: Operator = SYSTEM_OPERATOR, options: { seat?: string } = {}): Promise<MessageView[]> {
  const ledger = scenarios.deps.ledger;
  if (!scenarios.takesPart(operator, name)) throw new EvereError('scenario.not_found', { name });
  const sc = await readScenario(ledger, name);
  const access = operator.kind === 'system' ? FULL_ACCESS : accessFor(operator.account, await ledger.requireWorld(name));
  const rows = await ledger.store.findEntries(name, { types: [MESSAGE_TYPE], access });
  const start = startMs(sc.definition);
  const seat = options.seat === 'SG' || options.seat === 'NAC' ? STAFF_SEAT : options.seat;
  return rows
    .map((r) => viewOf(JSON.parse(fromUtf8(r.bytes)) as Entry, start))
    .filter((m) => seat === undefined || m.from === seat || m.to.includes(seat) || m.to.includes(EVERYONE));
}
