/**
 * The enlargement map's frame and projections (d3-geo, no DOM): Europe on an equal-area conic,
 * North America in an inset. Shared by the map (./enlargement-map.tsx) and by the build of its
 * atlas (scripts/map-atlas.ts), which keeps only the countries these projections draw.
 */
import { geoConicEqualArea, type GeoProjection } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { HEIGHT, INSET, WIDTH } from './map-frame.js';

const frame = (coordinates: [number, number][]): Feature<Geometry> => ({ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates } });

// Europe, from Iceland and the Azores' latitude to the Caucasus, on an equal-area conic.
export const europeProjection = (): GeoProjection => {
  const p = geoConicEqualArea().parallels([40, 65]).rotate([-12, 0])
    .fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], frame([[-24, 36.5], [44, 36.5], [-22, 66.5], [40, 70.5], [10, 71.5], [10, 34.5], [47, 41]]));
  return p.clipExtent([[0, 0], [WIDTH, HEIGHT]]);
};

// North America in its own inset, so that both sides of the Atlantic read at a useful scale.
export const americaProjection = (): GeoProjection => {
  const p = geoConicEqualArea().parallels([30, 60]).rotate([85, 0])
    .fitExtent([[INSET.x + 6, INSET.y + 6], [INSET.x + INSET.w - 6, INSET.y + INSET.h - 6]], frame([[-126, 25], [-66, 25], [-135, 58], [-55, 58], [-100, 72], [-50, 70]]));
  return p.clipExtent([[INSET.x, INSET.y], [INSET.x + INSET.w, INSET.y + INSET.h]]);
};
