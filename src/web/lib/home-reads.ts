/**
 * What the home page reads from the API, as paths: the app's reads, the states' reference data
 * and eight fact kinds of the world shown, each read whole (every version with its valid time).
 * Plain data, no browser API: the build (../shell-plugin.ts) writes the list into the shell's
 * description so that the server can answer these reads inside the home page's HTML
 * (src/api/web-shell.ts).
 */
import { SESSION_PATH } from './api.js';

/** The fact kinds the home page shows. */
export const HOME_FACTS = ['membership', 'partnership', 'partnership-suspension', 'application', 'invitation', 'aspirant', 'eu-membership', 'operation'] as const;
export type HomeFact = (typeof HOME_FACTS)[number];

/** The placeholder for the world's name in HOME_READS. */
export const WORLD_PLACEHOLDER = '{world}';

export const factPath = (world: string, kind: HomeFact): string => `/api/worlds/${encodeURIComponent(world)}/facts/${kind}`;

/**
 * The home page's reads, with WORLD_PLACEHOLDER for the world's (URL-encoded) name: the app's own
 * on every page (which worlds exist, who is signed in), then the home page's.
 */
export const HOME_READS: readonly string[] = ['/api/worlds', SESSION_PATH, '/api/states', ...HOME_FACTS.map((kind) => `/api/worlds/${WORLD_PLACEHOLDER}/facts/${kind}`)];

/** HOME_READS for one world. */
export const homeReadPaths = (world: string): string[] => HOME_READS.map((path) => path.replace(WORLD_PLACEHOLDER, encodeURIComponent(world)));

/** The id of the element in which the server puts the home page's answers (JSON: path → answer). */
export const BOOT_ELEMENT_ID = 'evere-boot';
