import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fourteenEvents } from '../testing/fixtures.js';
import { replay, type WorldState } from '../world.js';
import { afterActionReport, itemsOfSteps } from './aar.js';
import { bounds, sample, seededRandom } from './random.js';
import { seatList } from './seats.js';
import { simulate, type ScriptedAct, type SimResult, type SimStep } from './simulate.js';
import { contestedWithoutSpread, distribution, runOutcome, summariseRuns, type Block } from './stats.js';
import { contestableProposals } from './policy.js';
import {
  DEFAULT_CHAIR, DEFAULT_CONTROL, DEFAULT_POLICY, endMs, fixed, startMs,
  type Dist, type Inject, type Negotiation, type ScenarioDefinition, type SeatPolicy,
} from './types.js';

const H = 3_600_000;
const world14: WorldState = replay(fourteenEvents());

const TEXT = [
  'The Council met today.',
  'The assessment of the incident continues.',
  'Allies will remain in close contact.',
];
const BEL_WORDING = 'The assessment of the incident continues, pending the conclusion of the investigation.';

function definition(over: Partial<ScenarioDefinition> = {}): ScenarioDefinition {
  return {
    id: 'test', title: { en: 'Test' }, asOf: '2003-02-01', start: '2003-02-03T08:00:00Z', durationMs: 120 * H, speed: 60, seed: 'seed',
    partners: [], defaultPolicy: { ...DEFAULT_POLICY, jitterMs: 0 }, seats: {}, chair: DEFAULT_CHAIR, control: DEFAULT_CONTROL, injects: [], ...over,
  };
}

function tabling(proposal: string, extra: Record<string, unknown> = {}): Inject {
  return {
    id: `T-${proposal}`, atMs: H, kind: 'proposal', title: { en: proposal }, tags: [],
    command: { cmd: 'TableProposal', by: 'SG', data: { proposal, title: { en: proposal }, procedure: 'silence', deadline: '+24h', tags: ['statement'], paragraphs: TEXT, ...extra } },
  };
}

const negotiation = (wording: string, requires: string[], excludes: string[] = []): Negotiation => ({
  when: { tagged: ['statement'] }, paragraph: 2, wording, redLines: { requires, excludes }, reason: 'Paragraph 2 must change.',
});
const negotiator = (n: Negotiation, over: Partial<SeatPolicy> = {}): SeatPolicy => ({ ...DEFAULT_POLICY, jitterMs: 0, negotiate: [n], ...over });

function run(def: ScenarioDefinition, seed = def.seed, scripted: ScriptedAct[] = []): SimResult {
  return simulate({
    world: world14, definition: def, random: seededRandom(seed), seats: seatList(world14, def),
    humanSeats: new Set(), delivered: new Map(), fromMs: startMs(def), toMs: endMs(def), scripted,
  });
}

const acts = (r: SimResult, cmd: string) => r.steps.filter((s): s is Extract<SimStep, { kind: 'act' }> => s.kind === 'act' && s.command.cmd === cmd);
const dataOf = (s: { command: { data: unknown } }) => s.command.data as Record<string, unknown>;
const trace = (r: SimResult) => r.steps.map((s) => (s.kind === 'act' ? `${s.at} ${s.command.by} ${s.command.cmd} ${JSON.stringify(s.command.data)}` : `${s.at} ${s.kind}`));

function outcome(def: ScenarioDefinition, r: SimResult) {
  const report = afterActionReport({ id: def.id, title: def.title, asOf: def.asOf, start: def.start, end: '' }, itemsOfSteps(r.steps));
  const blocks: Block[] = [];
  for (const s of r.steps) {
    if (s.kind !== 'act') continue;
    for (const e of s.events) {
      if (e.type !== 'SilenceBroken' && e.type !== 'ObjectionRaised') continue;
      const d = e.data as { proposal: string; paragraph?: number };
      blocks.push({ proposal: d.proposal, ally: e.by, ...(d.paragraph === undefined ? {} : { paragraph: d.paragraph }) });
    }
  }
  return runOutcome(report, 0, blocks);
}

