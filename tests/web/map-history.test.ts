/**
 * The enlargement map's history and palette, without a browser: which polities stand at a date
 * (from the states table and the derived divided-Germany data), their areas against published
 * figures, and the accession-year palette's colour differences, in normal vision and under
 * simulated colour-vision deficiencies.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { geoArea } from 'd3-geo';
import type { Topology } from 'topojson-specification';
import { STATES } from '../../src/domain/states.js';
import { featureKey, politiesAt, type Polity } from '../../src/web/components/map-history.js';
import { polityFeatures } from '../../src/web/components/map-shapes.js';
import { ROUND_PALETTE, roundColour } from '../../src/web/components/enlargement-map.js';

const require = createRequire(import.meta.url);
const topology = require('world-atlas/countries-110m.json') as Topology;
const keys = (topology.objects.countries as unknown as { geometries: { id?: string; properties: { name: string } }[] }).geometries.map(featureKey);
const byId = (ps: readonly Polity[]) => new Map(ps.map((p) => [p.id, p]));
/** Square kilometres on the authalic sphere. */
const km2 = (steradians: number) => steradians * 6371.0072 ** 2;

test('1966: the Federal Republic and the GDR apart, Berlin on its own, the Soviet Union, Yugoslavia and Czechoslovakia whole', () => {
  const p = byId(politiesAt('1966-12-31', keys, STATES));
  assert.equal(p.get('276')?.part, 'frg-1957', 'the Federal Republic with the Saar');
  assert.equal(p.get('276')?.nameKey, 'map.frg');
  assert.equal(p.get('278')?.part, 'gdr');
  assert.ok(p.has('berlin'));
  assert.ok(!p.has('saar'), 'the Saar joined the Federal Republic on 1 January 1957');
  assert.deepEqual([...p.get('810')!.members].sort(), ['031', '051', '112', '233', '268', '398', '417', '428', '440', '498', '643', '762', '795', '804', '860']);
  assert.deepEqual([...p.get('890')!.members].sort(), ['070', '191', '499', '688', '705', '807', 'name:Kosovo']);
  assert.deepEqual([...p.get('200')!.members].sort(), ['203', '703']);
  for (const gone of ['643', '804', '233', '688', '203', '705']) assert.ok(!p.has(gone), `${gone} is not drawn on its own in 1966`);
});

test('the dates the borders change on', () => {
  const at = (d: string) => byId(politiesAt(d, keys, STATES));
  assert.equal(at('1956-12-31').get('276')?.part, 'frg-1949');
  assert.ok(at('1956-12-31').has('saar'));
  assert.equal(at('1949-05-01').get('276')?.nameKey, 'map.western_zones');
  assert.equal(at('1949-06-01').get('278')?.nameKey, 'map.soviet_zone');
  assert.equal(at('1949-10-07').get('278')?.nameKey, undefined);
  assert.equal(at('1990-10-02').get('278')?.part, 'gdr');
  const united = at('1990-10-03');
  assert.equal(united.get('276')?.part, undefined, 'one Germany from 3 October 1990');
  assert.deepEqual(united.get('276')?.members, ['276']);
  assert.ok(!united.has('278') && !united.has('berlin'));
  assert.ok(at('1991-12-25').has('810'));
  assert.ok(!at('1991-12-26').has('810') && at('1991-12-26').has('643'));
  // After the SFRY: Serbia and Montenegro (891) with Kosovo, then Serbia with Kosovo, then apart.
  assert.deepEqual([...at('1992-04-27').get('891')!.members].sort(), ['499', '688', 'name:Kosovo']);
  assert.ok(at('1992-04-27').has('705'), 'Slovenia on its own');
  assert.deepEqual([...at('2007-01-01').get('688')!.members].sort(), ['688', 'name:Kosovo']);
  assert.ok(at('2008-02-17').has('name:Kosovo'));
  assert.ok(at('1992-12-31').has('200') && !at('1993-01-01').has('200'));
});

test('every feature is drawn exactly once at any date, and the parts of divided Germany add up to today’s outline', () => {
  for (const d of ['1949-04-04', '1956-06-01', '1966-12-31', '1991-01-01', '1995-01-01', '2024-03-07']) {
    const ps = politiesAt(d, keys, STATES);
    const members = ps.flatMap((p) => p.members);
    assert.equal(new Set(members).size, members.length, `${d}: no feature twice`);
  }
  const areaOf = (d: string, id: string) => km2(geoArea(polityFeatures(topology, politiesAt(d, keys, STATES)).find((f) => f.properties.id === id)!));
  const germany = areaOf('2000-01-01', '276');
  const frg = areaOf('1966-12-31', '276');
  const gdr = areaOf('1966-12-31', '278');
  const berlin = areaOf('1966-12-31', 'berlin');
  // Published areas: Federal Republic 248,577 km² (without West Berlin), GDR 108,333 km² with
  // East Berlin, Berlin 892 km²; the 1:110m outline is coarse, so within 5 %.
  assert.ok(Math.abs(frg + gdr + berlin - germany) / germany < 0.005, `parts ${frg + gdr + berlin} vs whole ${germany}`);
  assert.ok(Math.abs(frg - 248_577) / 248_577 < 0.05, `FRG ${frg}`);
  assert.ok(Math.abs(gdr + berlin - 108_333 - 480) / 108_813 < 0.06, `GDR ${gdr}`);
  assert.ok(berlin > 600 && berlin < 1200, `Berlin ${berlin}`);
  const saar = areaOf('1956-06-01', 'saar');
  assert.ok(Math.abs(saar - 2_570) / 2_570 < 0.1, `Saar ${saar}`);
  // A merged state is one shape whose area is the sum of its members'.
  const ussr = areaOf('1966-12-31', '810');
  const parts = ['643', '804', '112', '398'].reduce((n, id) => n + areaOf('2000-01-01', id), 0);
  assert.ok(ussr > parts, 'the Soviet Union is larger than four of its successors');
});

