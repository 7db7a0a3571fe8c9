/**
 * Derives the enlargement map's data, committed under src/web/data/:
 *
 * map-atlas.json, the map's atlas: world-atlas's countries at
 * 1:110m (Natural Earth, public domain), keeping only the countries one of the map's two
 * projections draws (src/web/components/map-projection.ts), each with the views that draw it
 * (`properties.views`: `europe`, `america`), and only the arcs they use. The map draws exactly
 * what it drew from the whole world (tests/web/map-atlas.test.ts checks it), from under half the
 * bytes, and projects each country only in the views that show it.
 *
 * map-today.json, today's borders already drawn: the shapes src/web/components/map-shapes.ts makes
 * from that atlas for the borders after the last change the map knows, with their eraKey and the
 * atlas's keys. A first visit to the home page draws these without loading the atlas, d3-geo or
 * topojson-client, or projecting anything; another date's borders load them.
 *
 *   npx tsx scripts/map-atlas.ts      (rewrites the file; the test fails while it is stale)
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { geoPath } from 'd3-geo';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { americaProjection, europeProjection } from '../src/web/components/map-projection.js';
import type { MapView } from '../src/web/components/map-frame.js';
import { eraKey, politiesAt } from '../src/web/components/map-history.js';
import { atlasKeys, shapesFor, type MapToday } from '../src/web/components/map-shapes.js';
import { STATES } from '../src/domain/states.js';

export const ATLAS_PATH = fileURLToPath(new URL('../src/web/data/map-atlas.json', import.meta.url));
export const TODAY_PATH = fileURLToPath(new URL('../src/web/data/map-today.json', import.meta.url));

/** A date after every border change the map knows (the states table, ./map-history.ts). */
const LATEST = '9999-12-31';

type Arcs = number | Arcs[];

/** The countries either projection draws, with their arcs renumbered; other objects dropped. */
export function trimAtlas(world: Topology): Topology {
  const countries = world.objects.countries as GeometryCollection;
  const europe = geoPath(europeProjection());
  const america = geoPath(americaProjection());
  const drawn = countries.geometries.flatMap((g) => {
    const f = feature(world, g as GeometryObject);
    const views = [...((europe(f) ?? '') !== '' ? ['europe' as MapView] : []), ...((america(f) ?? '') !== '' ? ['america' as MapView] : [])];
    return views.length ? [{ ...g, properties: { ...g.properties, views } }] : [];
  });
  const renumbered = new Map<number, number>();
  const arcs: Topology['arcs'] = [];
  const remap = (a: Arcs): Arcs => {
    if (Array.isArray(a)) return a.map(remap);
    const index = a < 0 ? ~a : a;
    let next = renumbered.get(index);
    if (next === undefined) {
      next = arcs.length;
      renumbered.set(index, next);
      arcs.push(world.arcs[index]!);
    }
    return a < 0 ? ~next : next;
  };
  const geometries = drawn.map((g) => ('arcs' in g ? { ...g, arcs: remap(g.arcs as Arcs) } : g)) as GeometryObject[];
  return {
    type: 'Topology',
    ...(world.transform ? { transform: world.transform } : {}),
    objects: { countries: { type: 'GeometryCollection', geometries } },
    arcs,
  } as Topology;
}

/** Today's shapes from the (trimmed) atlas, as the map would project them. */
export function todayShapes(atlas: Topology): MapToday {
  const keys = atlasKeys(atlas);
  const polities = politiesAt(LATEST, keys, STATES);
  return { era: eraKey(polities), keys, ...shapesFor(atlas, polities) };
}

export function worldAtlas(): Topology {
  return createRequire(import.meta.url)('world-atlas/countries-110m.json') as Topology;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const trimmed = trimAtlas(worldAtlas());
  writeFileSync(ATLAS_PATH, `${JSON.stringify(trimmed)}\n`);
  console.log(`src/web/data/map-atlas.json: ${(trimmed.objects.countries as GeometryCollection).geometries.length} countries, ${trimmed.arcs.length} arcs`);
  const today = todayShapes(trimmed);
  writeFileSync(TODAY_PATH, `${JSON.stringify(today)}\n`);
  console.log(`src/web/data/map-today.json: ${today.europe.length} shapes in Europe, ${today.inset.length} in the inset`);
}
