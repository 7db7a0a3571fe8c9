/**
 * The use cases of an exercise: create a scenario world from the record and a scenario file,
 * assign seats, run the scenario clock, deliver injects, let people act at scenario time, bring
 * the world up to the clock (bots, chair and exercise control acting in time order), branch a
 * what-if, and report.
 *
 * Guarantees: the record is never written (a scenario is a new world forked from it, every entry
 * marked EXERCISE); every change is an entry signed by whoever made it — exercise control, a bot's
 * principal, or the delegation of the person holding the seat; bringing a world up to date is
 * decided under the world's write lock from what the log holds, so two ticks at once (two server
 * instances) cannot deliver an inject twice.
 */
import { isoSeconds } from '../../domain/scenario/duration.js';
import { scenarioNow, clockRefusal, type ClockEvent } from '../../domain/scenario/clock.js';
import { seatOfParty } from '../../domain/scenario/policy.js';
import { seededRandom } from '../../domain/scenario/random.js';
import { commandOfEvent } from '../../domain/scenario/replay.js';
import { seatList } from '../../domain/scenario/seats.js';
import { simulate, type ScriptedAct, type SimStep } from '../../domain/scenario/simulate.js';
import { EXCON, STAFF_SEAT, endMs, startMs, type Inject, type ScenarioDefinition, type SeatPolicy } from '../../domain/scenario/types.js';
import { changeDefinition } from '../../domain/scenario/definition.js';
import type { WorldState } from '../../domain/world.js';
import { fromUtf8 } from '../../ledger/bytes.js';
import type { Entry, Json } from '../../ledger/entry.js';
import { classificationRank, type Classification } from '../../ledger/classification.js';
import { EXERCISE_ROLES, FULL_ACCESS, accessFor, canRead, type Account } from '../access.js';
import { act, actingPrincipal, createWorldFromRecord } from '../acts.js';
import type { Accounts } from '../accounts.js';
import { EvereError } from '../errors.js';
import type { Draft, LedgerService } from '../ledger-service.js';
import type { AccessFilter, Principal, PrincipalKind } from '../ports.js';
import { forkState } from './fork.js';
import {
  CONTROL_PRINCIPAL, EXCON_ONLY, SCENARIO_ENTRY_TYPES, clockPayload, lastValidTime, readScenario, type ScenarioState,
} from './scenario-state.js';

export interface ScenarioDeps {
  readonly ledger: LedgerService;
  readonly dataDir: string;
  /** Accounts, to check and update people given seats (absent: seats take any name). */
  readonly accounts?: Accounts;
  /** Real time (ms): the scenario clock runs on it. */
  readonly now?: () => number;
}

/** Who asks: the local operator (the command line), or a signed-in account. */
export type Operator = { readonly kind: 'system' } | { readonly kind: 'account'; readonly account: Account };
export const SYSTEM_OPERATOR: Operator = Object.freeze({ kind: 'system' });

export interface SeatView {
  readonly seat: string;
  readonly holder?: string;
  readonly played: 'person' | 'bot';
}

export interface ScenarioStatus {
  readonly name: string;
  readonly exercise: true;
  readonly id: string;
  readonly title: ScenarioDefinition['title'];
  readonly description?: ScenarioDefinition['description'];
  readonly asOf: string;
  readonly start: string;
  readonly end: string;
  readonly now: string;
  readonly clock: { readonly status: string; readonly speed: number };
  readonly ended: boolean;
  readonly branch?: { readonly parent: string; readonly atSeq: number };
  readonly seats: readonly SeatView[];
  readonly delivered: readonly { readonly inject: string; readonly at: string }[];
  /** Exercise control only: the injects still to come. */
  readonly upcoming?: readonly { readonly inject: string; readonly at: string; readonly kind: string; readonly title: Inject['title'] }[];
}

const iso = isoSeconds;

/** The clearance a seat needs: its acts' default marking, and every inject addressed to it. */
export function seatClearance(definition: ScenarioDefinition, seat: string): Classification {
  let needed: Classification = 'NATO UNCLASSIFIED';
  for (const inject of definition.injects) {
    if (inject.to && !inject.to.includes(seat)) continue;
    const c = (inject.classification ?? 'NATO UNCLASSIFIED') as Classification;
    if (classificationRank(c) > classificationRank(needed)) needed = c;
  }
  return needed;
}

