/**
 * Index changes for human-security tags (kind `human-security`): keyed `ACTIVITY/ID` for the first
 * tag and `ACTIVITY/ID/n` for the n-th; a new tag re-asserts the previous one with its end, so the
 * tag in force at any date is the one whose valid time contains it.
 */
import type { FactAssert, FactChange } from '../facts.js';
import type { WorldState } from '../world-state.js';
import { tagKey } from './human-security.js';
import type { HumanSecurityEvent } from './types.js';

export function projectHumanSecurity(after: WorldState, event: HumanSecurityEvent): FactChange[] {
  const { activity, id } = event.data;
  const key = tagKey(activity, id);
  const tags = after.humanSecurity.tags[key] ?? [];
  const fact = (index: number): FactAssert | undefined => {
    const t = tags[index];
    if (!t) return undefined;
    return {
      op: 'assert', kind: 'human-security', key: index === 0 ? key : `${key}/${index + 1}`, validFrom: t.from,
      ...(t.until === undefined ? {} : { validTo: t.until }),
      data: {
        activity, id, coreTask: t.coreTask, pillars: t.pillars,
        ...(t.genderAnalysis === undefined ? {} : { genderAnalysis: t.genderAnalysis }),
        from: t.from, ...(t.until === undefined ? {} : { until: t.until }),
      },
    };
  };
  return [fact(tags.length - 2), fact(tags.length - 1)].filter((f): f is FactAssert => f !== undefined);
}
