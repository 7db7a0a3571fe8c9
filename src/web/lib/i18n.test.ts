import { test } from 'node:test';
import assert from 'node:assert/strict';
import { number } from './i18n.js';

test('numbers read as Intl writes them in en-GB and fr-FR, integers (grouped by hand) and others', () => {
  const values = [0, -0, 1, -1, 7, 999, 1000, -1000, 1001, 9999, 12345, -54321, 999999, 1000000, 1234567890, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0.5, 1234.5678, -0.25, 1e21, 1e16];
  for (const n of values) {
    assert.equal(number('en', n), new Intl.NumberFormat('en-GB').format(n), `en ${n}`);
    assert.equal(number('fr', n), new Intl.NumberFormat('fr-FR').format(n), `fr ${n}`);
  }
  assert.equal(number('fr', 12345), '12\u202f345');
  assert.equal(number('en', 12345), '12,345');
});
