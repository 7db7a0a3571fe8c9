import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IntlMessageFormat } from 'intl-messageformat';
import { CODES, formatMessage, renderMessage } from './index.js';
import { MESSAGES } from './interface.js';
import { formatTemplate, templateArguments } from './format.js';

test('every template of the catalogue, in both languages, says what MessageFormat says (text and numbers as arguments)', () => {
  const templates = [...Object.values(CODES), ...Object.values(MESSAGES as Readonly<Record<string, { en: string; fr: string }>>)];
  let checked = 0;
  for (const message of templates) {
    for (const lang of ['en', 'fr'] as const) {
      const template = message[lang];
      const names = templateArguments(template, lang);
      for (const kind of ['text', 'number'] as const) {
        // Every argument given directly (no derived forms), so both paths fill the same values.
        const values = Object.fromEntries(names.map((n, i) => [n, kind === 'number' ? 12345.5 + i : `«${n}»`]));
        const expected = String(new IntlMessageFormat(template, lang === 'fr' ? 'fr-FR' : 'en-GB', undefined, { ignoreTag: true }).format(values));
        assert.equal(formatTemplate(template, values, lang), expected, `${lang}: ${template}`);
        checked += 1;
      }
    }
  }
  assert.ok(checked > 1000, `${checked} formats checked`);
});

test('a nested message and a list of them are said in the reader’s language; a stored NULL reads "empty"', () => {
  const reason = { code: 'import.reason.malformed', params: {}, nested: { details: [{ code: 'entry_field.missing', params: { field: 'payload' } }, { code: 'entry_field.unknown_field', params: { field: 'colour' } }] } };
  const refusal = { code: 'import.malformed_line', params: { file: 'x.ndjson', line: 4 }, nested: { reason } };
  assert.equal(renderMessage(refusal, 'en'), 'x.ndjson:4: malformed entry: payload: missing; colour: unknown field. Nothing was imported.');
  assert.equal(renderMessage(refusal, 'fr'), 'x.ndjson:4\u00a0: entrée mal formée\u00a0: payload\u00a0: absent\u00a0; colour\u00a0: champ inconnu. Rien n’a été importé.');
  const params = { kind: 'member', key: 'BEL', column: 'valid_to', stored: 'null', rebuilt: '"2024-01-01"' };
  assert.match(formatMessage('verify.index_column', params, 'en'), /valid_to is empty in the store, "2024-01-01" rebuilt/);
  assert.match(formatMessage('verify.index_column', params, 'fr'), /valid_to est vide dans le stockage, "2024-01-01" d’après/);
});
