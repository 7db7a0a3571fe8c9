/**
 * Bot policies: what a seat played by a bot intends to do next, given the world as it stands.
 *
 * An intent is derived from the state, never remembered: the same state, delivered injects and
 * seed always give the same intents. That makes a run deterministic and lets a live world be
 * brought up to date at any moment (the app asks again after every change). Each intent has a
 * time: the moment the text it reacts to was circulated, plus the seat's reaction delay and a
 * keyed random share of its jitter.
 *
 * A delegation that negotiates a paragraph contests a text whose paragraph crosses its red lines:
 * it breaks silence (or objects at a meeting) naming the paragraph and proposing its own wording,
 * with its propensity to do so; it accepts an amendment that respects its red lines, with its
 * readiness to accept; both are probabilities drawn per run from the scenario's distributions.
 *
 * The chair (International Staff) closes silence at the deadline, accepts the wording a break or
 * an objection proposes into a new revision as soon as it is in hand and restarts silence on it,
 * revises a text after a break without wording at the deadline and re-issues it, takes a meeting
 * proposal for adoption when no Ally objects, accepts footnotes by revising, and holds requested
 * Art. 4 consultations. Exercise control plays the depositary and invitees that have no seat.
 */
import { objectorsAt } from '../council/council.js';
import type { Proposal } from '../council/types.js';
import { alliesAt, isAllyAt, missingRatifiers } from '../membership/queries.js';
import type { Protocol } from '../membership/types.js';
import type { WorldState } from '../world-state.js';
import { isoSeconds } from './duration.js';
import { sample, type Random } from './random.js';
import {
  EXCON, STAFF_SEAT, policyOf,
  type Condition, type Negotiation, type RedLines, type Rule, type ScenarioDefinition, type SeatPolicy, type Stance,
} from './types.js';

export interface SimContext {
  readonly definition: ScenarioDefinition;
  readonly random: Random;
  /** Inject id → delivery time (ms). */
  readonly delivered: ReadonlyMap<string, number>;
  /** Seats held by people: no bot plays them. */
  readonly humanSeats: ReadonlySet<string>;
  /** Every seat, in order: Allies, International Staff, partners and invitees. */
  readonly seats: readonly string[];
  readonly startMs: number;
  /**
   * Intents already worked out for a proposal's state (proposals are immutable: a changed one is a
   * new object), so that a step recomputes only what changed. A cache, not a memory: the same
   * intent would be derived again.
   */
  readonly memo?: WeakMap<Proposal, Map<string, { readonly delivered: number; readonly membership: unknown; readonly intent: Intent | undefined }>>;
}

