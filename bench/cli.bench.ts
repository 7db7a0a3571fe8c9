/**
 * CLI start-up, against `node -e 0` spawned in the same run (alternating, so both see the same
 * machine load); median wall time of each:
 * - `evere members --json` on an initialised database (goal: at most 2.5× `node -e 0`);
 * - `evere --help` (goal: under 1.5×).
 * Runs bin/evere.js, i.e. the compiled dist/ (`npm run build` builds it; a stale or missing
 * build is built first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, now, percentile, report } from './support.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'evere.js');
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 15);

function spawnTimed(args: readonly string[]): number {
  const t0 = now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, EVERE_LANG: 'en' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = now() - t0;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`);
  return ms;
}

const median = (times: number[]): number => percentile([...times].sort((a, b) => a - b), 50);

async function compare(name: string, args: readonly string[], goal: number): Promise<void> {
  const floor: number[] = [];
  const ours: number[] = [];
  spawnTimed(args); // warm the file cache
  for (let i = 0; i < RUNS; i++) {
    floor.push(spawnTimed(['-e', '0']));
    ours.push(spawnTimed(args));
  }
  const ratio = median(ours) / median(floor);
  report({
    name, value: fmt(median(ours), 'ms median'), against: `node -e 0 ${fmt(median(floor), 'ms')}`,
    ratio, goal: `≤ ${goal}×`, met: ratio <= goal,
  });
}

export async function cliBenchmarks(): Promise<void> {
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.js'), '--if-stale', '--server'], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'evere-bench-cli-'));
  const db = join(dir, 'evere.db');
  try {
    spawnTimed([BIN, '--db', db, 'init']);
    await compare('evere members --json (spawned)', [BIN, '--db', db, 'members', '--json'], 2.5);
    await compare('evere --help (spawned)', [BIN, '--help'], 1.5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
