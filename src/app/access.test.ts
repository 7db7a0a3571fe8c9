import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessFor, canRead, mayActFor, mayEnter, NO_ACCESS, PUBLIC_ACCESS, type Account, type Role } from './access.js';

const account = (role: Role, extra: Partial<Account> = {}): Account => ({ id: role, username: role, role, clearance: 'NATO RESTRICTED', worlds: ['drill'], ...extra });
const drill = { name: 'drill', exercise: true };
const other = { name: 'other', exercise: true };
const record = { name: 'record', exercise: false };
const marking = (classification: 'PUBLIC' | 'NATO UNCLASSIFIED' | 'NATO RESTRICTED' | 'NATO SECRET', ...releasability: string[]) => ({ classification, releasability });

describe('exercise roles', () => {
  test('evaluators and observers read their scenarios up to their clearance, never exercise control’s XEX; only what is public elsewhere', () => {
    for (const role of ['evaluator', 'observer'] as const) {
      const access = accessFor(account(role), drill);
      assert.ok(canRead(access, marking('NATO RESTRICTED', 'NATO')));
      assert.ok(canRead(access, marking('NATO RESTRICTED', 'UKR')));
      assert.ok(!canRead(access, marking('NATO SECRET', 'NATO')), 'clearance applies inside scenarios');
      assert.ok(!canRead(access, marking('NATO UNCLASSIFIED', 'XEX')), 'the scenario definition is for exercise control');
      assert.deepEqual(accessFor(account(role), other), NO_ACCESS);
      assert.deepEqual(accessFor(account(role), record), PUBLIC_ACCESS);
    }
  });

  test('controllers, like directors, read everything in the scenarios they run, up to their clearance', () => {
    for (const role of ['director', 'controller'] as const) {
      const access = accessFor(account(role), drill);
      assert.ok(canRead(access, marking('NATO UNCLASSIFIED', 'XEX')));
      assert.ok(!canRead(access, marking('NATO SECRET', 'XEX')));
      assert.deepEqual(accessFor(account(role), other), NO_ACCESS);
    }
    assert.ok(!canRead(accessFor(account('controller'), record), marking('NATO SECRET', 'NATO')));
  });

  test('players read their scenario as a delegation would, up to their clearance; elsewhere as the public', () => {
    const access = accessFor(account('player'), drill);
    assert.ok(canRead(access, marking('NATO RESTRICTED', 'NATO')));
    assert.ok(!canRead(access, marking('NATO SECRET', 'NATO')));
    assert.ok(!canRead(access, marking('NATO UNCLASSIFIED', 'XEX')), 'not what is for exercise control');
    assert.deepEqual(accessFor(account('player'), record), PUBLIC_ACCESS);
  });

  test('scenarios are closed worlds: outsiders, delegations, staff, administrators and the public read nothing there', () => {
    for (const reader of [undefined, account('delegation', { party: 'BEL', clearance: 'COSMIC TOP SECRET', worlds: [] }), account('staff', { worlds: [] }), account('admin'), account('player', { worlds: [] })]) {
      assert.deepEqual(accessFor(reader, drill), NO_ACCESS);
      assert.equal(mayEnter(reader, drill), false);
      assert.equal(mayEnter(reader, record), true);
    }
    assert.equal(mayEnter(account('observer'), drill), true);
  });

  test('a delegation admitted to an exercise world reads it as it reads the record, never exercise control’s material', () => {
    const access = accessFor(account('delegation', { party: 'BEL' }), drill);
    assert.ok(canRead(access, marking('NATO RESTRICTED', 'UKR')));
    assert.ok(!canRead(access, marking('NATO SECRET', 'NATO')));
    assert.ok(!canRead(access, marking('NATO UNCLASSIFIED', 'XEX')));
  });

  test('reads of classified material by an account are marked for the audit trail', () => {
    assert.equal(accessFor(account('delegation', { party: 'BEL' }), record).auditAs, 'delegation');
    assert.equal(accessFor(account('delegation', { party: 'BEL', clearance: 'NATO UNCLASSIFIED' }), record).auditAs, undefined);
    assert.equal(accessFor(undefined, record).auditAs, undefined);
  });

  test('none of them acts directly for a party: players act through their scenario seat', () => {
    for (const role of ['controller', 'player', 'evaluator', 'observer'] as const) assert.equal(mayActFor(account(role, { party: 'HUN' }), 'HUN'), false, role);
  });
});
