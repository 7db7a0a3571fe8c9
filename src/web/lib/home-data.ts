/**
 * What the home page reads, started from the entry point: on a first visit to the home page the
 * map's shapes and the API's answers are fetched while the home page's own code is still on its
 * way, instead of after it (one round trip less before the map is drawn). The page reads the same
 * promises (fetchCached, loadToday), so nothing is fetched twice. When the server already put
 * the answers in the page (./boot.ts), they are in fetchCached's cache and nothing is fetched.
 */
import type { Topology } from 'topojson-specification';
import topologyUrl from '../data/map-atlas.json?url';
import todayUrl from '../data/map-today.json?url';
import type { MapToday } from '../components/map-shapes.js';
import type * as HomePage from '../pages/home.js';
import { fetchCached } from './data.js';
import type { Location } from './router.js';
import { factPath, homeReadPaths } from './home-reads.js';
import { SESSION_PATH } from './api.js';

type HomeModule = typeof HomePage;

export { factPath };

let todayPromise: Promise<MapToday> | undefined;
let todayShapes: MapToday | undefined;
/** Today's map shapes, drawn by the build (scripts/map-atlas.ts), fetched once. */
export const loadToday = (): Promise<MapToday> => {
  todayPromise ??= fetch(todayUrl).then(async (r) => {
    if (!r.ok) throw new Error(`map data: HTTP ${r.status}`);
    todayShapes = await (r.json() as Promise<MapToday>);
    return todayShapes;
  });
  return todayPromise;
};
/** Today's map shapes if they have arrived (the map then draws in its first render). */
export const todayIfLoaded = (): MapToday | undefined => todayShapes;

let homeModule: HomeModule | undefined;
/** The home page's code if it has arrived (the app then renders it without suspending). */
export const homeIfLoaded = (): HomeModule | undefined => homeModule;

let topologyPromise: Promise<Topology> | undefined;
/** The map's atlas (Natural Earth, 1:110m, the countries the map draws), fetched once, for other borders than today's. */
export const loadTopology = (): Promise<Topology> => {
  topologyPromise ??= fetch(topologyUrl).then((r) => {
    if (!r.ok) throw new Error(`map data: HTTP ${r.status}`);
    return r.json() as Promise<Topology>;
  });
  return topologyPromise;
};

/**
 * On the home page, starts its code, its map shapes and its reads at once (errors are the page's
 * to show); returns when its code has arrived (or failed to), undefined on another page.
 */
export function startHome(location: Location): Promise<unknown> | undefined {
  if (location.path !== '') return undefined;
  const quiet = (p: Promise<unknown>) => { p.catch(() => undefined); };
  const code = import('../pages/home.js').then((m) => { homeModule = m; });
  quiet(loadToday());
  // The session is the session provider's to read (it keeps the CSRF token).
  for (const path of homeReadPaths(location.world)) if (path !== SESSION_PATH) quiet(fetchCached(path));
  return code;
}