export interface IntentCommand {
  readonly cmd: string;
  readonly by: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface Intent {
  /** When (ms, whole seconds). */
  readonly at: number;
  /** The seat that plays it, or EXCON. */
  readonly seat: string;
  readonly command: IntentCommand;
  /** Unique for the act on this text: an act is made once per key. */
  readonly key: string;
  /** Order among intents at the same time: Allies and partners (2), chair (3), control (4). */
  readonly rank: number;
  readonly order: number;
}

const ms = (time: string): number => Date.parse(time.length === 10 ? `${time}T00:00:00Z` : time);
const wholeSecond = (t: number): number => Math.ceil(t / 1000) * 1000;

/** The seat that plays a party: NAC and SG are International Staff; bodies without a seat, exercise control. */
export function seatOfParty(by: string, seats: readonly string[]): string {
  if (by === 'SG' || by === 'NAC') return STAFF_SEAT;
  return seats.includes(by) ? by : EXCON;
}

/** When the current text of a proposal was put before the Allies (tabling, revision or re-issue). */
export function textAt(p: Proposal): number {
  if (p.status === 'under_silence' || p.status === 'silence_broken') {
    const round = p.silenceRounds.at(-1);
    if (round) return ms(round.issuedAt);
  }
  for (let i = p.history.length - 1; i >= 0; i--) {
    const h = p.history[i]!;
    if (h.status === 'draft' || h.status === 'under_silence') return ms(h.at);
  }
  return ms(p.tabledAt);
}

/** When the text was last revised, if it was. */
export function lastRevisedAt(p: Proposal): number | undefined {
  if (p.revision === 0) return undefined;
  for (let i = p.history.length - 1; i > 0; i--) if (p.history[i]!.status === 'draft') return ms(p.history[i]!.at);
  return undefined;
}

function conditionMatches(ctx: SimContext, w: Condition, p: Proposal): boolean {
  if (w.tagged && !w.tagged.some((t) => p.tags.includes(t))) return false;
  if (w.proposals && !w.proposals.includes(p.id)) return false;
  if (w.procedure && w.procedure !== p.procedure) return false;
  if (w.afterInjects && !w.afterInjects.every((i) => ctx.delivered.has(i))) return false;
  if (w.beforeInjects && w.beforeInjects.some((i) => ctx.delivered.has(i))) return false;
  if (w.maxRevision !== undefined && p.revision > w.maxRevision) return false;
  return true;
}

function ruleMatches(ctx: SimContext, seat: string, rule: Rule, index: number, p: Proposal): boolean {
  if (!conditionMatches(ctx, rule.when, p)) return false;
  if (rule.probability !== undefined && rule.probability < 1 && ctx.random.uniform(`${seat}|${p.id}|rule${index}`) >= rule.probability) return false;
  return true;
}

/** The stance a seat takes on a proposal, and the rule that gave it (none: the default). */
export function stanceOn(ctx: SimContext, seat: string, policy: SeatPolicy, p: Proposal): { stance: Stance; rule?: Rule } {
  for (const [i, rule] of policy.rules.entries()) if (ruleMatches(ctx, seat, rule, i, p)) return { stance: rule.then, rule };
  return { stance: policy.default };
}

/** Whether a paragraph's text respects red lines: it says every required phrase and no excluded one. */
export function meetsRedLines(text: string | undefined, lines: RedLines): boolean {
  if (text === undefined) return lines.requires.length === 0;
  return lines.requires.every((phrase) => text.includes(phrase)) && !lines.excludes.some((phrase) => text.includes(phrase));
}

/** The paragraph a seat negotiates on a proposal, if any (the first that matches). */
export function negotiationOn(ctx: SimContext, policy: SeatPolicy, p: Proposal): Negotiation | undefined {
  for (const n of policy.negotiate) if (n.paragraph <= p.paragraphs.length && conditionMatches(ctx, n.when, p)) return n;
  return undefined;
}

/**
 * Whether a negotiating seat contests the current text of a proposal: its paragraph (or a pending
 * amendment to it by another party) crosses the seat's red lines and the seat presses the point
 * (its propensity), or the text was amended within its red lines but not to its own wording and
 * the seat is not ready to accept it (its readiness).
 */
export function contests(ctx: SimContext, seat: string, policy: SeatPolicy, p: Proposal, n: Negotiation): boolean {
  const current = p.paragraphs[n.paragraph - 1];
  const stem = `${seat}|${p.id}|${p.revision}`;
  const press = () => ctx.random.uniform(`${stem}|press`) < sample(ctx.random, `${seat}|propensity`, policy.breakSilence);
  // Its own wording stands: nothing to contest.
  if (current === n.wording) return false;
  const pendingCrossing = p.amendments.some((a) => a.status === 'pending' && a.revision === p.revision && a.by !== seat && a.paragraph === n.paragraph &&
    a.op !== 'insert' && !meetsRedLines(a.op === 'delete' ? undefined : a.op === 'replace' ? a.text : `[${current ?? ''}]`, n.redLines));
  if (pendingCrossing) return press();
  if (!meetsRedLines(current, n.redLines)) return press();
  // Within its red lines: the tabled wording stands; an amendment is accepted if the seat is ready to.
  const tabled = p.revisions[0]?.paragraphs[n.paragraph - 1];
  if (current === tabled) return false;
  return ctx.random.uniform(`${stem}|accept`) >= sample(ctx.random, `${seat}|readiness`, policy.accept);
}

/** The latest delivery time among the injects a policy's rules depend on (0 if none). */
function latestRelevantInject(ctx: SimContext, policy: SeatPolicy): number {
  let latest = 0;
  for (const rule of policy.rules) {
    for (const id of [...(rule.when.afterInjects ?? []), ...(rule.when.beforeInjects ?? [])]) {
      const at = ctx.delivered.get(id);
      if (at !== undefined && at > latest) latest = at;
    }
  }
  return latest;
}

function allyProposalIntent(ctx: SimContext, world: WorldState, seat: string, order: number, policy: SeatPolicy, p: Proposal): Intent | undefined {
  const { stance, rule } = stanceOn(ctx, seat, policy, p);
  const text = textAt(p);
  const round = p.silenceRounds.length;
  const stem = `${seat}|${p.id}|${p.revision}|${round}`;
  const delay = sample(ctx.random, `${stem}|delay`, rule?.delay ?? policy.delay);
  const jitter = rule?.jitterMs ?? policy.jitterMs;
  const basis = Math.max(text, latestRelevantInject(ctx, policy));
  const react = wholeSecond(basis + delay + jitter * ctx.random.uniform(`${stem}|react`));
  if (!isAllyAt(world.membership, seat, isoSeconds(react))) return undefined;
  const position = p.positions[seat];
  const intent = (at: number, cmd: string, extra: Record<string, unknown>, tag: string): Intent => ({
    at, seat, rank: 2, order, key: `${stem}|${tag}`, command: { cmd, by: seat, data: { proposal: p.id, ...extra } },
  });
  const reason = rule?.reason ?? policy.reason;
  const withReason = reason === undefined ? {} : { reason };

  const agree = (adReferendum: boolean, at = react): Intent | undefined => {
    if (position?.stance === 'agreed') return undefined;
    if (position?.stance === 'objecting') return intent(at, 'AgreeProposal', adReferendum ? { adReferendum } : {}, 'agree');
    // Under the silence procedure, silence is consent: nothing to say.
    if (p.procedure === 'silence' || p.status !== 'draft') return undefined;
    return intent(at, 'AgreeProposal', adReferendum ? { adReferendum } : {}, 'agree');
  };
  const object = (at = react, pointing: Record<string, unknown> = withReason): Intent | undefined => {
    if (position?.stance === 'objecting') return undefined;
    if (p.status === 'under_silence' || p.status === 'silence_broken') {
      if (p.silenceRounds.at(-1)?.breaks.some((b) => b.ally === seat)) return undefined;
      // A delegation that means to break silence does so by the deadline.
      return intent(Math.min(at, ms(p.deadline)), 'BreakSilence', pointing, 'break');
    }
    return intent(at, 'ObjectToProposal', pointing, 'object');
  };
  // A revised text the chair is about to re-issue under silence is contested once it is.
  const awaitingSilence = p.status === 'draft' && p.procedure === 'silence';
  const negotiation = awaitingSilence ? undefined : negotiationOn(ctx, policy, p);
  if (negotiation && contests(ctx, seat, policy, p, negotiation)) {
    const because = negotiation.reason ?? reason;
    return object(react, { paragraph: negotiation.paragraph, wording: negotiation.wording, ...(because === undefined ? {} : { reason: because }) });
  }
  const footnote = p.footnotes.find((f) => f.ally === seat);
  const footnoteText = rule?.footnote ?? policy.footnote ?? `${seat} reserves its position.`;

  switch (stance) {
    case 'agree':
      return agree(false);
    case 'agree-ad-referendum':
      return agree(true);
    case 'silent':
      return position?.stance === 'objecting' ? intent(react, 'LiftObjection', {}, 'lift') : undefined;
    case 'object':
    case 'break-silence':
      return object();
    case 'object-until-footnote': {
      if (!footnote) return intent(react, 'AttachFootnote', { text: footnoteText }, 'footnote');
      const revised = lastRevisedAt(p);
      if (revised !== undefined && revised > ms(footnote.at)) return agree(false);
      return object(Math.max(react, ms(footnote.at)));
    }
    case 'footnote-and-agree':
      if (!footnote) return intent(react, 'AttachFootnote', { text: footnoteText }, 'footnote');
      return agree(false, Math.max(react, ms(footnote.at)));
  }
}

function ratifyIntent(ctx: SimContext, seat: string, order: number, policy: SeatPolicy, protocol: Protocol): Intent | undefined {
  if (!protocol.requiredRatifiers.includes(seat)) return undefined;
  const r = policy.ratify?.find((x) => !x.protocols || x.protocols.includes(protocol.id));
  if (!r) return undefined;
  const stages = protocol.ratifications[seat]?.stages ?? [];
  const last = stages.at(-1);
  if (last?.stage === 'instrument_deposited') return undefined;
  let basis = ctx.startMs;
  for (const id of r.afterInjects ?? []) {
    const at = ctx.delivered.get(id);
    if (at === undefined) return undefined;
    basis = Math.max(basis, at);
  }
  if (r.probability !== undefined && r.probability < 1 && ctx.random.uniform(`${seat}|${protocol.id}|ratify`) >= r.probability) return undefined;
  const approved = wholeSecond(basis + r.afterMs + r.jitterMs * ctx.random.uniform(`${seat}|${protocol.id}|approve`));
  const make = (at: number, stage: string): Intent => ({
    at, seat, rank: 2, order, key: `${seat}|${protocol.id}|${stage}`,
    command: { cmd: 'RecordRatificationStage', by: seat, data: { protocol: protocol.id, ally: seat, stage } },
  });
  if (!last) return make(approved, 'parliament_approved');
  return make(wholeSecond(Math.max(approved, ms(last.at)) + r.depositAfterMs), 'instrument_deposited');
}

/**
 * The wordings the objectors (or the delegations that broke silence in this round) propose for the
 * current text, still pending: one per paragraph, the first proposed; and when the first came in.
 */
export function proposedWordings(world: WorldState, p: Proposal): { amendments: string[]; at: number } | undefined {
  if (p.status !== 'silence_broken' && p.status !== 'draft') return undefined;
  const round = p.silenceRounds.at(-1);
  const breaking = p.status === 'silence_broken' ? new Set((round?.breaks ?? []).map((b) => b.ally)) : undefined;
  const amendments: string[] = [];
  const paragraphs = new Set<number>();
  let at = Infinity;
  for (const a of p.amendments) {
    if (a.status !== 'pending' || a.revision !== p.revision || a.op !== 'replace' || paragraphs.has(a.paragraph)) continue;
    const position = p.positions[a.by];
    if (position?.stance !== 'objecting' || position.wording !== a.text || position.paragraph !== a.paragraph) continue;
    if (breaking && !breaking.has(a.by)) continue;
    if (!isAllyAt(world.membership, a.by, a.at)) continue;
    paragraphs.add(a.paragraph);
    amendments.push(a.id);
    at = Math.min(at, ms(a.at));
  }
  return amendments.length ? { amendments, at } : undefined;
}

function chairIntents(ctx: SimContext, world: WorldState, out: Intent[]): void {
  const chair = ctx.definition.chair;
  const order = ctx.seats.indexOf(STAFF_SEAT);
  const make = (at: number, by: 'SG' | 'NAC', cmd: string, data: Record<string, unknown>, key: string): Intent => ({
    at: wholeSecond(at), seat: STAFF_SEAT, rank: 3, order, key, command: { cmd, by, data },
  });
  for (const p of Object.values(world.council.proposals)) {
    if (p.status === 'adopted' || p.status === 'withdrawn') continue;
    const stem = `${STAFF_SEAT}|${p.id}|${p.revision}|${p.silenceRounds.length}`;
    const mayRevise = chair.onBreak === 'revise' && p.revision < chair.maxRevisions;
    if (p.status === 'under_silence') {
      const deadline = ms(p.deadline);
      if (objectorsAt(world, p, p.deadline).length === 0) out.push(make(deadline, 'SG', 'CloseSilence', { proposal: p.id }, `${stem}|close`));
      continue;
    }
    const wordings = mayRevise ? proposedWordings(world, p) : undefined;
    if (wordings) {
      // A wording is in hand: the chair accepts it into a new revision at once, not at the old deadline.
      out.push(make(wordings.at + chair.delayMs, 'SG', 'AcceptAmendments', { proposal: p.id, amendments: wordings.amendments }, `${stem}|accept`));
      continue;
    }
    if (p.status === 'silence_broken') {
      if (mayRevise) out.push(make(ms(p.deadline) + chair.delayMs, 'SG', 'ReviseProposal', { proposal: p.id }, `${stem}|revise`));
      continue;
    }
    // draft
    const text = textAt(p);
    if (p.procedure === 'silence') {
      if (p.revision > 0) {
        const at = wholeSecond(text + chair.delayMs);
        out.push(make(at, 'SG', 'PlaceUnderSilence', { proposal: p.id, deadline: isoSeconds(at + chair.silenceForMs) }, `${stem}|silence`));
      }
      continue;
    }
    // The chair takes the proposal as soon as every Ally has agreed, and at the latest
    // `meetingAfter` after circulation: silence at a meeting is consent too.
    let lastPosition = 0;
    for (const position of Object.values(p.positions)) lastPosition = Math.max(lastPosition, ms(position.at));
    const allies = alliesAt(world.membership, isoSeconds(Math.max(text, lastPosition)));
    const allAgreed = allies.length > 0 && allies.every((ally) => p.positions[ally]?.stance === 'agreed');
    const meeting = allAgreed
      ? Math.max(text, lastPosition) + chair.delayMs
      : Math.max(text + chair.meetingAfterMs, lastPosition + chair.delayMs);
    const objectors = objectorsAt(world, p, isoSeconds(meeting));
    if (objectors.length === 0) {
      out.push(make(meeting, 'NAC', 'AdoptProposal', { proposal: p.id }, `${stem}|adopt`));
    } else if (chair.acceptFootnotes && p.revision < chair.maxRevisions &&
      objectors.every((ally) => p.footnotes.some((f) => f.ally === ally && ms(f.at) >= text))) {
      out.push(make(meeting, 'SG', 'ReviseProposal', { proposal: p.id }, `${stem}|accept-footnotes`));
    }
  }
  for (const c of Object.values(world.consultation.consultations)) {
    if (c.status !== 'requested') continue;
    out.push(make(ms(c.requestedAt) + chair.holdConsultationsAfterMs, 'NAC', 'HoldConsultations', { consultation: c.id }, `${STAFF_SEAT}|${c.id}|hold`));
  }
}

function lastDepositAt(protocol: Protocol): number {
  let last = ms(protocol.signedAt);
  for (const ally of protocol.requiredRatifiers) {
    const deposit = protocol.ratifications[ally]?.stages.find((s) => s.stage === 'instrument_deposited');
    if (deposit) last = Math.max(last, ms(deposit.at));
  }
  return last;
}

function memoised(ctx: SimContext, world: WorldState, seat: string, p: Proposal, work: () => Intent | undefined): Intent | undefined {
  if (!ctx.memo) return work();
  let bySeat = ctx.memo.get(p);
  if (!bySeat) ctx.memo.set(p, (bySeat = new Map()));
  const found = bySeat.get(seat);
  if (found && found.delivered === ctx.delivered.size && found.membership === world.membership) return found.intent;
  const intent = work();
  bySeat.set(seat, { delivered: ctx.delivered.size, membership: world.membership, intent });
  return intent;
}

/** Every intent of every bot seat, the chair and exercise control, in no particular order. */
export function intents(ctx: SimContext, world: WorldState): Intent[] {
  const out: Intent[] = [];
  const open = Object.values(world.council.proposals).filter((p) => p.status !== 'adopted' && p.status !== 'withdrawn');
  const adopted = Object.values(world.council.proposals).filter((p) => p.status === 'adopted' && p.invitees.length > 0);
  const pending: Protocol[] = [];
  const inForce: Protocol[] = [];
  for (const protocol of Object.values(world.membership.protocols)) {
    if (protocol.status === 'signed') pending.push(protocol);
    else if (protocol.invitees.some((s) => protocol.deposits[s] === undefined)) inForce.push(protocol);
  }
  const control = ctx.definition.control;
  ctx.seats.forEach((seat, order) => {
    if (seat === STAFF_SEAT || ctx.humanSeats.has(seat)) return;
    const policy = policyOf(ctx.definition, seat);
    for (const p of open) {
      const intent = memoised(ctx, world, seat, p, () => allyProposalIntent(ctx, world, seat, order, policy, p));
      if (intent) out.push(intent);
    }
    for (const protocol of pending) {
      const intent = ratifyIntent(ctx, seat, order, policy, protocol);
      if (intent) out.push(intent);
    }
    if (policy.associate) {
      for (const p of adopted) {
        if (!p.invitees.includes(seat) || p.associations.some((a) => a.state === seat) || p.status !== 'adopted') continue;
        const at = wholeSecond(ms(p.adoptedAt) + sample(ctx.random, `${seat}|${p.id}|associate-delay`, policy.delay) + policy.jitterMs * ctx.random.uniform(`${seat}|${p.id}|associate`));
        if (isAllyAt(world.membership, seat, isoSeconds(at))) continue;
        out.push({ at, seat, rank: 2, order, key: `${seat}|${p.id}|associate`, command: { cmd: 'AssociateWithStatement', by: seat, data: { proposal: p.id } } });
      }
    }
    if (policy.deposit) {
      for (const protocol of inForce) {
        if (protocol.status !== 'in_force' || !protocol.invitees.includes(seat) || protocol.deposits[seat] !== undefined) continue;
        out.push({
          at: wholeSecond(ms(protocol.enteredIntoForceAt) + control.inviteeDelayMs), seat, rank: 2, order, key: `${seat}|${protocol.id}|deposit`,
          command: { cmd: 'DepositAccessionInstrument', by: seat, data: { state: seat, protocol: protocol.id } },
        });
      }
    }
  });
  if (!ctx.humanSeats.has(STAFF_SEAT)) chairIntents(ctx, world, out);
  const excon = ctx.seats.length;
  for (const protocol of pending) {
    if (missingRatifiers(protocol).length > 0) continue;
    out.push({
      at: wholeSecond(Math.max(lastDepositAt(protocol), ctx.startMs) + control.depositaryDelayMs), seat: EXCON, rank: 4, order: excon,
      key: `${EXCON}|${protocol.id}|in-force`, command: { cmd: 'ProtocolEntersIntoForce', by: 'DEPOSITARY', data: { protocol: protocol.id } },
    });
  }
  for (const protocol of inForce) {
    if (protocol.status !== 'in_force') continue;
    for (const invitee of protocol.invitees) {
      if (protocol.deposits[invitee] !== undefined || ctx.seats.includes(invitee)) continue;
      out.push({
        at: wholeSecond(ms(protocol.enteredIntoForceAt) + control.inviteeDelayMs), seat: EXCON, rank: 4, order: excon,
        key: `${EXCON}|${protocol.id}|${invitee}|deposit`, command: { cmd: 'DepositAccessionInstrument', by: invitee, data: { state: invitee, protocol: protocol.id } },
      });
    }
  }
  return out;
}

/** Orders intents: by time, then rank, then seat order, then key. */
export function compareIntents(a: Intent, b: Intent): number {
  return a.at - b.at || a.rank - b.rank || a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

const BLOCKING: ReadonlySet<Stance> = new Set(['object', 'break-silence', 'object-until-footnote']);

/**
 * The proposals the scenario's injects table that a bot seat can contest — a paragraph it
 * negotiates, or a rule that objects or breaks silence, matching the proposal's id, tags and
 * procedure — with those seats (in seat order). What bots can contest must vary from run to run.
 */
export function contestableProposals(definition: ScenarioDefinition, seats: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const could = (w: Condition, id: string, tags: readonly string[], procedure: unknown): boolean =>
    (!w.tagged || w.tagged.some((t) => tags.includes(t))) && (!w.proposals || w.proposals.includes(id)) && (!w.procedure || w.procedure === procedure);
  for (const inject of definition.injects) {
    const c = inject.command;
    if (c?.cmd !== 'TableProposal') continue;
    const data = c.data as { proposal?: string; tags?: readonly string[]; procedure?: string };
    if (typeof data.proposal !== 'string') continue;
    const id = data.proposal;
    const tags = data.tags ?? [];
    const by = seats.filter((seat) => {
      if (seat === STAFF_SEAT) return false;
      const policy = policyOf(definition, seat);
      return policy.negotiate.some((n) => could(n.when, id, tags, data.procedure)) ||
        policy.rules.some((r) => BLOCKING.has(r.then) && could(r.when, id, tags, data.procedure)) ||
        BLOCKING.has(policy.default);
    });
    if (by.length > 0) out.set(id, by);
  }
  return out;
}