/** Principal ids by the party they act for: bots and exercise control's white cell. */
function botPrincipal(party: string, source: 'bot' | 'control'): { id: string; kind: PrincipalKind } {
  return { id: `${source === 'bot' ? 'bot' : 'excon'}-${party.toLowerCase()}`, kind: 'bot' };
}

/** What a principal's id says about who acted, for the report. */
export function sourceOfActor(actor: string): 'bot' | 'control' | 'player' {
  if (actor.startsWith('bot-')) return 'bot';
  if (actor.startsWith('excon-') || actor.startsWith('evaluator-') || actor === CONTROL_PRINCIPAL || actor === 'archive') return 'control';
  return 'player';
}

export class Scenarios {
  constructor(readonly deps: ScenarioDeps) {}

  private get ledger(): LedgerService {
    return this.deps.ledger;
  }

  private realNow(): number {
    return (this.deps.now ?? Date.now)();
  }

  // ---- who may do what ----

  private requireControl(operator: Operator, name: string): void {
    if (operator.kind === 'system') return;
    const a = operator.account;
    if ((a.role === 'director' || a.role === 'controller') && a.worlds?.includes(name)) return;
    throw new EvereError('scenario.not_control', { user: a.username, name });
  }

  private requireDirector(operator: Operator, name: string): void {
    if (operator.kind === 'system') return;
    const a = operator.account;
    if (a.role === 'director' && a.worlds?.includes(name)) return;
    throw new EvereError('scenario.not_director', { user: a.username, name });
  }

  /** True if the operator takes part in the scenario (or is the local operator). */
  takesPart(operator: Operator, name: string): boolean {
    if (operator.kind === 'system') return true;
    const a = operator.account;
    return (EXERCISE_ROLES as readonly string[]).includes(a.role) && Boolean(a.worlds?.includes(name));
  }

  isControl(operator: Operator, name: string): boolean {
    try {
      this.requireControl(operator, name);
      return true;
    } catch {
      return false;
    }
  }

  // ---- create, list, status ----

  async create(name: string, definition: ScenarioDefinition, operator: Operator = SYSTEM_OPERATOR, progress?: (done: number, total: number) => void): Promise<ScenarioStatus> {
    if (operator.kind === 'account' && operator.account.role !== 'director' && operator.account.role !== 'admin') {
      throw new EvereError('scenario.not_director', { user: operator.account.username, name });
    }
    // Seats are checked against the record as it stood, before anything is written.
    const fork = forkState(this.deps.dataDir, definition.asOf);
    const seats = seatList(fork, definition);
    for (const seat of Object.keys(definition.seats)) {
      if (!seats.includes(seat)) throw new EvereError('scenario.seat_invalid', { name, seat });
    }
    for (const inject of definition.injects) {
      for (const seat of inject.to ?? []) if (!seats.includes(seat)) throw new EvereError('scenario.inject_addressee', { inject: inject.id, seat, name });
    }
    await createWorldFromRecord(this.ledger, this.deps.dataDir, name, { asOf: definition.asOf, exercise: true, ...(progress ? { progress } : {}) });
    await this.ledger.ensurePrincipal(name, CONTROL_PRINCIPAL, 'director', EXCON);
    await this.ledger.append(name, [{
      type: 'ScenarioDefined', validTime: definition.start, actor: CONTROL_PRINCIPAL, actingFor: EXCON,
      classification: 'NATO UNCLASSIFIED', releasability: [...EXCON_ONLY],
      payload: { definition: definition as unknown as Json },
    }]);
    await this.ledger.checkpoint(name);
    if (operator.kind === 'account' && operator.account.role === 'director' && this.deps.accounts) {
      const account = await this.deps.accounts.grant(operator.account.username, { worlds: [...new Set([...(operator.account.worlds ?? []), name])] });
      return this.status(name, { kind: 'account', account });
    }
    return this.status(name, operator);
  }

