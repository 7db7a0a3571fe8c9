/**
 * Durations and scenario times as organisers write them: `90m`, `2h`, `1d6h`, `PT2H`, `P1DT6H`;
 * inject times as offsets `T+2h` (or a bare duration) or as UTC date-times. Times inside the
 * engine are milliseconds since the epoch; acts are written `YYYY-MM-DDTHH:MM:SSZ`.
 */

const SHORT = /^(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?$/;
const ISO = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Milliseconds of a duration, or undefined if it is not one. */
export function parseDuration(text: string): number | undefined {
  const value = text.trim();
  if (value === '' || value === 'P' || value === 'PT') return undefined;
  const m = SHORT.exec(value) ?? ISO.exec(value);
  if (!m) return undefined;
  const [d, h, min, s] = [m[1], m[2], m[3], m[4]].map((x) => Number(x ?? 0)) as [number, number, number, number];
  return d * DAY + h * HOUR + min * MINUTE + s * 1000;
}

/** Milliseconds of a UTC date-time written `YYYY-MM-DDTHH:MM(:SS)Z`, or undefined. */
export function parseUtc(text: string): number | undefined {
  if (!UTC.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * An inject's time as an offset from the start: `T+2h`, a bare duration, or a UTC date-time
 * (read against `startMs`). Undefined if it is none of these.
 */
export function parseOffset(text: string, startMs: number): number | undefined {
  const value = text.trim();
  if (value.startsWith('T+')) return parseDuration(value.slice(2));
  const utc = parseUtc(value);
  if (utc !== undefined) return utc - startMs;
  return parseDuration(value);
}

/** A valid time for a command: `YYYY-MM-DDTHH:MM:SSZ` (whole seconds, as the engine writes it). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `T+1d06:30` — an offset as exercise control reads it on a master scenario events list. */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  const hhmm = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return `T${sign}${days > 0 ? `${days}d` : ''}${hhmm}`;
}

/** Hours, to one decimal place. */
export function hours(ms: number): number {
  return Math.round((ms / HOUR) * 10) / 10;
}

/**
 * Resolves relative times inside an inject's command data: a string `+24h` becomes the delivery
 * time plus 24 hours, `T+30h` the start plus 30 hours. Other values are returned as they are.
 */
export function resolveRelativeTimes(value: unknown, deliveredMs: number, startMs: number): unknown {
  if (typeof value === 'string') {
    if (/^\+\S+$/.test(value)) {
      const d = parseDuration(value.slice(1));
      return d === undefined ? value : isoSeconds(deliveredMs + d);
    }
    if (/^T\+\S+$/.test(value)) {
      const d = parseDuration(value.slice(2));
      return d === undefined ? value : isoSeconds(startMs + d);
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveRelativeTimes(v, deliveredMs, startMs));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRelativeTimes(v, deliveredMs, startMs)]));
  }
  return value;
}