// ---- colour science: sRGB → CIELAB, CIEDE2000, and Machado et al. (2009) CVD simulation ----
const lin = (c: number) => { const v = c / 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
const rgb = (hex: string) => [1, 3, 5].map((i) => lin(parseInt(hex.slice(i, i + 2), 16)));
function lab([r, g, b]: number[]): [number, number, number] {
  const c = (v: number) => Math.min(1, Math.max(0, v));
  const [R, G, B] = [c(r!), c(g!), c(b!)];
  const X = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047;
  const Y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
  const Z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}
function ciede2000([L1, a1, b1]: number[], [L2, a2, b2]: number[]): number {
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1!, b1!); const C2 = Math.hypot(a2!, b2!); const Cb = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cb ** 7 / (Cb ** 7 + 25 ** 7)));
  const a1p = a1! * (1 + G); const a2p = a2! * (1 + G);
  const C1p = Math.hypot(a1p, b1!); const C2p = Math.hypot(a2p, b2!);
  const hue = (b: number, a: number) => { const x = Math.atan2(b, a) / rad; return x < 0 ? x + 360 : x; };
  const h1 = hue(b1!, a1p); const h2 = hue(b2!, a2p);
  let dh = h2 - h1;
  if (C1p * C2p === 0) dh = 0; else if (dh > 180) dh -= 360; else if (dh < -180) dh += 360;
  const dL = L2! - L1!; const dC = C2p - C1p; const dH = 2 * Math.sqrt(C1p * C2p) * Math.sin((dh / 2) * rad);
  const Lb = (L1! + L2!) / 2; const Cbp = (C1p + C2p) / 2;
  let hb = h1 + h2;
  if (C1p * C2p !== 0) hb = Math.abs(h1 - h2) > 180 ? (h1 + h2 + 360) / 2 : (h1 + h2) / 2;
  const T = 1 - 0.17 * Math.cos((hb - 30) * rad) + 0.24 * Math.cos(2 * hb * rad) + 0.32 * Math.cos((3 * hb + 6) * rad) - 0.2 * Math.cos((4 * hb - 63) * rad);
  const SL = 1 + (0.015 * (Lb - 50) ** 2) / Math.sqrt(20 + (Lb - 50) ** 2); const SC = 1 + 0.045 * Cbp; const SH = 1 + 0.015 * Cbp * T;
  const RT = -2 * Math.sqrt(Cbp ** 7 / (Cbp ** 7 + 25 ** 7)) * Math.sin(2 * 30 * Math.exp(-(((hb - 275) / 25) ** 2)) * rad);
  return Math.sqrt((dL / SL) ** 2 + (dC / SC) ** 2 + (dH / SH) ** 2 + RT * (dC / SC) * (dH / SH));
}
/** Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB. */
const VISION: Record<string, number[][]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
};
const seen = (hex: string, m: number[][]) => { const c = rgb(hex); return lab(m.map((row) => row[0]! * c[0]! + row[1]! * c[1]! + row[2]! * c[2]!)); };
const LAND = '#dde3ea';

test('the eleven accession years (1949 … 2024) each get their own colour, told apart in normal vision and under protanopia, deuteranopia and tritanopia', () => {
  const years = [1949, 1952, 1955, 1982, 1999, 2004, 2009, 2017, 2020, 2023, 2024];
  const colours = years.map((_, i) => roundColour(i, years.length));
  assert.equal(new Set(colours).size, years.length);
  assert.deepEqual(colours, [...ROUND_PALETTE]);
  for (const [vision, m] of Object.entries(VISION)) {
    for (let i = 0; i < colours.length; i++) {
      assert.ok(ciede2000(seen(colours[i]!, m), seen(LAND, m)) >= 7.5, `${vision}: ${years[i]} against the land colour`);
      for (let j = i + 1; j < colours.length; j++) {
        const d = ciede2000(seen(colours[i]!, m), seen(colours[j]!, m));
        assert.ok(d >= 7.5, `${vision}: ${years[i]} and ${years[j]} differ by ΔE00 ${d.toFixed(1)}`);
      }
    }
  }
  // The former ramp (YlGnBu, interpolated) fails the same check: 1949 and 1952 were near-identical.
  const old = ['#081d58', '#192b7c'];
  assert.ok(ciede2000(seen(old[0]!, VISION.normal!), seen(old[1]!, VISION.normal!)) < 7.5);
});