  /** The scenario worlds the operator may see. */
  async list(operator: Operator = SYSTEM_OPERATOR): Promise<ScenarioStatus[]> {
    const worlds = (await this.ledger.store.worlds()).filter((w) => w.exercise);
    const out: ScenarioStatus[] = [];
    for (const w of worlds) {
      if (operator.kind === 'account' && operator.account.role !== 'admin' && !this.takesPart(operator, w.name)) continue;
      try {
        out.push(await this.status(w.name, operator));
      } catch (error) {
        if (!(error instanceof EvereError && error.code === 'scenario.not_found')) throw error;
      }
    }
    return out;
  }

  async status(name: string, operator: Operator = SYSTEM_OPERATOR): Promise<ScenarioStatus> {
    const sc = await readScenario(this.ledger, name);
    const state = (await this.ledger.state(name)) as WorldState;
    return this.view(sc, state, this.isControl(operator, name), await this.accessOf(operator, name));
  }

  /** What the operator may read in the scenario (the one authorisation layer decides). */
  private async accessOf(operator: Operator, name: string): Promise<AccessFilter> {
    return operator.kind === 'system' ? FULL_ACCESS : accessFor(operator.account, await this.ledger.requireWorld(name));
  }

  private view(sc: ScenarioState, state: WorldState, control: boolean, access: AccessFilter): ScenarioStatus {
    // Injects are as classified as the scenario file marks them: even their ids and times are
    // shown only to those who may read them.
    const readable = (id: string) => {
      const inject = sc.definition.injects.find((i) => i.id === id);
      // An ad-hoc inject is in no definition: it is as classified as its delivery was marked.
      const delivery = inject ? undefined : sc.deliveredMarkings?.get(id);
      if (delivery) return canRead(access, { classification: delivery.classification as Classification, releasability: delivery.releasability });
      return canRead(access, { classification: (inject?.classification ?? 'NATO UNCLASSIFIED') as Classification, releasability: inject?.releasability ?? ['NATO'] });
    };
    const d = sc.definition;
    const now = scenarioNow(sc.clock, this.realNow());
    const seats = seatList(state, d).map((seat) => {
      const holder = sc.holders[seat];
      return holder ? { seat, holder, played: 'person' as const } : { seat, played: 'bot' as const };
    });
    return {
      name: sc.world, exercise: true, id: d.id, title: d.title, ...(d.description ? { description: d.description } : {}),
      asOf: d.asOf, start: d.start, end: iso(endMs(d)), now: iso(now),
      clock: { status: sc.clock.status, speed: sc.clock.speed }, ended: now >= endMs(d),
      ...(sc.branch ? { branch: sc.branch } : {}),
      seats,
      delivered: [...sc.delivered.entries()].filter(([inject]) => readable(inject)).map(([inject, at]) => ({ inject, at: iso(at) })).sort((a, b) => (a.at < b.at ? -1 : 1)),
      ...(control ? {
        upcoming: d.injects.filter((i) => !sc.delivered.has(i.id) && !sc.withheld?.has(i.id) && readable(i.id)).map((i) => ({ inject: i.id, at: iso(startMs(d) + i.atMs), kind: i.kind, title: i.title })),
      } : {}),
    };
  }

  // ---- seats ----

  /** Gives a seat to a person (a player account), or back to its bot (`holder` undefined). */
  async assign(name: string, seat: string, holder: string | undefined, operator: Operator = SYSTEM_OPERATOR): Promise<ScenarioStatus> {
    this.requireDirector(operator, name);
    const sc = await readScenario(this.ledger, name);
    const state = (await this.ledger.state(name)) as WorldState;
    if (!seatList(state, sc.definition).includes(seat)) throw new EvereError('scenario.seat_invalid', { name, seat });
    if (holder && this.deps.accounts) {
      // A seat needs a clearance that reads the injects addressed to it (and writes its acts, at
      // NATO UNCLASSIFIED by default): clearance applies inside scenarios as outside, so a seat is
      // never given to someone who could see none of it.
      const player = (await this.deps.accounts.list()).find((a) => a.username === holder);
      const needed = seatClearance(sc.definition, seat);
      if (player?.role === 'player' && classificationRank(player.clearance) < classificationRank(needed)) {
        throw new EvereError('scenario.clearance_low', { username: holder, clearance: player.clearance, seat, needed });
      }
      await this.admit(name, holder, 'player');
    }
    await this.recordSeatHolders(name, seat, sc.holders[seat], holder);
    await this.tick(name);
    const now = scenarioNow(sc.clock, this.realNow());
    await this.ledger.append(name, [{
      type: 'SeatAssigned', validTime: iso(Math.max(now, await lastValidTime(this.ledger, name))), actor: CONTROL_PRINCIPAL, actingFor: EXCON,
      classification: 'NATO UNCLASSIFIED', releasability: ['NATO'], payload: holder ? { seat, holder } : { seat },
    }]);
    return this.status(name, operator);
  }

