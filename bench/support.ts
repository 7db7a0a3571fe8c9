/** Small helpers for benchmarks: timing, percentiles, and printing a measured ratio. */
export const now = (): number => performance.now();

export function rate(count: number, ms: number): number {
  return (count * 1000) / ms;
}

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i]!;
}

export interface Result {
  readonly name: string;
  readonly value: string;
  readonly against?: string;
  readonly ratio?: number;
  /** The ratios of the independent runs the ratio is the median of, as "min–max". */
  readonly ratioSpread?: string;
  readonly goal?: string;
  readonly met?: boolean;
}

export const results: Result[] = [];

export function report(result: Result): void {
  results.push(result);
  const parts = [`${result.name.padEnd(52)} ${result.value}`];
  if (result.against) parts.push(`  vs ${result.against}`);
  if (result.ratio !== undefined) parts.push(`  ratio ${result.ratio.toFixed(2)}×${result.ratioSpread ? ` (median of runs ${result.ratioSpread})` : ''}`);
  if (result.goal) parts.push(`  goal ${result.goal} ${result.met ? 'MET' : 'NOT MET'}`);
  console.log(parts.join(''));
}

export function fmt(n: number, unit: string): string {
  return `${n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(3)} ${unit}`;
}

export async function timeMany(count: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = now();
    await fn(i);
    times.push(now() - t0);
  }
  return times.sort((a, b) => a - b);
}

/** The median of a list of numbers (the upper middle for an even count). */
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export interface Paired {
  readonly floor: number;
  readonly ours: number;
  readonly floors: readonly number[];
  readonly oursAll: readonly number[];
  /** Independent runs (fresh processes, or rounds measured apart), each side's median in each. */
  readonly runs?: readonly { readonly floor: number; readonly ours: number }[];
}

export const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));

/**
 * Runs measured apart (fresh pairs of processes, or rounds in alternation with other sizes) as one
 * result: the medians over all their figures, and each run's medians, so that the ratio is the
 * median of the runs' ratios and one run that settled fast or slow does not decide it.
 */
export function mergePaired(parts: readonly Paired[]): Paired {
  const floors = parts.flatMap((p) => p.floors);
  const oursAll = parts.flatMap((p) => p.oursAll);
  return { floor: median(floors), ours: median(oursAll), floors, oursAll, runs: parts.map((p) => ({ floor: p.floor, ours: p.ours })) };
}

/**
 * Measures a floor and the product in alternation, `rounds` times each (at least three), and
 * returns both medians and each round's pair, so that the ratio is the median of the rounds'
 * ratios: a round's two figures are taken a few seconds apart, so a spell in which the machine
 * runs slower or faster (on a shared 2-core machine, one side's rate moved 0.75× to 1.25× of the
 * other's from round to round, with the same CPU time a request) falls on both sides of one
 * round instead of on the median of one side. Each function returns one figure (a rate or a
 * time) for its round.
 */
export async function paired(floor: (round: number) => Promise<number> | number, ours: (round: number) => Promise<number> | number, rounds = ROUNDS): Promise<Paired> {
  const floors: number[] = [];
  const oursAll: number[] = [];
  for (let round = 0; round < rounds; round++) {
    floors.push(await floor(round));
    oursAll.push(await ours(round));
  }
  return { floor: median(floors), ours: median(oursAll), floors, oursAll, runs: floors.map((f, r) => ({ floor: f, ours: oursAll[r]! })) };
}

/** "min–max" of a round's figures, printed beside a median so the spread is visible. */
export function spread(xs: readonly number[]): string {
  const sorted = [...xs].sort((a, b) => a - b);
  const num = (n: number) => fmt(n, '').trim();
  return `${num(sorted[0]!)}–${num(sorted.at(-1)!)}`;
}

