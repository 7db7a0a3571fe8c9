/**
 * Index changes for the EU (kinds `eu-membership`, `nato-eu-declaration`). A membership period is
 * keyed `ISO3` for the first and `ISO3/n` for the n-th; a withdrawal notice re-asserts the period
 * with `notifiedAt`, leaving sets its `validTo`.
 */
import { assertNever } from '../decider.js';
import type { FactChange } from '../facts.js';
import type { WorldState } from '../world-state.js';
import type { EuEvent } from './types.js';

export function projectEu(after: WorldState, event: EuEvent): FactChange[] {
  const eu = after.eu;
  switch (event.type) {
    case 'EuJoined':
    case 'EuWithdrawalNotified':
    case 'EuLeft': {
      const state = event.data.state;
      const periods = eu.members[state] ?? [];
      const index = periods.length - 1;
      const m = periods[index];
      if (!m) return [];
      return [{
        op: 'assert', kind: 'eu-membership', key: index === 0 ? state : `${state}/${index + 1}`, validFrom: m.from,
        ...(m.status === 'left' ? { validTo: m.until } : {}),
        data: { state, from: m.from, ...(m.notifiedAt === undefined ? {} : { notifiedAt: m.notifiedAt }), ...(m.status === 'left' ? { until: m.until } : {}) },
      }];
    }
    case 'NatoEuDeclarationSigned': {
      const d = eu.declarations[event.data.declaration];
      if (!d) return [];
      const { id, ...rest } = d;
      return [{ op: 'assert', kind: 'nato-eu-declaration', key: id, validFrom: d.signedAt, data: { declaration: id, ...rest } }];
    }
    default:
      return assertNever(event);
  }
}
