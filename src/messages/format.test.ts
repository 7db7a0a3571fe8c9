import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IntlMessageFormat } from 'intl-messageformat';
import { CODES } from './index.js';
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
