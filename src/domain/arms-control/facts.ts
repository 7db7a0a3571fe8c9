/**
 * Index changes for arms control (kinds `arms-control-instrument`, `arms-control-status`,
 * `arms-control-committee`). A status period is keyed `INSTRUMENT/ISO3` for the first and
 * `INSTRUMENT/ISO3/n` for the n-th; a new status re-asserts the previous one with its end.
 */
import { assertNever } from '../decider.js';
import type { FactAssert, FactChange } from '../facts.js';
import type { WorldState } from '../world-state.js';
import { statusKey } from './queries.js';
import type { ArmsControlEvent } from './types.js';

export function projectArmsControl(after: WorldState, event: ArmsControlEvent): FactChange[] {
  const ac = after.armsControl;
  switch (event.type) {
    case 'ArmsControlInstrumentRegistered':
    case 'ArmsControlInstrumentEnteredIntoForce':
    case 'ArmsControlInstrumentTerminated': {
      const i = ac.instruments[event.data.instrument];
      if (!i) return [];
      const { id, status: _status, ...rest } = i;
      return [{ op: 'assert', kind: 'arms-control-instrument', key: id, validFrom: i.openedAt, data: { instrument: id, ...rest } }];
    }
    case 'ArmsControlStatusRecorded': {
      const { instrument, state } = event.data;
      const key = statusKey(instrument, state);
      const periods = ac.statuses[key] ?? [];
      const fact = (index: number): FactAssert | undefined => {
        const p = periods[index];
        if (!p) return undefined;
        return {
          op: 'assert', kind: 'arms-control-status', key: index === 0 ? key : `${key}/${index + 1}`, validFrom: p.from,
          ...(p.until === undefined ? {} : { validTo: p.until }),
          data: { instrument, state, status: p.status, from: p.from, ...(p.fromIs === undefined ? {} : { fromIs: p.fromIs }), ...(p.until === undefined ? {} : { until: p.until }) },
        };
      };
      return [fact(periods.length - 2), fact(periods.length - 1)].filter((f): f is FactAssert => f !== undefined);
    }
    case 'ArmsControlCommitteeEstablished': {
      const c = ac.committees[event.data.committee];
      if (!c) return [];
      const { id, ...rest } = c;
      return [{ op: 'assert', kind: 'arms-control-committee', key: id, validFrom: c.establishedAt, data: { committee: id, ...rest } }];
    }
    default:
      return assertNever(event);
  }
}
