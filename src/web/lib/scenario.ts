/**
 * Scenario (exercise) pages: the types the API returns, the scenario clock as the browser runs it
 * between two reads (scenario time = the last read's time + real time elapsed × speed, while the
 * clock runs), offsets `T+1d06:30`, and who the signed-in account is in a scenario.
 */
import { useEffect, useState } from 'react';
import type { ScenarioStatus } from '../../app/scenarios/service.js';
import type { Account } from '../../app/access.js';
import type { TimeBase } from './time-input.js';

export type { ScenarioStatus };

/** The scenario clock as last read: scenario time `now` at real time `readAt`. */
export interface ScenarioClock {
  readonly now: string;
  readonly readAt: number;
  readonly speed: number;
  readonly running: boolean;
  readonly end: string;
  /** The scenario's start (T+0). */
  readonly start?: string;
}

export const clockOf = (status: ScenarioStatus, readAt: number): ScenarioClock => ({
  now: status.now, readAt, speed: status.clock.speed, running: status.clock.status === 'running' && !status.ended, end: status.end, start: status.start,
});

/** Scenario time (ms) at real time `real`. Never past the end. */
export function scenarioNowMs(clock: ScenarioClock, real = Date.now()): number {
  const base = Date.parse(clock.now);
  const t = clock.running ? base + Math.max(0, real - clock.readAt) * clock.speed : base;
  return Math.min(t, Date.parse(clock.end));
}

/** What "now" and "T+0" are for a time typed in a scenario's forms. */
export function timeBaseOf(clock: ScenarioClock): TimeBase {
  return { now: () => scenarioNowMs(clock), ...(clock.start ? { startMs: Date.parse(clock.start) } : {}) };
}

/** Re-renders once a second while the clock runs; returns scenario time (ms). */
export function useScenarioNow(clock: ScenarioClock | undefined): number | undefined {
  const [real, setReal] = useState(() => Date.now());
  const running = clock?.running ?? false;
  useEffect(() => {
    if (!running) return undefined;
    const timer = window.setInterval(() => setReal(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  return clock ? scenarioNowMs(clock, Math.max(real, clock.readAt)) : undefined;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `T+1d06:30`: an offset from the start, as on a master scenario events list. */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY);
  const hhmm = `${String(Math.floor((abs % DAY) / HOUR)).padStart(2, '0')}:${String(Math.floor((abs % HOUR) / MINUTE)).padStart(2, '0')}`;
  return `T${sign}${days > 0 ? `${days}d` : ''}${hhmm}`;
}

export const offsetOf = (start: string, at: string | number): string => formatOffset((typeof at === 'number' ? at : Date.parse(at)) - Date.parse(start));

/** Exercise control: the director and controllers admitted to the scenario. */
export function isControl(account: Account | undefined, name: string): boolean {
  return Boolean(account && (account.role === 'director' || account.role === 'controller') && account.worlds?.includes(name));
}

/** The seats the account holds in the scenario. */
export function seatsHeld(status: ScenarioStatus | undefined, account: Account | undefined): string[] {
  if (!status || !account) return [];
  return status.seats.filter((s) => s.holder === account.username).map((s) => s.seat);
}

/** The party a seat acts for (International Staff act as the Secretary General). */
export const partyOfSeat = (seat: string): string => (seat === 'IS' ? 'SG' : seat);

/** An inject as delivered (the InjectDelivered entry's payload). */
export interface InjectPayload {
  readonly inject: string;
  readonly kind: string;
  readonly title: { readonly en: string; readonly fr?: string };
  readonly text?: { readonly en: string; readonly fr?: string };
  /** Links to the documents that come with it. */
  readonly attachments?: readonly { readonly title: { readonly en: string; readonly fr?: string }; readonly url: string }[];
  readonly to?: readonly string[];
  readonly resolution?: string;
  readonly outlet?: string;
  /** The inject's command falls to a seat a person holds: it waits for them. */
  readonly prompt?: boolean;
  readonly expected?: { readonly cmd: string; readonly by: string; readonly data: Readonly<Record<string, unknown>> };
  readonly refused?: readonly string[];
}

/** `90m`, `2h`, `1d6h` in milliseconds (the short forms scenario files use), or undefined. */
function shortDuration(text: string): number | undefined {
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/.exec(text);
  if (!m || text === '') return undefined;
  return Number(m[1] ?? 0) * DAY + Number(m[2] ?? 0) * HOUR + Number(m[3] ?? 0) * MINUTE;
}

const isoSeconds = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/**
 * An inject's expected command as the scenario file wrote it may hold relative times: `+24h`
 * after the delivery, `T+30h` after the start. They are resolved before the command is given.
 */
export function resolveRelativeTimes(value: unknown, deliveredMs: number, startMs: number): unknown {
  if (typeof value === 'string') {
    const rel = /^\+(\S+)$/.exec(value);
    if (rel) { const d = shortDuration(rel[1]!); return d === undefined ? value : isoSeconds(deliveredMs + d); }
    const abs = /^T\+(\S+)$/.exec(value);
    if (abs) { const d = shortDuration(abs[1]!); return d === undefined ? value : isoSeconds(startMs + d); }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveRelativeTimes(v, deliveredMs, startMs));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRelativeTimes(v, deliveredMs, startMs)]));
  return value;
}
