/**
 * Evaluation of a scenario against its objectives: for each objective of the scenario file, what
 * the system measured (src/domain/scenario/objectives.ts, on the report of what the reader may
 * see) and the evaluators' scores, each an entry of the scenario world (`ObjectiveScored`) signed
 * by the evaluator's own principal, marked EXERCISE, releasable to exercise control, evaluators and
 * observers (XEV) and never to players.
 *
 * Evaluators, directors and controllers score; observers read the evaluation; players do neither.
 */
import { afterActionReport, type AfterActionReport, type TimelineItem } from '../../domain/scenario/aar.js';
import { scenarioNow } from '../../domain/scenario/clock.js';
import { formatOffset, isoSeconds } from '../../domain/scenario/duration.js';
import { measureObjective, RATINGS, type Measure, type Measured, type Rating } from '../../domain/scenario/objectives.js';
import { EXCON, endMs, startMs, type ScenarioDefinition } from '../../domain/scenario/types.js';
import type { Title } from '../../domain/command.js';
import { fromUtf8 } from '../../ledger/bytes.js';
import type { Entry, Json } from '../../ledger/entry.js';
import { classificationRank, type Classification } from '../../ledger/classification.js';
import { EVALUATION_RELEASABILITY, FULL_ACCESS, accessFor } from '../access.js';
import { EvereError } from '../errors.js';
import type { AccessFilter } from '../ports.js';
import { scenarioMeta } from './headless.js';
import { CONTROL_PRINCIPAL, lastValidTime, readScenario } from './scenario-state.js';
import { SYSTEM_OPERATOR, sourceOfActor, type Operator, type Scenarios } from './service.js';

export const SCORE_TYPE = 'ObjectiveScored';

export interface ScoreView {
  readonly seq: number;
  readonly at: string;
  readonly offset: string;
  readonly objective: string;
  readonly rating: Rating;
  readonly observation: string;
  readonly evaluator: string;
  readonly signedBy: string;
}

export interface ObjectiveView {
  readonly id: string;
  readonly title: Title;
  readonly description?: Title;
  readonly measure?: Measure;
  readonly measured: Measured;
  readonly scores: readonly ScoreView[];
}

export interface Evaluation {
  readonly exercise: true;
  readonly objectives: readonly ObjectiveView[];
}

const SCORERS = new Set(['director', 'controller', 'evaluator']);
const READERS = new Set([...SCORERS, 'observer']);

/** True if the operator may read the evaluation (exercise control, evaluators, observers). */
export function mayReadEvaluation(scenarios: Scenarios, name: string, operator: Operator): boolean {
  if (operator.kind === 'system') return true;
  return scenarios.takesPart(operator, name) && READERS.has(operator.account.role);
}

function accessOf(scenarios: Scenarios, name: string, operator: Operator): Promise<AccessFilter> {
  return operator.kind === 'system' ? Promise.resolve(FULL_ACCESS) : scenarios.deps.ledger.requireWorld(name).then((w) => accessFor(operator.account, w));
}

function scoreOf(e: Entry, start: number): ScoreView {
  const p = e.payload as { objective: string; rating: Rating; observation: string; evaluator: string };
  return {
    seq: e.seq, at: e.validTime, offset: formatOffset(Date.parse(e.validTime) - start),
    objective: p.objective, rating: p.rating, observation: p.observation, evaluator: p.evaluator, signedBy: e.actor,
  };
}

/** The objectives with their measures and the scores the reader may read, on a report already built. */
export async function objectiveViews(
  scenarios: Scenarios, name: string, definition: ScenarioDefinition, aar: AfterActionReport,
  context: { access: AccessFilter; humanSeats: readonly string[]; ended: boolean },
): Promise<ObjectiveView[]> {
  const rows = await scenarios.deps.ledger.store.findEntries(name, { types: [SCORE_TYPE], access: context.access });
  const start = startMs(definition);
  const scores = rows.map((r) => scoreOf(JSON.parse(fromUtf8(r.bytes)) as Entry, start));
  return (definition.objectives ?? []).map((o) => ({
    id: o.id, title: o.title, ...(o.description ? { description: o.description } : {}), ...(o.measure ? { measure: o.measure } : {}),
    measured: measureObjective(o, aar, { humanSeats: context.humanSeats, ended: context.ended }),
    scores: scores.filter((s) => s.objective === o.id),
  }));
}

