/**
 * A reader that stops reading ends the command quietly: `evere … | head` exits 0 with nothing on
 * stderr (no EPIPE stack), whatever the verb writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/cli.js';

const BIN = fileURLToPath(new URL('../../bin/evere.js', import.meta.url));

test('a closed pipe ends a long listing quietly', () => {
  const db = join(tempDir('evere-pipe-'), 'evere.db');
  const init = spawnSync(process.execPath, [BIN, '--db', db, 'init'], { encoding: 'utf8', env: { ...process.env, EVERE_LANG: 'en' } });
  assert.equal(init.status, 0, init.stderr);
  for (const verb of ['sources', 'members', 'enlargement --json']) {
    // `head -c 1` closes the pipe after one byte: everything after that meets EPIPE.
    const r = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(BIN)} --db ${JSON.stringify(db)} ${verb} | head -c 1 >/dev/null`], { encoding: 'utf8', env: { ...process.env, EVERE_LANG: 'en' } });
    assert.equal(r.stderr, '', `${verb}: ${r.stderr}`);
    assert.equal(r.status, 0, verb);
  }
});
