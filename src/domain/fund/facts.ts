/**
 * Index changes for the DCB fund (kinds `dcb-package`, `fund-pledge`, `fund-contribution`,
 * `fund-allocation`, `fund-expenditure`). Every movement is its own fact, valid from its date and
 * never ended, so that any balance at any date is a sum over the facts valid then: received =
 * Σ contributions; allocated = Σ allocations; spent = Σ expenditures. Allocations and expenditures
 * are keyed `PROJECT/n` (the n-th of that project).
 */
import { assertNever } from '../decider.js';
import type { FactChange } from '../facts.js';
import type { WorldState } from '../world-state.js';
import type { FundEvent } from './types.js';

export function projectFund(after: WorldState, event: FundEvent): FactChange[] {
  const f = after.fund;
  switch (event.type) {
    case 'DcbPackageLaunched': {
      const p = f.packages[event.data.package];
      if (!p) return [];
      const { id, ...rest } = p;
      return [{ op: 'assert', kind: 'dcb-package', key: id, validFrom: p.launchedAt, data: { package: id, ...rest } }];
    }
    case 'FundPledged': {
      const partner = event.data.package === undefined ? undefined : f.packages[event.data.package]?.partner;
      return [{
        op: 'assert', kind: 'fund-pledge', key: event.data.pledge, validFrom: event.at,
        data: { ...event.data, ...(partner === undefined ? {} : { partner }) },
      }];
    }
    case 'FundContributed': {
      const partner = event.data.package === undefined ? undefined : f.packages[event.data.package]?.partner;
      return [{
        op: 'assert', kind: 'fund-contribution', key: event.data.contribution, validFrom: event.at,
        data: { ...event.data, ...(partner === undefined ? {} : { partner }) },
      }];
    }
    case 'ProjectAllocated': {
      const project = f.projects[event.data.project];
      if (!project) return [];
      return [{ op: 'assert', kind: 'fund-allocation', key: `${project.id}/${project.allocations}`, validFrom: event.at, data: event.data }];
    }
    case 'ExpenditureRecorded': {
      const project = f.projects[event.data.project];
      if (!project) return [];
      return [{
        op: 'assert', kind: 'fund-expenditure', key: `${project.id}/${project.expenditures}`, validFrom: event.at,
        data: { ...event.data, package: project.package, partner: project.partner, area: project.area },
      }];
    }
    default:
      return assertNever(event);
  }
}
