/**
 * How entries and their checks cross to and from the checking threads: packed into a few buffers
 * that are moved, not one cloned object per entry (cloning was most of what the main thread spent
 * on a check).
 */
import type { EntryCheck, EntryKey } from '../../app/entry-check.js';
import type { Finding } from '../../app/verify-problem.js';

export interface CheckTask {
  readonly world: string;
  readonly keys: [string, EntryKey][];
  readonly seqs: Float64Array;
  /** Every entry's bytes end to end; entry i is `data[ends[i-1] ?? 0, ends[i])`. */
  readonly data: Uint8Array;
  readonly ends: Uint32Array;
}

export interface PackedChecks {
  /** 32 bytes a leaf hash, in order. */
  readonly leaves: Uint8Array;
  readonly signed: Uint8Array;
  readonly recordTimes: (string | null)[];
  /** Only the entries with problems: [index, problems]. */
  readonly problems: [number, Finding[]][];
}

export function packTask(world: string, keys: [string, EntryKey][], rows: readonly { readonly seq: number; readonly bytes: Uint8Array }[]): CheckTask {
  let length = 0;
  for (const r of rows) length += r.bytes.length;
  const data = new Uint8Array(length);
  const ends = new Uint32Array(rows.length);
  const seqs = new Float64Array(rows.length);
  let offset = 0;
  rows.forEach((r, i) => {
    data.set(r.bytes, offset);
    offset += r.bytes.length;
    ends[i] = offset;
    seqs[i] = r.seq;
  });
  return { world, keys, seqs, data, ends };
}

export const taskBuffers = (task: CheckTask): ArrayBuffer[] => [task.seqs.buffer as ArrayBuffer, task.data.buffer as ArrayBuffer, task.ends.buffer as ArrayBuffer];

export function unpackRows(task: CheckTask): { seq: number; bytes: Uint8Array }[] {
  return Array.from(task.seqs, (seq, i) => ({ seq, bytes: task.data.subarray(i === 0 ? 0 : task.ends[i - 1]!, task.ends[i]!) }));
}

export function packChecks(checks: readonly EntryCheck[]): PackedChecks {
  const leaves = new Uint8Array(checks.length * 32);
  const signed = new Uint8Array(checks.length);
  const recordTimes: (string | null)[] = [];
  const problems: [number, Finding[]][] = [];
  checks.forEach((c, i) => {
    leaves.set(c.leafHash, i * 32);
    signed[i] = c.signed ? 1 : 0;
    recordTimes.push(c.recordTime ?? null);
    if (c.problems.length) problems.push([i, [...c.problems]]);
  });
  return { leaves, signed, recordTimes, problems };
}

export const checksBuffers = (packed: PackedChecks): ArrayBuffer[] => [packed.leaves.buffer as ArrayBuffer, packed.signed.buffer as ArrayBuffer];

export function unpackChecks(packed: PackedChecks, rows: readonly { readonly seq: number }[]): EntryCheck[] {
  const problems = new Map(packed.problems);
  return rows.map((r, i) => {
    const recordTime = packed.recordTimes[i];
    return {
      seq: r.seq, leafHash: packed.leaves.subarray(i * 32, i * 32 + 32), signed: packed.signed[i] === 1,
      problems: problems.get(i) ?? [], ...(recordTime === null || recordTime === undefined ? {} : { recordTime }),
    };
  });
}
