import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATES } from '../domain/states.js';
import { sortedByEnglishName } from './treaty-queries.js';

test('member lists order names as the English collator does, names outside the state table too', () => {
  const collator = new Intl.Collator('en');
  const names = [...STATES.map((s) => s.name.en), 'ZZZ', 'Atlantis', 'czechia', 'Türkiye', 'Turkey', 'Åland', 'XKX', 'Belgium'];
  // A fixed shuffle (no randomness in tests): every seventh name in turn.
  const shuffled = names.map((_, i) => names[(i * 7) % names.length]!);
  assert.equal(new Set(shuffled).size, new Set(names).size);
  const expected = [...shuffled].sort(collator.compare);
  const sorted = (list: string[]) => sortedByEnglishName(list.map((en) => ({ name: { en } }))).map((item) => item.name.en);
  assert.deepEqual(sorted(shuffled), expected);
  assert.deepEqual(sorted([...expected].reverse()), expected);
});
