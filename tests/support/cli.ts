/** Runs the CLI in-process, as `evere ARGS`, against a temporary database; captures its output. */
import { mkdtempSync } from 'node:fs';
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

export function tempDir(prefix = 'evere-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
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
