import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { fourteenEvents } from '../testing/fixtures.js';
import { proposalStatusAt, replay } from '../world.js';

const P = 'DPC-TUR-2003';
const underSilence = () =>
  eventsOf(
    [
      command('TableProposal', '2003-02-06T12:00:00Z', 'SG', {
        proposal: P,
        title: { en: 'Defensive measures for Türkiye' },
        procedure: 'silence',
        deadline: '2003-02-10T09:00:00Z',
      }),
    ],
    fourteenEvents(),
  );
const brk = (ally: string, at = '2003-02-10T08:00:00Z') => command('BreakSilence', at, ally, { proposal: P, reason: 'premature' });
const close = (at = '2003-02-10T09:00:00Z') => command('CloseSilence', at, 'SG', { proposal: P });

describe('Silence procedure — adopted if no Ally breaks silence by the deadline', () => {
  test('a silence procedure needs a deadline after tabling', () => {
    given(fourteenEvents())
      .when(command('TableProposal', '2003-02-06', 'SG', { proposal: P, title: { en: 'x' }, procedure: 'silence' }))
      .thenRejects('council.deadline_missing');
    given(fourteenEvents())
      .when(command('TableProposal', '2003-02-06', 'SG', { proposal: P, title: { en: 'x' }, procedure: 'silence', deadline: '2003-02-06' }))
      .thenRejects('council.deadline_not_after');
  });

  test('unbroken silence is adopted when closed at the deadline', () => {
    given(underSilence())
      .when(close())
      .then([{ type: 'ProposalAdopted', at: '2003-02-10T09:00:00Z', by: 'SG', data: { proposal: P, procedure: 'silence' } }]);
  });

  test('silence cannot be closed before its deadline', () => {
    given(underSilence()).when(close('2003-02-10T08:59:59Z')).thenRejects('council.deadline_not_reached');
  });

  test('one break stops adoption under silence', () => {
    given(eventsOf([brk('FRA')], underSilence())).when(close()).thenRejects('council.silence_broken', { breakers: ['FRA'] });
  });

  test('several Allies may break the same silence, each once', () => {
    const events = eventsOf([brk('FRA'), brk('BEL')], underSilence());
    given(events).when(close()).thenRejects('council.silence_broken', { breakers: ['FRA', 'BEL'] });
    given(events).when(brk('FRA', '2003-02-10T08:30:00Z')).thenRejects('council.already_broken');
  });

  test('a break after the deadline does not count and is refused', () => {
    given(underSilence()).when(brk('FRA', '2003-02-10T09:00:01Z')).thenRejects('council.deadline_passed');
  });

  test('a break at the deadline itself is in time', () => {
    given(underSilence()).when(brk('FRA', '2003-02-10T09:00:00Z')).thenAccepts();
  });

  test('silence can be broken only while a proposal is under silence', () => {
    const meeting = eventsOf(
      [command('TableProposal', '2003-02-06', 'SG', { proposal: 'M', title: { en: 'x' }, procedure: 'meeting' })],
      fourteenEvents(),
    );
    given(meeting).when(command('BreakSilence', '2003-02-07', 'FRA', { proposal: 'M' })).thenRejects('council.not_under_silence');
  });

  test('a state that is not an Ally cannot break silence', () => {
    given(underSilence()).when(brk('DEU')).thenRejects('actor.not_ally');
  });

  test('under silence the Council does not adopt at a meeting, nor is the text revised or re-issued', () => {
    given(underSilence()).when(command('AdoptProposal', '2003-02-07', 'NAC', { proposal: P })).thenRejects('council.under_silence');
    given(underSilence()).when(command('ReviseProposal', '2003-02-07', 'SG', { proposal: P })).thenRejects('council.under_silence');
    given(underSilence())
      .when(command('PlaceUnderSilence', '2003-02-07', 'SG', { proposal: P, deadline: '2003-02-12' }))
      .thenRejects('council.under_silence');
  });

  test('after a break the text is revised and put under silence again', () => {
    const events = eventsOf(
      [
        brk('FRA'),
        command('ReviseProposal', '2003-02-11', 'SG', { proposal: P }),
        command('PlaceUnderSilence', '2003-02-11', 'SG', { proposal: P, deadline: '2003-02-16T09:00:00Z' }),
      ],
      underSilence(),
    );
    given(events).when(close('2003-02-16T09:00:00Z')).thenAccepts();
    const state = replay(events);
    assert.equal(proposalStatusAt(state, P, '2003-02-10T08:30:00Z'), 'silence_broken');
    assert.equal(proposalStatusAt(state, P, '2003-02-12'), 'under_silence');
    assert.equal(state.council.proposals[P]?.silenceRounds.length, 2);
  });

  test('a new deadline must follow the act that sets it', () => {
    given(eventsOf([brk('FRA')], underSilence()))
      .when(command('PlaceUnderSilence', '2003-02-11', 'SG', { proposal: P, deadline: '2003-02-11' }))
      .thenRejects('council.deadline_not_after');
  });

  test('after a break the matter goes to a meeting: blocked while a breaker objects, adopted once all lift', () => {
    const broken = eventsOf([brk('FRA'), brk('BEL')], underSilence());
    given(broken).when(command('AdoptProposal', '2003-02-16', 'NAC', { proposal: P })).thenRejects('council.no_consensus', { objectors: ['BEL', 'FRA'] });
    const lifted = eventsOf(
      [command('LiftObjection', '2003-02-15', 'FRA', { proposal: P }), command('LiftObjection', '2003-02-15', 'BEL', { proposal: P })],
      broken,
    );
    given(lifted).when(command('AdoptProposal', '2003-02-16', 'NAC', { proposal: P })).thenAccepts();
  });

  test('an objection raised under silence also prevents closing it', () => {
    given(eventsOf([command('ObjectToProposal', '2003-02-07', 'FRA', { proposal: P })], underSilence()))
      .when(close())
      .thenRejects('council.no_consensus', { objectors: ['FRA'] });
  });
});
