/** Index changes for Art. 5 events: one `article5` fact per determination, valid from it. */
import type { FactChange } from '../facts.js';
import type { WorldState } from '../world-state.js';
import type { CollectiveDefenceEvent } from './types.js';

export function projectCollectiveDefence(after: WorldState, event: CollectiveDefenceEvent): FactChange[] {
  const d = after.collectiveDefence.determinations[event.data.determination];
  if (!d) return [];
  return [{
    op: 'assert', kind: 'article5', key: d.id, validFrom: d.determinedAt,
    data: { determination: d.id, victims: d.victims, attackDate: d.attackDate, description: d.description, measures: d.measures },
  }];
}
