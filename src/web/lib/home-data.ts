/**
 * What the home page reads, started from the entry point: on a first visit to the home page the
 * map's atlas and the API's answers are fetched while the home page's own code is still on its
 * way, instead of after it (one round trip less before the map is drawn). The page reads the same
 * promises (fetchCached, loadTopology), so nothing is fetched twice.
 */
import type { Topology } from 'topojson-specification';
import topologyUrl from 'world-atlas/countries-110m.json?url';
import { fetchCached } from './data.js';
import type { Location } from './router.js';

/** The fact kinds the home page shows, each read whole (every version with its valid time). */
export const HOME_FACTS = ['membership', 'partnership', 'partnership-suspension', 'application', 'invitation', 'aspirant', 'eu-membership', 'operation'] as const;
export type HomeFact = (typeof HOME_FACTS)[number];

export const factPath = (world: string, kind: HomeFact): string => `/api/worlds/${encodeURIComponent(world)}/facts/${kind}`;

let topologyPromise: Promise<Topology> | undefined;
/** The world atlas (Natural Earth, 1:110m), fetched once. */
export const loadTopology = (): Promise<Topology> => {
  topologyPromise ??= fetch(topologyUrl).then((r) => {
    if (!r.ok) throw new Error(`map data: HTTP ${r.status}`);
    return r.json() as Promise<Topology>;
  });
  return topologyPromise;
};

/** On the home page, starts its code, its atlas and its reads at once (errors are the page's to show). */
export function startHome(location: Location): void {
  if (location.path !== '') return;
  const quiet = (p: Promise<unknown>) => { p.catch(() => undefined); };
  quiet(import('../pages/home.js'));
  quiet(loadTopology());
  quiet(fetchCached('/api/states'));
  for (const kind of HOME_FACTS) quiet(fetchCached(factPath(location.world, kind)));
}
