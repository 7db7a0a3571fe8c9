/**
 * The DCB trust fund decider: the Council launches packages for partners; Allies pledge and
 * contribute; the fund's management allocates received money to projects and records spending.
 *
 * Guarantees, per currency (no conversion between currencies):
 * - A pledge is not a contribution: only contributions count as received.
 * - Nothing is allocated beyond what was received: an allocation to a package draws first on money
 *   earmarked for that package, then on general money, and is refused if both fall short.
 * - Nothing is spent beyond what was allocated to the project.
 * - Every balance reconciles: received = allocated + unallocated; allocated = spent + unspent.
 * - Money moves in valid-time order within a currency, so that these hold at every date.
 * - Only Allies pledge and contribute, each for itself.
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { isAllyAt } from '../membership/queries.js';
import { isBefore } from '../time.js';
import type { WorldState } from '../world-state.js';
import { canAdd, formatMoney, type Currency } from './money.js';
import type {
  AllocateToProject,
  ContributeToFund,
  CurrencyBooks,
  DcbPackage,
  FundCommand,
  FundEvent,
  FundState,
  PledgeToFund,
  RecordExpenditure,
} from './types.js';

type FundDecision = Decision<FundEvent>;

export function initialFundState(): FundState {
  return { packages: {}, pledges: {}, contributions: {}, projects: {}, books: {}, lastMovement: {} };
}

const EMPTY_BOOKS: CurrencyBooks = { pledged: 0, received: 0, allocated: 0, spent: 0, general: 0, earmarked: {} };

export function booksOf(state: FundState, currency: Currency): CurrencyBooks {
  return state.books[currency] ?? EMPTY_BOOKS;
}

/** Received and not yet allocated that an allocation to `pkg` may draw on. */
export function availableFor(books: CurrencyBooks, pkg: string): number {
  return (books.earmarked[pkg] ?? 0) + books.general;
}

function packageAt(state: FundState, pkg: string, at: string): DcbPackage | undefined {
  const p = state.packages[pkg];
  return p && !isBefore(at, p.launchedAt) ? p : undefined;
}

function outOfOrder(state: FundState, currency: Currency, at: string): FundDecision | undefined {
  const last = state.lastMovement[currency];
  return last !== undefined && isBefore(at, last) ? reject('fund.before_last_movement', 'at', { at, lastAt: last, currency }) : undefined;
}

function tooLarge(...sums: [number, number][]): FundDecision | undefined {
  const bad = sums.find(([a, b]) => !canAdd(a, b));
  return bad ? reject('fund.amount_out_of_range', 'data.amount', { amount: bad[1] }) : undefined;
}

export function decideFund(world: WorldState, command: FundCommand): FundDecision {
  const f = world.fund;
  switch (command.cmd) {
    case 'LaunchDcbPackage': {
      const { package: id, partner, areas, title } = command.data;
      const existing = f.packages[id];
      if (existing) return reject('fund.package_exists', 'data.package', { package: id, launchedAt: existing.launchedAt });
      if (isAllyAt(world.membership, partner, command.at)) return reject('fund.partner_is_ally', 'data.partner', { partner, at: command.at });
      return accept(eventFrom(command, 'DcbPackageLaunched', { package: id, partner, areas, ...(title === undefined ? {} : { title }) }));
    }
    case 'PledgeToFund':
      return pledge(world, command);
    case 'ContributeToFund':
      return contribute(world, command);
    case 'AllocateToProject':
      return allocate(f, command);
    case 'RecordExpenditure':
      return spend(f, command);
    default:
      return assertNever(command);
  }
}

/** Only an Ally pledges or contributes, and only for itself. */
function donorViolation(world: WorldState, by: string, ally: string, at: string): FundDecision | undefined {
  if (by !== ally) return reject('actor.mismatch', 'by', { by, party: ally });
  if (!isAllyAt(world.membership, ally, at)) return reject('fund.not_ally', 'data.ally', { state: ally, at });
  return undefined;
}

