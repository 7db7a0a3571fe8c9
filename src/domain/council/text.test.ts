import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { foundingEvents } from '../testing/fixtures.js';
import { replay } from '../world.js';
import { applyAmendments, bracket, bracketedParagraphs, diffParagraphs } from './text.js';

const P = 'PO(2024)0007';
const TEXT = [
  'We, the Allies, met today in the North Atlantic Council.',
  'We [condemn][express concern about] the attack on the energy grid.',
  'We will remain in close consultation.',
];
const table = (procedure: 'meeting' | 'silence' = 'meeting', paragraphs = TEXT, by = 'SG') =>
  command('TableProposal', '2024-01-10', by, {
    proposal: P,
    title: { en: 'Statement' },
    procedure,
    ...(procedure === 'silence' ? { deadline: '2024-01-12' } : {}),
    paragraphs,
  });
const amend = (by: string, data: Record<string, unknown>, at = '2024-01-10T12:00:00Z') =>
  command('ProposeAmendment', at, by, { proposal: P, ...data } as never);
const acceptAll = (amendments: string[], by = 'SG', at = '2024-01-11') => command('AcceptAmendments', at, by, { proposal: P, amendments });
const adopt = (at = '2024-01-12') => command('AdoptProposal', at, 'NAC', { proposal: P });
const cleanP2 = amend('FRA', { paragraph: 2, op: 'replace', text: 'We condemn the attack on the energy grid.' });

describe('Texts — numbered paragraphs with square brackets', () => {
  test('a proposal is tabled with its paragraphs; the tabled text is revision 0', () => {
    const state = replay(eventsOf([table()], foundingEvents()));
    const p = state.council.proposals[P]!;
    assert.deepEqual(p.paragraphs, TEXT);
    assert.deepEqual(p.revisions.map((r) => [r.revision, r.paragraphs.length]), [[0, 3]]);
  });

  test('a text with brackets left is not adopted, even with no objection', () => {
    given(eventsOf([table()], foundingEvents())).when(adopt()).thenRejects('council.open_brackets', { paragraphs: ['2'] });
  });

  test('once the brackets are resolved by an accepted amendment, the Council adopts', () => {
    const events = eventsOf([table(), cleanP2, acceptAll(['A1'])], foundingEvents());
    given(events).when(adopt()).thenAccepts();
  });

  test('an Ally that objects still blocks a clean text', () => {
    const events = eventsOf([table(), cleanP2, acceptAll(['A1']), command('ObjectToProposal', '2024-01-11T10:00:00Z', 'LUX', { proposal: P, paragraph: 3 })], foundingEvents());
    given(events).when(adopt()).thenRejects('council.no_consensus', { objectors: ['LUX'] });
  });

  test('a text with brackets cannot go under silence', () => {
    given(foundingEvents()).when(table('silence')).thenRejects('council.open_brackets');
    given(eventsOf([table()], foundingEvents()))
      .when(command('PlaceUnderSilence', '2024-01-11', 'SG', { proposal: P, deadline: '2024-01-12' }))
      .thenRejects('council.open_brackets', { paragraphs: ['2'] });
  });

  test('a proposal tabled by title only has no brackets and is adopted as before', () => {
    given(eventsOf([command('TableProposal', '2024-01-10', 'SG', { proposal: P, title: { en: 'x' }, procedure: 'meeting' })], foundingEvents()))
      .when(adopt())
      .thenAccepts();
  });
});