  /**
   * Keeps on the accounts which seats each person holds in the scenario: a player reads the
   * channels of the seats they hold (src/app/access.ts), and no longer those of a seat given back.
   */
  private async recordSeatHolders(name: string, seat: string, previous: string | undefined, next: string | undefined): Promise<void> {
    const accounts = this.deps.accounts;
    if (!accounts || previous === next) return;
    const all = await accounts.list();
    const update = async (username: string, change: (seats: readonly string[]) => readonly string[]) => {
      const account = all.find((a) => a.username === username);
      if (!account) return;
      const seats = { ...(account.seats ?? {}) };
      const now = change(seats[name] ?? []);
      if (now.length) seats[name] = now;
      else delete seats[name];
      await accounts.grant(username, { seats });
    };
    if (previous) await update(previous, (s) => s.filter((x) => x !== seat));
    if (next) await update(next, (s) => [...new Set([...s, seat])].sort());
  }

  /**
   * Admits a person to a scenario: adds the world to their account. A seat needs a player; exercise
   * control, evaluators and observers are admitted without one.
   */
  async admit(name: string, username: string, need?: 'player', operator: Operator = SYSTEM_OPERATOR): Promise<Account> {
    this.requireDirector(operator, name);
    const accounts = this.deps.accounts;
    if (!accounts) throw new EvereError('account.not_found', { username });
    const account = (await accounts.list()).find((a) => a.username === username);
    if (!account) throw new EvereError('account.not_found', { username });
    if (need === 'player' ? account.role !== 'player' : !(EXERCISE_ROLES as readonly string[]).includes(account.role)) {
      throw new EvereError('scenario.user_role', { username, role: account.role });
    }
    if (account.worlds?.includes(name)) return account;
    return accounts.grant(username, { worlds: [...(account.worlds ?? []), name] });
  }

  // ---- the clock ----

  async clock(name: string, change: { action: 'start' | 'pause' | 'resume' | 'speed'; speed?: number }, operator: Operator = SYSTEM_OPERATOR): Promise<ScenarioStatus> {
    this.requireControl(operator, name);
    const realAt = this.realNow();
    let event: ClockEvent;
    switch (change.action) {
      case 'start':
        event = { type: 'ClockStarted', realAt, ...(change.speed !== undefined ? { speed: change.speed } : {}) };
        if (change.speed !== undefined && !(change.speed > 0)) throw new EvereError('scenario.clock_speed');
        break;
      case 'pause':
        event = { type: 'ClockPaused', realAt };
        break;
      case 'resume':
        event = { type: 'ClockResumed', realAt };
        break;
      case 'speed':
        event = { type: 'ClockSpeedChanged', realAt, speed: change.speed ?? NaN };
        break;
    }
    await this.tick(name);
    await this.writeClock(name, event);
    return this.status(name, operator);
  }

  private async writeClock(name: string, event: ClockEvent): Promise<void> {
    await this.ledger.appendDecided(name, async () => {
      const sc = await readScenario(this.ledger, name);
      const refused = clockRefusal(sc.clock, event);
      if (refused) {
        const now = iso(scenarioNow(sc.clock, event.realAt));
        throw new EvereError(refused, event.type === 'ClockAdvanced' ? { now, to: iso(event.to) } : {});
      }
      // Valid time of a change is the scenario time at which it was made (an advance is made now,
      // and takes the clock to its target).
      const at = Math.max(scenarioNow(sc.clock, event.realAt), await lastValidTime(this.ledger, name));
      return [{
        type: event.type, validTime: iso(Math.min(at, sc.clock.end)), actor: CONTROL_PRINCIPAL, actingFor: EXCON,
        classification: 'NATO UNCLASSIFIED', releasability: ['NATO'], payload: clockPayload(event),
      }];
    });
  }