function pledge(world: WorldState, command: PledgeToFund): FundDecision {
  const f = world.fund;
  const { pledge: id, ally, amount, currency, package: pkg, dateIs } = command.data;
  const refused = donorViolation(world, command.by, ally, command.at);
  if (refused) return refused;
  const existing = f.pledges[id];
  if (existing) return reject('fund.pledge_exists', 'data.pledge', { pledge: id, pledgedAt: existing.pledgedAt });
  if (pkg !== undefined && !packageAt(f, pkg, command.at)) return reject('fund.package_unknown', 'data.package', { package: pkg, at: command.at });
  const large = tooLarge([booksOf(f, currency).pledged, amount]);
  if (large) return large;
  return accept(eventFrom(command, 'FundPledged', {
    pledge: id, ally, amount, currency, ...(pkg === undefined ? {} : { package: pkg }), ...(dateIs === 'on_or_before' ? { dateIs } : {}),
  }));
}

function contribute(world: WorldState, command: ContributeToFund): FundDecision {
  const f = world.fund;
  const { contribution: id, ally, amount, currency, pledge: pledgeId, dateIs } = command.data;
  const refused = donorViolation(world, command.by, ally, command.at);
  if (refused) return refused;
  const existing = f.contributions[id];
  if (existing) return reject('fund.contribution_exists', 'data.contribution', { contribution: id, receivedAt: existing.at });
  let pkg = command.data.package;
  if (pledgeId !== undefined) {
    const p = f.pledges[pledgeId];
    if (!p || isBefore(command.at, p.pledgedAt)) return reject('fund.pledge_unknown', 'data.pledge', { pledge: pledgeId, at: command.at });
    if (p.ally !== ally) return reject('fund.pledge_not_own', 'data.pledge', { pledge: pledgeId, ally, pledgedBy: p.ally });
    if (p.currency !== currency) {
      return reject('fund.currency_mismatch', 'data.currency', { what: 'Pledge', id: pledgeId, expected: p.currency, currency });
    }
    if (pkg !== undefined && p.package !== undefined && pkg !== p.package) {
      return reject('fund.package_mismatch', 'data.package', { pledge: pledgeId, package: pkg, pledgePackage: p.package });
    }
    const outstanding = p.amount - p.honoured;
    if (amount > outstanding) {
      return reject('fund.pledge_exceeded', 'data.amount', {
        pledge: pledgeId, amount: formatMoney(amount, currency), outstanding: formatMoney(outstanding, currency),
      });
    }
    pkg ??= p.package;
  }
  if (pkg !== undefined && !packageAt(f, pkg, command.at)) return reject('fund.package_unknown', 'data.package', { package: pkg, at: command.at });
  const order = outOfOrder(f, currency, command.at);
  if (order) return order;
  const large = tooLarge([booksOf(f, currency).received, amount]);
  if (large) return large;
  return accept(eventFrom(command, 'FundContributed', {
    contribution: id, ally, amount, currency, ...(pkg === undefined ? {} : { package: pkg }), ...(pledgeId === undefined ? {} : { pledge: pledgeId }),
    ...(dateIs === 'on_or_before' ? { dateIs } : {}),
  }));
}

function allocate(f: FundState, command: AllocateToProject): FundDecision {
  const { project: id, package: pkg, area, amount, currency, title } = command.data;
  const p = packageAt(f, pkg, command.at);
  if (!p) return reject('fund.package_unknown', 'data.package', { package: pkg, at: command.at });
  if (!p.areas.includes(area)) return reject('fund.area_not_in_package', 'data.area', { area, package: pkg, areas: p.areas.length > 0 ? p.areas : ['—'] });
  const project = f.projects[id];
  if (project) {
    if (project.package !== pkg) return reject('fund.project_mismatch', 'data.package', { project: id, field: 'package', expected: project.package, value: pkg });
    if (project.area !== area) return reject('fund.project_mismatch', 'data.area', { project: id, field: 'area', expected: project.area, value: area });
    if (project.currency !== currency) {
      return reject('fund.currency_mismatch', 'data.currency', { what: 'Project', id, expected: project.currency, currency });
    }
  }
  const order = outOfOrder(f, currency, command.at);
  if (order) return order;
  const books = booksOf(f, currency);
  const available = availableFor(books, pkg);
  if (amount > available) {
    return reject('fund.insufficient_funds', 'data.amount', {
      package: pkg, amount: formatMoney(amount, currency), available: formatMoney(available, currency), currency,
    });
  }
  const fromEarmarked = Math.min(books.earmarked[pkg] ?? 0, amount);
  return accept(eventFrom(command, 'ProjectAllocated', {
    project: id, package: pkg, partner: p.partner, area, amount, currency, fromEarmarked, fromGeneral: amount - fromEarmarked,
    ...(title === undefined ? {} : { title }),
  }));
}

