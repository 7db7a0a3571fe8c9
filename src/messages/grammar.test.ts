/**
 * French grammar built from country names: every template of the catalogue that takes a state or
 * body (an argument in one of its forms, `{party_the}`, `{seat_of}` …) is rendered in French for
 * every Ally and partner of the real record, and the result must put the right article or
 * preposition before each name ("pour la Belgique", never "pour Belgique"; "de la Hongrie",
 * "du Canada", "aux États-Unis", "à Chypre", "l’Albanie").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { CODES, formatMessage, longDate, nameForms, type Codes, type Lang } from './index.js';
import { MESSAGES } from './interface.js';
import { formatTemplate, templateArguments } from './format.js';
import { GRAMMATICAL_NAMES } from './country-names.js';
import { STATES } from '../domain/states.js';

const ALL: Codes = { ...CODES, ...(MESSAGES as Codes) };
const FORM = /^(.+)_(name|the|The|of|to|in|from|gender|number)$/;

/** The Allies (founders and every state that deposited an instrument of accession) and partners of the record. */
function alliesAndPartners(): string[] {
  const dir = new URL('../../data/record/', import.meta.url);
  const codes = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ndjson'))) {
    for (const line of readFileSync(new URL(file, dir), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const c = JSON.parse(line) as { cmd: string; data: Record<string, unknown> };
      if (c.cmd === 'TreatyEntersIntoForce') for (const p of c.data.parties as string[]) codes.add(p);
      if (c.cmd === 'DepositAccessionInstrument') codes.add(c.data.state as string);
      if (c.cmd === 'JoinFramework') codes.add(c.data.partner as string);
    }
  }
  return [...codes].sort();
}

const STATES_OF_RECORD = alliesAndPartners();

test('the record names 32 Allies and its partners, and each has its grammatical name', () => {
  assert.ok(STATES_OF_RECORD.length > 32 + 20, `${STATES_OF_RECORD.length} states`);
  for (const code of STATES_OF_RECORD) assert.ok(GRAMMATICAL_NAMES[code], `${code} has no grammatical name in country-names.ts`);
});

test('the grammatical names are the names the engine uses', () => {
  for (const state of STATES) {
    const g = GRAMMATICAL_NAMES[state.iso3];
    if (!g) continue;
    assert.equal(g.en.name, state.name.en, `${state.iso3} (en)`);
    assert.equal(g.fr.name, state.name.fr, `${state.iso3} (fr)`);
  }
});

test('articles and prepositions of place, as the sources give them', () => {
  const fr = (code: string) => nameForms(code, 'fr');
  assert.equal(fr('BEL').the, 'la Belgique');
  assert.equal(fr('HUN').of, 'de la Hongrie');
  assert.equal(fr('CAN').of, 'du Canada');
  assert.equal(fr('USA').to, 'aux États-Unis');
  assert.equal(fr('USA').the, 'les États-Unis');
  assert.equal(fr('CYP').in, 'à Chypre');
  assert.equal(fr('CYP').the, 'Chypre');
  assert.equal(fr('FRA').in, 'en France');
  assert.equal(fr('PRT').in, 'au Portugal');
  assert.equal(fr('NLD').in, 'aux Pays-Bas');
  assert.equal(fr('ALB').the, 'l’Albanie');
  assert.equal(fr('ALB').from, 'd’Albanie');
  assert.equal(fr('ALB').of, 'de l’Albanie');
  assert.equal(fr('AFG').in, 'en Afghanistan');
  assert.equal(fr('ISR').in, 'en Israël');
  assert.equal(fr('ISR').of, 'd’Israël');
  assert.equal(fr('SG').the, 'le Secrétaire général');
  assert.equal(fr('IS').of, 'du Secrétariat international');
  assert.equal(nameForms('NLD', 'en').the, 'the Netherlands');
  assert.equal(nameForms('USA', 'en').of, 'of the United States');
  assert.equal(nameForms('BEL', 'en').the, 'Belgium');
});

