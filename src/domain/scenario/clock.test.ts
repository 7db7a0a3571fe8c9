import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clockRefusal, evolveClock, initialClock, isOver, scenarioNow, type ClockEvent } from './clock.js';

const H = 3_600_000;
const START = Date.parse('2024-06-03T06:00:00Z');
const REAL = Date.parse('2026-01-01T10:00:00Z');
const fold = (events: ClockEvent[]) => events.reduce(evolveClock, initialClock(START, START + 72 * H, 60));

describe('the scenario clock', () => {
  test('stands at T+0 until started', () => {
    assert.equal(scenarioNow(initialClock(START, START + H, 60), REAL + 5 * H), START);
  });

  test('accelerated: one real minute is one scenario hour', () => {
    const clock = fold([{ type: 'ClockStarted', realAt: REAL }]);
    assert.equal(scenarioNow(clock, REAL + 60_000), START + H);
    assert.equal(scenarioNow(clock, REAL + 90 * 60_000), START + 72 * H, 'stops at the end');
    assert.equal(isOver(clock, REAL + 72 * 60_000), true);
  });

  test('real time when the speed is 1', () => {
    const clock = fold([{ type: 'ClockStarted', realAt: REAL, speed: 1 }]);
    assert.equal(scenarioNow(clock, REAL + 60_000), START + 60_000);
  });

  test('paused, scenario time stands still; resumed, it runs on from there', () => {
    const clock = fold([
      { type: 'ClockStarted', realAt: REAL },
      { type: 'ClockPaused', realAt: REAL + 2 * 60_000 },
    ]);
    assert.equal(scenarioNow(clock, REAL + 50 * 60_000), START + 2 * H);
    const resumed = evolveClock(clock, { type: 'ClockResumed', realAt: REAL + 50 * 60_000 });
    assert.equal(scenarioNow(resumed, REAL + 51 * 60_000), START + 3 * H);
  });

  test('a change of speed keeps the time reached', () => {
    const clock = fold([{ type: 'ClockStarted', realAt: REAL }, { type: 'ClockSpeedChanged', realAt: REAL + 60_000, speed: 3600 }]);
    assert.equal(scenarioNow(clock, REAL + 61_000), START + 2 * H);
  });

  test('advancing moves time forward, never back; the director may advance before starting', () => {
    const advanced = fold([{ type: 'ClockAdvanced', realAt: REAL, to: START + 5 * H }]);
    assert.equal(scenarioNow(advanced, REAL + H), START + 5 * H);
    const started = evolveClock(advanced, { type: 'ClockStarted', realAt: REAL + H });
    assert.equal(scenarioNow(started, REAL + H + 60_000), START + 6 * H);
    assert.equal(clockRefusal(started, { type: 'ClockAdvanced', realAt: REAL + H, to: START + H }), 'scenario.clock_backwards');
  });

  test('refusals: start twice, pause when not running, resume when not paused, a speed of zero', () => {
    const running = fold([{ type: 'ClockStarted', realAt: REAL }]);
    assert.equal(clockRefusal(running, { type: 'ClockStarted', realAt: REAL }), 'scenario.clock_started');
    assert.equal(clockRefusal(initialClock(START, START + H, 1), { type: 'ClockPaused', realAt: REAL }), 'scenario.clock_not_running');
    assert.equal(clockRefusal(running, { type: 'ClockResumed', realAt: REAL }), 'scenario.clock_not_paused');
    assert.equal(clockRefusal(running, { type: 'ClockSpeedChanged', realAt: REAL, speed: 0 }), 'scenario.clock_speed');
    assert.equal(evolveClock(running, { type: 'ClockStarted', realAt: REAL + H }), running, 'a refused change leaves the clock as it is');
  });
});
