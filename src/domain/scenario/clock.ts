/**
 * The scenario clock: scenario time as a function of real time. Real time or accelerated
 * (`speed` 60: one real minute is one scenario hour), paused and resumed by exercise control,
 * advanced at will, and never beyond the end of the scenario.
 *
 * Pure arithmetic on milliseconds: the real time of each change comes in with the change (the
 * entry that records it), so replaying a world's clock entries always gives the same clock.
 * Guarantees: scenario time never goes backwards; while paused it stands still; it stops at `end`.
 */

export type ClockStatus = 'not_started' | 'running' | 'paused';

export interface ClockState {
  readonly status: ClockStatus;
  /** Scenario seconds per real second. */
  readonly speed: number;
  /** Real time (ms) of the last change… */
  readonly anchorReal: number;
  /** …and the scenario time (ms) it set. */
  readonly anchorScenario: number;
  readonly start: number;
  readonly end: number;
}

export type ClockEvent =
  | { readonly type: 'ClockStarted'; readonly realAt: number; readonly speed?: number }
  | { readonly type: 'ClockPaused'; readonly realAt: number }
  | { readonly type: 'ClockResumed'; readonly realAt: number }
  | { readonly type: 'ClockSpeedChanged'; readonly realAt: number; readonly speed: number }
  | { readonly type: 'ClockAdvanced'; readonly realAt: number; readonly to: number };

export const CLOCK_EVENT_TYPES: readonly ClockEvent['type'][] = ['ClockStarted', 'ClockPaused', 'ClockResumed', 'ClockSpeedChanged', 'ClockAdvanced'];

export function initialClock(start: number, end: number, speed: number): ClockState {
  return { status: 'not_started', speed, anchorReal: 0, anchorScenario: start, start, end };
}

/** Scenario time (ms) at real time `realNow`. */
export function scenarioNow(clock: ClockState, realNow: number): number {
  if (clock.status !== 'running') return clock.anchorScenario;
  const elapsed = Math.max(0, realNow - clock.anchorReal) * clock.speed;
  return Math.min(clock.end, clock.anchorScenario + elapsed);
}

/** True once scenario time has reached the end. */
export function isOver(clock: ClockState, realNow: number): boolean {
  return scenarioNow(clock, realNow) >= clock.end;
}

/** The refusal of a clock change, as a message code, or undefined if it may be made. */
export function clockRefusal(clock: ClockState, event: ClockEvent): string | undefined {
  switch (event.type) {
    case 'ClockStarted':
      return clock.status === 'not_started' ? undefined : 'scenario.clock_started';
    case 'ClockPaused':
      return clock.status === 'running' ? undefined : 'scenario.clock_not_running';
    case 'ClockResumed':
      return clock.status === 'paused' ? undefined : 'scenario.clock_not_paused';
    case 'ClockSpeedChanged':
      return Number.isFinite(event.speed) && event.speed > 0 ? undefined : 'scenario.clock_speed';
    case 'ClockAdvanced':
      return event.to >= scenarioNow(clock, event.realAt) ? undefined : 'scenario.clock_backwards';
  }
}

/** The clock after a change (an unacceptable change leaves it as it is). */
export function evolveClock(clock: ClockState, event: ClockEvent): ClockState {
  if (clockRefusal(clock, event)) return clock;
  const now = scenarioNow(clock, event.realAt);
  switch (event.type) {
    case 'ClockStarted':
      return { ...clock, status: 'running', speed: event.speed ?? clock.speed, anchorReal: event.realAt, anchorScenario: clock.anchorScenario };
    case 'ClockPaused':
      return { ...clock, status: 'paused', anchorReal: event.realAt, anchorScenario: now };
    case 'ClockResumed':
      return { ...clock, status: 'running', anchorReal: event.realAt };
    case 'ClockSpeedChanged':
      return { ...clock, speed: event.speed, anchorReal: event.realAt, anchorScenario: now };
    case 'ClockAdvanced':
      return { ...clock, anchorReal: event.realAt, anchorScenario: Math.min(clock.end, event.to) };
  }
}
