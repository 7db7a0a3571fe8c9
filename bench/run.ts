/**
 * `npm run bench`: every benchmark, each against its limit measured in the same run. With no
 * names, each suite runs in a process of its own (one after the other), so that none is measured
 * in a heap, with timers or with servers that an earlier suite left behind; `npm run bench -- web`
 * runs the named suites in this process.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { results, type Result } from './support.js';

// Loaded only by the process that runs them (the parent of a whole run loads none).
const suites: Record<string, () => Promise<void>> = {
  ledger: async () => (await import('./ledger.bench.js')).ledgerBenchmarks(),
  queries: async () => (await import('./queries.bench.js')).queryBenchmarks(),
  server: async () => (await import('./server.bench.js')).serverBenchmarks(),
  scenarios: async () => (await import('./scenarios.bench.js')).scenarioBenchmarks(),
  web: async () => (await import('./web.bench.js')).webBenchmarks(),
  cli: async () => (await import('./cli.bench.js')).cliBenchmarks(),
};
const only = process.argv.slice(2);
for (const name of only) if (!suites[name]) throw new Error(`npm run bench: no suite named ${JSON.stringify(name)} (${Object.keys(suites).join(', ')})`);

let all: Result[] = results;
if (only.length) {
  for (const name of only) {
    console.log(`\n== ${name} ==`);
    await suites[name]!();
  }
  // A parent asked for the results (see below): it prints the summary of every suite.
  if (process.env.BENCH_RESULTS_FILE) {
    writeFileSync(process.env.BENCH_RESULTS_FILE, JSON.stringify(results));
    process.exit(0);
  }
} else {
  all = [];
  for (const name of Object.keys(suites)) {
    const file = join(tmpdir(), `evere-bench-${process.pid}-${name}.json`);
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { stdio: 'inherit', env: { ...process.env, BENCH_RESULTS_FILE: file } });
    if (child.status !== 0) throw new Error(`npm run bench: the ${name} suite failed (exit ${child.status ?? child.signal})`);
    all.push(...(JSON.parse(readFileSync(file, 'utf8')) as Result[]));
    rmSync(file, { force: true });
  }
}
const goals = all.filter((r) => r.goal);
const missed = goals.filter((r) => !r.met);
console.log(`\n${goals.length - missed.length} of ${goals.length} goals met${missed.length ? `; not met: ${missed.map((r) => r.name).join('; ')}` : ''}.`);