  /** Moves scenario time forward (to a time, or by a duration) and plays everything due until then. */
  async advance(name: string, target: { to?: number; by?: number }, operator: Operator = SYSTEM_OPERATOR): Promise<{ status: ScenarioStatus; entries: Entry[] }> {
    this.requireControl(operator, name);
    const sc = await readScenario(this.ledger, name);
    const realAt = this.realNow();
    const now = scenarioNow(sc.clock, realAt);
    const to = Math.floor(Math.min(sc.clock.end, target.to ?? now + (target.by ?? 0)) / 1000) * 1000;
    await this.writeClock(name, { type: 'ClockAdvanced', realAt, to });
    const entries = await this.tick(name);
    return { status: await this.status(name, operator), entries };
  }

  // ---- bringing the world up to the clock ----

  /**
   * Plays everything due up to the scenario clock's time (or `untilMs`): injects, bots, the chair,
   * exercise control. Idempotent: what is due is derived from the log under the write lock.
   */
  async tick(name: string, options: { untilMs?: number; scripted?: readonly ScriptedAct[]; definition?: ScenarioDefinition; release?: string } = {}): Promise<Entry[]> {
    return this.ledger.appendDecided(name, async (raw) => {
      const state = raw as WorldState;
      const sc = await readScenario(this.ledger, name);
      // Before exercise control starts (or advances) the clock, nothing falls due.
      if (options.untilMs === undefined && sc.clock.status === 'not_started' && sc.clock.anchorScenario <= sc.clock.start) return [];
      const definition = options.definition ?? sc.definition;
      const to = Math.min(options.untilMs ?? scenarioNow(sc.clock, this.realNow()), endMs(definition));
      const from = Math.max(startMs(definition), await lastValidTime(this.ledger, name));
      if (to < from) return [];
      const seats = seatList(state, definition);
      const result = simulate({
        world: state, definition, random: seededRandom(definition.seed), seats,
        humanSeats: new Set(Object.keys(sc.holders)), delivered: sc.delivered, withheld: new Set([...(sc.withheld?.keys() ?? [])].filter((id) => id !== options.release)), fromMs: from, toMs: to,
        ...(options.scripted ? { scripted: options.scripted } : {}),
      });
      const drafts = this.draftsOf(result.steps);
      await this.ensurePrincipals(name, drafts);
      return drafts;
    });
  }

  private draftsOf(steps: readonly SimStep[]): Draft[] {
    const drafts: Draft[] = [];
    steps.forEach((step, i) => {
      if (step.kind === 'inject') {
        const inj = step.inject;
        const refused = steps[i + 1]?.kind === 'refused' && (steps[i + 1] as { inject?: string }).inject === inj.id ? steps[i + 1] as Extract<SimStep, { kind: 'refused' }> : undefined;
        drafts.push({
          type: 'InjectDelivered', validTime: iso(step.at), actor: CONTROL_PRINCIPAL, actingFor: EXCON,
          classification: (inj.classification ?? 'NATO UNCLASSIFIED') as Classification,
          releasability: inj.releasability ?? ['NATO'],
          payload: {
            inject: inj.id, kind: inj.kind, title: inj.title, ...(inj.text ? { text: inj.text } : {}),
            ...(inj.attachments ? { attachments: inj.attachments.map((a) => ({ title: a.title, url: a.url })) } : {}), tags: [...inj.tags],
            ...(inj.to ? { to: [...inj.to] } : {}), ...(inj.resolution ? { resolution: inj.resolution } : {}), ...(inj.outlet ? { outlet: inj.outlet } : {}),
            ...(step.prompt && inj.command ? { prompt: true, expected: inj.command as unknown as Json } : {}),
            ...(refused ? { refused: refused.violations.map((v) => v.code) } : {}),
          } as unknown as Json,
        });
      } else if (step.kind === 'withheld') {
        // A branch not taken: exercise control's to know, not the players'.
        drafts.push({
          type: 'InjectWithheld', validTime: iso(step.at), actor: CONTROL_PRINCIPAL, actingFor: EXCON,
          classification: (step.inject.classification ?? 'NATO UNCLASSIFIED') as Classification, releasability: [...EXCON_ONLY],
          payload: { inject: step.inject.id, condition: step.inject.condition as unknown as Json },
        });
      } else if (step.kind === 'act') {
        for (const event of step.events) {
          const actor = step.source === 'script' && step.actor ? step.actor
            : botPrincipal(event.by, step.source === 'control' ? 'control' : 'bot').id;
          drafts.push({
            type: event.type, validTime: event.at, actor, actingFor: event.by,
            classification: 'NATO UNCLASSIFIED', releasability: ['NATO'], payload: event.data as unknown as Json,
          });
        }
      }
    });
    return drafts;
  }

