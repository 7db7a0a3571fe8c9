/**
 * The one catalogue is complete in both official languages (CONVENTIONS §4.1): every template is
 * valid ICU MessageFormat, no French string missing or empty, the same arguments in both, no key
 * declared twice across its parts, a label for every code of the engine's vocabularies the pages
 * show, and an entry for every key the web sources use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MESSAGES, VOCABULARY } from './interface.js';
import { CODES, joinCodes, type Codes } from './index.js';
import { checkTemplate, templateArguments } from './format.js';
import { CORE_TASKS, CORE_TASK_NAMES, HUMAN_SECURITY_PILLARS, HUMAN_SECURITY_PILLAR_NAMES, OFFICE_NAMES, POLICY_KIND_NAMES, RESILIENCE_THEMES, RESILIENCE_THEME_NAMES, SEAT_BODY_NAMES, WPS_PRINCIPLES, WPS_PRINCIPLE_NAMES } from '../domain/vocabulary.js';
import { OFFICES, POLICY_KINDS, SEAT_BODIES } from '../domain/strategy/types.js';
import { DCB_AREAS } from '../domain/fund/types.js';
import { COOPERATION_AREAS } from '../domain/eu/types.js';
import { MANDATE_BASES, OPERATION_KINDS } from '../domain/operations/types.js';
import { EXERCISE_DOMAINS } from '../domain/exercises/types.js';
import { ARMS_CONTROL_FIELDS, ARMS_CONTROL_STATUSES, INSTRUMENT_KINDS } from '../domain/arms-control/types.js';
import { ACTIVITY_KINDS } from '../domain/human-security/types.js';
import { ROLES } from '../app/access.js';
import { commandSpecs } from '../domain/command-specs.js';
import { BODIES, ORGANISATIONS, ORGANISATION_NAMES } from '../domain/states.js';
import { INJECT_KINDS } from '../domain/scenario/types.js';
import { HELP_FRAME, HELP_TEXTS } from './help.js';
import { RECORD_FRENCH } from './record-french.js';
import { COVERAGE_AREA_NAMES, COVERAGE_MEASURE_NAMES } from './coverage-names.js';


/** The params a template needs: its arguments, a derived form (`by_the`, `at_date`) counted as its base. */
const params = (template: string, lang: 'en' | 'fr'): string[] =>
  [...new Set(templateArguments(template, lang).map((a) => a.replace(/_(name|the|The|of|to|in|from|gender|number|date)$/, '')))].sort();

const ALL: Codes = { ...CODES, ...(MESSAGES as Codes) };

test('every template is ICU MessageFormat in English and French, with the same params', () => {
  const problems: string[] = [];
  for (const [key, msg] of Object.entries(ALL)) {
    if (!msg.en.trim()) problems.push(`${key}: English missing`);
    if (!msg.fr?.trim()) { problems.push(`${key}: French missing`); continue; }
    try {
      checkTemplate(msg.en, 'en');
      checkTemplate(msg.fr, 'fr');
    } catch (error) {
      problems.push(`${key}: ${(error as Error).message}`);
      continue;
    }
    if (params(msg.fr, 'fr').join() !== params(msg.en, 'en').join()) problems.push(`${key}: params differ between English (${params(msg.en, 'en')}) and French (${params(msg.fr, 'fr')})`);
  }
  assert.deepEqual(problems, []);
});

test('no key is declared twice across the catalogue\'s parts', () => {
  assert.throws(() => joinCodes({ 'a.b': { en: 'x', fr: 'x' } }, { 'a.b': { en: 'y', fr: 'y' } }), /declared twice: a\.b/);
  const both = Object.keys(MESSAGES).filter((k) => Object.hasOwn(CODES, k));
  assert.deepEqual(both, [], 'interface keys that are also codes');
});

test('the language switch names the other language in that language', () => {
  assert.equal(MESSAGES['lang.switch'].en, 'Français');
  assert.equal(MESSAGES['lang.switch'].fr, 'English');
});

