/**
 * The marking of an index row. A fact is as restricted as the most restricted entry that shaped
 * it: when a NATO RESTRICTED proposal is later agreed to by an unclassified act, the proposal's
 * row stays NATO RESTRICTED (otherwise a later, lower act would leak its title and history).
 */
import type { FactChange } from '../domain/facts.js';
import type { Entry } from '../ledger/entry.js';
import { classificationRank, type Classification } from '../ledger/classification.js';

export interface Marking {
  readonly classification: Classification;
  readonly releasability: readonly string[];
}

/** A change with its marking and, when it ends an open row, the entry that asserted that row. */
export type MarkedFact = FactChange & { readonly marking: Marking; readonly closes?: number };

/**
 * The stricter of two markings: the higher level, and releasable only where both are (PUBLIC
 * releases to everyone; information NATO holds stays releasable to NATO).
 */
export function stricter(a: Marking, b: Marking): Marking {
  const classification = classificationRank(a.classification) >= classificationRank(b.classification) ? a.classification : b.classification;
  let releasability: readonly string[];
  if (a.releasability.includes('PUBLIC')) releasability = b.releasability;
  else if (b.releasability.includes('PUBLIC')) releasability = a.releasability;
  else releasability = ['NATO', ...a.releasability.filter((t) => t !== 'NATO' && b.releasability.includes(t))];
  return { classification, releasability };
}

const slot = (f: FactChange) => `${f.kind}\u0000${f.key}`;

/** Current markings per (kind, key), with changes staged until an append commits. */
export class FactMarkings {
  private readonly staged = new Map<string, Marking | null>();
  private readonly stagedSince = new Map<string, number>();

  /** `since`: the entry that asserted each open row (its `sysFrom`). */
  constructor(private readonly current = new Map<string, Marking>(), private readonly since = new Map<string, number>()) {}

  private get(key: string): Marking | undefined {
    const s = this.staged.get(key);
    return s === null ? undefined : s ?? this.current.get(key);
  }

  private sinceOf(key: string): number | undefined {
    return this.staged.has(key) ? this.stagedSince.get(key) : this.since.get(key);
  }

  /** The current marking of an index row, if it exists. */
  markingOf(kind: string, key: string): Marking | undefined {
    return this.get(`${kind}\u0000${key}`);
  }

  /** Marks each change of an entry, staging the new current markings. */
  mark(entry: Entry, facts: readonly FactChange[]): MarkedFact[] {
    const own: Marking = { classification: entry.classification, releasability: entry.releasability };
    return facts.map((f) => {
      const key = slot(f);
      const previous = this.get(key);
      const closes = previous ? this.sinceOf(key) : undefined;
      const marking = previous ? stricter(previous, own) : own;
      this.staged.set(key, f.op === 'assert' ? marking : null);
      if (f.op === 'assert') this.stagedSince.set(key, entry.seq);
      else this.stagedSince.delete(key);
      return closes === undefined ? { ...f, marking } : { ...f, marking, closes };
    });
  }

  /** The staged markings become current (after a successful append). */
  commit(): FactMarkings {
    for (const [key, m] of this.staged) {
      if (m === null) {
        this.current.delete(key);
        this.since.delete(key);
      } else {
        this.current.set(key, m);
        this.since.set(key, this.stagedSince.get(key)!);
      }
    }
    this.staged.clear();
    this.stagedSince.clear();
    return this;
  }

  /** A view for a new attempt: staged changes dropped. */
  fork(): FactMarkings {
    return new FactMarkings(this.current, this.since);
  }
}
