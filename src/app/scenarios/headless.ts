/**
 * Headless runs: a scenario played many times by bots only, to see the spread of its outcomes
 * (time to consensus, share adopted).
 *
 * These runs are simulations, not records: they run on the rules engine in memory — the record is
 * decided once into a state, then every run starts from that state — and write no entry, so
 * nothing is signed. Signing proves who did what in a world people act in; a thousand synthetic
 * runs prove nothing about anyone, and would only cost time. A run worth keeping is played as a
 * scenario world (`evere scenario create`), where every act is an entry signed by its seat.
 *
 * Run `i` uses the seed `${seed}/${i}`: the same seed gives the same distributions.
 */
import { afterActionReport, itemsOfSteps, type ScenarioMeta } from '../../domain/scenario/aar.js';
import { isoSeconds } from '../../domain/scenario/duration.js';
import { seededRandom } from '../../domain/scenario/random.js';
import { seatList } from '../../domain/scenario/seats.js';
import { simulate } from '../../domain/scenario/simulate.js';
import { runOutcome, summariseRuns, type BatchSummary, type Block, type RunOutcome } from '../../domain/scenario/stats.js';
import { endMs, startMs, type ScenarioDefinition } from '../../domain/scenario/types.js';
import type { WorldState } from '../../domain/world.js';
import { EvereError } from '../errors.js';
import { forkState } from './fork.js';

export const MAX_RUNS = 100_000;

export interface HeadlessResult {
  readonly scenario: ScenarioMeta;
  readonly runs: number;
  readonly seed: string;
  readonly seats: number;
  readonly injects: number;
  readonly elapsedMs: number;
  readonly runsPerMinute: number;
  /** Simulated in memory: no entry written, nothing signed. */
  readonly simulated: true;
  readonly summary: BatchSummary;
}

export function scenarioMeta(definition: ScenarioDefinition): ScenarioMeta {
  return { id: definition.id, title: definition.title, asOf: definition.asOf, start: definition.start, end: isoSeconds(endMs(definition)) };
}

/** One bots-only run from a forked state: its outcome. */
export function runOnce(world: WorldState, definition: ScenarioDefinition, seats: readonly string[], seed: string): RunOutcome {
  const result = simulate({
    world, definition, random: seededRandom(seed), seats, humanSeats: new Set(), delivered: new Map(),
    fromMs: startMs(definition), toMs: endMs(definition),
  });
  const report = afterActionReport(scenarioMeta(definition), itemsOfSteps(result.steps));
  const blocks: Block[] = [];
  let refusals = 0;
  for (const step of result.steps) {
    if (step.kind === 'refused') refusals++;
    if (step.kind !== 'act') continue;
    for (const e of step.events) {
      if (e.type !== 'SilenceBroken' && e.type !== 'ObjectionRaised') continue;
      const { proposal, paragraph } = e.data as { proposal: string; paragraph?: number };
      blocks.push(paragraph === undefined ? { proposal, ally: e.by } : { proposal, ally: e.by, paragraph });
    }
  }
  return runOutcome(report, refusals, blocks);
}

export async function runHeadless(
  dataDir: string,
  definition: ScenarioDefinition,
  options: { runs: number; seed?: string; progress?: (done: number, total: number) => void; now?: () => number },
): Promise<HeadlessResult> {
  if (!Number.isSafeInteger(options.runs) || options.runs < 1 || options.runs > MAX_RUNS) throw new EvereError('scenario.runs', { max: MAX_RUNS });
  const now = options.now ?? (() => performance.now());
  const world = forkState(dataDir, definition.asOf);
  const seats = seatList(world, definition);
  const seed = options.seed ?? definition.seed;
  const outcomes: RunOutcome[] = [];
  const t0 = now();
  let lastYield = t0;
  for (let i = 0; i < options.runs; i++) {
    outcomes.push(runOnce(world, definition, seats, `${seed}/${i}`));
    if (now() - lastYield > 100) {
      options.progress?.(i + 1, options.runs);
      // Let the progress bar draw.
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = now();
    }
  }
  options.progress?.(options.runs, options.runs);
  const elapsedMs = Math.max(1e-3, now() - t0);
  return {
    scenario: scenarioMeta(definition), runs: options.runs, seed, seats: seats.length, injects: definition.injects.length,
    elapsedMs: Math.round(elapsedMs), runsPerMinute: Math.round((options.runs * 60_000) / elapsedMs), simulated: true,
    summary: summariseRuns(outcomes),
  };
}
