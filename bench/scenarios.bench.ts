/**
 * Headless scenario runs: the 32-delegation, 20-inject example scenario (a hybrid attack on an
 * Ally's power grid) played by bots in every seat — bots that negotiate the texts, with reaction
 * times and propensities drawn per run — again and again, on one core. The record is decided once
 * into a state; each run starts from that state in memory and writes nothing (a simulation, not a
 * record: nothing to sign). Goal: at least 1,000 runs per minute.
 *
 * It also prints, per decision, the p10–p90 spread of the time to consensus; a decision a bot can
 * contest whose time to consensus does not vary across runs is reported as a failure (the bots'
 * distributions would not be doing their work).
 */
import { fileURLToPath } from 'node:url';
import { alliesAt } from '../src/domain/queries.js';
import { contestableProposals } from '../src/domain/scenario/policy.js';
import { seatList } from '../src/domain/scenario/seats.js';
import { contestedWithoutSpread } from '../src/domain/scenario/stats.js';
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
    const contestable = contestableProposals(definition, seats);
    // Warm up the JIT on a few runs before measuring.
    for (let i = 0; i < 50; i++) runOnce(world, definition, seats, `warm/${i}`);
    const t0 = now();
    const result = await runHeadless(DATA, definition, { runs: RUNS });
    const ms = now() - t0;
    const perMinute = (RUNS * 60_000) / ms;
    const negotiating = contestable.size > 0 ? ', negotiating bots' : '';
    const name = `${file}: ${delegations} delegations, ${definition.injects.length} injects${negotiating}, runs/min (1 core)`;
    const isBenchScenario = delegations >= 32 && definition.injects.length >= 20;
    report({
      name, value: fmt(perMinute, 'runs/min'),
      ...(isBenchScenario ? { goal: '≥ 1,000 runs/min', met: perMinute >= 1000 } : {}),
    });
    report({ name: `${file}: mean time per run`, value: fmt(ms / RUNS, 'ms') });
    console.log(`  (${RUNS} runs; share adopted per run: mean ${result.summary.adoptedShare.mean}; refusals ${result.summary.refusals})`);
    for (const p of result.summary.proposals) {
      const t = p.hoursToConsensus;
      const spread = t.count > 0 ? t.p90! - t.p10! : 0;
      const by = contestable.get(p.proposal);
      const value = t.count > 0 ? `${fmt(spread, 'h')} (p10 ${t.p10} h, p90 ${t.p90} h; adopted in ${Math.round(p.adoptedShare * 100)} % of runs)` : 'never adopted';
      const label = `${file}: ${p.proposal} time to consensus, p10–p90 spread${by ? ` (contestable by ${by.join(', ')})` : ''}`;
      report({ name: label, value, ...(by ? { goal: 'spread > 0', met: spread > 0 } : {}) });
    }
    for (const f of contestedWithoutSpread(result.summary, contestable)) {
      console.log(`  FAILURE: ${f.proposal} can be contested by ${f.by.join(', ')}, yet its time to consensus ${f.hours !== undefined ? `is the same in every run (p10 = p90 = ${f.hours} h)` : 'was never measured (never adopted)'}: the bots' distributions do not vary it.`);
      process.exitCode = 1;
    }
  }
}
