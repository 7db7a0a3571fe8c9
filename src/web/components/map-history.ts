/**
 * The map's borders as they stood on a date. The base is world-atlas (Natural Earth 1:110m,
 * today's countries); a state that no longer exists is drawn as the union of its successors
 * (topojson-client's merge dissolves the borders between them) until the last day the states
 * table gives it (src/domain/states.ts: the Soviet Union to 25 December 1991, Yugoslavia to
 * 26 April 1992, Serbia and Montenegro to 2 June 2006, Czechoslovakia to 31 December 1992): a
 * dissolved state is drawn whole until that day. Germany before 3 October 1990 is drawn from
 * src/web/data/divided-germany.json (scripts/divided-germany.ts): the Federal Republic, the GDR,
 * Berlin under four-power status and, until it joined the Federal Republic on 1 January 1957,
 * the Saar. Kosovo is drawn with Serbia until its declaration of independence of 17 February 2008.
 * This module says which polities stand; ./map-shapes.ts draws them.
 *
 * Sources of the dates not in the states table:
 * - Federal Republic founded 23 May 1949 (Basic Law promulgated):
 *   https://www.bundestag.de/en/parliament/function/legal/legal_basis-196212
 * - GDR founded 7 October 1949: https://www.britannica.com/place/East-Germany
 * - Saar joined the Federal Republic on 1 January 1957 (Treaty of Luxembourg, 27 October 1956):
 *   https://www.britannica.com/place/Saarland
 * - Kosovo's declaration of independence, 17 February 2008: https://www.icj-cij.org/case/141
 */
import type { StateInfo } from '../../domain/states.js';

export const REUNIFICATION = '1990-10-03';
export const FRG_FOUNDED = '1949-05-23';
export const GDR_FOUNDED = '1949-10-07';
export const SAAR_JOINED = '1957-01-01';
export const KOSOVO_INDEPENDENCE = '2008-02-17';

/** A special part of divided Germany, drawn from the derived data rather than world-atlas. */
export type GermanPart = 'frg-1949' | 'frg-1957' | 'saar' | 'berlin' | 'gdr';

/** A polity drawn on the map at a date: its id is the ISO numeric code statuses join on (or `saar`, `berlin`). */
export interface Polity {
  readonly id: string;
  /** world-atlas features (by id, or `name:Kosovo` for the few with none) whose union it is. */
  readonly members: readonly string[];
  /** Or a part of divided Germany. */
  readonly part?: GermanPart;
  /** A name the states table does not give for this date (message key). */
  readonly nameKey?: HistoricalNameKey;
}

export type HistoricalNameKey = 'map.frg' | 'map.western_zones' | 'map.soviet_zone' | 'map.saar' | 'map.berlin';

const KOSOVO = 'name:Kosovo';

/** The key of a world-atlas feature: its ISO numeric id, or its name for the three without one. */
export const featureKey = (f: { id?: string | number; properties?: { name?: string } | null }): string =>
  f.id === undefined ? `name:${f.properties?.name ?? ''}` : String(f.id);

/**
 * The polities on the map at `date` (YYYY-MM-DD), from the keys of the world-atlas features and
 * the states table (for dissolved states and their successors).
 */
export function politiesAt(date: string, featureKeys: readonly string[], states: readonly StateInfo[]): Polity[] {
  const byIso3 = new Map(states.map((s) => [s.iso3, s]));
  const owner = new Map<string, string>(featureKeys.map((k) => [k, k]));
  if (date < KOSOVO_INDEPENDENCE && owner.has(KOSOVO)) owner.set(KOSOVO, '688');
  // Former states standing at the date, outermost first (the SFRY before Serbia and Montenegro).
  const formers = states.filter((s) => s.former && s.iso3 !== 'DDR' && date <= s.former.until);
  const inner = new Set(formers.flatMap((s) => s.former!.successors));
  const leaves = (s: StateInfo): string[] => s.former!.successors.flatMap((code) => {
    const succ = byIso3.get(code);
    return succ?.former ? leaves(succ) : succ ? [succ.numeric] : [];
  });
  for (const f of formers) {
    if (inner.has(f.iso3)) continue;
    for (const numeric of leaves(f)) owner.set(numeric, f.numeric);
  }
  // Kosovo follows Serbia, wherever Serbia went.
  if (owner.get(KOSOVO) === '688') owner.set(KOSOVO, owner.get('688') ?? '688');

  const groups = new Map<string, string[]>();
  for (const [key, id] of owner) {
    if (date < REUNIFICATION && key === '276') continue;
    groups.set(id, [...(groups.get(id) ?? []), key]);
  }
  const polities: Polity[] = [...groups].map(([id, members]) => ({ id, members }));
  if (date < REUNIFICATION && owner.has('276')) {
    polities.push(
      { id: '276', members: [], part: date < SAAR_JOINED ? 'frg-1949' : 'frg-1957', nameKey: date < FRG_FOUNDED ? 'map.western_zones' : 'map.frg' },
      { id: '278', members: [], part: 'gdr', ...(date < GDR_FOUNDED ? { nameKey: 'map.soviet_zone' as const } : {}) },
      { id: 'berlin', members: [], part: 'berlin', nameKey: 'map.berlin' },
    );
    if (date < SAAR_JOINED) polities.push({ id: 'saar', members: [], part: 'saar', nameKey: 'map.saar' });
  }
  return polities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A signature of the borders at a date: the same for every date with the same map. */
export const eraKey = (polities: readonly Polity[]): string =>
  polities.filter((p) => p.part || p.members.length !== 1 || p.members[0] !== p.id).map((p) => `${p.id}:${p.part ?? p.members.join('+')}:${p.nameKey ?? ''}`).join('|');

/** The name key for a state's numeric code at a date when the states table's name is not the one of the time. */
export function historicalNameKey(numeric: string, date: string): HistoricalNameKey | undefined {
  if (date >= REUNIFICATION) return undefined;
  if (numeric === '276') return date < FRG_FOUNDED ? 'map.western_zones' : 'map.frg';
  if (numeric === '278' && date < GDR_FOUNDED) return 'map.soviet_zone';
  return undefined;
}