describe('distributions of bot timings and propensities', () => {
  const random = seededRandom('bounds');
  const draws = (d: Dist) => Array.from({ length: 2000 }, (_, i) => sample(random, `k${i}`, d));

  test('uniform and triangular draws stay within [min, max]; a lognormal one within [0, max]', () => {
    for (const d of [
      { kind: 'uniform', min: 2 * H, max: 5 * H },
      { kind: 'triangular', min: H, mode: 2 * H, max: 9 * H },
      { kind: 'triangular', min: 0.2, mode: 0.2, max: 0.8 },
      { kind: 'lognormal', median: 2 * H, p90: 6 * H, max: 18 * H },
    ] as const) {
      const xs = draws(d);
      const { min, max } = bounds(d);
      assert.ok(xs.every((x) => x >= min && x <= max), `${d.kind} within [${min}, ${max}]`);
      // The draws fill the range rather than sit on one value.
      assert.ok(Math.max(...xs) - Math.min(...xs) > (Math.min(max, 10 * H) - min) / 3, `${d.kind} spreads`);
    }
  });

  test('a lognormal draw has the median and 90th percentile it was given', () => {
    const xs = draws({ kind: 'lognormal', median: 2 * H, p90: 6 * H }).sort((a, b) => a - b);
    const at = (q: number) => xs[Math.floor(q * xs.length)]!;
    assert.ok(Math.abs(at(0.5) / (2 * H) - 1) < 0.1, `median ${at(0.5) / H} h`);
    assert.ok(Math.abs(at(0.9) / (6 * H) - 1) < 0.15, `p90 ${at(0.9) / H} h`);
  });

  test('a triangular draw has the mean (min + mode + max) / 3', () => {
    const xs = draws({ kind: 'triangular', min: 1, mode: 2, max: 6 });
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    assert.ok(Math.abs(mean - 3) < 0.1, `mean ${mean}`);
  });

  test('a fixed value is a degenerate distribution: always itself', () => {
    assert.deepEqual(new Set(draws(fixed(3 * H))), new Set([3 * H]));
    assert.deepEqual(bounds(fixed(0.4)), { min: 0.4, max: 0.4 });
  });

  test('the same seed gives the same run; another run index gives other draws', () => {
    const def = definition({
      injects: [tabling('P-1', { procedure: 'meeting', deadline: undefined })],
      defaultPolicy: { ...DEFAULT_POLICY, delay: { kind: 'lognormal', median: 2 * H, p90: 8 * H }, jitterMs: 0 },
      seats: { BEL: negotiator(negotiation(BEL_WORDING, ['investigation']), { breakSilence: { kind: 'uniform', min: 0.2, max: 0.8 }, delay: { kind: 'uniform', min: H, max: 20 * H } }) },
    });
    assert.deepEqual(trace(run(def, 'seed/0')), trace(run(def, 'seed/0')));
    const runs = Array.from({ length: 12 }, (_, i) => trace(run(def, `seed/${i}`)).join('\n'));
    assert.ok(new Set(runs).size > 10, `${new Set(runs).size} distinct runs of 12`);
  });
});

