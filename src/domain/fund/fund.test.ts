import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { command, eventsOf, given } from '../testing/specification.js';
import { fourteenEvents } from '../testing/fixtures.js';
import { project, replay, worldDecider, type WorldCommand, type WorldEvent, type WorldState } from '../world.js';
import { booksOf } from './fund.js';
import { formatMoney } from './money.js';

const EUR = 'EUR' as const;
const pkg = (id: string, partner: string, at: string) =>
  command('LaunchDcbPackage', at, 'NAC', { package: id, partner, areas: ['strategic_advice', 'cyber_defence'] });
const pledge = (id: string, ally: string, amount: number, at: string, extra: Record<string, unknown> = {}) =>
  command('PledgeToFund', at, ally, { pledge: id, ally, amount, currency: EUR, ...extra } as never);
const contribute = (id: string, ally: string, amount: number, at: string, extra: Record<string, unknown> = {}) =>
  command('ContributeToFund', at, ally, { contribution: id, ally, amount, currency: EUR, ...extra } as never);
const allocate = (project: string, amount: number, at: string, extra: Record<string, unknown> = {}) =>
  command('AllocateToProject', at, 'DCB', { project, package: 'JOR', area: 'cyber_defence', amount, currency: EUR, ...extra } as never);
const spend = (project: string, amount: number, at: string) => command('RecordExpenditure', at, 'DCB', { project, amount, currency: EUR });

const launched = () => eventsOf([pkg('JOR', 'JOR', '2014-09-05'), pkg('GEO', 'GEO', '2014-09-05')], fourteenEvents());

describe('DCB fund: packages', () => {
  test('the Council launches a package for a partner, once', () => {
    given(fourteenEvents()).when(pkg('JOR', 'JOR', '2014-09-05')).thenAccepts();
    given(launched()).when(pkg('JOR', 'JOR', '2015-01-01')).thenRejects('fund.package_exists');
  });

  test('DCB supports partners, not Allies', () => {
    given(fourteenEvents()).when(pkg('BEL', 'BEL', '2014-09-05')).thenRejects('fund.partner_is_ally');
  });
});

describe('DCB fund: pledges and contributions by Allies', () => {
  test('an Ally pledges; a pledge is not a contribution', () => {
    const events = eventsOf([pledge('NL-2018', 'NLD', 100_000_000, '2018-07-12')], launched());
    const books = booksOf(replay(events).fund, EUR);
    assert.equal(books.pledged, 100_000_000);
    assert.equal(books.received, 0);
    given(events).when(allocate('P1', 1, '2018-08-01')).thenRejects('fund.insufficient_funds');
  });

  test('a contribution from a state that is not an Ally is refused', () => {
    given(launched()).when(contribute('C1', 'SWE', 1_000, '2018-01-01')).thenRejects('fund.not_ally', { state: 'SWE' });
    given(launched()).when(pledge('P1', 'SWE', 1_000, '2018-01-01')).thenRejects('fund.not_ally');
  });

  test('an Ally pledges and contributes only for itself', () => {
    given(launched()).when(command('ContributeToFund', '2018-01-01', 'BEL', { contribution: 'C1', ally: 'NLD', amount: 1, currency: EUR })).thenRejects('actor.mismatch');
  });

  test('a contribution against a pledge honours it, never beyond it, in its currency, by its Ally', () => {
    const pledged = eventsOf([pledge('NL', 'NLD', 1_000, '2018-07-12', { package: 'JOR' })], launched());
    const events = given(pledged).when(contribute('C1', 'NLD', 600, '2018-08-01', { pledge: 'NL' })).thenAccepts();
    assert.equal((events[0]?.data as { package?: string }).package, 'JOR', 'earmarked as its pledge');
    given(eventsOf([contribute('C1', 'NLD', 600, '2018-08-01', { pledge: 'NL' })], pledged))
      .when(contribute('C2', 'NLD', 500, '2018-09-01', { pledge: 'NL' })).thenRejects('fund.pledge_exceeded');
    given(pledged).when(contribute('C1', 'BEL', 100, '2018-08-01', { pledge: 'NL' })).thenRejects('fund.pledge_not_own');
    given(pledged).when(command('ContributeToFund', '2018-08-01', 'NLD', { contribution: 'C1', ally: 'NLD', amount: 1, currency: 'USD', pledge: 'NL' }))
      .thenRejects('fund.currency_mismatch');
    given(pledged).when(contribute('C1', 'NLD', 100, '2018-08-01', { pledge: 'NL', package: 'GEO' })).thenRejects('fund.package_mismatch');
    given(pledged).when(contribute('C1', 'NLD', 100, '2018-08-01', { pledge: 'NOPE' })).thenRejects('fund.pledge_unknown');
  });

  test('money earmarked for a package needs a package that exists on that date', () => {
    given(launched()).when(contribute('C1', 'NLD', 100, '2018-08-01', { package: 'IRQ' })).thenRejects('fund.package_unknown');
    given(launched()).when(contribute('C1', 'NLD', 100, '2010-08-01', { package: 'JOR' })).thenRejects('fund.package_unknown');
  });

  test('an id is used once', () => {
    const events = eventsOf([contribute('C1', 'NLD', 100, '2018-08-01')], launched());
    given(events).when(contribute('C1', 'NLD', 100, '2018-09-01')).thenRejects('fund.contribution_exists');
    const pledged = eventsOf([pledge('P1', 'NLD', 100, '2018-08-01')], launched());
    given(pledged).when(pledge('P1', 'NLD', 100, '2018-09-01')).thenRejects('fund.pledge_exists');
  });

  test('a pledge or a contribution known only by a year carries its bound into its fact; exact days carry none', () => {
    const byYear = eventsOf([
      pledge('P1', 'NLD', 500, '2016-12-31', { dateIs: 'on_or_before' }),
      contribute('C1', 'NLD', 500, '2017-12-31', { pledge: 'P1', dateIs: 'on_or_before' }),
    ], launched());
    const kinds = byYear.slice(-2).map((e, i) => {
      const fact = project(replay(byYear.slice(0, byYear.length - 2 + i)), e)[0];
      assert.ok(fact && fact.op === 'assert');
      return [fact.kind, fact.validFrom, (fact.data as { dateIs?: string }).dateIs];
    });
    assert.deepEqual(kinds, [['fund-pledge', '2016-12-31', 'on_or_before'], ['fund-contribution', '2017-12-31', 'on_or_before']]);
    // The bounded contribution honours the pledge and counts as received from its bound.
    assert.equal(booksOf(replay(byYear).fund, EUR).received, 500);
    const exact = eventsOf([contribute('C2', 'NLD', 100, '2018-08-01', { dateIs: 'exact' })], launched());
    assert.equal((exact.at(-1)!.data as { dateIs?: string }).dateIs, undefined);
  });
});

