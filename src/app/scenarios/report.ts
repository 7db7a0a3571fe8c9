/**
 * The after-action report of a scenario world, as the reader may see it: built from the entries
 * the reader's access lets through (src/app/access.ts), so a player's report holds what a player
 * saw, and exercise control's holds everything. A what-if branch is compared side by side with
 * its parent, both cut at the same scenario time.
 */
import { afterActionReport, type AfterActionReport, type TimelineItem } from '../../domain/scenario/aar.js';
import { compareReports, type Comparison } from '../../domain/scenario/stats.js';
import { fromUtf8 } from '../../ledger/bytes.js';
import { CLASSIFICATIONS, classificationRank, type Classification } from '../../ledger/classification.js';
import type { Entry } from '../../ledger/entry.js';
import type { AccessFilter } from '../ports.js';
import { scenarioMeta } from './headless.js';
import { readScenario, type BranchChange } from './scenario-state.js';
import { SYSTEM_OPERATOR, sourceOfActor, type Operator, type ScenarioStatus, type Scenarios } from './service.js';
import { mayReadEvaluation, objectiveViews, type ObjectiveView } from './evaluation.js';
import { FULL_ACCESS } from '../access.js';

export interface ScenarioReport {
  /** Every page and export of a scenario is marked EXERCISE. */
  readonly exercise: true;
  /** The highest classification among the entries the report shows (for its banners). */
  readonly classification: Classification;
  readonly status: ScenarioStatus;
  readonly aar: AfterActionReport;
  readonly comparison?: Comparison & {
    readonly left: string;
    readonly right: string;
    /** For a branch compared with its parent: the entry it branched at and what it changed. */
    readonly branch?: { readonly atSeq: number; readonly change: BranchChange };
  };
  /** Scenario time play reached: the clock's time, never past the scenario's end. */
  readonly playedUntil: string;
  /**
   * Every objective of the scenario file, with what the system measured and the evaluators'
   * scores (for exercise control, evaluators and observers; a player's report has none).
   */
  readonly objectives?: readonly ObjectiveView[];
}

async function itemsOf(scenarios: Scenarios, name: string, access: AccessFilter | undefined, until?: string): Promise<{ items: TimelineItem[]; highest: number }> {
  const sc = await readScenario(scenarios.deps.ledger, name);
  const rows = await scenarios.deps.ledger.store.findEntries(name, { fromSeq: sc.definedAtSeq, ...(access ? { access } : {}) });
  let highest = 0;
  const items: TimelineItem[] = [];
  for (const row of rows) {
    const e = JSON.parse(fromUtf8(row.bytes)) as Entry;
    if (until !== undefined && e.validTime > until) continue;
    highest = Math.max(highest, classificationRank(e.classification));
    items.push({ seq: e.seq, at: e.validTime, type: e.type, by: e.actingFor, data: e.payload as Record<string, unknown>, source: sourceOfActor(e.actor) });
  }
  return { items, highest };
}

export async function scenarioReport(
  scenarios: Scenarios, name: string,
  options: { access?: AccessFilter; operator?: Operator; compareWith?: string } = {},
): Promise<ScenarioReport> {
  const sc = await readScenario(scenarios.deps.ledger, name);
  const status = await scenarios.status(name, options.operator);
  const { items, highest } = await itemsOf(scenarios, name, options.access);
  const aar = afterActionReport(scenarioMeta(sc.definition), items);
  const other = options.compareWith ?? sc.branch?.parent;
  let comparison: ScenarioReport['comparison'];
  let rank = highest;
  if (other) {
    const osc = await readScenario(scenarios.deps.ledger, other);
    const cut = aar.reachedAt;
    const parent = await itemsOf(scenarios, other, options.access, cut);
    rank = Math.max(rank, parent.highest);
    const otherAar = afterActionReport(scenarioMeta(osc.definition), parent.items);
    const isParent = sc.branch !== undefined && sc.branch.parent === other;
    comparison = {
      ...compareReports({ name: other, report: otherAar }, { name, report: aar }),
      ...(isParent ? { branch: { atSeq: sc.branch!.atSeq, change: sc.branch!.change ?? {} } } : {}),
    };
  }
  const playedUntil = new Date(Math.min(Date.parse(status.now), Date.parse(status.end))).toISOString().replace('.000Z', 'Z');
  const objectives = (sc.definition.objectives?.length ?? 0) > 0 && mayReadEvaluation(scenarios, name, options.operator ?? SYSTEM_OPERATOR)
    ? await objectiveViews(scenarios, name, sc.definition, aar, { access: options.access ?? FULL_ACCESS, humanSeats: Object.keys(sc.holders), ended: status.ended })
    : undefined;
  return { exercise: true, classification: CLASSIFICATIONS[rank]!, status, aar, playedUntil, ...(comparison ? { comparison } : {}), ...(objectives ? { objectives } : {}) };
}
