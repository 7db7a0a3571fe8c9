/**
 * Index changes for Art. 5 events: one `article5` fact per determination, valid from it (with the
 * conditional invocation it made operative, if any), and one `article5-invocation` fact per
 * conditional invocation, valid from it (with the day of its determination once made).
 */
import type { FactChange } from '../facts.js';
import type { WorldState } from '../world-state.js';
import type { CollectiveDefenceEvent } from './types.js';

export function projectCollectiveDefence(after: WorldState, event: CollectiveDefenceEvent): FactChange[] {
  const id = event.data.determination;
  const invocation = after.collectiveDefence.invocations[id];
  const d = after.collectiveDefence.determinations[id];
  const changes: FactChange[] = [];
  if (invocation && event.type !== 'Article5MeasureReported') {
    changes.push({
      op: 'assert', kind: 'article5-invocation', key: id, validFrom: invocation.invokedAt,
      data: {
        determination: id, victims: invocation.victims, attackDate: invocation.attackDate, condition: invocation.condition,
        invokedAt: invocation.invokedAt, ...(d ? { determinedAt: d.determinedAt } : {}),
      },
    });
  }
  if (d) {
    changes.push({
      op: 'assert', kind: 'article5', key: d.id, validFrom: d.determinedAt,
      data: {
        determination: d.id, victims: d.victims, attackDate: d.attackDate, description: d.description, measures: d.measures,
        ...(invocation ? { conditionallyInvokedAt: invocation.invokedAt, condition: invocation.condition } : {}),
      },
    });
  }
  return changes;
}
