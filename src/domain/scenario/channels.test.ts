import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { channelKey, draftMessage, EVERYONE, MESSAGE_MAX_CHARS } from './channels.js';
import { EXCON } from './types.js';

const SEATS = ['EST', 'FRA', 'HUN', 'IS', 'UKR'];

describe('channels: who may send what to whom, and how it is marked', () => {
  test('a bilateral message is releasable to its parties and exercise control, evaluators and observers', () => {
    const r = draftMessage({ from: 'HUN', to: ['EST'], text: '  paragraph 2?  ' }, SEATS);
    assert.ok(r.ok);
    assert.equal(r.message.channel, 'bilateral');
    assert.equal(r.message.text, 'paragraph 2?');
    assert.deepEqual(r.message.releasability, ['EST', 'HUN', 'XEV']);
  });

  test('to the chair, to everyone, from exercise control', () => {
    const chair = draftMessage({ from: 'EST', to: ['IS'], text: 'x' }, SEATS);
    assert.ok(chair.ok);
    assert.equal(chair.message.channel, 'chair');
    assert.deepEqual(chair.message.releasability, ['EST', 'XEV', 'XIS'], 'the chair’s seat has a three-letter token');
    const all = draftMessage({ from: 'IS', to: [EVERYONE], text: 'x' }, SEATS);
    assert.ok(all.ok);
    assert.equal(all.message.channel, 'all');
    assert.deepEqual(all.message.releasability, ['NATO']);
    const control = draftMessage({ from: EXCON, to: ['UKR', 'FRA', 'FRA'], text: 'x' }, SEATS);
    assert.ok(control.ok);
    assert.equal(control.message.channel, 'control');
    assert.deepEqual(control.message.to, ['FRA', 'UKR']);
    assert.deepEqual(control.message.releasability, ['FRA', 'UKR', 'XEV']);
  });

  test('every mistake is named with its field', () => {
    const r = draftMessage({ from: 'AUT', to: ['XYZ', 'AUT', EVERYONE], text: ' ' }, SEATS);
    assert.ok(!r.ok);
    assert.deepEqual(r.violations.map((v) => `${v.code}@${v.path}`), [
      'channel.text_empty@text', 'channel.seat_unknown@from', 'channel.everyone_alone@to', 'channel.seat_unknown@to[0]', 'channel.seat_unknown@to[1]',
    ]);
    const self = draftMessage({ from: 'HUN', to: ['HUN'], text: 'x' }, SEATS);
    assert.ok(!self.ok);
    assert.equal(self.violations[0]!.code, 'channel.to_self');
    const none = draftMessage({ from: 'HUN', to: [], text: 'x' }, SEATS);
    assert.ok(!none.ok && none.violations[0]!.code === 'channel.no_addressee');
    const long = draftMessage({ from: 'HUN', to: ['EST'], text: 'x'.repeat(MESSAGE_MAX_CHARS + 1) }, SEATS);
    assert.ok(!long.ok && long.violations[0]!.code === 'channel.text_long');
  });

  test('a conversation is keyed by its parties, whoever writes', () => {
    assert.equal(channelKey({ from: 'HUN', to: ['EST'] }), channelKey({ from: 'EST', to: ['HUN'] }));
    assert.equal(channelKey({ from: 'HUN', to: [EVERYONE] }), EVERYONE);
    assert.notEqual(channelKey({ from: EXCON, to: [EVERYONE] }), EVERYONE);
  });
});

describe('a scenario opens the channels it trains', () => {
  test('a closed channel is refused naming it; exercise control always writes', () => {
    const rules = { bilateral: true, chair: true, everyone: false };
    const all = draftMessage({ from: 'HUN', to: [EVERYONE], text: 'x' }, SEATS, rules);
    assert.ok(!all.ok);
    assert.deepEqual(all.violations.map((v) => [v.code, v.params.channel]), [['channel.closed', 'everyone']]);
    assert.ok(draftMessage({ from: 'HUN', to: ['EST'], text: 'x' }, SEATS, rules).ok);
    assert.ok(draftMessage({ from: EXCON, to: [EVERYONE], text: 'x' }, SEATS, { bilateral: false, chair: false, everyone: false }).ok);
    const chair = draftMessage({ from: 'HUN', to: ['IS'], text: 'x' }, SEATS, { ...rules, chair: false });
    assert.ok(!chair.ok && chair.violations[0]!.params.channel === 'chair');
  });
});
