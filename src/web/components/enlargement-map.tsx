/**
 * The enlargement map: world-atlas (Natural Earth 1:110m, shipped with the app, never from a
 * CDN) projected with d3-geo on a North-Atlantic-centred conic projection, countries joined on
 * their ISO numeric id. Paths are computed once; a new date only changes fills. Allies are
 * coloured by the year they joined (an ordinal blue ramp), partners and candidates by fill and
 * pattern; the legend names every class and the page offers the same data as a table.
 */
import { useEffect, useMemo, useState } from 'react';
import { geoConicEqualArea, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import topologyUrl from 'world-atlas/countries-110m.json?url';
import { useI18n } from '../lib/i18n.js';

export type MapStatus =
  | { readonly kind: 'ally'; readonly round: number }
  | { readonly kind: 'partner' }
  | { readonly kind: 'candidate' };

export interface MapCountry {
  readonly numeric: string;
  readonly iso3: string;
  readonly name: string;
  readonly status: MapStatus;
}

const WIDTH = 960;
const HEIGHT = 540;

let topologyPromise: Promise<Topology> | undefined;
export const loadTopology = (): Promise<Topology> => {
  topologyPromise ??= fetch(topologyUrl).then((r) => {
    if (!r.ok) throw new Error(`map data: HTTP ${r.status}`);
    return r.json() as Promise<Topology>;
  });
  return topologyPromise;
};

interface Shape {
  readonly id: string;
  readonly d: string;
}

interface Shapes {
  readonly europe: Shape[];
  readonly inset: Shape[];
}

/** The inset for North America, bottom left over the Atlantic off Iberia. */
const INSET = { x: 8, y: HEIGHT - 198, w: 262, h: 190 } as const;

/** Territories drawn with the status of the state they belong to (Greenland: Denmark). */
const TERRITORY_OF: Readonly<Record<string, string>> = { '304': '208' };

type Countries = FeatureCollection<Geometry, { name: string }>;

function project(countries: Countries, projection: GeoProjection): Shape[] {
  const path = geoPath(projection);
  return countries.features
    .filter((f) => f.properties.name !== 'Antarctica')
    .map((f, i) => ({ id: f.id === undefined ? `x${i}` : String(f.id), d: path(f) ?? '' }))
    .filter((s) => s.d !== '');
}

const frame = (coordinates: [number, number][]): Feature<Geometry> => ({ type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates } });

function useShapes(): Shapes | undefined {
  const [shapes, setShapes] = useState<Shapes>();
  useEffect(() => {
    let cancelled = false;
    void loadTopology().then((topology) => {
      if (cancelled) return;
      const countries = feature(topology, topology.objects.countries as GeometryCollection) as unknown as Countries;
      // Europe, from Iceland and the Azores' latitude to the Caucasus, on an equal-area conic.
      const europe = geoConicEqualArea().parallels([40, 65]).rotate([-12, 0])
        .fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], frame([[-24, 36.5], [44, 36.5], [-22, 66.5], [40, 70.5], [10, 71.5], [10, 34.5], [47, 41]]));
      europe.clipExtent([[0, 0], [WIDTH, HEIGHT]]);
      // North America in its own inset, so that both sides of the Atlantic read at a useful scale.
      const america = geoConicEqualArea().parallels([30, 60]).rotate([85, 0])
        .fitExtent([[INSET.x + 6, INSET.y + 6], [INSET.x + INSET.w - 6, INSET.y + INSET.h - 6]], frame([[-126, 25], [-66, 25], [-135, 58], [-55, 58], [-100, 72], [-50, 70]]));
      america.clipExtent([[INSET.x, INSET.y], [INSET.x + INSET.w, INSET.y + INSET.h]]);
      setShapes({ europe: project(countries, europe), inset: project(countries, america) });
    });
    return () => { cancelled = true; };
  }, []);
  return shapes;
}

/**
 * Ordinal colours for the accession rounds: ColorBrewer's YlGnBu, dark (the founders) to light
 * (the newest round), sequential and colour-blind safe.
 */
const RAMP = ['#081d58', '#253494', '#225ea8', '#1d91c0', '#41b6c4', '#7fcdbb', '#c7e9b4'];

const hex = (c: string): number[] => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

