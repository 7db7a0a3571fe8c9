/** Every code in the message registry is documented in docs/errors.md, in English and French. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { allDeclaredCodes } from '../../scripts/declared-codes.js';
import { messageFor } from '../../src/messages/index.js';

test('docs/errors.md lists every declared code; every code has both languages', async () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const codes = await allDeclaredCodes();
  assert.ok(codes.length > 200, `${codes.length} codes`);
  const missing = codes.filter((c) => !doc.includes(`\`${c}\``));
  assert.deepEqual(missing, [], 'run `node --import tsx scripts/errors-doc.ts`');
  for (const code of codes) {
    const m = messageFor(code)!;
    assert.ok(m.en.trim() && m.fr.trim(), code);
  }
});