describe('DCB fund: allocations and expenditures', () => {
  const funded = () => eventsOf([contribute('C1', 'NLD', 1_000, '2018-08-01', { package: 'JOR' }), contribute('C2', 'BEL', 500, '2018-08-02')], launched());

  test('nothing is allocated beyond what was received, earmarked money first, then general money', () => {
    const [event] = given(funded()).when(allocate('P1', 1_200, '2018-09-01')).thenAccepts();
    assert.deepEqual([(event?.data as { fromEarmarked: number }).fromEarmarked, (event?.data as { fromGeneral: number }).fromGeneral], [1_000, 200]);
    given(funded()).when(allocate('P1', 1_501, '2018-09-01')).thenRejects('fund.insufficient_funds', {
      amount: formatMoney(1_501, EUR), available: formatMoney(1_500, EUR),
    });
  });

  test('money earmarked for one package is not available to another', () => {
    given(funded()).when(allocate('P1', 600, '2018-09-01', { package: 'GEO' })).thenRejects('fund.insufficient_funds');
  });

  test('an allocation goes to an area of its package, and a project stays in its package and area', () => {
    given(funded()).when(allocate('P1', 100, '2018-09-01', { area: 'logistics' })).thenRejects('fund.area_not_in_package');
    const allocated = eventsOf([allocate('P1', 100, '2018-09-01')], funded());
    given(allocated).when(allocate('P1', 100, '2018-09-02', { area: 'strategic_advice' })).thenRejects('fund.project_mismatch');
    given(allocated).when(allocate('P1', 100, '2018-09-02')).thenAccepts();
  });

  test('nothing is spent beyond what was allocated to the project', () => {
    const allocated = eventsOf([allocate('P1', 300, '2018-09-01')], funded());
    given(allocated).when(spend('P1', 300, '2018-10-01')).thenAccepts();
    given(allocated).when(spend('P1', 301, '2018-10-01')).thenRejects('fund.overspent');
    given(funded()).when(spend('P2', 1, '2018-10-01')).thenRejects('fund.project_unknown');
  });

  test('money moves in date order within a currency', () => {
    given(funded()).when(allocate('P1', 100, '2018-07-01')).thenRejects('fund.before_last_movement');
  });

  test('only the fund’s management allocates and spends', () => {
    given(funded()).when(command('AllocateToProject', '2018-09-01', 'NAC', { project: 'P1', package: 'JOR', area: 'cyber_defence', amount: 1, currency: EUR }))
      .thenRejects('actor.not_allowed');
  });

  test('every movement is its own fact, never ended', () => {
    const before = funded();
    const events = eventsOf([allocate('P1', 300, '2018-09-01'), spend('P1', 100, '2018-10-01')], before);
    const allocation = project(replay(events.slice(0, -2)), events.at(-2)!);
    const expenditure = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.deepEqual(allocation.map((f) => [f.kind, f.key, f.op === 'assert' ? f.validTo : 'x']), [['fund-allocation', 'P1/1', undefined]]);
    assert.deepEqual(expenditure.map((f) => [f.kind, f.key]), [['fund-expenditure', 'P1/1']]);
  });
});

