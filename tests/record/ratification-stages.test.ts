/**
 * The record's ratification stages, every Ally and every protocol: in the order of the procedure
 * (parliament, then the head of state's signature, then deposit, then entry into force) and each
 * required ratifier's deposit on or before the protocol's entry into force. The record is replayed
 * through the engine, as `evere init` does, and the resulting protocols are checked.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readRecordLines } from '../../src/app/record-loader.js';
import { parseCommand, worldDecider, type WorldState } from '../../src/domain/world.js';
import { RATIFICATION_STAGES, type Protocol } from '../../src/domain/membership/types.js';

const RECORD = join(new URL('../../data', import.meta.url).pathname, 'record');

function replay(): WorldState {
  let state = worldDecider.initialState();
  for (const l of readRecordLines(RECORD).lines) {
    const parsed = parseCommand(l.value);
    assert.ok(parsed.ok, `${l.file}:${l.line}`);
    const decision = worldDecider.decide(state, parsed.command);
    assert.ok(decision.ok, `${l.file}:${l.line}`);
    for (const event of decision.events) state = worldDecider.evolve(state, event);
  }
  return state;
}

const protocols: readonly Protocol[] = Object.values(replay().membership.protocols);

describe('ratification stages in the record', () => {
  test('every protocol from 1951 to 2022 is there and in force', () => {
    assert.equal(protocols.length, 10);
    for (const p of protocols) assert.equal(p.status, 'in_force', p.id);
  });

  test('each Ally’s stages follow the procedure: parliament, signature, deposit, in force', () => {
    for (const p of protocols) {
      for (const r of Object.values(p.ratifications)) {
        const ranks = r.stages.map((s) => RATIFICATION_STAGES.indexOf(s.stage));
        assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `${p.id} ${r.ally}: stages out of order`);
        assert.equal(new Set(ranks).size, ranks.length, `${p.id} ${r.ally}: a stage repeated`);
        for (let i = 1; i < r.stages.length; i++) {
          const [before, after] = [r.stages[i - 1]!, r.stages[i]!];
          // An exactly dated stage is never after the next one (a bound only says "on or before").
          if (before.dateIs !== 'on_or_before') assert.ok(before.at <= after.at, `${p.id} ${r.ally}: ${before.stage} ${before.at} after ${after.stage} ${after.at}`);
        }
        if (p.status === 'in_force') {
          for (const s of r.stages) assert.ok(s.at <= p.enteredIntoForceAt, `${p.id} ${r.ally}: ${s.stage} ${s.at} after entry into force ${p.enteredIntoForceAt}`);
        }
      }
    }
  });

  test('every required ratifier deposited, on or before the entry into force', () => {
    for (const p of protocols) {
      if (p.status !== 'in_force') continue;
      for (const ally of p.requiredRatifiers) {
        const deposit = p.ratifications[ally]?.stages.find((s) => s.stage === 'instrument_deposited');
        assert.ok(deposit, `${p.id} ${ally}: no deposit`);
        assert.ok(deposit.at <= p.enteredIntoForceAt, `${p.id} ${ally}`);
      }
      for (const [invitee, at] of Object.entries(p.deposits)) assert.ok(at >= p.enteredIntoForceAt, `${p.id} ${invitee}: acceded before entry into force`);
    }
  });

  test('a vote, where recorded, is on a parliamentary approval and counts people', () => {
    for (const p of protocols) {
      for (const r of Object.values(p.ratifications)) {
        for (const s of r.stages) {
          if (!s.vote) continue;
          assert.equal(s.stage, 'parliament_approved', `${p.id} ${r.ally}`);
          for (const n of [s.vote.for, s.vote.against, s.vote.abstain]) assert.ok(Number.isInteger(n) && n >= 0, `${p.id} ${r.ally}`);
          assert.ok(s.vote.for > s.vote.against, `${p.id} ${r.ally}: an approval carried by its vote`);
        }
      }
    }
  });
});