describe('bots that negotiate texts', () => {
  test('a bot whose red line is crossed breaks silence naming the paragraph and proposing its wording', () => {
    const def = definition({ injects: [tabling('P-1')], seats: { BEL: negotiator(negotiation(BEL_WORDING, ['investigation'])) } });
    const r = run(def);
    const [brk] = acts(r, 'BreakSilence');
    assert.ok(brk);
    assert.equal(brk.command.by, 'BEL');
    assert.deepEqual(brk.command.data, { proposal: 'P-1', paragraph: 2, wording: BEL_WORDING, reason: 'Paragraph 2 must change.' });
    assert.deepEqual(r.world.council.proposals['P-1']!.amendments.map((a) => [a.by, a.paragraph, a.text, a.status]), [['BEL', 2, BEL_WORDING, 'accepted']]);
    // The after-action report's timeline quotes the paragraph and the wording.
    const report = afterActionReport({ id: def.id, title: def.title, asOf: def.asOf, start: def.start, end: '' }, itemsOfSteps(r.steps));
    const row = report.timeline.find((t) => t.summary.code === 'aar.SilenceBroken_wording');
    assert.deepEqual([row?.summary.params.paragraph, row?.summary.params.wording], [2, BEL_WORDING]);
  });

  test('the chair accepts a break’s wording into a new revision at once and restarts silence on it', () => {
    const def = definition({ injects: [tabling('P-1')], seats: { BEL: negotiator(negotiation(BEL_WORDING, ['investigation'])) } });
    const r = run(def);
    const brk = acts(r, 'BreakSilence')[0]!;
    const [accepted] = acts(r, 'AcceptAmendments');
    const firstDeadline = startMs(def) + H + 24 * H;
    assert.ok(accepted);
    assert.equal(accepted.at, brk.at + DEFAULT_CHAIR.delayMs, 'the chair’s reaction time after the break');
    assert.ok(accepted.at < firstDeadline, 'long before the old deadline');
    assert.deepEqual(accepted.command.data, { proposal: 'P-1', amendments: ['A1'] });
    const reissued = acts(r, 'PlaceUnderSilence')[0]!;
    assert.equal(reissued.at, accepted.at + DEFAULT_CHAIR.delayMs);
    assert.equal(dataOf(reissued).deadline, new Date(reissued.at + DEFAULT_CHAIR.silenceForMs).toISOString().replace('.000Z', 'Z'));
    const p = r.world.council.proposals['P-1']!;
    assert.equal(p.status, 'adopted');
    assert.equal(p.revision, 1);
    assert.equal(p.paragraphs[1], BEL_WORDING);
    assert.equal(acts(r, 'ReviseProposal').length, 0, 'no revision waits for the deadline');
  });

  test('a bot accepts an amendment within its red lines and contests one outside them', () => {
    // DNK wants "responsible" in paragraph 2.
    const dnk = negotiator(negotiation('The assessment of the incident and of those responsible continues.', ['responsible']), { delay: fixed(3 * H) });
    const within = definition({
      injects: [tabling('P-1')],
      seats: { BEL: negotiator(negotiation('The assessment of the incident and of those responsible continues, pending the investigation.', ['investigation'])), DNK: dnk },
    });
    const a = run(within);
    // BEL reacts first (1 h): its wording, which names those responsible, is accepted; DNK accepts it.
    assert.deepEqual(acts(a, 'BreakSilence').map((s) => s.command.by), ['BEL']);
    assert.equal(a.world.council.proposals['P-1']!.status, 'adopted');

    const outside = definition({ injects: [tabling('P-1')], seats: { BEL: negotiator(negotiation(BEL_WORDING, ['investigation'])), DNK: dnk } });
    const b = run(outside);
    const breaks = acts(b, 'BreakSilence').map((s) => [s.command.by, dataOf(s).paragraph, b.world.council.proposals['P-1']!.silenceRounds.findIndex((round) => round.breaks.some((x) => x.at === new Date(s.at).toISOString().replace('.000Z', 'Z') && x.ally === s.command.by))]);
    // DNK contests BEL's wording on revision 1, BEL contests DNK's on revision 2: no consensus.
    assert.deepEqual(breaks, [['BEL', 2, 0], ['DNK', 2, 1], ['BEL', 2, 2]]);
    assert.equal(b.world.council.proposals['P-1']!.status, 'silence_broken');

    const notReady = definition({
      injects: [tabling('P-1')],
      seats: {
        BEL: negotiator(negotiation('The assessment of the incident and of those responsible continues, pending the investigation.', ['investigation'])),
        DNK: { ...dnk, accept: fixed(0) },
      },
    });
    // Within its red lines, but not ready to accept: DNK insists on its own wording.
    assert.deepEqual(acts(run(notReady), 'BreakSilence').map((s) => s.command.by).slice(0, 2), ['BEL', 'DNK']);
  });

  test('under the silence procedure a bot contests a revised text by breaking silence once it is re-issued, never by objecting to the draft', () => {
    const dnk = negotiator(negotiation('The assessment of the incident and of those responsible continues.', ['responsible']));
    const def = definition({
      injects: [tabling('P-1')],
      chair: { ...DEFAULT_CHAIR, delayMs: 5 * H },
      seats: { BEL: negotiator(negotiation(BEL_WORDING, ['investigation'])), DNK: dnk },
    });
    const r = run(def);
    assert.equal(acts(r, 'ObjectToProposal').length, 0);
    const p = r.world.council.proposals['P-1']!;
    assert.equal(p.revision, 2);
    assert.equal(p.status, 'silence_broken', 'the last text is broken, not left under silence with a standing objection');
    assert.deepEqual(p.silenceRounds.map((round) => round.breaks.map((b) => b.ally)), [['BEL', 'DNK'], ['DNK'], ['BEL']]);
  });

  test('at a meeting, a bot objects to a pending amendment that crosses its red lines, with its own wording', () => {
    const def = definition({
      injects: [tabling('P-1', { procedure: 'meeting', deadline: undefined, paragraphs: [TEXT[0], 'The assessment continues until the investigation concludes.', TEXT[2]] })],
      seats: { BEL: negotiator(negotiation(BEL_WORDING, ['investigation']), { delay: fixed(2 * H) }) },
    });
    const amend: ScriptedAct = { atMs: startMs(def) + 2 * H, command: { cmd: 'ProposeAmendment', by: 'FRA', data: { proposal: 'P-1', paragraph: 2, op: 'replace', text: 'The incident was an attack.' } } };
    const r = run(def, def.seed, [amend]);
    const [objection] = acts(r, 'ObjectToProposal');
    assert.ok(objection);
    assert.deepEqual([objection.command.by, dataOf(objection).paragraph, dataOf(objection).wording], ['BEL', 2, BEL_WORDING]);
    // Without the amendment the tabled text meets BEL's red lines: no objection.
    assert.equal(acts(run(def), 'ObjectToProposal').length, 0);
  });

  test('the propensity to contest decides whether a crossed red line is pressed', () => {
    const def = (p: number) => definition({ injects: [tabling('P-1')], seats: { BEL: negotiator(negotiation(BEL_WORDING, ['investigation']), { breakSilence: fixed(p) }) } });
    assert.equal(acts(run(def(0)), 'BreakSilence').length, 0);
    assert.equal(run(def(0)).world.council.proposals['P-1']!.revision, 0);
    assert.equal(acts(run(def(1)), 'BreakSilence').length, 1);
  });
});

