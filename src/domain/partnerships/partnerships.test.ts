import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { command, eventsOf, given } from '../testing/specification.js';
import { fourteenEvents } from '../testing/fixtures.js';
import { project, replay } from '../world.js';
import { isActivePartnerAt, partnersAt } from './queries.js';

const pfp = command('EstablishFramework', '1994-01-10', 'NAC', { framework: 'PFP', name: { en: 'Partnership for Peace', fr: 'Partenariat pour la paix' } });
const join = (partner: string, at: string, by = partner, framework = 'PFP') => command('JoinFramework', at, by, { framework, partner });
const leave = (partner: string, at: string, by = partner) => command('LeaveFramework', at, by, { framework: 'PFP', partner });
const suspend = (partner: string, at: string) => command('SuspendPartner', at, 'NAC', { framework: 'PFP', partner, reason: 'Crimea' });
const resume = (partner: string, at: string) => command('ResumePartner', at, 'NAC', { framework: 'PFP', partner });
const programme = (partner: string, at: string, framework = 'PFP') =>
  command('AgreeTailoredProgramme', at, 'NAC', { programme: `${partner}-IPAP`, framework, partner, kind: 'IPAP' });

const established = () => eventsOf([pfp], fourteenEvents());
const withRussia = () => eventsOf([join('RUS', '1994-06-22')], established());

describe('Partnerships: frameworks', () => {
  test('the Council establishes a framework once', () => {
    given(fourteenEvents()).when(pfp).thenAccepts();
    given(established()).when(pfp).thenRejects('partnership.framework_exists');
  });

  test('nobody joins a framework that does not exist yet', () => {
    given(fourteenEvents()).when(join('RUS', '1994-06-22')).thenRejects('partnership.framework_unknown');
    given(established()).when(join('RUS', '1993-06-22')).thenRejects('partnership.framework_unknown');
  });
});

describe('Partnerships: partners join, are suspended and leave', () => {
  test('a state that is not an Ally joins a framework for itself', () => {
    given(established()).when(join('RUS', '1994-06-22')).thenAccepts();
    given(established()).when(join('RUS', '1994-06-22', 'UKR')).thenRejects('actor.mismatch');
  });

  test('an Ally is not a partner', () => {
    given(established()).when(join('GBR', '1994-06-22')).thenRejects('partnership.partner_is_ally');
  });

  test('a partner joins a framework once until it leaves', () => {
    given(withRussia()).when(join('RUS', '1995-01-01')).thenRejects('partnership.already_member');
  });

  test('a partner cannot act in a framework it never joined', () => {
    given(established()).when(leave('MLT', '1996-10-27')).thenRejects('partnership.not_member');
    given(established()).when(suspend('MLT', '1996-10-27')).thenRejects('partnership.not_member');
    given(established()).when(programme('GEO', '2004-10-29')).thenRejects('partnership.not_member');
  });

  test('a partner that left and rejoined has two periods (Malta in the Partnership for Peace)', () => {
    const events = eventsOf([join('MLT', '1995-04-26'), leave('MLT', '1996-10-27'), join('MLT', '2008-04-03')], established());
    const state = replay(events).partnerships;
    assert.deepEqual(partnersAt(state, 'PFP', '2000-01-01'), []);
    assert.deepEqual(partnersAt(state, 'PFP', '2010-01-01'), ['MLT']);
    const facts = project(replay(events.slice(0, -1)), events.at(-1)!);
    assert.deepEqual(facts.map((f) => f.key), ['PFP/MLT/2']);
  });

  test('a joining or leaving known only by a bound carries it into the period and its fact', () => {
    const events = eventsOf([
      command('JoinFramework', '1995-04-26', 'MLT', { framework: 'PFP', partner: 'MLT' }),
      command('LeaveFramework', '1996-10-31', 'MLT', { framework: 'PFP', partner: 'MLT', dateIs: 'on_or_before' } as never),
      command('JoinFramework', '2008-04-30', 'MLT', { framework: 'PFP', partner: 'MLT', dateIs: 'on_or_before' } as never),
    ], established());
    const left = project(replay(events.slice(0, -2)), events.at(-2)!).find((f) => f.key === 'PFP/MLT');
    assert.deepEqual(left && left.op === 'assert' ? left.data : undefined, { framework: 'PFP', partner: 'MLT', from: '1995-04-26', until: '1996-10-31', untilIs: 'on_or_before' });
    const rejoined = project(replay(events.slice(0, -1)), events.at(-1)!).find((f) => f.key === 'PFP/MLT/2');
    assert.deepEqual(rejoined && rejoined.op === 'assert' ? rejoined.data : undefined, { framework: 'PFP', partner: 'MLT', from: '2008-04-30', fromIs: 'on_or_before' });
    // An exact day adds nothing.
    const exact = eventsOf([command('JoinFramework', '1994-06-22', 'RUS', { framework: 'PFP', partner: 'RUS', dateIs: 'exact' } as never)], established());
    assert.equal((exact.at(-1)!.data as { dateIs?: string }).dateIs, undefined);
  });

  test('the Council suspends a partner’s cooperation once, and resumes only what it suspended', () => {
    const suspended = eventsOf([suspend('RUS', '2014-04-01')], withRussia());
    assert.equal(isActivePartnerAt(replay(suspended).partnerships, 'PFP', 'RUS', '2014-04-02'), false);
    assert.equal(isActivePartnerAt(replay(suspended).partnerships, 'PFP', 'RUS', '2014-03-31'), true);
    given(suspended).when(suspend('RUS', '2015-01-01')).thenRejects('partnership.already_suspended');
    given(withRussia()).when(resume('RUS', '2015-01-01')).thenRejects('partnership.not_suspended');
    given(suspended).when(resume('RUS', '2015-01-01')).thenAccepts();
  });

  test('a suspension is indexed with its own period', () => {
    const before = withRussia();
    const events = eventsOf([suspend('RUS', '2014-04-01')], before);
    const facts = project(replay(before), events.at(-1)!);
    assert.deepEqual(facts.map((f) => [f.kind, f.key]), [['partnership-suspension', 'PFP/RUS']]);
  });
});

describe('Partnerships: tailored programmes', () => {
  test('the Council agrees a programme with a partner of the framework', () => {
    const georgia = eventsOf([join('GEO', '1994-03-23')], established());
    given(georgia).when(programme('GEO', '2004-10-29')).thenAccepts();
    given(eventsOf([programme('GEO', '2004-10-29')], georgia)).when(programme('GEO', '2006-01-01')).thenRejects('partnership.programme_exists');
  });

  test('no programme with a suspended partner', () => {
    const suspended = eventsOf([suspend('RUS', '2014-04-01')], withRussia());
    given(suspended).when(programme('RUS', '2015-01-01')).thenRejects('partnership.suspended');
  });

  test('a programme belongs to a framework the partner takes part in', () => {
    const md = command('EstablishFramework', '1994-12-01', 'NAC', { framework: 'MD', name: { en: 'Mediterranean Dialogue' } });
    const events = eventsOf([md, join('GEO', '1994-03-23')], established());
    given(events).when(programme('GEO', '2004-10-29', 'MD')).thenRejects('partnership.not_member');
  });
});