test('every code of the vocabularies the pages show has a label in both languages', () => {
  const expect: Record<keyof typeof VOCABULARY, readonly string[]> = {
    coreTask: CORE_TASKS, resilienceTheme: RESILIENCE_THEMES, pillar: HUMAN_SECURITY_PILLARS, wps: WPS_PRINCIPLES,
    dcbArea: DCB_AREAS, cooperationArea: COOPERATION_AREAS, operationKind: OPERATION_KINDS, mandate: MANDATE_BASES,
    exerciseDomain: EXERCISE_DOMAINS, instrumentKind: INSTRUMENT_KINDS, armsControlField: ARMS_CONTROL_FIELDS,
    activityKind: ACTIVITY_KINDS, role: ROLES, body: BODIES, injectKind: INJECT_KINDS, organisation: ORGANISATIONS, policyKind: POLICY_KINDS,
    office: ['secretary_general', ...OFFICES], seatBody: SEAT_BODIES,
  };
  for (const [name, codes] of Object.entries(expect) as [keyof typeof VOCABULARY, readonly string[]][]) {
    const table = VOCABULARY[name] as Record<string, { en: string; fr: string } | undefined>;
    for (const code of codes) {
      assert.ok(table[code]?.en.trim(), `${name}.${code}: English label missing`);
      assert.ok(table[code]?.fr.trim(), `${name}.${code}: French label missing`);
    }
  }
  // The web app names partner organisations as the CLI and the API do.
  for (const code of ORGANISATIONS) assert.deepEqual(VOCABULARY.organisation[code], ORGANISATION_NAMES[code], code);
  for (const code of POLICY_KINDS) assert.deepEqual(VOCABULARY.policyKind[code], POLICY_KIND_NAMES[code], code);
  for (const code of OFFICES) assert.deepEqual(VOCABULARY.office[code], OFFICE_NAMES[code], code);
  for (const code of SEAT_BODIES) assert.deepEqual(VOCABULARY.seatBody[code], SEAT_BODY_NAMES[code], code);
  for (const status of ARMS_CONTROL_STATUSES) assert.ok(`acstatus.${status}` in MESSAGES, `acstatus.${status} missing`);
  for (const status of ['draft', 'under_silence', 'silence_broken', 'adopted', 'withdrawn']) assert.ok(`proposal.${status}` in MESSAGES, `proposal.${status} missing`);
  for (const status of ['deposited', 'deposited_by', 'undetermined', 'pending']) assert.ok(`status.${status}` in MESSAGES, `status.${status} missing`);
  for (const spec of commandSpecs.filter((s) => s.procedure === 'council')) assert.ok(`action.${spec.cmd}` in MESSAGES, `action.${spec.cmd} missing`);
});

test('every catalogue key the web sources use exists', () => {
  const root = fileURLToPath(new URL('../web', import.meta.url));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) files.push(path);
    }
  };
  walk(root);
  const unknown: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\('([a-zA-Z_.]+)'/g)) if (!Object.hasOwn(ALL, m[1]!)) unknown.push(`${file}: ${m[1]}`);
  }
  assert.deepEqual(unknown, []);
});

test('French typography: a no-break space before : ; ! ? and inside « » (CONVENTIONS §4.1), never an ordinary one', () => {
  // An ordinary space there lets a line break before the sign or inside the quotation marks.
  const typography = /\S [:;!?](?=\s|$)|« | »/;
  const french: [string, string][] = [
    ...Object.entries(ALL).map(([key, msg]) => [key, msg.fr ?? ''] as [string, string]),
    ...Object.entries(HELP_FRAME).map(([key, msg]) => [`help frame ${key}`, msg.fr] as [string, string]),
    ...HELP_TEXTS.map((msg) => [`help ${msg.en.slice(0, 40)}`, msg.fr] as [string, string]),
    ...Object.entries(RECORD_FRENCH).map(([key, msg]) => [`record ${key}`, msg.fr] as [string, string]),
    ...Object.entries({ ...COVERAGE_AREA_NAMES, ...COVERAGE_MEASURE_NAMES }).map(([key, msg]) => [`coverage ${key}`, msg.fr ?? ''] as [string, string]),
    ...commandSpecs.map((spec) => [`command ${spec.cmd}`, spec.summary.fr] as [string, string]),
    ...[CORE_TASK_NAMES, RESILIENCE_THEME_NAMES, HUMAN_SECURITY_PILLAR_NAMES, WPS_PRINCIPLE_NAMES, OFFICE_NAMES, POLICY_KIND_NAMES, SEAT_BODY_NAMES]
      .flatMap((names) => Object.entries(names).map(([code, msg]) => [`vocabulary ${code}`, msg.fr ?? ''] as [string, string])),
  ];
  assert.ok(french.length > 1000, `${french.length} French texts checked`);
  assert.deepEqual(french.filter(([, fr]) => typography.test(fr)).map(([key, fr]) => `${key}: ${fr}`), []);
});