describe('Texts — amendments to a paragraph', () => {
  const tabled = () => eventsOf([table()], foundingEvents());

  test('replace, insert, delete and bracket are proposed as pending amendments, numbered in order', () => {
    given(tabled())
      .when(amend('NLD', { paragraph: 4, op: 'insert', text: 'We stand with Estonia.' }))
      .then([
        {
          type: 'AmendmentProposed',
          at: '2024-01-10T12:00:00Z',
          by: 'NLD',
          data: { proposal: P, amendment: 'A1', revision: 0, paragraph: 4, op: 'insert', text: 'We stand with Estonia.' },
        },
      ]);
    const events = eventsOf([cleanP2, amend('ITA', { paragraph: 3, op: 'bracket', text: 'close' }), amend('NOR', { paragraph: 1, op: 'delete' })], tabled());
    assert.deepEqual(replay(events).council.proposals[P]!.amendments.map((a) => [a.id, a.op, a.status]), [
      ['A1', 'replace', 'pending'],
      ['A2', 'bracket', 'pending'],
      ['A3', 'delete', 'pending'],
    ]);
  });

  test('an amendment names a paragraph that exists (insert may append)', () => {
    given(tabled()).when(amend('NLD', { paragraph: 4, op: 'replace', text: 'x' })).thenRejects('council.paragraph_unknown', { paragraph: 4, count: 3 });
    given(tabled()).when(amend('NLD', { paragraph: 5, op: 'insert', text: 'x' })).thenRejects('council.paragraph_unknown');
    given(tabled()).when(amend('NLD', { paragraph: 4, op: 'insert', text: 'x' })).thenAccepts();
  });

  test('wording is required to replace or insert, refused to delete; a bracketed span must be in the paragraph', () => {
    given(tabled()).when(amend('NLD', { paragraph: 1, op: 'replace' })).thenRejects('council.amendment_text_missing');
    given(tabled()).when(amend('NLD', { paragraph: 1, op: 'delete', text: 'x' })).thenRejects('council.amendment_text_unexpected');
    given(tabled()).when(amend('NLD', { paragraph: 3, op: 'bracket', text: 'not there' })).thenRejects('council.span_not_found');
  });

  test('only Allies and the Secretary General propose amendments', () => {
    given(tabled()).when(amend('SWE', { paragraph: 1, op: 'delete' })).thenRejects('actor.not_ally');
    given(tabled()).when(amend('SG', { paragraph: 1, op: 'delete' })).thenAccepts();
  });

  test('the chair accepts amendments into a new revision, with the text they make', () => {
    const events = eventsOf(
      [cleanP2, amend('NLD', { paragraph: 4, op: 'insert', text: 'We stand with Estonia.' }), amend('NOR', { paragraph: 1, op: 'delete' })],
      tabled(),
    );
    given(events)
      .when(acceptAll(['A1', 'A2', 'A3']))
      .then([
        {
          type: 'AmendmentsAccepted',
          at: '2024-01-11',
          by: 'SG',
          data: {
            proposal: P,
            amendments: ['A1', 'A2', 'A3'],
            revision: 1,
            paragraphs: ['We condemn the attack on the energy grid.', 'We will remain in close consultation.', 'We stand with Estonia.'],
          },
        },
      ]);
  });

  test('the Ally that tabled the text may accept amendments; another Ally may not', () => {
    const byBel = eventsOf([table('meeting', TEXT, 'BEL'), cleanP2], foundingEvents());
    given(byBel).when(acceptAll(['A1'], 'BEL')).thenAccepts();
    given(byBel).when(acceptAll(['A1'], 'FRA')).thenRejects('council.not_chair_or_proposer', { tabledBy: 'BEL' });
  });

  test('two amendments that change one paragraph are not accepted together', () => {
    const events = eventsOf([cleanP2, amend('ITA', { paragraph: 2, op: 'delete' })], tabled());
    given(events).when(acceptAll(['A1', 'A2'])).thenRejects('council.amendments_conflict', { paragraph: 2, amendments: ['A1', 'A2'] });
  });

  test('amendments only on the current revision: a stated older revision is refused and old pending ones lapse', () => {
    const events = eventsOf([cleanP2, amend('ITA', { paragraph: 3, op: 'delete' }), acceptAll(['A1'])], tabled());
    given(events).when(amend('NLD', { paragraph: 1, op: 'delete', revision: 0 })).thenRejects('council.old_revision', { revision: 0, current: 1 });
    given(events).when(amend('NLD', { paragraph: 1, op: 'delete', revision: 1 })).thenAccepts();
    given(events).when(acceptAll(['A2'], 'SG', '2024-01-11T06:00:00Z')).thenRejects('council.amendment_not_pending', { status: 'lapsed', revision: 0 });
    given(events).when(acceptAll(['A1'], 'SG', '2024-01-11T06:00:00Z')).thenRejects('council.amendment_not_pending', { status: 'accepted' });
    given(events).when(acceptAll(['A9'], 'SG', '2024-01-11T06:00:00Z')).thenRejects('council.amendment_unknown');
  });

  test('a new revision resets positions and records its history with the amendments it took', () => {
    const events = eventsOf(
      [command('AgreeProposal', '2024-01-10T10:00:00Z', 'BEL', { proposal: P }), cleanP2, acceptAll(['A1'])],
      tabled(),
    );
    const p = replay(events).council.proposals[P]!;
    assert.deepEqual(p.positions, {});
    assert.equal(p.revision, 1);
    assert.deepEqual(p.revisions.map((r) => [r.revision, r.amendments]), [[0, []], [1, ['A1']]]);
    assert.deepEqual(bracketedParagraphs(p.paragraphs), []);
  });

  test('an agreement given on an old revision is refused', () => {
    const events = eventsOf([cleanP2, acceptAll(['A1'])], tabled());
    given(events).when(command('AgreeProposal', '2024-01-11T10:00:00Z', 'BEL', { proposal: P, revision: 0 })).thenRejects('council.old_revision');
  });
});

