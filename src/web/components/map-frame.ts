/** The enlargement map's frame: its size, its North American inset and its two views (no d3 here). */

/** The map's two views, each with its projection (./map-projection.ts). */
export type MapView = 'europe' | 'america';

export const WIDTH = 960;
export const HEIGHT = 540;

/** The inset for North America, bottom left over the Atlantic off Iberia. */
export const INSET = { x: 8, y: HEIGHT - 198, w: 262, h: 190 } as const;