export function roundColour(index: number, count: number): string {
  const t = count <= 1 ? 0 : index / (count - 1);
  const at = t * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(at));
  const from = hex(RAMP[i]!);
  const to = hex(RAMP[i + 1]!);
  const c = from.map((f, k) => Math.round(f + (to[k]! - f) * (at - i)));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export function EnlargementMap({ countries, known, rounds, title, description }: {
  countries: readonly MapCountry[];
  /** Every state the app knows, by ISO numeric id (for names of countries without a status). */
  known?: ReadonlyMap<string, { readonly iso3: string; readonly name: string }>;
  /** The distinct accession years, oldest first. */
  rounds: readonly number[];
  title: string;
  description: string;
}) {
  const { t } = useI18n();
  const shapes = useShapes();
  const byNumeric = useMemo(() => new Map(countries.map((c) => [c.numeric, c])), [countries]);

  const renderShape = (shape: Shape, prefix: string) => {
    const c = byNumeric.get(shape.id) ?? byNumeric.get(TERRITORY_OF[shape.id] ?? '');
    const own = byNumeric.get(shape.id);
    const named = own ?? known?.get(shape.id);
    return (
      <path key={`${prefix}${shape.id}`} d={shape.d} fill={fill(c)} stroke="var(--map-border)" strokeWidth={c ? 0.9 : 0.5}
        data-numeric={shape.id} data-iso3={named?.iso3} data-status={c?.status.kind ?? 'none'}>
        {own ? <title>{`${own.name}${t('app.colon')}${own.status.kind === 'ally' ? t('home.legend_round', { year: own.status.round }) : own.status.kind === 'partner' ? t('home.status_partner') : t('home.status_candidate')}`}</title>
          : named ? <title>{named.name}</title> : null}
      </path>
    );
  };

  const fill = (c: MapCountry | undefined): string => {
    if (!c) return 'var(--map-land)';
    switch (c.status.kind) {
      case 'ally': return roundColour(Math.max(0, rounds.indexOf(c.status.round)), rounds.length);
      case 'partner': return 'url(#pattern-partner)';
      case 'candidate': return 'url(#pattern-candidate)';
      default: return 'var(--map-land)';
    }
  };

  return (
    <figure className="map">
      <div className="map__frame">
        {!shapes && <p className="map__loading" role="status">{t('home.map_loading')}</p>}
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="map-title map-desc" className="map__svg" data-testid="enlargement-map" data-ready={shapes ? 'true' : 'false'}>
          <title id="map-title">{title}</title>
          <desc id="map-desc">{description}</desc>
          <defs>
            <pattern id="pattern-partner" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="8" height="8" fill="var(--map-partner)" />
              <line x1="0" y1="0" x2="0" y2="8" stroke="var(--map-partner-line)" strokeWidth="2.5" />
            </pattern>
            <pattern id="pattern-candidate" width="7" height="7" patternUnits="userSpaceOnUse">
              <rect width="7" height="7" fill="var(--map-candidate)" />
              <circle cx="3.5" cy="3.5" r="1.6" fill="var(--map-candidate-dot)" />
            </pattern>
          </defs>
          <rect width={WIDTH} height={HEIGHT} fill="var(--map-sea)" />
          {shapes?.europe.map((shape) => renderShape(shape, 'e'))}
          {shapes && (
            <g className="map__inset">
              <rect x={INSET.x} y={INSET.y} width={INSET.w} height={INSET.h} fill="var(--map-sea)" stroke="var(--line-strong)" strokeWidth={1} />
              {shapes.inset.map((shape) => renderShape(shape, 'a'))}
            </g>
          )}
        </svg>
      </div>
      <figcaption className="map__legend">
        <span className="map__legend-title">{t('home.legend_allies')}</span>
        <ul>
          {rounds.map((year, i) => (
            <li key={year}><span className="swatch" style={{ background: roundColour(i, rounds.length) }} aria-hidden="true" />{year}</li>
          ))}
        </ul>
        <ul>
          <li><span className="swatch swatch--partner" aria-hidden="true" />{t('home.legend_partner')}</li>
          <li><span className="swatch swatch--candidate" aria-hidden="true" />{t('home.legend_candidate')}</li>
          <li><span className="swatch swatch--other" aria-hidden="true" />{t('home.legend_other')}</li>
        </ul>
      </figcaption>
    </figure>
  );
}