  private async ensurePrincipals(name: string, drafts: readonly Draft[]): Promise<void> {
    const needed = new Map<string, string>();
    for (const d of drafts) needed.set(d.actor, d.actingFor);
    if (needed.size === 0) return;
    const existing = new Set((await this.ledger.store.principals(name)).map((p) => p.id));
    for (const [id, actingFor] of needed) {
      if (existing.has(id)) continue;
      const kind: PrincipalKind = id === CONTROL_PRINCIPAL ? 'director' : id.startsWith('bot-') || id.startsWith('excon-') ? 'bot' : id.startsWith('staff-') ? 'staff' : 'delegation';
      await this.ledger.ensurePrincipal(name, id, kind, actingFor);
    }
  }

  // ---- injects ----

  /**
   * Delivers an inject now: one of the list ahead of its time, or an ad-hoc one that exercise
   * control writes on the spot (information only).
   */
  async deliver(name: string, inject: { id: string } | { adHoc: Omit<Inject, 'atMs' | 'id'> & { id?: string } }, operator: Operator = SYSTEM_OPERATOR): Promise<Entry[]> {
    this.requireControl(operator, name);
    await this.tick(name);
    const sc = await readScenario(this.ledger, name);
    const now = Math.max(scenarioNow(sc.clock, this.realNow()), await lastValidTime(this.ledger, name));
    const atMs = now - startMs(sc.definition);
    let definition: ScenarioDefinition;
    if ('id' in inject) {
      const found = sc.definition.injects.find((i) => i.id === inject.id);
      if (!found) throw new EvereError('scenario.inject_not_found', { name, inject: inject.id });
      const delivered = sc.delivered.get(inject.id);
      if (delivered !== undefined) throw new EvereError('scenario.inject_delivered', { inject: inject.id, at: iso(delivered) });
      // Delivered by hand: exercise control has decided, whatever its condition says.
      const { condition: _condition, untilMs: _untilMs, ...plain } = found;
      definition = changeDefinition(sc.definition, { inject: found.id, replace: { ...plain, atMs } });
      return this.tick(name, { untilMs: now, definition, release: found.id });
    } else {
      const id = inject.adHoc.id ?? `ADHOC-${sc.delivered.size + 1}`;
      if (sc.definition.injects.some((i) => i.id === id) || sc.delivered.has(id)) throw new EvereError('scenario.inject_delivered', { inject: id, at: iso(now) });
      // Addressed to seats of the scenario, and marked no higher than its writer may read.
      const seats = seatList((await this.ledger.state(name)) as WorldState, sc.definition);
      for (const seat of inject.adHoc.to ?? []) if (!seats.includes(seat)) throw new EvereError('scenario.inject_addressee', { inject: id, seat, name });
      const classification = (inject.adHoc.classification ?? 'NATO UNCLASSIFIED') as Classification;
      if (operator.kind === 'account' && classificationRank(classification) > classificationRank(operator.account.clearance)) {
        throw new EvereError('scenario.inject_above_clearance', { user: operator.account.username, clearance: operator.account.clearance, classification });
      }
      definition = { ...sc.definition, injects: [...sc.definition.injects, { ...inject.adHoc, id, atMs }].sort((a, b) => a.atMs - b.atMs) };
    }
    return this.tick(name, { untilMs: now, definition });
  }

