/**
 * What the app needs of a world's rules to keep its indexes: fold an entry into the state and
 * say which facts it changes. The treaty engine provides one; a bare ledger uses `bareModel`.
 */
import type { Entry } from '../ledger/entry.js';
import type { FactChange } from '../domain/facts.js';

export interface WorldModel<S = unknown> {
  initialState(): S;
  /** Index changes for this entry, computed from the state before it. */
  project(state: S, entry: Entry): readonly FactChange[];
  evolve(state: S, entry: Entry): S;
}

export const bareModel: WorldModel<null> = {
  initialState: () => null,
  project: () => [],
  evolve: () => null,
};