test('the brief’s sentences, through the catalogue', () => {
  const t = (key: string, params: Record<string, string | readonly string[]>, lang: Lang = 'fr') => formatTemplate(ALL[key]![lang], params, lang);
  assert.equal(t('council.acting_for', { party: 'BEL' }), 'Vous agissez pour la Belgique.');
  assert.equal(t('council.acting_for', { party: 'NLD' }, 'en'), 'You act for the Netherlands.');
  assert.equal(t('council.tabled_by', { by: 'SG', date: '1er janvier 2024' }), 'Déposée par le Secrétaire général le 1er janvier 2024');
  assert.equal(t('scenario.your_seats', { seats: ['HUN'] }), 'Vous tenez le siège de la Hongrie.');
  assert.equal(t('scenario.your_seats', { seats: ['HUN', 'CAN'] }), 'Vous tenez les sièges de la Hongrie et du Canada.');
  assert.equal(t('home.joined', { names: ['FIN'] }), 'La Finlande a rejoint l’Alliance');
  assert.equal(t('home.joined', { names: ['CZE', 'HUN', 'POL'] }), 'La Tchéquie, la Hongrie et la Pologne ont rejoint l’Alliance');
  assert.equal(t('cons.attack', { date: '11 septembre 2001', victims: ['USA'] }), 'Attaque du 11 septembre 2001 contre les États-Unis');
  assert.equal(formatMessage('aar.ProposalTabled', { by: 'ALB', proposal: 'P-1', title: 'T', procedure: 'silence' }, 'fr'), 'L’Albanie dépose P-1 «\u00a0T\u00a0» (silence)');
  assert.equal(formatMessage('aar.failed_silence_broken', { breakers: ['HUN'], rounds: 1 }, 'en'), 'silence broken by Hungary (after 1 round)');
  assert.equal(longDate('fr', '2024-01-01'), '1er janvier 2024');
  // An accession's round: the state with its article, and "Allié" agreeing with it.
  assert.equal(t('acc.joined_on', { state: 'SWE' }), 'La Suède, Alliée depuis le');
  assert.equal(t('acc.joined_on', { state: 'CAN' }), 'Le Canada, Allié depuis le');
  assert.equal(t('acc.joined_on', { state: 'USA' }), 'Les États-Unis, Alliés depuis le');
  assert.equal(t('acc.joined_on', { state: 'SWE' }, 'en'), 'Sweden, an Ally from');
  assert.equal(longDate('fr', '2024-01-02'), '2 janvier 2024');
  assert.equal(longDate('en', '2024-01-01'), '1 January 2024');
});

/** Where a name may stand in French: after an article or a preposition that carries one. */
function frenchProblems(text: string, code: string): string[] {
  const g = GRAMMATICAL_NAMES[code]!.fr;
  const problems: string[] = [];
  if (/(?<!\p{L})(de|à) (le|les)(?!\p{L})/iu.test(text)) problems.push('uncontracted "de le", "à les"');
  if (/(^|[\s(])(le|la|de|que) [aeiouyéèêâîôûAEIOUYÉÈÊÂÎÔÛ]/.test(text)) problems.push('missing elision');
  for (let at = text.indexOf(g.name); at >= 0; at = text.indexOf(g.name, at + 1)) {
    const before = text.slice(0, at);
    const start = before.length === 0 || /[:;,(«]\s?$/.test(before);
    if (g.noArticle) {
      if (/((?<!\p{L})(la|le|les|du|des|au|aux)\s|l’)$/iu.test(before)) problems.push(`"${g.name}" takes no article`);
    } else if (!/((?<!\p{L})(la|le|les|du|des|au|aux|en)\s|l’|d’)$/iu.test(before) && !(/(?<!\p{L})de $/u.test(before) && (g.gender === 'f' || g.vowel)) && !start) {
      problems.push(`"${g.name}" without its article after "${before.slice(-12)}"`);
    }
  }
  return problems;
}

test('every template that takes a country reads correctly in French for every Ally and partner', () => {
  const templates = Object.entries(ALL).filter(([, m]) => templateArguments(m.fr, 'fr').some((a) => FORM.test(a)));
  assert.ok(templates.length >= 10, `${templates.length} templates take a country`);
  const problems: string[] = [];
  for (const [key, message] of templates) {
    const args = templateArguments(message.fr, 'fr');
    const countries = new Set(args.map((a) => FORM.exec(a)?.[1]).filter((a): a is string => a !== undefined));
    for (const code of [...STATES_OF_RECORD, 'SG', 'NAC', 'IS']) {
      for (const list of [[code], [code, 'HUN']]) {
        const params: Record<string, string | number | readonly string[]> = {};
        for (const a of args) if (!FORM.test(a)) params[a] = 2;
        for (const c of countries) params[c] = list.length === 1 ? code : list;
        for (const lang of ['fr', 'en'] as const) {
          const text = formatTemplate(message[lang], params, lang);
          if (/\{\w+\}/.test(text)) problems.push(`${key} (${lang}, ${code}): unfilled ${text}`);
          if (lang === 'fr') for (const p of frenchProblems(text, code)) problems.push(`${key} (${code}): ${p}: ${text}`);
          if (lang === 'en' && GRAMMATICAL_NAMES[code]!.en.the && !text.includes(`the ${GRAMMATICAL_NAMES[code]!.en.name}`) && !new RegExp(`(^|: )The ${GRAMMATICAL_NAMES[code]!.en.name}`).test(text) && !args.some((a) => a.endsWith('_name'))) {
            problems.push(`${key} (en, ${code}): "the" missing: ${text}`);
          }
        }
      }
    }
  }
  assert.deepEqual(problems.slice(0, 20), []);
});