/** The evaluation as the operator may read it. */
export async function evaluation(scenarios: Scenarios, name: string, operator: Operator = SYSTEM_OPERATOR): Promise<Evaluation> {
  if (!scenarios.takesPart(operator, name)) throw new EvereError('scenario.not_found', { name });
  if (!mayReadEvaluation(scenarios, name, operator)) throw new EvereError('objective.not_evaluator', { user: operator.kind === 'account' ? operator.account.username : 'operator', name });
  await scenarios.tick(name);
  const ledger = scenarios.deps.ledger;
  const sc = await readScenario(ledger, name);
  const access = await accessOf(scenarios, name, operator);
  const rows = await ledger.store.findEntries(name, { fromSeq: sc.definedAtSeq, access });
  const items: TimelineItem[] = rows.map((r) => {
    const e = JSON.parse(fromUtf8(r.bytes)) as Entry;
    return { seq: e.seq, at: e.validTime, type: e.type, by: e.actingFor, data: e.payload as Record<string, unknown>, source: sourceOfActor(e.actor) };
  });
  const aar = afterActionReport(scenarioMeta(sc.definition), items);
  const now = scenarioNow(sc.clock, (scenarios.deps.now ?? Date.now)());
  return {
    exercise: true,
    objectives: await objectiveViews(scenarios, name, sc.definition, aar, { access, humanSeats: Object.keys(sc.holders), ended: now >= endMs(sc.definition) }),
  };
}

/** An evaluator scores an objective with an observation, at the scenario's current time (or its end). */
export async function scoreObjective(
  scenarios: Scenarios, name: string,
  input: { objective: string; rating: string; observation: string; classification?: Classification },
  operator: Operator = SYSTEM_OPERATOR,
): Promise<ScoreView> {
  const ledger = scenarios.deps.ledger;
  if (!scenarios.takesPart(operator, name)) throw new EvereError('scenario.not_found', { name });
  const user = operator.kind === 'account' ? operator.account.username : 'operator';
  if (operator.kind === 'account' && !SCORERS.has(operator.account.role)) throw new EvereError('objective.not_evaluator', { user, name });
  const classification = input.classification ?? 'NATO UNCLASSIFIED';
  if (operator.kind === 'account' && classificationRank(classification) > classificationRank(operator.account.clearance)) {
    throw new EvereError('act.not_authorised', { actor: `${user} (${operator.account.clearance})`, by: classification });
  }
  await scenarios.tick(name);
  const sc = await readScenario(ledger, name);
  const ids = (sc.definition.objectives ?? []).map((o) => o.id);
  if (!ids.includes(input.objective)) throw new EvereError('objective.unknown', { objective: input.objective, name, objectives: ids.length ? ids.join(', ') : '—' });
  if (!(RATINGS as readonly string[]).includes(input.rating)) throw new EvereError('objective.rating', { rating: input.rating, ratings: RATINGS.join(', ') });
  const observation = input.observation.trim();
  if (observation.length === 0 || observation.length > 4000) throw new EvereError('objective.observation', { max: 4000 });
  const principal = operator.kind === 'account'
    ? await ledger.ensurePrincipal(name, `evaluator-${operator.account.username.toLowerCase()}`, 'director', EXCON)
    : { id: CONTROL_PRINCIPAL };
  const [entry] = await ledger.appendDecided(name, async () => {
    const s = await readScenario(ledger, name);
    const at = Math.max(Math.min(scenarioNow(s.clock, (scenarios.deps.now ?? Date.now)()), s.clock.end), await lastValidTime(ledger, name));
    return [{
      type: SCORE_TYPE, validTime: isoSeconds(at), actor: principal.id, actingFor: EXCON,
      classification, releasability: [EVALUATION_RELEASABILITY],
      payload: { objective: input.objective, rating: input.rating, observation, evaluator: user } as Json,
    }];
  });
  return scoreOf(entry!, startMs(sc.definition));
}
