/**
 * The enlargement map: world-atlas (Natural Earth 1:110m, shipped with the app, never from a
 * CDN) on a North-Atlantic-centred conic projection (./map-projection.ts), countries joined on
 * their ISO numeric id. Today's borders come already projected (../data/map-today.json); other
 * dates' are projected with d3-geo from the atlas trimmed to the countries the map draws
 * (../data/map-atlas.json, both made by scripts/map-atlas.ts). Borders are those of the date shown (./map-history.ts: the Soviet Union,
 * Yugoslavia, Czechoslovakia, the two German states); paths are computed once per set of borders,
 * so a new date mostly changes fills. Allies are coloured by the year they joined (a palette whose
 * eleven accession years stay apart for colour-blind readers too, see ROUND_PALETTE), partners
 * and candidates by fill and pattern; the legend names every class, every shape's tooltip names
 * the state and its year, and the page offers the same data as a table.
 */
import { useEffect, useMemo, useState } from 'react';
import { loadToday, loadTopology, todayIfLoaded } from '../lib/home-data.js';
import { useI18n } from '../lib/i18n.js';
import { useStates } from '../lib/reference.js';
import { today } from '../lib/facts.js';
import type { StateInfo } from '../../domain/states.js';
import { HEIGHT, INSET, WIDTH } from './map-frame.js';
import { eraKey, historicalNameKey, politiesAt, type Polity } from './map-history.js';
import type { MapToday, Shape, ViewShapes } from './map-shapes.js';

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

interface Shapes extends ViewShapes {
  readonly polities: ReadonlyMap<string, Polity>;
}

/** Territories drawn with the status of the state they belong to (Greenland: Denmark). */
const TERRITORY_OF: Readonly<Record<string, string>> = { '304': '208' };

/**
 * The shapes for the borders at `date`: today's as the build drew them (no atlas, no projection
 * on a first visit); any other borders projected from the atlas once (./map-shapes.ts, loaded
 * then), and kept per set of borders, so a new date mostly changes fills.
 */
function useShapes(date: string, states: readonly StateInfo[] | undefined): Shapes | undefined {
  const [today, setToday] = useState<MapToday | undefined>(todayIfLoaded);
  const [drawn, setDrawn] = useState<ReadonlyMap<string, ViewShapes>>(() => new Map());
  useEffect(() => {
    let cancelled = false;
    if (!today) void loadToday().then((t) => { if (!cancelled) setToday(t); });
    return () => { cancelled = true; };
  }, [today]);
  const polities = useMemo(() => (today && states ? politiesAt(date, today.keys, states) : undefined), [today, states, date]);
  const era = polities ? eraKey(polities) : undefined;
  const other = era !== undefined && era !== today?.era && !drawn.has(era);
  useEffect(() => {
    if (!other || !polities || era === undefined) return undefined;
    let cancelled = false;
    void Promise.all([import('./map-shapes.js'), loadTopology()]).then(([{ shapesFor }, topology]) => {
      if (!cancelled) setDrawn((m) => new Map(m).set(era, shapesFor(topology, polities)));
    });
    return () => { cancelled = true; };
  }, [other, polities, era]);
  return useMemo(() => {
    if (!today || !polities || era === undefined) return undefined;
    const views = era === today.era ? today : drawn.get(era);
    return views ? { europe: views.europe, inset: views.inset, polities: new Map(polities.map((p) => [p.id, p])) } : undefined;
  }, [today, polities, era, drawn]);
}

/**
 * One colour per accession year, oldest first: Paul Tol's discrete rainbow for eleven classes
 * (https://personal.sron.nl/~pault/#fig:scheme_rainbow_discrete), an ordinal scheme built to stay
 * distinguishable under the common colour-vision deficiencies. Every pair keeps a CIEDE2000
 * difference of at least 7.5 in normal vision and under simulated protanopia, deuteranopia and
 * tritanopia, and from the land colour (tests/web/map-palette.test.ts checks it).
 */
export const ROUND_PALETTE = ['#882e72', '#1965b0', '#5289c7', '#7bafde', '#4eb265', '#90c987', '#f7f056', '#f4a736', '#e8601c', '#dc050c', '#72190e'] as const;

const hex = (c: string): number[] => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

export function roundColour(index: number, count: number): string {
  const n = ROUND_PALETTE.length;
  if (count <= n) return ROUND_PALETTE[count <= 1 ? 0 : Math.round((index * (n - 1)) / (count - 1))]!;
  // More rounds than colours: interpolate along the palette.
  const at = (index / (count - 1)) * (n - 1);
  const i = Math.min(n - 2, Math.floor(at));
  const from = hex(ROUND_PALETTE[i]!);
  const to = hex(ROUND_PALETTE[i + 1]!);
  const c = from.map((f, k) => Math.round(f + (to[k]! - f) * (at - i)));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export function EnlargementMap({ countries, known, rounds, title, description, at }: {
  countries: readonly MapCountry[];
  /** Every state the app knows, by ISO numeric id (for names of countries without a status). */
  known?: ReadonlyMap<string, { readonly iso3: string; readonly name: string }>;
  /** The distinct accession years, oldest first. */
  rounds: readonly number[];
  title: string;
  description: string;
  /** The date shown (YYYY-MM-DD): borders are drawn as they stood then. Default: today. */
  at?: string;
}) {
  const { t } = useI18n();
  const states = useStates();
  const date = at ?? today();
  const stateList = useMemo(() => (states ? [...states.values()] : undefined), [states]);
  const shapes = useShapes(date, stateList);
  const byNumeric = useMemo(() => new Map(countries.map((c) => [c.numeric, c])), [countries]);

  const renderShape = (shape: Shape, prefix: string) => {
    const c = byNumeric.get(shape.id) ?? byNumeric.get(TERRITORY_OF[shape.id] ?? '');
    const own = byNumeric.get(shape.id);
    const polity = shapes?.polities.get(shape.id);
    const nameKey = polity?.nameKey ?? historicalNameKey(shape.id, date);
    const info = known?.get(shape.id);
    const name = nameKey ? t(nameKey) : own?.name ?? info?.name;
    const year = own?.status.kind === 'ally' ? own.status.round : undefined;
    return (
      <path key={`${prefix}${shape.id}`} d={shape.d} fill={fill(c)} stroke="var(--map-border)" strokeWidth={c ? 0.9 : 0.5}
        data-numeric={shape.id} data-iso3={own?.iso3 ?? info?.iso3} data-status={c?.status.kind ?? 'none'} data-year={year} data-name={name}>
        {own ? <title>{`${name}${t('app.colon')}${own.status.kind === 'ally' ? t('home.legend_round', { year: own.status.round }) : own.status.kind === 'partner' ? t('home.status_partner') : t('home.status_candidate')}`}</title>
          : name ? <title>{name}</title> : null}
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
            <li key={year} data-year={year}><span className="swatch" style={{ background: roundColour(i, rounds.length) }} aria-hidden="true" />{year}</li>
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