describe('Texts — silence runs on a revision; breaks and objections name a paragraph', () => {
  const CLEAN = ['We condemn the attack.', 'We will remain in close consultation.'];
  const underSilence = () => eventsOf([table('silence', CLEAN)], foundingEvents());

  test('the silence round records the revision it runs on', () => {
    assert.equal(replay(underSilence()).council.proposals[P]!.silenceRounds[0]!.revision, 0);
  });

  test('breaking silence on an old revision is refused', () => {
    const events = eventsOf(
      [
        command('BreakSilence', '2024-01-11', 'PRT', { proposal: P, paragraph: 1 }),
        command('ReviseProposal', '2024-01-11T01:00:00Z', 'SG', { proposal: P, paragraphs: ['We condemn the attack in the strongest terms.', CLEAN[1]!] }),
        command('PlaceUnderSilence', '2024-01-11T02:00:00Z', 'SG', { proposal: P, deadline: '2024-01-13', revision: 1 }),
      ],
      underSilence(),
    );
    given(events).when(command('BreakSilence', '2024-01-12', 'ITA', { proposal: P, revision: 0 })).thenRejects('council.old_revision', { revision: 0, current: 1 });
    given(events).when(command('BreakSilence', '2024-01-12', 'ITA', { proposal: P, revision: 1 })).thenAccepts();
    assert.equal(replay(events).council.proposals[P]!.silenceRounds[1]!.revision, 1);
  });

  test('a silence break names its paragraph and its wording stands as a pending amendment', () => {
    given(underSilence())
      .when(command('BreakSilence', '2024-01-11', 'PRT', { proposal: P, reason: 'Attribution is premature.', paragraph: 1, wording: 'We condemn the attack; the investigation continues.' }))
      .then([
        {
          type: 'SilenceBroken',
          at: '2024-01-11',
          by: 'PRT',
          data: { proposal: P, revision: 0, reason: 'Attribution is premature.', paragraph: 1, wording: 'We condemn the attack; the investigation continues.', amendment: 'A1' },
        },
      ]);
    const events = eventsOf(
      [command('BreakSilence', '2024-01-11', 'PRT', { proposal: P, paragraph: 1, wording: 'We condemn the attack; the investigation continues.' })],
      underSilence(),
    );
    const p = replay(events).council.proposals[P]!;
    assert.equal(p.silenceRounds[0]!.breaks[0]!.paragraph, 1);
    assert.deepEqual(p.amendments.map((a) => [a.id, a.by, a.op, a.paragraph, a.status]), [['A1', 'PRT', 'replace', 1, 'pending']]);
    // The chair takes the wording in hand at once: a new revision, with no wait for the old deadline.
    const revised = eventsOf([acceptAll(['A1'], 'SG', '2024-01-11T00:30:00Z')], events);
    assert.deepEqual(replay(revised).council.proposals[P]!.paragraphs, ['We condemn the attack; the investigation continues.', CLEAN[1]]);
  });

  test('an objection names a paragraph that exists; wording needs a paragraph', () => {
    const tabled = eventsOf([table('meeting', CLEAN)], foundingEvents());
    given(tabled).when(command('ObjectToProposal', '2024-01-11', 'LUX', { proposal: P, paragraph: 7 })).thenRejects('council.paragraph_unknown');
    given(tabled).when(command('ObjectToProposal', '2024-01-11', 'LUX', { proposal: P, wording: 'x' })).thenRejects('council.wording_without_paragraph');
    const objected = eventsOf([command('ObjectToProposal', '2024-01-11', 'LUX', { proposal: P, paragraph: 2, wording: 'We will consult.' })], tabled);
    const p = replay(objected).council.proposals[P]!;
    assert.deepEqual(p.positions['LUX'], { stance: 'objecting', at: '2024-01-11', brokeSilence: false, paragraph: 2, wording: 'We will consult.' });
    assert.equal(p.amendments[0]?.text, 'We will consult.');
  });

  test('amendments are not proposed while the text is under silence', () => {
    given(underSilence()).when(amend('NLD', { paragraph: 1, op: 'delete' })).thenRejects('council.under_silence');
  });

  test('footnotes attach to an existing paragraph', () => {
    const tabled = eventsOf([table('meeting', CLEAN)], foundingEvents());
    given(tabled).when(command('AttachFootnote', '2024-01-11', 'DNK', { proposal: P, text: 'Greece recalls its position.', paragraph: 3 })).thenRejects('council.paragraph_unknown');
    const events = eventsOf([command('AttachFootnote', '2024-01-11', 'DNK', { proposal: P, text: 'Greece recalls its position.', paragraph: 2 })], tabled);
    assert.equal(replay(events).council.proposals[P]!.footnotes[0]!.paragraph, 2);
  });
});