/**
 * Reports a paired measurement as a ratio against its goal. `kind` says which way is better:
 * for a rate the ratio is floor ÷ ours (how many times slower we are); for a time it is ours ÷
 * floor; for a share (requests/s as a fraction of the bare route) it is ours ÷ floor, higher is
 * better.
 */
export function reportPaired(name: string, p: Paired, unit: string, kind: 'rate' | 'time' | 'share', goal: number, floorName: string): void {
  const ratioOf = (floor: number, ours: number): number => (kind === 'rate' ? floor / ours : ours / floor);
  const runs = p.runs && p.runs.length >= 3 ? p.runs.map((r) => ratioOf(r.floor, r.ours)) : undefined;
  const ratio = runs ? median(runs) : ratioOf(p.floor, p.ours);
  const met = kind === 'share' ? ratio >= goal : ratio <= goal;
  report({
    name,
    value: `${fmt(p.ours, unit)} (${p.oursAll.length} rounds: ${spread(p.oursAll)})`,
    against: `${floorName} ${fmt(p.floor, unit)} (${spread(p.floors)})`,
    // With the runs' ratios deciding, the ratio of the two medians is printed beside them.
    ratio, ...(runs ? { ratioSpread: `${runs.length}: ${spread(runs.map((r) => Number(r.toFixed(2))))}; ratio of medians ${ratioOf(p.floor, p.ours).toFixed(2)}×` } : {}),
    goal: `${kind === 'share' ? '≥' : '≤'} ${goal}×`, met,
  });
}

/** One per-call comparison: the bare floor and the product, each answering input `i`. */
export interface CallCase {
  floor(i: number): unknown;
  ours(i: number): unknown;
}

/**
 * Per-call latency of a floor and the product, interleaved call by call (a pause of the machine
 * hits both sides alike; the side asked first alternates from call to call), `rounds` times;
 * each round's statistic (e.g. p99) per side, then the medians over rounds as `paired` does, and
 * each round's pair, so that the ratio is the median of the rounds' ratios.
 */
export async function pairedCalls(inputs: number, floor: (i: number) => unknown, ours: (i: number) => unknown, stat: (sortedMs: number[]) => number, rounds = ROUNDS): Promise<Paired> {
  return (await pairedCallsAcross(inputs, [{ floor, ours }], stat, rounds))[0]!;
}

/**
 * As `pairedCalls`, for several cases at once (the same question asked of logs of different
 * sizes): for each input, every case's floor and product in turn, so that a busy spell of the
 * machine falls on every case alike instead of on the one being measured when it came.
 */
export async function pairedCallsAcross(inputs: number, cases: readonly CallCase[], stat: (sortedMs: number[]) => number, rounds = ROUNDS): Promise<Paired[]> {
  const floors = cases.map((): number[] => []);
  const oursAll = cases.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    const f = cases.map((): number[] => []);
    const o = cases.map((): number[] => []);
    for (let i = 0; i < inputs; i++) {
      // The side asked first alternates: the first reads the pages, the second finds them cached.
      const floorFirst = i % 2 === 0;
      for (let k = 0; k < cases.length; k++) {
        const c = cases[k]!;
        const t0 = now();
        await (floorFirst ? c.floor(i) : c.ours(i));
        const t1 = now();
        await (floorFirst ? c.ours(i) : c.floor(i));
        const t2 = now();
        f[k]!.push(floorFirst ? t1 - t0 : t2 - t1);
        o[k]!.push(floorFirst ? t2 - t1 : t1 - t0);
      }
    }
    cases.forEach((_, k) => {
      floors[k]!.push(stat(f[k]!.sort((a, b) => a - b)));
      oursAll[k]!.push(stat(o[k]!.sort((a, b) => a - b)));
    });
  }
  return cases.map((_, k) => ({
    floor: median(floors[k]!), ours: median(oursAll[k]!), floors: floors[k]!, oursAll: oursAll[k]!,
    runs: floors[k]!.map((floor, r) => ({ floor, ours: oursAll[k]![r]! })),
  }));
}
