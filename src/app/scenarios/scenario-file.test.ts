import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EvereError } from '../errors.js';
import { readAdHocInject, readPolicy, readScenarioFile, readScenarioText } from './scenario-file.js';
import { SCENARIO_SCHEMA } from './schema.js';
import { recordSeats } from './fork.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const scenarios = join(root, 'data/scenarios');

function problemsOf(text: string, file = 'bad.yaml', lang: 'en' | 'fr' = 'en', options: Parameters<typeof readScenarioText>[2] = {}): string[] {
  try {
    readScenarioText(text, file, { lang, ...options });
  } catch (error) {
    assert.ok(error instanceof EvereError, String(error));
    return (error.params.problems as readonly string[] | undefined)?.slice() ?? [error.localized(lang)];
  }
  assert.fail('expected the file to be refused');
}

const GOOD = `scenario: demo
title: { en: Demo }
asOf: 2024-06-01
injects:
  - id: I-1
    at: T+1h
    kind: incident
    title: { en: Blackout }
`;

describe('scenario files', () => {
  test('the published schema is the one Evere checks against', () => {
    assert.deepEqual(JSON.parse(readFileSync(join(scenarios, 'scenario.schema.json'), 'utf8')), JSON.parse(JSON.stringify(SCENARIO_SCHEMA)));
  });

  test('both example scenarios are valid', () => {
    const files = readdirSync(scenarios).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.length >= 2);
    for (const f of files) assert.ok(readScenarioFile(join(scenarios, f)).injects.length > 0, f);
  });

  test('JSON is read too', () => {
    const d = readScenarioText(JSON.stringify({ scenario: 'demo', title: { en: 'Demo' }, asOf: '2024-06-01', injects: [] }), 'demo.json');
    assert.equal(d.id, 'demo');
  });

  test('a wrong field names its line and field', () => {
    const problems = problemsOf(GOOD.replace('kind: incident', 'kind: explosion').replace('at: T+1h', 'at: T+1h\n    colour: red'));
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /^line 7, column 5, injects\[0\]\.colour: unknown field colour$/);
    assert.match(problems[1]!, /^line 8, column 11, injects\[0\]\.kind: "explosion" is not one of incident, /);
  });

  test('a missing field names the object it is missing from', () => {
    const problems = problemsOf(GOOD.replace('    title: { en: Blackout }\n', ''));
    assert.deepEqual(problems, ['line 5, column 5, injects[0]: missing field title']);
  });

  test('problems found by the engine name their line too', () => {
    const problems = problemsOf(GOOD.replace('at: T+1h', 'at: next tuesday').replace('title: { en: Demo }', 'title: { en: Demo }\nduration: 2 days'));
    // Both mistakes at once: the schema's and the engine's.
    assert.deepEqual(problems, [
      'line 3, column 11, duration: "2 days" does not have the expected form (How long the scenario runs in scenario time (default 72h).)',
      'line 7, column 9, injects[0].at: "next tuesday" is not a scenario time (T+2h, or a UTC date-time YYYY-MM-DDTHH:MM:SSZ)',
    ]);
    const semantic = problemsOf(GOOD.replace('at: T+1h', 'at: next tuesday'));
    assert.deepEqual(semantic, ['line 6, column 9, injects[0].at: "next tuesday" is not a scenario time (T+2h, or a UTC date-time YYYY-MM-DDTHH:MM:SSZ)']);
  });

  test('bot distributions are read, and a wrong one is reported at its line, column and field', () => {
    const seats = (policy: string) => GOOD.replace('injects:', `seats:\n  default:\n${policy}\ninjects:`);
    const d = readScenarioText(seats('    delay: { dist: triangular, min: 1h, mode: 2h, max: 6h }\n    breakSilence: { dist: uniform, min: 0.2, max: 0.6 }\n    accept: 0.5'), 'ok.yaml');
    assert.deepEqual(d.defaultPolicy.delay, { kind: 'triangular', min: 3_600_000, mode: 7_200_000, max: 21_600_000 });
    assert.deepEqual(d.defaultPolicy.breakSilence, { kind: 'uniform', min: 0.2, max: 0.6 });
    assert.deepEqual(d.defaultPolicy.accept, { kind: 'fixed', value: 0.5 });
    assert.equal(d.defaultPolicy.jitterMs, 0, 'a distribution carries its own spread');
    const rules = readScenarioText(seats('    jitter: 3h\n    rules:\n      - { then: object, delay: { dist: uniform, min: 1h, max: 2h } }\n      - { then: agree, delay: 1h }'), 'ok.yaml').defaultPolicy.rules;
    assert.deepEqual(rules.map((r) => [r.delay?.kind, r.jitterMs]), [['uniform', 0], ['fixed', undefined]], 'a rule with a fixed delay keeps the policy’s jitter');

    assert.deepEqual(problemsOf(seats('    delay: { dist: uniform, min: 6h, max: 1h }')), [
      'line 6, column 43, seats.default.delay.max: In a distribution min ≤ max must hold: max is below min',
    ]);
    assert.deepEqual(problemsOf(seats('    delay: { dist: lognormal, median: 2h }')), ['line 6, column 12, seats.default.delay: missing field p90']);
    assert.deepEqual(problemsOf(seats('    breakSilence: { dist: uniform, min: 0.2, max: 1.5 }')), [
      'line 6, column 51, seats.default.breakSilence.max: must be <= 1',
    ]);
    assert.deepEqual(problemsOf(seats('    delay: { dist: uniform, min: 1h, max: soon }')), [
      'line 6, column 43, seats.default.delay.max: "soon" does not have the expected form (uniform, triangular: the greatest value; lognormal: a cap (optional).)',
    ]);
  });

  test('a negotiating policy whose own wording crosses its red lines is refused at the wording', () => {
    const text = GOOD.replace('injects:', [
      'seats:', '  HUN:', '    negotiate:', '      - if: { tagged: [attribution] }', '        paragraph: 3',
      '        wording: "Those responsible will be held to account."', '        redLines: { requires: [forensic investigation], excludes: [held to account] }', 'injects:',
    ].join('\n'));
    assert.deepEqual(problemsOf(text), [
      'line 9, column 18, seats.HUN.negotiate[0].wording: The wording proposed crosses the policy’s own red lines (“forensic investigation”, “held to account”): it must contain every required phrase and no excluded one',
    ]);
  });

  test('in French', () => {
    const problems = problemsOf(GOOD.replace('kind: incident', 'kind: explosion'), 'bad.yaml', 'fr');
    assert.match(problems[0]!, /^ligne 7, colonne 11, injects\[0\]\.kind\u00a0: "explosion" n’est pas l’une des valeurs/);
  });

  test('YAML syntax errors name the line', () => {
    assert.throws(() => readScenarioText('scenario: demo\ntitle: { en: Demo\n', 'broken.yaml'), (error: unknown) => {
      assert.ok(error instanceof EvereError);
      assert.equal(error.code, 'scenario.file_syntax');
      assert.equal(typeof error.params.line, 'number');
      return true;
    });
  });

  test('a seat policy on its own, for a what-if', () => {
    const d = readScenarioText(GOOD, 'good.yaml');
    assert.equal(readPolicy('{ default: object, delay: 2h }', 'HUN', d).default, 'object');
    assert.throws(() => readPolicy('{ default: sulk }', 'HUN', d), /policy for seat HUN is invalid/);
  });

  test('an unclosed { is reported at the line and column where it opens', () => {
    const text = GOOD.replace('    title: { en: Blackout }', '    title: { en: Blackout\n  - id: I-2\n    at: T+2h\n    kind: incident\n    title: { en: Two }');
    assert.throws(() => readScenarioText(text, 'broken.yaml'), (error: unknown) => {
      assert.ok(error instanceof EvereError);
      assert.equal(error.code, 'scenario.file_syntax');
      assert.deepEqual([error.params.line, error.params.column], [8, 12]);
      assert.match(error.localized('en'), /this \{ is never closed/);
      return true;
    });
  });

  test('dates are checked as dates of the calendar, with a message about dates', () => {
    const problems = problemsOf(GOOD.replace('asOf: 2024-06-01', 'asOf: 2025-02-30'));
    assert.deepEqual(problems, ['line 3, column 7, asOf: "2025-02-30" is not a date of the calendar (YYYY-MM-DD)']);
  });

  test('a fork date after today is refused', () => {
    const problems = problemsOf(GOOD.replace('asOf: 2024-06-01', 'asOf: 2031-01-15'), 'bad.yaml', 'en', { today: '2026-12-03' });
    assert.deepEqual(problems, ['line 3, column 7, asOf: The fork date 2031-01-15 is after today (2026-12-03): the record can only be forked as it stood on a past day']);
    assert.equal(readScenarioText(GOOD.replace('asOf: 2024-06-01', 'asOf: 2026-12-02'), 'ok.yaml', { today: '2026-12-03' }).asOf, '2026-12-02');
  });

  test('seats are checked against the record as create checks them: unknown codes and non-Allies, each at its line', () => {
    const text = GOOD.replace('injects:', 'seats:\n  XYZ: { default: agree }\n  HUN: { default: object }\n  AUT: { default: agree }\ninjects:');
    const problems = problemsOf(text, 'bad.yaml', 'en', { seatsAt: recordSeats(join(root, 'data')) });
    assert.deepEqual(problems, [
      'line 5, column 3, seats.XYZ: Seat XYZ is neither an Ally on 2024-06-02T08:00:00Z, nor IS, nor a listed partner or invitee',
      'line 7, column 3, seats.AUT: Seat AUT is neither an Ally on 2024-06-02T08:00:00Z, nor IS, nor a listed partner or invitee',
    ]);
  });

  test('every mistake of a file is reported, not only the schema\'s', () => {
    const text = GOOD.replace('asOf: 2024-06-01', 'asOf: 2025-02-30\nduration: 24x').replace('kind: incident', 'kind: explosion').replace('injects:', 'seats:\n  HUN: { default: sulk }\ninjects:');
    const problems = problemsOf(text);
    assert.equal(problems.length, 4, problems.join('\n'));
    assert.deepEqual(problems.map((p) => p.split(':')[0]), ['line 3, column 7, asOf', 'line 4, column 11, duration', 'line 6, column 19, seats.HUN.default', 'line 10, column 11, injects[0].kind']);
  });

  test('an inject addressed to a seat the scenario does not have is reported at its line and column', () => {
    const text = GOOD.replace('    title: { en: Blackout }', '    title: { en: Blackout }\n    to: [HUN, XYZ, IS, AUT]');
    const problems = problemsOf(text, 'bad.yaml', 'en', { seatsAt: recordSeats(join(root, 'data')) });
    assert.deepEqual(problems, [
      'line 9, column 15, injects[0].to[1]: Seat XYZ is neither an Ally on 2024-06-02T08:00:00Z, nor IS, nor a listed partner or invitee',
      'line 9, column 24, injects[0].to[3]: Seat AUT is neither an Ally on 2024-06-02T08:00:00Z, nor IS, nor a listed partner or invitee',
    ]);
  });

  test('an inject carries its full content: text, attachments\' links, addressees, classification', () => {
    const text = GOOD.replace('    title: { en: Blackout }', [
      '    title: { en: Blackout }',
      '    text: { en: Grid down in the east, fr: Réseau coupé à l’est }',
      '    to: [HUN, IS]',
      '    classification: NATO CONFIDENTIAL',
      '    attachments:',
      '      - { title: { en: Map }, url: "https://example.org/map.pdf" }',
    ].join('\n'));
    const [inject] = readScenarioText(text, 'good.yaml', { seatsAt: recordSeats(join(root, 'data')) }).injects;
    assert.deepEqual(inject!.attachments, [{ title: { en: 'Map' }, url: 'https://example.org/map.pdf' }]);
    assert.deepEqual([inject!.to, inject!.classification, inject!.text?.fr], [['HUN', 'IS'], 'NATO CONFIDENTIAL', 'Réseau coupé à l’est']);
    const problems = problemsOf(text.replace('https://example.org/map.pdf', 'file:///etc/passwd'));
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^line 13, column \d+, injects\[0\]\.attachments\[0\]\.url: "file:\/\/\/etc\/passwd" does not have the expected form/);
  });

  test('an ad-hoc inject is checked as a file\'s injects are, and carries no command', () => {
    const d = readScenarioText(GOOD, 'good.yaml');
    const inject = readAdHocInject({ kind: 'media-report', title: { en: 'Leak' }, to: ['HUN'], attachments: [{ title: { en: 'Article' }, url: 'https://example.org/a' }] }, d);
    assert.deepEqual([inject.kind, inject.to, inject.attachments?.[0]?.url, inject.id], ['media-report', ['HUN'], 'https://example.org/a', undefined]);
    assert.equal(readAdHocInject({ id: 'X-1', kind: 'other', title: { en: 'T' } }, d).id, 'X-1');
    const refused = (raw: Record<string, unknown>): string[] => {
      try {
        readAdHocInject(raw, d);
      } catch (error) {
        assert.ok(error instanceof EvereError);
        assert.equal(error.code, 'scenario.inject_invalid');
        return [...(error.params.problems as string[])];
      }
      return assert.fail('expected a refusal');
    };
    assert.deepEqual(refused({ kind: 'rumour', title: { en: 'T' }, classification: 'TOP SECRET' }).map((p) => p.split(':')[0]), ['kind', 'classification']);
    assert.match(refused({ kind: 'other', title: { en: 'T' }, command: { cmd: 'AgreeProposal', by: 'HUN' } })[0]!, /^command: an ad-hoc inject is information only/);
  });
});
