/**
 * The map's derived data (scripts/map-atlas.ts): the committed atlas and today's shapes are what
 * the script makes now (rerun it when the states table, the map's history, its projections or
 * world-atlas change), and the trimmed atlas draws exactly what the whole world drew, in both
 * views, at dates across every set of borders.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { STATES } from '../../src/domain/states.js';
import { eraKey, politiesAt } from '../../src/web/components/map-history.js';
import { atlasKeys, shapesFor, type MapToday, type ViewShapes } from '../../src/web/components/map-shapes.js';
import { ATLAS_PATH, TODAY_PATH, todayShapes, trimAtlas, worldAtlas } from '../../scripts/map-atlas.js';

const committedAtlas = JSON.parse(readFileSync(ATLAS_PATH, 'utf8')) as Topology;
const committedToday = JSON.parse(readFileSync(TODAY_PATH, 'utf8')) as MapToday;
const world = worldAtlas();

test('the committed atlas and today’s shapes are what scripts/map-atlas.ts makes (rerun it if not)', () => {
  assert.deepEqual(JSON.parse(JSON.stringify(trimAtlas(world))), committedAtlas);
  assert.deepEqual(JSON.parse(JSON.stringify(todayShapes(committedAtlas))), committedToday);
});

const byId = (shapes: ViewShapes) => ({
  europe: new Map(shapes.europe.map((s) => [s.id, s.d])),
  inset: new Map(shapes.inset.map((s) => [s.id, s.d])),
});

test('the trimmed atlas draws what the whole world drew, in both views, at every set of borders', () => {
  for (const date of ['1949-04-04', '1956-06-01', '1966-12-31', '1991-01-01', '1992-06-01', '1995-01-01', '2007-06-01', '2024-03-07']) {
    const whole = byId(shapesFor(world, politiesAt(date, atlasKeys(world), STATES)));
    const trimmed = byId(shapesFor(committedAtlas, politiesAt(date, atlasKeys(committedAtlas), STATES)));
    for (const view of ['europe', 'inset'] as const) {
      assert.deepEqual([...trimmed[view].keys()].sort(), [...whole[view].keys()].sort(), `${date}, ${view}: the same polities drawn`);
      for (const [id, d] of whole[view]) assert.equal(trimmed[view].get(id), d, `${date}, ${view}: ${id} drawn the same`);
    }
  }
});

test('today’s shapes stand for every date since the last border change, and only those', () => {
  const at = (date: string) => eraKey(politiesAt(date, committedToday.keys, STATES));
  assert.equal(at('2008-02-17'), committedToday.era, 'from Kosovo’s declaration of independence');
  assert.equal(at('2024-03-07'), committedToday.era);
  assert.notEqual(at('2008-02-16'), committedToday.era, 'the day before, Kosovo is drawn with Serbia');
  assert.ok(committedToday.europe.some((s) => s.id === '752') && committedToday.inset.some((s) => s.id === '840'), 'Sweden in Europe, the United States in the inset');
});
