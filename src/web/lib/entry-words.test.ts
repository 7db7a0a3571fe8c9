import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry } from '../../ledger/entry.js';
import { entryWords, WORDED_TYPES } from './entry-words.js';
import { hasMessage, templateOf } from './messages.js';

const entry = (type: string, actingFor: string, validTime: string, payload: Record<string, unknown>): Entry =>
  ({ type, actingFor, validTime, payload } as unknown as Entry);

test('every event type of the engine and of exercise control has words and a rule in English and French', () => {
  for (const type of WORDED_TYPES) {
    const key = `entry.${type}`;
    assert.ok(hasMessage(key), `${key} is in the catalogue`);
    for (const lang of ['en', 'fr'] as const) {
      const words = entryWords(lang, undefined, entry(type, 'BEL', '2024-06-03T10:00:00Z', {}));
      assert.equal(words.known, true, type);
      assert.ok(words.basis && words.basis.length > 0, `${type} (${lang}): a rule`);
      assert.notEqual(templateOf(key, lang), key);
    }
  }
});

test('an entry in words: the actor with its article, the act, the date, the rule', () => {
  const broke = entry('SilenceBroken', 'BEL', '2024-06-03T10:00:00Z', { proposal: 'PO-2024-0001' });
  assert.deepEqual(entryWords('fr', undefined, broke), {
    sentence: 'La Belgique a rompu le silence sur PO-2024-0001, le 3 juin 2024',
    basis: 'au titre de l’article 9\u00a0: procédure d’accord tacite',
    known: true,
  });
  assert.equal(entryWords('en', undefined, broke).sentence, 'Belgium broke silence on PO-2024-0001, 3 June 2024');
  const tabled = entry('ProposalTabled', 'SG', '2024-01-01', { proposal: 'PO-1' });
  assert.equal(entryWords('fr', undefined, tabled).sentence, 'Le Secrétaire général a déposé la proposition PO-1, le 1er janvier 2024');
  assert.equal(entryWords('en', undefined, tabled).sentence, 'The Secretary General tabled proposal PO-1, 1 January 2024');
  // A stage is said in the reader's language, not as the engine's code.
  const stage = entry('RatificationStageRecorded', 'NLD', '2022-07-05', { protocol: 'SWE-2022', stage: 'instrument_deposited' });
  assert.equal(entryWords('en', undefined, stage).sentence, 'The Netherlands recorded a stage of its ratification of SWE-2022: instrument deposited, 5 July 2022');
  assert.equal(entryWords('fr', undefined, stage).sentence, 'Les Pays-Bas ont consigné une étape de leur ratification de SWE-2022\u00a0: instrument déposé, le 5 juillet 2022');
  // The state an act is about takes its French preposition.
  const invited = entry('AspirationRecognized', 'NAC', '2008-04-03', { state: 'UKR' });
  assert.equal(entryWords('fr', undefined, invited).sentence, 'Le Conseil de l’Atlantique Nord a reconnu l’aspiration de l’Ukraine à l’adhésion, le 3 avril 2008');
});

test('a contribution known only by a day it was under way says so, in both languages', () => {
  const bounded = entry('OperationJoined', 'FIN', '2024-02-05', { operation: 'KFOR', contributor: 'FIN', role: 'ally', dateIs: 'on_or_before' });
  assert.equal(entryWords('en', undefined, bounded).sentence,
    'Finland joined operation KFOR (contributing by this date; when it began is not recorded), 5 February 2024');
  assert.equal(entryWords('fr', undefined, bounded).sentence,
    'La Finlande a rejoint l’opération KFOR (contribution attestée à cette date\u00a0; son début n’est pas enregistré), le 5 février 2024');
  const exact = entry('OperationJoined', 'BEL', '1995-12-20', { operation: 'IFOR', contributor: 'BEL', role: 'ally' });
  assert.equal(entryWords('en', undefined, exact).sentence, 'Belgium joined operation IFOR, 20 December 1995');
});

test('a status or a term known only by a day it held says so, in both languages', () => {
  const status = entry('ArmsControlStatusRecorded', 'UKR', '2000-12-14', { instrument: 'INF', state: 'UKR', status: 'party', dateIs: 'on_or_before' });
  assert.equal(entryWords('en', undefined, status).sentence,
    'Ukraine recorded its status in INF: party (held by this date; when it began is not recorded), 14 December 2000');
  assert.equal(entryWords('fr', undefined, status).sentence,
    'L’Ukraine a consigné son statut dans INF\u00a0: partie (statut attesté à cette date\u00a0; son début n’est pas enregistré), le 14 décembre 2000');
  const exactStatus = entry('ArmsControlStatusRecorded', 'USA', '1988-06-01', { instrument: 'INF', state: 'USA', status: 'party' });
  assert.equal(entryWords('en', undefined, exactStatus).sentence, 'The United States recorded its status in INF: party, 1 June 1988');
  const term = entry('OfficeHolderAppointed', 'NAC', '2001-10-04', { office: 'deputy_secretary_general', name: 'Alessandro Minuto-Rizzo', nationality: 'ITA', dateIs: 'on_or_before' });
  assert.equal(entryWords('en', undefined, term).sentence,
    'The North Atlantic Council appointed a holder of a NATO office (in post by this date; when the term began is not recorded), 4 October 2001');
  assert.equal(entryWords('fr', undefined, term).sentence,
    'Le Conseil de l’Atlantique Nord a nommé le titulaire d’une fonction de l’OTAN (en poste à cette date\u00a0; le début de son mandat n’est pas enregistré), le 4 octobre 2001');
});

test('an event type without words is shown by its name, never hidden', () => {
  const words = entryWords('fr', undefined, entry('SomethingNew', 'BEL', '2024-06-03', {}));
  assert.deepEqual(words, { sentence: 'SomethingNew, le 3 juin 2024', basis: undefined, known: false });
});