  // ---- acting in a seat ----

  /** A person acts for their seat at the scenario's current time (the local operator for any seat held by a person). */
  async act(name: string, command: { cmd: string; by: string; data: unknown }, operator: Operator = SYSTEM_OPERATOR, options: { classification?: Classification; releasability?: readonly string[] } = {}): Promise<Entry[]> {
    await this.tick(name);
    const sc = await readScenario(this.ledger, name);
    const state = (await this.ledger.state(name)) as WorldState;
    const seats = seatList(state, sc.definition);
    const seat = seatOfParty(command.by, seats);
    const user = operator.kind === 'account' ? operator.account.username : 'operator';
    if (seat === EXCON || (seat !== STAFF_SEAT && !seats.includes(seat))) throw new EvereError('scenario.not_seated', { user, by: command.by, name });
    const holder = sc.holders[seat];
    if (operator.kind === 'account') {
      if (holder !== operator.account.username || !operator.account.worlds?.includes(name)) throw new EvereError('scenario.not_seated', { user, by: command.by, name });
    } else if (!holder) {
      throw new EvereError('scenario.seat_is_bot', { seat, name });
    }
    const now = Math.max(scenarioNow(sc.clock, this.realNow()), await lastValidTime(this.ledger, name));
    if (now >= sc.clock.end) throw new EvereError('scenario.ended', { name, end: iso(sc.clock.end) });
    const principal: Principal = await actingPrincipal(this.ledger, name, command.by);
    // Decided on what the player may read (the one path every act takes: src/app/acts.ts).
    return act(this.ledger, name, { cmd: command.cmd, at: iso(now), by: command.by, data: command.data }, principal, {
      access: await this.accessOf(operator, name),
      ...(options.classification ? { classification: options.classification } : {}),
      ...(options.releasability ? { releasability: options.releasability } : {}),
    });
  }

  // ---- what-if ----