describe('DCB fund: invariants over random sequences (property)', () => {
  const ALLIES = ['BEL', 'NLD', 'NOR'];
  const NOT_ALLIES = ['SWE', 'JOR'];
  const PACKAGES = ['JOR', 'GEO'];
  const PROJECTS = ['P1', 'P2', 'P3'];
  const CURRENCY = fc.constantFrom('EUR', 'USD');
  const amount = fc.integer({ min: 1, max: 5_000 });

  type Draft = (at: string, n: number) => WorldCommand;
  const draft: fc.Arbitrary<Draft> = fc.oneof(
    fc.tuple(fc.constantFrom(...ALLIES, ...NOT_ALLIES), amount, CURRENCY, fc.option(fc.constantFrom(...PACKAGES), { nil: undefined })).map(
      ([ally, n, currency, p]): Draft => (at, i) => command('ContributeToFund', at, ally, { contribution: `C${i}`, ally, amount: n, currency, ...(p ? { package: p } : {}) } as never),
    ),
    fc.tuple(fc.constantFrom(...ALLIES), amount, CURRENCY).map(
      ([ally, n, currency]): Draft => (at, i) => command('PledgeToFund', at, ally, { pledge: `L${i}`, ally, amount: n, currency } as never),
    ),
    fc.tuple(fc.constantFrom(...PROJECTS), fc.constantFrom(...PACKAGES), amount, CURRENCY).map(
      ([project, p, n, currency]): Draft => (at) => command('AllocateToProject', at, 'DCB', { project, package: p, area: 'cyber_defence', amount: n, currency } as never),
    ),
    fc.tuple(fc.constantFrom(...PROJECTS), amount, CURRENCY).map(
      ([project, n, currency]): Draft => (at) => command('RecordExpenditure', at, 'DCB', { project, amount: n, currency } as never),
    ),
  );

  function run(drafts: readonly Draft[]): WorldState {
    let state = replay(launched());
    drafts.forEach((d, i) => {
      const at = `2019-01-${String(1 + Math.floor(i / 2)).padStart(2, '0')}`;
      const decision = worldDecider.decide(state, d(at, i));
      if (decision.ok) state = decision.events.reduce<WorldState>((s, e: WorldEvent) => worldDecider.evolve(s, e), state);
    });
    return state;
  }

  test('allocated ≤ received; spent ≤ allocated; every balance reconciles; a pledge is never received', () => {
    fc.assert(
      fc.property(fc.array(draft, { maxLength: 60 }), (drafts) => {
        const fund = run(drafts).fund;
        for (const currency of ['EUR', 'USD'] as const) {
          const b = booksOf(fund, currency);
          const earmarked = Object.values(b.earmarked).reduce((s, n) => s + n, 0);
          assert.ok(b.allocated <= b.received, 'nothing allocated beyond what was received');
          assert.ok(b.spent <= b.allocated, 'nothing spent beyond what was allocated');
          assert.ok(b.general >= 0 && Object.values(b.earmarked).every((n) => n >= 0));
          assert.equal(b.received, b.allocated + b.general + earmarked, 'received = allocated + unallocated');
          const projects = Object.values(fund.projects).filter((p) => p.currency === currency);
          assert.equal(b.allocated, projects.reduce((s, p) => s + p.allocated, 0));
          assert.equal(b.spent, projects.reduce((s, p) => s + p.spent, 0), 'allocated = spent + unspent');
          for (const p of projects) assert.ok(p.spent <= p.allocated);
          const received = Object.keys(fund.contributions).length;
          assert.ok(received <= drafts.length);
        }
        for (const c of Object.values(fund.contributions)) assert.ok(ALLIES.includes(c.ally), 'only Allies contribute');
      }),
      { numRuns: 150 },
    );
  });
});
