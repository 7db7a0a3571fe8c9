/**
 * Many runs of one scenario, summarised: per proposal the share of runs in which it was adopted,
 * the distribution of its time to consensus and of its rounds (revisions of the text), and which
 * delegations blocked it on which paragraphs; the share of proposals adopted per run; per
 * accession protocol the share of runs in which it entered into force. And the side-by-side
 * comparison of two outcomes (a what-if branch against its parent).
 */
import type { AfterActionReport } from './aar.js';

/** A silence break or an objection, and the paragraph it named (if it named one). */
export interface Block {
  readonly proposal: string;
  readonly ally: string;
  readonly paragraph?: number;
}

export interface RunOutcome {
  readonly proposals: Readonly<Record<string, {
    readonly adopted: boolean;
    readonly hours?: number;
    readonly title: string;
    /** Revisions of the text (0: adopted or left as tabled). */
    readonly revisions: number;
    readonly blocks: readonly { readonly ally: string; readonly paragraph?: number }[];
  }>>;
  readonly adoptedShare: number;
  readonly accessions: Readonly<Record<string, { readonly inForce: boolean; readonly hours?: number }>>;
  readonly silenceBreaks: number;
  readonly footnotes: number;
  readonly refusals: number;
}

export interface Histogram {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface Distribution {
  readonly count: number;
  readonly min?: number;
  readonly p10?: number;
  readonly p50?: number;
  readonly p90?: number;
  readonly max?: number;
  readonly mean?: number;
  readonly histogram: readonly Histogram[];
}

export interface BatchSummary {
  readonly runs: number;
  readonly adoptedShare: Distribution;
  readonly proposals: readonly {
    readonly proposal: string;
    readonly title: string;
    readonly runs: number;
    readonly adoptedShare: number;
    readonly hoursToConsensus: Distribution;
    /** Revisions of the text, in every run that tabled it. */
    readonly rounds: Distribution;
    /** Silence breaks and objections, by delegation and paragraph named, most first. */
    readonly blocks: readonly { readonly ally: string; readonly paragraph?: number; readonly count: number }[];
  }[];
  readonly accessions: readonly { readonly protocol: string; readonly inForceShare: number; readonly hoursToEntryIntoForce: Distribution }[];
  readonly silenceBreaks: Distribution;
  readonly footnotes: Distribution;
  readonly refusals: number;
}

export function runOutcome(report: AfterActionReport, refusals = 0, blocks: readonly Block[] = []): RunOutcome {
  const proposals: Record<string, RunOutcome['proposals'][string]> = {};
  for (const d of report.decisions) {
    proposals[d.proposal] = {
      adopted: d.status === 'adopted', title: d.title.en, ...(d.hoursToConsensus !== undefined ? { hours: d.hoursToConsensus } : {}),
      revisions: d.revisions,
      blocks: blocks.filter((b) => b.proposal === d.proposal).map((b) => (b.paragraph === undefined ? { ally: b.ally } : { ally: b.ally, paragraph: b.paragraph })),
    };
  }
  const accessions: Record<string, { inForce: boolean; hours?: number }> = {};
  for (const a of report.accessions) {
    accessions[a.protocol] = { inForce: a.enteredIntoForceAt !== undefined, ...(a.hoursToEntryIntoForce !== undefined ? { hours: a.hoursToEntryIntoForce } : {}) };
  }
  return {
    proposals, accessions, adoptedShare: report.totals.adoptedShare,
    silenceBreaks: report.totals.silenceBreaks, footnotes: report.totals.footnotes, refusals,
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The nearest-rank quantile `q` of sorted values. */
export function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/** Order statistics and an equal-width histogram (`bins` bins) of the values. */
export function distribution(values: readonly number[], bins = 10): Distribution {
  if (values.length === 0) return { count: 0, histogram: [] };
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0]!;
  const max = sorted.at(-1)!;
  const width = max > min ? (max - min) / bins : 1;
  const counts = new Array<number>(max > min ? bins : 1).fill(0);
  for (const v of sorted) counts[Math.min(counts.length - 1, Math.floor((v - min) / width))]!++;
  return {
    count: sorted.length,
    min: round2(min), p10: round2(quantile(sorted, 0.1)), p50: round2(quantile(sorted, 0.5)), p90: round2(quantile(sorted, 0.9)), max: round2(max),
    mean: round2(sorted.reduce((s, v) => s + v, 0) / sorted.length),
    histogram: counts.map((count, i) => ({ from: round2(min + i * width), to: round2(min + (i + 1) * width), count })),
  };
}

function countBlocks(blocks: readonly { ally: string; paragraph?: number }[]): { ally: string; paragraph?: number; count: number }[] {
  const counts = new Map<string, { ally: string; paragraph?: number; count: number }>();
  for (const b of blocks) {
    const key = `${b.ally}|${b.paragraph ?? ''}`;
    const found = counts.get(key);
    if (found) found.count++;
    else counts.set(key, { ...b, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.ally < b.ally ? -1 : a.ally > b.ally ? 1 : (a.paragraph ?? 0) - (b.paragraph ?? 0)));
}

export function summariseRuns(outcomes: readonly RunOutcome[]): BatchSummary {
  const runs = outcomes.length;
  const proposalIds = [...new Set(outcomes.flatMap((o) => Object.keys(o.proposals)))];
  const protocolIds = [...new Set(outcomes.flatMap((o) => Object.keys(o.accessions)))].sort();
  return {
    runs,
    adoptedShare: distribution(outcomes.map((o) => o.adoptedShare)),
    proposals: proposalIds.map((id) => {
      const seen = outcomes.map((o) => o.proposals[id]).filter((p) => p !== undefined);
      const adopted = seen.filter((p) => p.adopted);
      return {
        proposal: id, title: seen[0]?.title ?? id, runs: seen.length,
        adoptedShare: runs ? round2(adopted.length / runs) : 0,
        hoursToConsensus: distribution(adopted.map((p) => p.hours ?? 0)),
        rounds: distribution(seen.map((p) => p.revisions)),
        blocks: countBlocks(seen.flatMap((p) => p.blocks)),
      };
    }),
    accessions: protocolIds.map((id) => {
      const inForce = outcomes.map((o) => o.accessions[id]).filter((a) => a?.inForce);
      return { protocol: id, inForceShare: runs ? round2(inForce.length / runs) : 0, hoursToEntryIntoForce: distribution(inForce.map((a) => a!.hours ?? 0)) };
    }),
    silenceBreaks: distribution(outcomes.map((o) => o.silenceBreaks)),
    footnotes: distribution(outcomes.map((o) => o.footnotes)),
    refusals: outcomes.reduce((n, o) => n + o.refusals, 0),
  };
}

export interface Comparison {
  readonly left: string;
  readonly right: string;
  readonly totals: readonly { readonly measure: string; readonly left: number; readonly right: number }[];
  readonly proposals: readonly {
    readonly proposal: string;
    readonly title: string;
    readonly left?: { readonly status: string; readonly hours?: number };
    readonly right?: { readonly status: string; readonly hours?: number };
    readonly changed: boolean;
  }[];
  readonly silenceBreaks: readonly { readonly party: string; readonly left: number; readonly right: number }[];
  readonly footnotes: readonly { readonly party: string; readonly left: number; readonly right: number }[];
}

/** Two outcomes side by side: what changed between them. */
export function compareReports(left: { name: string; report: AfterActionReport }, right: { name: string; report: AfterActionReport }): Comparison {
  const l = left.report;
  const r = right.report;
  const measures = ['proposals', 'adopted', 'failed', 'silenceBreaks', 'footnotes', 'objections', 'injects', 'acts'] as const;
  const ids = [...new Set([...l.decisions.map((d) => d.proposal), ...r.decisions.map((d) => d.proposal)])];
  const side = (report: AfterActionReport, id: string) => {
    const d = report.decisions.find((x) => x.proposal === id);
    return d ? { status: d.status, ...(d.hoursToConsensus !== undefined ? { hours: d.hoursToConsensus } : {}) } : undefined;
  };
  const pair = (a: readonly { party: string; count: number }[], b: readonly { party: string; count: number }[]) =>
    [...new Set([...a.map((x) => x.party), ...b.map((x) => x.party)])].sort()
      .map((party) => ({ party, left: a.find((x) => x.party === party)?.count ?? 0, right: b.find((x) => x.party === party)?.count ?? 0 }));
  return {
    left: left.name,
    right: right.name,
    totals: measures.map((m) => ({ measure: m, left: l.totals[m], right: r.totals[m] })),
    proposals: ids.map((id) => {
      const a = side(l, id);
      const b = side(r, id);
      const title = (l.decisions.find((d) => d.proposal === id) ?? r.decisions.find((d) => d.proposal === id))!.title.en;
      return { proposal: id, title, ...(a ? { left: a } : {}), ...(b ? { right: b } : {}), changed: JSON.stringify(a) !== JSON.stringify(b) };
    }),
    silenceBreaks: pair(l.silenceBreaks, r.silenceBreaks),
    footnotes: pair(l.footnotes, r.footnotes),
  };
}

/**
 * The decisions that bots can contest (proposal → the seats that can) whose time to consensus is
 * the same in every run, or was never measured: the bots' distributions do not vary them.
 */
export function contestedWithoutSpread(summary: BatchSummary, contestable: ReadonlyMap<string, readonly string[]>): { proposal: string; by: readonly string[]; hours?: number }[] {
  const out: { proposal: string; by: readonly string[]; hours?: number }[] = [];
  for (const p of summary.proposals) {
    const by = contestable.get(p.proposal);
    if (!by) continue;
    const t = p.hoursToConsensus;
    if (t.count === 0) out.push({ proposal: p.proposal, by });
    else if (!(t.p90! > t.p10!)) out.push({ proposal: p.proposal, by, hours: t.p10! });
  }
  return out;
}
