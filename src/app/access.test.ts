import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { accessFor, canRead, FULL_ACCESS, mayActFor, PUBLIC_ACCESS, type Account, type Role } from './access.js';

const account = (role: Role, extra: Partial<Account> = {}): Account => ({ id: role, username: role, role, clearance: 'NATO RESTRICTED', worlds: ['drill'], ...extra });
const drill = { name: 'drill', exercise: true };
const other = { name: 'other', exercise: true };
const record = { name: 'record', exercise: false };

describe('exercise roles', () => {
  test('evaluators and observers see everything in their scenarios, only what is public elsewhere', () => {
    for (const role of ['evaluator', 'observer'] as const) {
      assert.deepEqual(accessFor(account(role), drill), FULL_ACCESS);
      assert.deepEqual(accessFor(account(role), other), PUBLIC_ACCESS);
      assert.deepEqual(accessFor(account(role), record), PUBLIC_ACCESS);
    }
  });

  test('controllers, like directors, see everything in the scenarios they run', () => {
    assert.deepEqual(accessFor(account('controller'), drill), FULL_ACCESS);
    assert.ok(!canRead(accessFor(account('controller'), record), { classification: 'NATO SECRET', releasability: ['NATO'] }));
  });

  test('players read their scenario as a delegation would, up to their clearance; elsewhere as the public', () => {
    const access = accessFor(account('player'), drill);
    assert.ok(canRead(access, { classification: 'NATO RESTRICTED', releasability: ['NATO'] }));
    assert.ok(!canRead(access, { classification: 'NATO SECRET', releasability: ['NATO'] }));
    assert.ok(!canRead(access, { classification: 'NATO UNCLASSIFIED', releasability: ['XEX'] }), 'not what is for exercise control');
    assert.deepEqual(accessFor(account('player'), record), PUBLIC_ACCESS);
  });

  test('none of them acts directly for a party: players act through their scenario seat', () => {
    for (const role of ['controller', 'player', 'evaluator', 'observer'] as const) assert.equal(mayActFor(account(role, { party: 'HUN' }), 'HUN'), false, role);
  });
});
