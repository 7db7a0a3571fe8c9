import { test } from 'node:test';
import assert from 'node:assert/strict';
import { longDate } from './dates.js';

test('long dates say what Intl says in en-GB and fr-FR (with the French "1er"), every day of 1949 and 2024, and at UTC', () => {
  const intl = (lang: 'en' | 'fr', d: Date) => new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(d).map((p) => (lang === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
  for (const year of [1949, 2024]) {
    for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d = new Date(d.getTime() + 86_400_000)) {
      const iso = d.toISOString().slice(0, 10);
      for (const lang of ['en', 'fr'] as const) assert.equal(longDate(lang, iso), intl(lang, d), `${lang} ${iso}`);
    }
  }
  assert.equal(longDate('fr', '2024-01-01'), '1er janvier 2024');
  assert.equal(longDate('en', '2023-04-04'), '4 April 2023');
  assert.equal(longDate('en', '2023-04-04T23:30:00Z'), '4 April 2023', 'a date-time is read at UTC');
  assert.equal(longDate('en', 'not a date'), 'not a date');
  assert.equal(longDate('en', undefined), '');
});