describe('Texts — pure helpers', () => {
  test('bracket puts a span or a whole paragraph in brackets', () => {
    assert.equal(bracket('We condemn the attack.', 'condemn'), 'We [condemn] the attack.');
    assert.equal(bracket('We condemn the attack.'), '[We condemn the attack.]');
  });

  test('applyAmendments applies on the base positions; inserts before, append at count + 1', () => {
    const applied = applyAmendments(['a', 'b', 'c'], [
      { id: 'A1', paragraph: 1, op: 'insert', text: 'first' },
      { id: 'A2', paragraph: 2, op: 'delete' },
      { id: 'A3', paragraph: 4, op: 'insert', text: 'last' },
      { id: 'A4', paragraph: 3, op: 'replace', text: 'C' },
    ]);
    assert.deepEqual(applied, { ok: true, paragraphs: ['first', 'a', 'C', 'last'] });
  });

  test('diffParagraphs pairs a change, and shows additions and removals with their numbers', () => {
    assert.deepEqual(diffParagraphs(['a', 'b', 'c'], ['a', 'B', 'c', 'd']), [
      { kind: 'same', before: 1, after: 1, text: 'a' },
      { kind: 'changed', before: 2, after: 2, old: 'b', text: 'B' },
      { kind: 'same', before: 3, after: 3, text: 'c' },
      { kind: 'added', after: 4, text: 'd' },
    ]);
    assert.deepEqual(diffParagraphs(['a', 'b'], ['b']), [
      { kind: 'removed', before: 1, old: 'a' },
      { kind: 'same', before: 2, after: 1, text: 'b' },
    ]);
  });
});