  /**
   * Branches a scenario at entry `atSeq`: a new world holding the parent's entries before it,
   * under a definition with one seat's policy or one inject changed; then replays it
   * deterministically — bots decide anew, people's recorded acts are replayed at their times — up
   * to where the parent got (or the end). The copy is re-signed by the branch's own keys; its
   * ScenarioBranched entry names the parent and the branch point.
   */
  async branch(
    parent: string, name: string,
    change: { atSeq: number; seat?: string; policy?: SeatPolicy; inject?: string; replace?: Inject; drop?: boolean; toEnd?: boolean },
    operator: Operator = SYSTEM_OPERATOR,
  ): Promise<{ status: ScenarioStatus; copied: number; replayed: number }> {
    this.requireDirector(operator, parent);
    // The parent is brought up to its clock first: the branch replays as far as the parent got.
    await this.tick(parent);
    const sc = await readScenario(this.ledger, parent);
    const size = await this.ledger.store.size(parent);
    const min = sc.definedAtSeq + 1;
    if (!Number.isSafeInteger(change.atSeq) || change.atSeq < min || change.atSeq > size) {
      throw new EvereError('scenario.branch_seq', { seq: String(change.atSeq), min, max: size });
    }
    const seatChange = change.seat !== undefined && change.policy !== undefined;
    const injectChange = change.inject !== undefined && (change.replace !== undefined || change.drop === true);
    if (seatChange === injectChange) throw new EvereError('scenario.branch_change');
    if (change.seat !== undefined) {
      const state = (await this.ledger.state(parent)) as WorldState;
      if (!seatList(state, sc.definition).includes(change.seat)) throw new EvereError('scenario.seat_invalid', { name: parent, seat: change.seat });
    }
    if (change.inject !== undefined && !sc.definition.injects.some((i) => i.id === change.inject)) {
      throw new EvereError('scenario.inject_not_found', { name: parent, inject: change.inject });
    }
    const definition = changeDefinition(sc.definition, {
      ...(change.seat ? { seat: change.seat } : {}), ...(change.policy ? { policy: change.policy } : {}),
      ...(change.inject ? { inject: change.inject } : {}), ...(change.replace ? { replace: change.replace } : {}), ...(change.drop ? { drop: true } : {}),
    });

    const entries = (await this.ledger.store.entryBytes(parent, 0, size)).map((bytes) => JSON.parse(fromUtf8(bytes)) as Entry);
    const info = await this.ledger.requireWorld(parent);
    await this.ledger.createWorld(name, { exercise: true, forkedFrom: { world: parent, size: change.atSeq, ...(info.forkedFrom?.asOf ? { asOf: info.forkedFrom.asOf } : {}) } });
    for (const p of await this.ledger.store.principals(parent)) {
      if (p.kind === 'log' || p.kind === 'archive') continue;
      await this.ledger.ensurePrincipal(name, p.id, p.kind, p.actingFor);
    }
    const copy = entries.slice(0, change.atSeq).map((e): Draft => ({
      type: e.type, validTime: e.validTime, actor: e.actor, actingFor: e.actingFor, classification: e.classification,
      releasability: e.releasability, ...(e.source ? { source: e.source } : {}), payload: e.payload,
    }));
    for (let i = 0; i < copy.length; i += 500) await this.ledger.append(name, copy.slice(i, i + 500));
    const branchAt = Date.parse(entries[change.atSeq - 1]!.validTime);
    await this.ledger.append(name, [{
      type: 'ScenarioBranched', validTime: iso(Math.max(branchAt, startMs(definition))), actor: CONTROL_PRINCIPAL, actingFor: EXCON,
      classification: 'NATO UNCLASSIFIED', releasability: [...EXCON_ONLY],
      payload: {
        parent, atSeq: change.atSeq,
        change: {
          ...(change.seat ? { seat: change.seat } : {}), ...(change.inject ? { inject: change.inject } : {}), ...(change.drop ? { drop: true } : {}),
        },
        definition: definition as unknown as Json,
      },
    }]);

    // A seat whose policy changes is played by its bot in the branch, whoever held it.
    const branchState = await readScenario(this.ledger, name);
    if (change.seat && branchState.holders[change.seat]) {
      await this.ledger.append(name, [{
        type: 'SeatAssigned', validTime: iso(Math.max(branchAt, startMs(definition))), actor: CONTROL_PRINCIPAL, actingFor: EXCON,
        classification: 'NATO UNCLASSIFIED', releasability: ['NATO'], payload: { seat: change.seat },
      }]);
    }
    // People's acts after the branch point are replayed at their times (not those of that seat).
    const seatsNow = seatList((await this.ledger.state(name)) as WorldState, definition);
    const scenarioTypes = new Set<string>(SCENARIO_ENTRY_TYPES);
    const scripted: ScriptedAct[] = [];
    for (const e of entries.slice(change.atSeq)) {
      if (scenarioTypes.has(e.type) || sourceOfActor(e.actor) !== 'player') continue;
      if (change.seat && seatOfParty(e.actingFor, seatsNow) === change.seat) continue;
      const command = commandOfEvent({ type: e.type, by: e.actingFor, data: e.payload as Record<string, unknown> });
      if (command) scripted.push({ atMs: Date.parse(e.validTime), command, actor: e.actor });
    }
    const parentReached = Math.max(...entries.map((e) => Date.parse(e.validTime)));
    const horizon = change.toEnd ? endMs(definition) : Math.min(endMs(definition), parentReached);
    const replayed = await this.tick(name, { untilMs: horizon, scripted });
    const now = Math.max(horizon, await lastValidTime(this.ledger, name));
    await this.writeClock(name, { type: 'ClockAdvanced', realAt: this.realNow(), to: Math.min(now, endMs(definition)) });
    await this.ledger.checkpoint(name);
    if (operator.kind === 'account' && this.deps.accounts && operator.account.role === 'director') {
      await this.deps.accounts.grant(operator.account.username, { worlds: [...new Set([...(operator.account.worlds ?? []), name])] });
    }
    return { status: await this.status(name, operator), copied: copy.length, replayed: replayed.length };
  }
}
