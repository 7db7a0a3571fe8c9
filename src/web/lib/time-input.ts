/**
 * A time as a person types it in a form: relative to now (`+24h`, `24h`, `1d6h`, `90m` — now is
 * scenario time in a scenario), from a scenario's start (`T+30h`), or a UTC date-time
 * (`2024-06-03 18:00`, `2024-06-03T18:00Z`). Never the browser's own date format or time zone.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function duration(text: string): number | undefined {
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/i.exec(text);
  if (!m || text === '' || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return undefined;
  return Number(m[1] ?? 0) * DAY + Number(m[2] ?? 0) * HOUR + Number(m[3] ?? 0) * MINUTE;
}

const isoSeconds = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export interface TimeBase {
  /** Now, in ms: scenario time in a scenario, real time elsewhere. */
  readonly now: () => number;
  /** A scenario's start (T+0), if the form acts in a scenario. */
  readonly startMs?: number | undefined;
}

/** The instant a typed time stands for (`YYYY-MM-DDTHH:MM:SSZ`), or undefined if it is none. */
export function resolveTimeInput(text: string, base: TimeBase): string | undefined {
  const value = text.trim().replace(/\s+/g, ' ');
  if (value === '') return undefined;
  const fromStart = /^T\+(\S+)$/i.exec(value);
  if (fromStart) {
    const d = duration(fromStart[1]!);
    return d === undefined || base.startMs === undefined ? undefined : isoSeconds(base.startMs + d);
  }
  const relative = /^\+?(\S+)$/.exec(value);
  if (relative && !/^\d{4}-/.test(value)) {
    const d = duration(relative[1]!);
    if (d !== undefined) return isoSeconds(base.now() + d);
  }
  const utc = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:Z| ?UTC)?$/i.exec(value);
  if (utc) {
    const [, y, mo, d, h, mi, s] = utc;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
    const back = new Date(ms);
    if (back.getUTCFullYear() !== Number(y) || back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) return undefined;
    return isoSeconds(ms);
  }
  return undefined;
}

/**
 * The next free proposal id of a year: `PO-YYYY-NNNN`, one more than the highest of that year
 * already used (the year of now, which in a scenario is scenario time).
 */
export function nextProposalId(existing: readonly string[], nowMs: number): string {
  const year = new Date(nowMs).getUTCFullYear();
  const prefix = `PO-${year}-`;
  let max = 0;
  for (const id of existing) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isSafeInteger(n) && n > max) max = n;
  }
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}
