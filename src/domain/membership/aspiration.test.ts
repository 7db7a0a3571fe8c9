import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { worldDecider, project } from '../world.js';
import type { WorldCommand, WorldState } from '../world.js';

const founding: WorldCommand[] = [
  { cmd: 'SignTreaty', at: '1949-04-04', by: 'PARTIES', data: { signatories: ['BEL', 'CAN', 'DNK', 'FRA', 'ISL', 'ITA', 'LUX', 'NLD', 'NOR', 'PRT', 'GBR', 'USA'] } },
  { cmd: 'TreatyEntersIntoForce', at: '1949-08-24', by: 'DEPOSITARY', data: { parties: ['BEL', 'CAN', 'DNK', 'FRA', 'ISL', 'ITA', 'LUX', 'NLD', 'NOR', 'PRT', 'GBR', 'USA'] } },
] as WorldCommand[];

function given(commands: readonly WorldCommand[]): WorldState {
  let state = worldDecider.initialState();
  for (const c of commands) {
    const d = worldDecider.decide(state, c);
    if (!d.ok) throw new Error(JSON.stringify(d.violations));
    for (const e of d.events) state = worldDecider.evolve(state, e);
  }
  return state;
}

describe('Art. 10 open door: aspirants', () => {
  test('the Council recognises aspirants, indexed as `aspirant` facts', () => {
    const state = given(founding);
    const d = worldDecider.decide(state, { cmd: 'RecognizeAspiration', at: '2008-04-03', by: 'NAC', data: { states: ['UKR', 'GEO'], occasion: 'Bucharest Summit' } } as WorldCommand);
    assert.ok(d.ok);
    const facts = project(state, d.events[0]!);
    assert.deepEqual(facts.map((f) => [f.kind, f.key]), [['aspirant', 'GEO'], ['aspirant', 'UKR']]);
  });

  test('an Ally is no aspirant', () => {
    const d = worldDecider.decide(given(founding), { cmd: 'RecognizeAspiration', at: '2008-04-03', by: 'NAC', data: { states: ['BEL'] } } as WorldCommand);
    assert.equal(d.ok, false);
    assert.equal(!d.ok && d.violations[0]!.code, 'accession.already_ally');
  });

  test('only the Council recognises aspirants', () => {
    const d = worldDecider.decide(given(founding), { cmd: 'RecognizeAspiration', at: '2008-04-03', by: 'USA', data: { states: ['GEO'] } } as WorldCommand);
    assert.equal(d.ok, false);
  });
});
