import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BODIES, BODY_NAMES, STATES, normaliseStateCode, stateName } from './states.js';
import { FOUNDERS } from './testing/fixtures.js';

const ALLIES_2024 = ['ALB', 'BEL', 'BGR', 'CAN', 'HRV', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'ISL', 'ITA', 'LVA',
  'LTU', 'LUX', 'MNE', 'NLD', 'MKD', 'NOR', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE', 'TUR', 'GBR', 'USA'];

describe('Reference table of states', () => {
  test('holds the 32 Allies and the aspirants, with unique codes', () => {
    for (const code of [...ALLIES_2024, 'BIH', 'GEO', 'UKR']) assert.ok(STATES.some((s) => s.iso3 === code), code);
    for (const field of ['iso3', 'iso2', 'numeric'] as const) {
      assert.equal(new Set(STATES.map((s) => s[field])).size, STATES.length, field);
    }
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
      ['deu', 'DEU'], ['DE', 'DEU'], ['GER', 'DEU'], ['GM', 'DEU'], ['UK', 'GBR'], ['gb', 'GBR'], ['POR', 'PRT'], ['PO', 'PRT'],
      ['FYR', 'MKD'], ['TU', 'TUR'], ['EZ', 'CZE'], ['LO', 'SVK'], ['IC', 'ISL'], [' se ', 'SWE'], ['ROM', 'ROU'], ['EL', 'GRC'],
      ['RS', 'SRB'], ['IS', 'ISL'], ['XXX', undefined], ['', undefined],
    ];
    for (const [input, expected] of cases) assert.equal(normaliseStateCode(input), expected, input);
  });

  test('all Allies are in the treaty area; Art. 10 sees the aspirants as European', () => {
    for (const code of ALLIES_2024) assert.ok(STATES.find((s) => s.iso3 === code)?.inTreatyArea, code);
    for (const code of ['BIH', 'GEO', 'UKR']) assert.ok(STATES.find((s) => s.iso3 === code)?.european, code);
  });

  test('bodies have names in both languages', () => {
    for (const body of BODIES) assert.ok(BODY_NAMES[body].en && BODY_NAMES[body].fr);
  });
});
