/**
 * A reader that stops early (`evere scenario report X | head`) closes the pipe: the CLI ends
 * quietly, with exit code 0 and no stack trace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SRC_CLI = fileURLToPath(new URL('../../scripts/evere-src.js', import.meta.url));

test('a closed pipe ends the CLI quietly', async () => {
  // The reader closes its end before the CLI (still starting) writes anything: every write fails.
  const child = spawn(process.execPath, [SRC_CLI, 'commands'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let err = '';
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(err, '', 'nothing on stderr');
  assert.equal(code, 0);
});