describe('statistics of headless runs', () => {
  test('p10, median and p90 of a known sample (nearest rank)', () => {
    const d = distribution([7, 1, 10, 3, 5, 2, 9, 4, 8, 6]);
    assert.deepEqual([d.min, d.p10, d.p50, d.p90, d.max, d.mean], [1, 1, 5, 9, 10, 5.5]);
    const small = distribution([4, 2]);
    assert.deepEqual([small.p10, small.p50, small.p90], [2, 2, 4]);
  });

  test('rounds and blocks per decision, counted over runs', () => {
    const base = { proposals: {}, accessions: {}, adoptedShare: 1, silenceBreaks: 0, footnotes: 0, refusals: 0 };
    const summary = summariseRuns([
      { ...base, proposals: { P: { adopted: true, hours: 30, title: 'P', revisions: 1, blocks: [{ ally: 'BEL', paragraph: 2 }] } } },
      { ...base, proposals: { P: { adopted: true, hours: 24, title: 'P', revisions: 0, blocks: [] } } },
      { ...base, adoptedShare: 0, proposals: { P: { adopted: false, title: 'P', revisions: 2, blocks: [{ ally: 'BEL', paragraph: 2 }, { ally: 'DNK', paragraph: 2 }, { ally: 'BEL', paragraph: 2 }, { ally: 'ESP' }] } } },
    ]);
    const p = summary.proposals[0]!;
    assert.equal(p.adoptedShare, 0.67);
    assert.deepEqual([p.hoursToConsensus.p10, p.hoursToConsensus.p90], [24, 30]);
    assert.deepEqual([p.rounds.min, p.rounds.p50, p.rounds.max], [0, 1, 2]);
    assert.deepEqual(p.blocks, [{ ally: 'BEL', paragraph: 2, count: 3 }, { ally: 'DNK', paragraph: 2, count: 1 }, { ally: 'ESP', count: 1 }]);
  });

  test('a decision a bot can contest shows spread across runs: time to consensus, rounds and share adopted', () => {
    const def = definition({
      injects: [tabling('P-1')],
      chair: { ...DEFAULT_CHAIR, maxRevisions: 1 },
      defaultPolicy: { ...DEFAULT_POLICY, delay: { kind: 'lognormal', median: 2 * H, p90: 6 * H, max: 18 * H }, jitterMs: 0 },
      seats: {
        BEL: negotiator(negotiation(BEL_WORDING, ['investigation']), { breakSilence: { kind: 'uniform', min: 0.2, max: 0.8 }, delay: { kind: 'uniform', min: H, max: 20 * H } }),
        DNK: negotiator(negotiation('The assessment of the incident and of those responsible continues.', ['responsible']), { breakSilence: fixed(0.5) }),
      },
    });
    const summary = summariseRuns(Array.from({ length: 60 }, (_, i) => outcome(def, run(def, `spread/${i}`))));
    const p = summary.proposals[0]!;
    assert.ok(p.hoursToConsensus.p90! > p.hoursToConsensus.p10!, `time to consensus ${p.hoursToConsensus.p10}–${p.hoursToConsensus.p90} h`);
    assert.ok(p.rounds.max! > p.rounds.min!, 'rounds vary');
    assert.ok(p.adoptedShare > 0 && p.adoptedShare < 1, `adopted in ${p.adoptedShare} of runs`);
    assert.ok(p.blocks.some((b) => b.ally === 'BEL' && b.paragraph === 2));
  });

  test('a contestable decision without spread is named, with the seats that can contest it', () => {
    const def = definition({
      injects: [tabling('P-1'), tabling('P-2', { tags: ['other'] })],
      seats: { BEL: negotiator(negotiation(BEL_WORDING, ['investigation']), { breakSilence: fixed(0) }) },
    });
    const contestable = contestableProposals(def, seatList(world14, def));
    assert.deepEqual([...contestable], [['P-1', ['BEL']]]);
    // BEL never presses its point: P-1 is adopted at its deadline in every run.
    const summary = summariseRuns(Array.from({ length: 10 }, (_, i) => outcome(def, run(def, `flat/${i}`))));
    assert.deepEqual(contestedWithoutSpread(summary, contestable), [{ proposal: 'P-1', by: ['BEL'], hours: 24 }]);
  });
});
