/**
 * The map's shapes for a set of borders: each polity's outline (topojson-client's merge dissolves
 * the borders between the members of a union; divided Germany from its own data), projected in
 * the views that draw it (the atlas says which, `properties.views`) with d3-geo. Loaded only for
 * borders other than today's: today's shapes are computed by the build (scripts/map-atlas.ts,
 * with this same code) and shipped ready to draw (src/web/data/map-today.json).
 */
import { geoPath, type GeoProjection } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, Geometry, MultiPolygon } from 'geojson';
import divided from '../data/divided-germany.json' with { type: 'json' };
import { americaProjection, europeProjection } from './map-projection.js';
import type { MapView } from './map-frame.js';
import { featureKey, type GermanPart, type Polity } from './map-history.js';

/** One drawn shape: the polity's id and its SVG path. */
export interface Shape {
  readonly id: string;
  readonly d: string;
}

/** The shapes of each view. */
export interface ViewShapes {
  readonly europe: readonly Shape[];
  readonly inset: readonly Shape[];
}

/** Today's shapes as the build drew them, with what tells whether a date has today's borders. */
export interface MapToday extends ViewShapes {
  /** The eraKey (./map-history.ts) of today's borders. */
  readonly era: string;
  /** The atlas's country keys, for politiesAt. */
  readonly keys: readonly string[];
}

/** Antarctica is not drawn. */
const UNDRAWN = new Set(['010']);

const GERMAN_PARTS = new Map((divided as unknown as { features: Feature<MultiPolygon, { part: GermanPart }>[] }).features.map((f) => [f.properties.part, f]));

type Country = { id?: string; properties?: { name: string; views?: readonly MapView[] } };

const countries = (topology: Topology): Country[] => (topology.objects.countries as GeometryCollection).geometries as unknown as Country[];

/** The keys of the atlas's countries (ISO numeric, or `name:` for the few without one). */
export const atlasKeys = (topology: Topology): string[] => countries(topology).map(featureKey);

/** The GeoJSON of each polity, dissolving the borders between the members of a union. */
export function polityFeatures(topology: Topology, polities: readonly Polity[]): Feature<Geometry, { id: string }>[] {
  const objects = new Map((topology.objects.countries as GeometryCollection).geometries.map((g) => [featureKey(g as Country), g]));
  return polities.flatMap((p): Feature<Geometry, { id: string }>[] => {
    if (p.part) {
      const f = GERMAN_PARTS.get(p.part);
      return f ? [{ type: 'Feature', id: p.id, properties: { id: p.id }, geometry: f.geometry }] : [];
    }
    const members = p.members.map((m) => objects.get(m)).filter((g) => g !== undefined);
    if (members.length === 0) return [];
    if (members.length === 1) {
      const f = feature(topology, members[0]!) as Feature<Geometry>;
      return [{ type: 'Feature', id: p.id, properties: { id: p.id }, geometry: f.geometry }];
    }
    return [{ type: 'Feature', id: p.id, properties: { id: p.id }, geometry: merge(topology, members as Parameters<typeof merge>[1]) }];
  });
}

/**
 * An SVG path written to a tenth of a unit of the 960 × 540 frame (finer than any screen shows
 * it) with relative moves after the first point of each ring: about half the bytes of d3's
 * absolute coordinates. Each step is the difference of two rounded points, so rounding never
 * accumulates along a ring.
 */
class RelativePath {
  private d = '';
  private x = 0;
  private y = 0;
  private static round(v: number): number {
    return Math.round(v * 10);
  }
  private static text(tenths: number): string {
    return String(tenths / 10);
  }
  private step(command: 'M' | 'l', x: number, y: number): void {
    const rx = RelativePath.round(x);
    const ry = RelativePath.round(y);
    if (command === 'M') this.d += `M${RelativePath.text(rx)},${RelativePath.text(ry)}`;
    else if (rx !== this.x || ry !== this.y) {
      const dy = ry - this.y;
      this.d += `l${RelativePath.text(rx - this.x)}${dy < 0 ? '' : ','}${RelativePath.text(dy)}`;
    }
    this.x = rx;
    this.y = ry;
  }
  beginPath(): void { /* each ring starts with moveTo */ }
  moveTo(x: number, y: number): void { this.step('M', x, y); }
  lineTo(x: number, y: number): void { this.step('l', x, y); }
  closePath(): void { this.d += 'z'; }
  arc(): void { /* points are not drawn on this map */ }
  result(): string {
    const d = this.d;
    this.d = '';
    return d;
  }
}

function project(features: readonly Feature<Geometry, { id: string }>[], projection: GeoProjection): Shape[] {
  const context = new RelativePath();
  const path = geoPath(projection, context);
  return features
    .filter((f) => !UNDRAWN.has(f.properties.id))
    .map((f) => {
      path(f);
      return { id: f.properties.id, d: context.result() };
    })
    .filter((s) => s.d !== '');
}

/** The shapes of the polities, each projected only in the views that draw one of its members. */
export function shapesFor(topology: Topology, polities: readonly Polity[]): ViewShapes {
  const views = new Map(countries(topology).map((c) => [featureKey(c), c.properties?.views]));
  const shown = (view: MapView) => polities.filter((p) => (p.part ? view === 'europe' : p.members.some((m) => views.get(m)?.includes(view) ?? true)));
  return {
    europe: project(polityFeatures(topology, shown('europe')), europeProjection()),
    inset: project(polityFeatures(topology, shown('america')), americaProjection()),
  };
}
