/**
 * Headless scenario runs: the 32-delegation, 20-inject example scenario (a hybrid attack on an
 * Ally's power grid) played by bots in every seat, again and again, on one core. The record is
 * decided once into a state; each run starts from that state in memory and writes nothing (a
 * simulation, not a record: nothing to sign). Goal: at least 1,000 runs per minute.
 */
import { fileURLToPath } from 'node:url';
import { alliesAt } from '../src/domain/queries.js';
import { seatList } from '../src/domain/scenario/seats.js';
import { forkState } from '../src/app/scenarios/fork.js';
import { runHeadless, runOnce } from '../src/app/scenarios/headless.js';
import { readScenarioFile } from '../src/app/scenarios/scenario-file.js';
import { fmt, now, report } from './support.js';

const DATA = fileURLToPath(new URL('../data', import.meta.url));
const RUNS = Number(process.env.BENCH_SCENARIO_RUNS ?? 1000);

export async function scenarioBenchmarks(): Promise<void> {
  for (const file of ['grid-hybrid-attack', 'accession-ratification']) {
    const definition = readScenarioFile(`${DATA}/scenarios/${file}.yaml`);
    const world = forkState(DATA, definition.asOf);
    const delegations = alliesAt(world, definition.start).length;
    const seats = seatList(world, definition);
    // Warm up the JIT on a few runs before measuring.
    for (let i = 0; i < 50; i++) runOnce(world, definition, seats, `warm/${i}`);
    const t0 = now();
    const result = await runHeadless(DATA, definition, { runs: RUNS });
    const ms = now() - t0;
    const perMinute = (RUNS * 60_000) / ms;
    const name = `${file}: ${delegations} delegations, ${definition.injects.length} injects, runs/min (1 core)`;
    const isBenchScenario = delegations >= 32 && definition.injects.length >= 20;
    report({
      name, value: fmt(perMinute, 'runs/min'),
      ...(isBenchScenario ? { goal: '≥ 1,000 runs/min', met: perMinute >= 1000 } : {}),
    });
    report({ name: `${file}: mean time per run`, value: fmt(ms / RUNS, 'ms') });
    console.log(`  (${RUNS} runs; share adopted per run: mean ${result.summary.adoptedShare.mean}; refusals ${result.summary.refusals})`);
  }
}
