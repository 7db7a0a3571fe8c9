import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry } from '../ledger/entry.js';
import { isTreatyEventType, treatyModel } from './treaty-model.js';

const entry = (type: string, payload: Entry['payload'], actingFor = 'NAC'): Entry => ({
  v: 1, world: 'w', seq: 0, type, validTime: '1949-08-24', recordTime: '2026-01-01T00:00:00Z', actor: 'archive', actingFor,
  kid: '00000000', classification: 'PUBLIC', releasability: ['PUBLIC'], salt: 'AAAA', payload, sig: 'AAAA',
});

describe('the treaty model tolerates entries that are not treaty events', () => {
  test('a scenario entry leaves the state as it is and changes no index', () => {
    const state = treatyModel.initialState();
    const scenario = entry('InjectDelivered', { inject: 'INJ-1' }, 'EXCON');
    assert.equal(treatyModel.evolve(state, scenario), state);
    assert.deepEqual(treatyModel.project(state, scenario), []);
    assert.equal(isTreatyEventType('ScenarioDefined'), false);
  });

  test('treaty events are still folded and projected', () => {
    assert.equal(isTreatyEventType('TreatyEnteredIntoForce'), true);
    assert.equal(isTreatyEventType('ProposalTabled'), true);
    const signed = entry('TreatySigned', { signatories: ['BEL', 'CAN'] }, 'PARTIES');
    const after = treatyModel.evolve(treatyModel.initialState(), signed);
    assert.equal(after.membership.treaty.status, 'signed');
    assert.ok(treatyModel.project(treatyModel.initialState(), signed).length > 0);
  });
});
