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
  readonly goal?: string;
  readonly met?: boolean;
}

export const results: Result[] = [];

export function report(result: Result): void {
  results.push(result);
  const parts = [`${result.name.padEnd(52)} ${result.value}`];
  if (result.against) parts.push(`  vs ${result.against}`);
  if (result.ratio !== undefined) parts.push(`  ratio ${result.ratio.toFixed(2)}×`);
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
