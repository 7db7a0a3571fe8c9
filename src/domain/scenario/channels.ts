/**
 * Channels of a scenario: messages between seats — bilateral (to one or more seats), to the chair
 * (International Staff), to everyone — and from exercise control to players. Pure: who may send
 * what to whom, and how a message is marked so that only its parties read it.
 *
 * A message is an entry of the scenario world, marked EXERCISE like every other. Its
 * releasability names its parties (the sending seat and the addressed seats) and the code that
 * exercise control, evaluators and observers read (XEV, never a player), so that the one
 * authorisation layer lets through to a player only the channels their seats are party to, while
 * exercise control reads every channel and evaluators can judge what was said. A message to
 * everyone is releasable to NATO: every seat reads it.
 */
import type { Violation } from '../decider.js';
import { EXCON, STAFF_SEAT } from './types.js';

/** Every seat of the scenario (and whatever it holds). */
export const EVERYONE = 'ALL';
export const MESSAGE_MAX_CHARS = 4000;
/** Read by exercise control, evaluators and observers, never by players (EVALUATION_RELEASABILITY in src/app/access.ts). */
const OVERSIGHT_CODE = 'XEV';
/**
 * The releasability token of International Staff's seat (the chair): releasability tokens are
 * three letters, and XIS is a user-assigned ISO 3166 code no state holds.
 */
export const STAFF_CHANNEL = 'XIS';

/** The releasability token that lets a seat's holder read a message. */
export function seatToken(seat: string): string {
  return seat === STAFF_SEAT ? STAFF_CHANNEL : seat;
}

export type ChannelKind = 'all' | 'chair' | 'bilateral' | 'control';

/**
 * Which channels between seats the scenario opens (the scenario file's `channels`; all by
 * default). Exercise control's channel to players is always open.
 */
export interface ChannelRules {
  readonly bilateral: boolean;
  readonly chair: boolean;
  readonly everyone: boolean;
}
export const ALL_CHANNELS: ChannelRules = { bilateral: true, chair: true, everyone: true };

export interface MessageRequest {
  /** The sending seat, or EXCON for exercise control. */
  readonly from: string;
  /** Seats addressed, or [EVERYONE]. */
  readonly to: readonly string[];
  readonly text: string;
}

export interface MessageDraft {
  readonly from: string;
  /** Addressed seats, sorted, without the sender; [EVERYONE] for a message to all. */
  readonly to: readonly string[];
  readonly channel: ChannelKind;
  readonly text: string;
  readonly releasability: readonly string[];
}

/**
 * Checks a message against the scenario's seats and says how it is marked. `seats` are the
 * scenario's seats (STAFF_SEAT among them).
 */
export function draftMessage(request: MessageRequest, seats: readonly string[], rules: ChannelRules = ALL_CHANNELS): { ok: true; message: MessageDraft } | { ok: false; violations: Violation[] } {
  const violations: Violation[] = [];
  const text = request.text.trim();
  if (text.length === 0) violations.push({ code: 'channel.text_empty', path: 'text', params: {} });
  if (text.length > MESSAGE_MAX_CHARS) violations.push({ code: 'channel.text_long', path: 'text', params: { max: MESSAGE_MAX_CHARS, length: text.length } });
  if (request.from !== EXCON && !seats.includes(request.from)) violations.push({ code: 'channel.seat_unknown', path: 'from', params: { seat: request.from } });
  const everyone = request.to.includes(EVERYONE);
  if (request.to.length === 0) violations.push({ code: 'channel.no_addressee', path: 'to', params: {} });
  if (everyone && request.to.length > 1) violations.push({ code: 'channel.everyone_alone', path: 'to', params: {} });
  request.to.forEach((seat, i) => {
    if (seat === EVERYONE) return;
    if (!seats.includes(seat)) violations.push({ code: 'channel.seat_unknown', path: `to[${i}]`, params: { seat } });
    else if (seat === request.from) violations.push({ code: 'channel.to_self', path: `to[${i}]`, params: { seat } });
  });
  if (violations.length > 0) return { ok: false, violations };
  const to = everyone ? [EVERYONE] : [...new Set(request.to)].sort();
  const channel: ChannelKind = request.from === EXCON ? 'control' : everyone ? 'all' : to.length === 1 && to[0] === STAFF_SEAT ? 'chair' : 'bilateral';
  const open = channel === 'control' || (channel === 'all' ? rules.everyone : channel === 'chair' ? rules.chair : rules.bilateral);
  if (!open) return { ok: false, violations: [{ code: 'channel.closed', path: 'to', params: { channel: channel === 'all' ? 'everyone' : channel } }] };
  const parties = [...new Set([...(request.from === EXCON ? [] : [request.from]), ...to])].sort();
  const releasability = everyone ? ['NATO'] : [...new Set([...parties.map(seatToken), OVERSIGHT_CODE])].sort();
  return { ok: true, message: { from: request.from, to, channel, text, releasability } };
}

/** The parties of a message (sender and addressees), for grouping a conversation. */
export function channelKey(message: { from: string; to: readonly string[] }): string {
  if (message.to.includes(EVERYONE)) return message.from === EXCON ? `${EXCON}>${EVERYONE}` : EVERYONE;
  return [...new Set([message.from, ...message.to])].sort().join('+');
}
