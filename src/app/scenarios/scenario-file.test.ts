import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EvereError } from '../errors.js';
import { readPolicy, readScenarioFile, readScenarioText } from './scenario-file.js';
import { SCENARIO_SCHEMA } from './schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const scenarios = join(root, 'data/scenarios');

function problemsOf(text: string, file = 'bad.yaml', lang: 'en' | 'fr' = 'en'): string[] {
  try {
    readScenarioText(text, file, { lang });
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
    assert.deepEqual(problems, [
      'line 3, column 11, duration: "2 days" does not have the expected form (How long the scenario runs in scenario time (default 72h).)',
    ]);
    const semantic = problemsOf(GOOD.replace('at: T+1h', 'at: next tuesday'));
    assert.deepEqual(semantic, ['line 6, column 9, injects[0].at: "next tuesday" is not a scenario time (T+2h, or a UTC date-time YYYY-MM-DDTHH:MM:SSZ)']);
  });

  test('in French', () => {
    const problems = problemsOf(GOOD.replace('kind: incident', 'kind: explosion'), 'bad.yaml', 'fr');
    assert.match(problems[0]!, /^ligne 7, colonne 11, injects\[0\]\.kind : "explosion" n’est pas l’une des valeurs/);
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
});
