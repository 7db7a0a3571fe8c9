/** Runs the CLI in-process, as `evere ARGS`, against a temporary database; captures its output. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import { loadConfig } from '../../src/config.js';
import { openServices } from '../../src/main.js';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

const made: string[] = [];

/** A new temporary directory, removed with everything in it when the test file's process exits. */
export function tempDir(prefix = 'evere-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (made.push(dir) === 1) process.once('exit', () => { for (const d of made) rmSync(d, { recursive: true, force: true }); });
  return dir;
}

export async function cli(db: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  const fullEnv = { ...env, EVERE_LANG: env.EVERE_LANG ?? 'en' };
  const code = await run(['--db', db, ...args], {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    env: fullEnv,
    isTTY: false,
    openServices: (path) => openServices(loadConfig(fullEnv, { db: path ?? db })),
    config: (path) => loadConfig(fullEnv, { db: path ?? db }),
  });
  return { code, out, err };
}
