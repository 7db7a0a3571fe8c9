/**
 * Index changes the domain derives from an event, so that "as of a date" questions are answered
 * from indexes kept in the same transaction as the append, never by replaying the log.
 *
 * A fact is identified by (kind, key). The store keeps every version bitemporally:
 * - valid time: [validFrom, validTo) — when the fact holds in the world (validTo open if absent);
 * - record time: the log position (seq) from which a version is current, until a later change to
 *   the same (kind, key) supersedes it.
 * `assert` makes a new current version of (kind, key); `retract` ends the current one.
 * Times are ISO 8601 strings as the events carry them; the app normalises them for comparison.
 */
export interface FactAssert {
  readonly op: 'assert';
  readonly kind: string;
  readonly key: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly data: unknown;
}

export interface FactRetract {
  readonly op: 'retract';
  readonly kind: string;
  readonly key: string;
}

export type FactChange = FactAssert | FactRetract;
