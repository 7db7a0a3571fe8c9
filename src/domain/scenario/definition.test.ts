import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { changeDefinition, normaliseDefinition } from './definition.js';

const base = {
  scenario: 'demo', title: { en: 'Demo' }, asOf: '2024-06-01', duration: '48h',
  policies: { sceptic: { default: 'agree', delay: '2h', rules: [{ if: { tagged: ['x'], afterInjects: ['I-2'] }, then: 'object' }] } },
  seats: { default: { jitter: '1h' }, HUN: 'sceptic', TUR: { extends: 'sceptic', footnote: 'Reserved.' } },
  injects: [
    { id: 'I-2', at: 'T+5h', kind: 'media-report', title: { en: 'Second' } },
    { id: 'I-1', at: '2024-06-02T09:00:00Z', kind: 'incident', title: { en: 'First' } },
  ],
};

describe('normalising a scenario document', () => {
  test('durations in milliseconds, named and extended policies, injects in time order, default start', () => {
    const r = normaliseDefinition(base);
    assert.ok(r.ok);
    const d = r.definition;
    assert.equal(d.start, '2024-06-02T08:00:00Z');
    assert.equal(d.durationMs, 48 * 3_600_000);
    assert.deepEqual(d.injects.map((i) => [i.id, i.atMs]), [['I-1', 3_600_000], ['I-2', 5 * 3_600_000]]);
    assert.deepEqual(d.seats.HUN?.delay, { kind: 'fixed', value: 2 * 3_600_000 });
    assert.equal(d.seats.TUR?.footnote, 'Reserved.');
    assert.equal(d.seats.TUR?.rules[0]?.then, 'object');
    assert.equal(d.defaultPolicy.jitterMs, 3_600_000);
    assert.equal(d.seed, 'demo');
  });

  test('problems name the path of the field', () => {
    const r = normaliseDefinition({
      ...base,
      seats: { HUN: 'nobody', TUR: { rules: [{ if: { beforeInjects: ['I-9'] }, then: 'object' }] } },
      injects: [
        { id: 'I-1', at: 'soon', kind: 'incident', title: { en: 'x' } },
        { id: 'I-1', at: 'T+99h', kind: 'incident', title: { en: 'y' } },
        { id: 'I-3', at: 'T+1h', kind: 'proposal', title: { en: 'z' }, command: { cmd: 'TableProposal', by: 'SG', data: { proposal: 'P 1', title: { en: 'x' }, procedure: 'meeting' } } },
      ],
    });
    assert.ok(!r.ok);
    const found = r.problems.map((p) => [p.path.join('.'), p.code]);
    assert.deepEqual(found, [
      ['seats.HUN', 'scenario.policy_unknown'],
      ['injects.0.at', 'scenario.time_invalid'],
      ['injects.1.id', 'scenario.inject_duplicate'],
      ['injects.1.at', 'scenario.inject_outside'],
      ['injects.2.command.data.proposal', 'scenario.inject_command'],
      ['policies.sceptic.rules.0.if.afterInjects.0', 'scenario.inject_unknown'],
      ['seats.TUR.rules.0.if.beforeInjects.0', 'scenario.inject_unknown'],
    ]);
  });

  test('a what-if changes one seat’s policy or one inject', () => {
    const r = normaliseDefinition(base);
    assert.ok(r.ok);
    const changed = changeDefinition(r.definition, { seat: 'HUN', policy: r.definition.defaultPolicy });
    assert.equal(changed.seats.HUN, r.definition.defaultPolicy);
    const dropped = changeDefinition(r.definition, { inject: 'I-1', drop: true });
    assert.deepEqual(dropped.injects.map((i) => i.id), ['I-2']);
  });
});
