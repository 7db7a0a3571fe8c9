import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BODIES, BODY_NAMES, STATES, describeReadings, isFormerStateAt, normaliseStateCode, resolveStateCode, stateInfo, stateName } from './states.js';
import { FOUNDERS } from './testing/fixtures.js';

const ALLIES_2024 = ['ALB', 'BEL', 'BGR', 'CAN', 'HRV', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'ISL', 'ITA', 'LVA',
  'LTU', 'LUX', 'MNE', 'NLD', 'MKD', 'NOR', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE', 'TUR', 'GBR', 'USA'];

describe('Reference table of states', () => {
  test('holds the 32 Allies and the aspirants, with unique codes', () => {
    for (const code of [...ALLIES_2024, 'BIH', 'GEO', 'UKR']) assert.ok(STATES.some((s) => s.iso3 === code), code);
    for (const field of ['iso3', 'numeric'] as const) {
      assert.equal(new Set(STATES.map((s) => s[field])).size, STATES.length, field);
    }
    const current = STATES.filter((s) => !s.former);
    assert.equal(new Set(current.map((s) => s.iso2)).size, current.length, 'iso2 of existing states');
    for (const s of STATES) {
      assert.match(s.numeric, /^\d{3}$/);
      assert.ok(s.name.en && s.name.fr);
    }
    for (const code of FOUNDERS) assert.ok(ALLIES_2024.includes(code));
  });

  test('uses NATO names', () => {
    assert.equal(stateName('TUR'), 'Türkiye');
    assert.equal(stateName('CZE'), 'Czechia');
    assert.equal(stateName('MKD', 'fr'), 'Macédoine du Nord');
    assert.equal(stateName('USA', 'fr'), 'États-Unis');
  });

  test('normalises alpha-3, alpha-2, legacy digrams and aliases, any case', () => {
    const cases: [string, string | undefined][] = [
      ['deu', 'DEU'], ['DE', 'DEU'], ['GER', 'DEU'], ['GM', undefined], ['UK', 'GBR'], ['gb', 'GBR'], ['POR', 'PRT'], ['PO', 'PRT'],
      ['FYR', 'MKD'], ['TU', 'TUR'], ['EZ', 'CZE'], ['LO', 'SVK'], ['IC', 'ISL'], [' se ', 'SWE'], ['ROM', 'ROU'], ['EL', 'GRC'],
      ['SRB', 'SRB'], ['RUS', 'RUS'], ['ISR', 'ISR'], ['UR', 'SUN'], ['su', 'SUN'], ['XXX', undefined], ['', undefined],
    ];
    for (const [input, expected] of cases) assert.equal(normaliseStateCode(input), expected, input);
  });

  test('a two-letter code with two readings is refused, naming both (ISO alpha-2 and NATO/FIPS digram)', () => {
    const cases: [string, string, string][] = [['RS', 'SRB', 'RUS'], ['AU', 'AUS', 'AUT'], ['IS', 'ISL', 'ISR'], ['BA', 'BIH', 'BHR'], ['cs', 'CSK', 'SCG']];
    for (const [input, first, second] of cases) {
      const r = resolveStateCode(input);
      assert.equal(r.kind, 'ambiguous', input);
      if (r.kind !== 'ambiguous') continue;
      assert.deepEqual(r.readings.map((x) => x.iso3).sort(), [first, second].sort(), input);
      assert.equal(normaliseStateCode(input), undefined, input);
    }
    const rs = resolveStateCode('RS');
    assert.ok(rs.kind === 'ambiguous');
    assert.equal(describeReadings(rs.readings), 'SRB (ISO 3166-1 alpha-2), RUS (NATO/FIPS 10-4)');
    // A digram that is another state's ISO code, even one outside the table: GM is Germany's digram and the Gambia's ISO code.
    const gm = resolveStateCode('GM');
    assert.ok(gm.kind === 'ambiguous');
    assert.equal(describeReadings(gm.readings), 'Gambia (ISO 3166-1 alpha-2), DEU (NATO/FIPS 10-4)');
    // No code is read silently two ways: every two-letter code either resolves to one state or is ambiguous.
    for (const s of STATES) {
      for (const code of [s.iso2, s.digram].filter((c): c is string => c !== undefined)) {
        const r = resolveStateCode(code);
        if (r.kind === 'state') {
          const others = STATES.filter((o) => o.iso3 !== r.iso3 && (o.iso2 === code || o.digram === code));
          assert.equal(others.length, 0, `${code} also names ${others.map((o) => o.iso3).join(', ')}`);
        }
      }
    }
  });

  test('states that no longer exist have their own ISO 3166-3 entries, never their successors’ codes', () => {
    const sun = stateInfo('SUN')!;
    assert.equal(sun.name.en, 'Soviet Union');
    assert.equal(sun.former?.iso3166_3, 'SUHH');
    assert.ok(sun.former?.successors.includes('RUS'));
    for (const code of ['SUN', 'YUG', 'CSK', 'DDR', 'SCG']) {
      const s = stateInfo(code)!;
      assert.ok(s.former, code);
      assert.ok(s.name.fr, code);
      for (const successor of s.former!.successors) assert.ok(stateInfo(successor), `${code} → ${successor}`);
    }
    assert.equal(stateName('DDR', 'fr'), 'République démocratique allemande');
    assert.equal(isFormerStateAt('SUN', '1991-12-25'), false);
    assert.equal(isFormerStateAt('SUN', '1991-12-26'), true);
    assert.equal(isFormerStateAt('RUS', '2024-01-01'), false);
  });

  test('all Allies are in the treaty area; Art. 10 sees the aspirants as European', () => {
    for (const code of ALLIES_2024) assert.ok(STATES.find((s) => s.iso3 === code)?.inTreatyArea, code);
    for (const code of ['BIH', 'GEO', 'UKR']) assert.ok(STATES.find((s) => s.iso3 === code)?.european, code);
  });

  test('bodies have names in both languages', () => {
    for (const body of BODIES) assert.ok(BODY_NAMES[body].en && BODY_NAMES[body].fr);
  });
});