function spend(f: FundState, command: RecordExpenditure): FundDecision {
  const { project: id, amount, currency } = command.data;
  const project = f.projects[id];
  if (!project || isBefore(command.at, project.firstAllocatedAt)) return reject('fund.project_unknown', 'data.project', { project: id });
  if (project.currency !== currency) {
    return reject('fund.currency_mismatch', 'data.currency', { what: 'Project', id, expected: project.currency, currency });
  }
  const order = outOfOrder(f, currency, command.at);
  if (order) return order;
  const available = project.allocated - project.spent;
  if (amount > available) {
    return reject('fund.overspent', 'data.amount', { project: id, amount: formatMoney(amount, currency), available: formatMoney(available, currency) });
  }
  return accept(eventFrom(command, 'ExpenditureRecorded', { project: id, amount, currency }));
}

// ---- evolve ----

function withBooks(state: FundState, currency: Currency, at: string, update: (b: CurrencyBooks) => CurrencyBooks): FundState {
  return {
    ...state,
    books: { ...state.books, [currency]: update(booksOf(state, currency)) },
    lastMovement: { ...state.lastMovement, [currency]: at },
  };
}

export function evolveFund(state: FundState, event: FundEvent): FundState {
  switch (event.type) {
    case 'DcbPackageLaunched': {
      const { package: id, partner, areas, title } = event.data;
      const p: DcbPackage = { id, partner, areas, ...(title === undefined ? {} : { title }), launchedAt: event.at };
      return { ...state, packages: { ...state.packages, [id]: p } };
    }
    case 'FundPledged': {
      const { pledge: id, ally, amount, currency, package: pkg } = event.data;
      const pledges = { ...state.pledges, [id]: { id, ally, amount, currency, ...(pkg === undefined ? {} : { package: pkg }), pledgedAt: event.at, honoured: 0 } };
      // A pledge is a promise: it is counted as pledged, never as received, and moves no money.
      const books = { ...state.books, [currency]: { ...booksOf(state, currency), pledged: booksOf(state, currency).pledged + amount } };
      return { ...state, pledges, books };
    }
    case 'FundContributed': {
      const { contribution: id, ally, amount, currency, package: pkg, pledge: pledgeId } = event.data;
      const pledge = pledgeId === undefined ? undefined : state.pledges[pledgeId];
      const pledges = pledge ? { ...state.pledges, [pledge.id]: { ...pledge, honoured: pledge.honoured + amount } } : state.pledges;
      const next = { ...state, pledges, contributions: { ...state.contributions, [id]: { ally, at: event.at } } };
      return withBooks(next, currency, event.at, (b) => ({
        ...b,
        received: b.received + amount,
        ...(pkg === undefined
          ? { general: b.general + amount }
          : { earmarked: { ...b.earmarked, [pkg]: (b.earmarked[pkg] ?? 0) + amount } }),
      }));
    }
    case 'ProjectAllocated': {
      const { project: id, package: pkg, partner, area, amount, currency, fromEarmarked, fromGeneral, title } = event.data;
      const existing = state.projects[id];
      const project = existing
        ? { ...existing, allocated: existing.allocated + amount, allocations: existing.allocations + 1 }
        : {
            id, package: pkg, partner, area, currency, ...(title === undefined ? {} : { title }),
            firstAllocatedAt: event.at, allocated: amount, spent: 0, allocations: 1, expenditures: 0,
          };
      const next = { ...state, projects: { ...state.projects, [id]: project } };
      return withBooks(next, currency, event.at, (b) => ({
        ...b,
        allocated: b.allocated + amount,
        general: b.general - fromGeneral,
        earmarked: fromEarmarked === 0 ? b.earmarked : { ...b.earmarked, [pkg]: (b.earmarked[pkg] ?? 0) - fromEarmarked },
      }));
    }
    case 'ExpenditureRecorded': {
      const { project: id, amount, currency } = event.data;
      const existing = state.projects[id];
      if (!existing) return state;
      const next = { ...state, projects: { ...state.projects, [id]: { ...existing, spent: existing.spent + amount, expenditures: existing.expenditures + 1 } } };
      return withBooks(next, currency, event.at, (b) => ({ ...b, spent: b.spent + amount }));
    }
    default:
      return assertNever(event);
  }
}
