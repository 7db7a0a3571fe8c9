/**
 * Index changes for partnerships (kinds `framework`, `partnership`, `partnership-suspension`,
 * `partnership-programme`). Periods that can recur are keyed `FRAMEWORK/ISO3` for the first and
 * `FRAMEWORK/ISO3/n` for the n-th, so that every period stays current in the index.
 */
import { assertNever } from '../decider.js';
import type { FactAssert, FactChange } from '../facts.js';
import type { WorldState } from '../world-state.js';
import { participationKey } from './queries.js';
import type { PartnershipsEvent, PartnershipsState, Suspension } from './types.js';

const numbered = (key: string, index: number): string => (index === 0 ? key : `${key}/${index + 1}`);

function participationFact(p: PartnershipsState, framework: string, partner: string): FactAssert | undefined {
  const periods = p.participations[participationKey(framework, partner)] ?? [];
  const index = periods.length - 1;
  const period = periods[index];
  if (!period) return undefined;
  return {
    op: 'assert',
    kind: 'partnership',
    key: numbered(participationKey(framework, partner), index),
    validFrom: period.from,
    ...(period.status === 'left' ? { validTo: period.until } : {}),
    data: {
      framework, partner, from: period.from, ...(period.fromIs === undefined ? {} : { fromIs: period.fromIs }),
      ...(period.status === 'left' ? { until: period.until, ...(period.untilIs === undefined ? {} : { untilIs: period.untilIs }) } : {}),
    },
  };
}

/** Every suspension of the pair, numbered across its periods; only those that changed are asserted. */
function suspensionFacts(before: PartnershipsState, after: PartnershipsState, framework: string, partner: string): FactAssert[] {
  const all = (s: PartnershipsState): Suspension[] => (s.participations[participationKey(framework, partner)] ?? []).flatMap((p) => p.suspensions);
  const previous = all(before);
  return all(after).flatMap((s, i) => {
    const old = previous[i];
    if (old && old.from === s.from && old.until === s.until) return [];
    return [{
      op: 'assert' as const,
      kind: 'partnership-suspension',
      key: numbered(participationKey(framework, partner), i),
      validFrom: s.from,
      ...(s.until === undefined ? {} : { validTo: s.until }),
      data: { framework, partner, from: s.from, ...(s.until === undefined ? {} : { until: s.until }), ...(s.reason === undefined ? {} : { reason: s.reason }) },
    }];
  });
}

export function projectPartnerships(after: WorldState, event: PartnershipsEvent, before: WorldState): FactChange[] {
  const p = after.partnerships;
  switch (event.type) {
    case 'FrameworkEstablished': {
      const f = p.frameworks[event.data.framework];
      if (!f) return [];
      return [{
        op: 'assert', kind: 'framework', key: f.id, validFrom: f.establishedAt,
        data: { framework: f.id, name: f.name, ...(f.region === undefined ? {} : { region: f.region }), establishedAt: f.establishedAt },
      }];
    }
    case 'FrameworkJoined':
    case 'FrameworkLeft':
    case 'PartnerSuspended':
    case 'PartnerResumed': {
      const { framework, partner } = event.data;
      const participation = event.type === 'FrameworkJoined' || event.type === 'FrameworkLeft' ? [participationFact(p, framework, partner)] : [];
      return [
        ...participation.filter((f): f is FactAssert => f !== undefined),
        ...suspensionFacts(before.partnerships, p, framework, partner),
      ];
    }
    case 'TailoredProgrammeAgreed': {
      const programme = p.programmes[event.data.programme];
      if (!programme) return [];
      const { id, agreedAt, ...rest } = programme;
      return [{ op: 'assert', kind: 'partnership-programme', key: id, validFrom: agreedAt, data: { programme: id, ...rest, agreedAt } }];
    }
    default:
      return assertNever(event);
  }
}
