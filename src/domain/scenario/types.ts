/**
 * A crisis-management exercise ("scenario") as the engine runs it: a definition read from a
 * scenario file (data/scenarios/*.yaml) and normalised — every duration in milliseconds, every
 * policy resolved — so that the simulation never parses text.
 *
 * Seats are the parties people or bots play: each Ally's delegation (its ISO alpha-3 code),
 * International Staff (`IS`, who act as the Secretary General and the Council's chair), and
 * partners or invitees (their codes). Exercise control (`EXCON`) is no seat: it delivers injects
 * and plays the "white cell" (the depositary, states without a seat).
 */
import type { Title } from '../command.js';
import type { Objective } from './objectives.js';
import type { ChannelRules } from './channels.js';

/** The seat of International Staff: it acts as SG and for the NAC. */
export const STAFF_SEAT = 'IS';
/** Exercise control, as an acting party of the scenario's own entries. */
export const EXCON = 'EXCON';

export const INJECT_KINDS = [
  'incident',
  'consultation-request',
  'unsc-resolution',
  'media-report',
  'intelligence',
  'proposal',
  'instruction',
  'other',
] as const;
export type InjectKind = (typeof INJECT_KINDS)[number];

/**
 * What a bot does about a proposal before the Council:
 * - `agree`: states agreement at a meeting; keeps silence under the silence procedure;
 * - `agree-ad-referendum`: the same, subject to confirmation by its capital;
 * - `silent`: takes no position (no objection: consensus can form);
 * - `object`: objects at a meeting, breaks silence under the silence procedure;
 * - `break-silence`: breaks silence under the silence procedure, objects at a meeting;
 * - `object-until-footnote`: attaches a national footnote and objects until the chair accepts it
 *   (revises the text after the footnote), then agrees;
 * - `footnote-and-agree`: attaches a footnote and agrees (the footnote does not block).
 */
export const STANCES = [
  'agree',
  'agree-ad-referendum',
  'silent',
  'object',
  'break-silence',
  'object-until-footnote',
  'footnote-and-agree',
] as const;
export type Stance = (typeof STANCES)[number];

/** When a rule applies to a proposal; every listed test must hold. */
export interface Condition {
  /** The proposal carries any of these tags. */
  readonly tagged?: readonly string[];
  /** The proposal is one of these. */
  readonly proposals?: readonly string[];
  readonly procedure?: 'meeting' | 'silence';
  /** All of these injects have been delivered. */
  readonly afterInjects?: readonly string[];
  /** None of these injects has been delivered yet. */
  readonly beforeInjects?: readonly string[];
  /** The proposal's text is at most at this revision (0 as tabled). */
  readonly maxRevision?: number;
}

/**
 * A quantity drawn at random in each run (keyed, so the same seed gives the same draw): a fixed
 * value (a degenerate distribution), uniform between min and max, triangular (min, mode, max), or
 * lognormal given by its median and 90th percentile, cut at max if given. Durations in ms;
 * probabilities in [0, 1].
 */
export type Dist =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | { readonly kind: 'lognormal'; readonly median: number; readonly p90: number; readonly max?: number };

export const DIST_KINDS = ['fixed', 'uniform', 'triangular', 'lognormal'] as const;

export const fixed = (value: number): Dist => ({ kind: 'fixed', value });

/** What a paragraph must say (every phrase of `requires`) and must not say (no phrase of `excludes`). */
export interface RedLines {
  readonly requires: readonly string[];
  readonly excludes: readonly string[];
}

/**
 * A delegation's line on one paragraph of the proposals it matches: the wording it wants there
 * and the red lines any wording must respect. A bot contests a text whose paragraph crosses its
 * red lines (breaks silence, or objects at a meeting, naming the paragraph with its wording) and
 * accepts an amendment that respects them.
 */
export interface Negotiation {
  readonly when: Condition;
  /** The paragraph (1-based) it negotiates. */
  readonly paragraph: number;
  /** The wording it proposes for that paragraph (it respects the red lines). */
  readonly wording: string;
  readonly redLines: RedLines;
  readonly reason?: string;
}

export interface Rule {
  readonly when: Condition;
  readonly then: Stance;
  readonly reason?: string;
  readonly footnote?: string;
  /** Chance (0–1) that the rule holds in a given run, drawn once per proposal. Default 1. */
  readonly probability?: number;
  readonly delay?: Dist;
  readonly jitterMs?: number;
}

export interface RatifyPolicy {
  /** Only these protocols (default: every pending protocol the Ally must ratify). */
  readonly protocols?: readonly string[];
  /** Parliamentary approval this long after the start (or after the last of `afterInjects`). */
  readonly afterMs: number;
  readonly jitterMs: number;
  /** Deposit of the instrument this long after parliamentary approval. */
  readonly depositAfterMs: number;
  readonly afterInjects?: readonly string[];
  readonly probability?: number;
}

export interface SeatPolicy {
  readonly default: Stance;
  /** Reaction time to a new text (drawn per text and run), plus up to `jitterMs` more. */
  readonly delay: Dist;
  readonly jitterMs: number;
  readonly rules: readonly Rule[];
  /** The paragraphs it negotiates, first match per proposal. */
  readonly negotiate: readonly Negotiation[];
  /** Propensity to contest a text that crosses its red lines (a probability drawn per run). */
  readonly breakSilence: Dist;
  /** Readiness to accept an amendment that respects its red lines (a probability drawn per run). */
  readonly accept: Dist;
  readonly reason?: string;
  readonly footnote?: string;
  /** How it ratifies pending accession protocols: the first entry that covers a protocol applies. */
  readonly ratify?: readonly RatifyPolicy[];
  /** A partner or invitee associates itself with adopted statements it was invited to. */
  readonly associate: boolean;
  /** An invitee deposits its instrument of accession once the protocol is in force. */
  readonly deposit: boolean;
}

/** How International Staff, played by a bot, chair the Council's procedures. */
export interface ChairPolicy {
  readonly delayMs: number;
  /** A proposal for a meeting is taken for adoption this long after its text was circulated. */
  readonly meetingAfterMs: number;
  /** Deadline of a silence procedure the chair re-issues after a revision. */
  readonly silenceForMs: number;
  /** After a silence break: revise the text and re-issue it, or stop. */
  readonly onBreak: 'revise' | 'stop';
  /** Revise a text when every objector has attached a footnote to it. */
  readonly acceptFootnotes: boolean;
  readonly maxRevisions: number;
  /** The Council holds requested Art. 4 consultations this long after the request. */
  readonly holdConsultationsAfterMs: number;
}

/** The white cell: what exercise control plays for parties that have no seat. */
export interface ControlPolicy {
  /** The depositary records a protocol's entry into force this long after the last deposit. */
  readonly depositaryDelayMs: number;
  /** An invitee without a seat deposits its instrument this long after entry into force. */
  readonly inviteeDelayMs: number;
}

/** A command an inject carries: what exercise control (or a bot seat) does when it is delivered. */
export interface InjectCommand {
  readonly cmd: string;
  readonly by: string;
  /** Strings `+2h` are times relative to the delivery; `T+30h` relative to the start. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** The states of a proposal an inject's condition can test (`not_tabled`: no such proposal yet). */
export const PROPOSAL_STATES = ['not_tabled', 'draft', 'under_silence', 'silence_broken', 'adopted', 'withdrawn'] as const;

/**
 * What must have happened for a branching inject to be delivered, as the world stands when it is
 * considered. Every listed test must hold; `any` holds if one of its branches does.
 */
export interface InjectCondition {
  readonly adopted?: readonly string[];
  readonly notAdopted?: readonly string[];
  readonly tabled?: readonly string[];
  readonly notTabled?: readonly string[];
  /** Silence was broken on each of these proposals (in any round). */
  readonly silenceBroken?: readonly string[];
  /** Proposal → the states it may be in. */
  readonly status?: Readonly<Record<string, readonly (typeof PROPOSAL_STATES)[number][]>>;
  readonly consultationsRequested?: readonly string[];
  readonly consultationsHeld?: readonly string[];
  readonly consultationsNotHeld?: readonly string[];
  /** These accession protocols have entered into force. */
  readonly inForce?: readonly string[];
  readonly notInForce?: readonly string[];
  readonly delivered?: readonly string[];
  readonly notDelivered?: readonly string[];
  readonly any?: readonly InjectCondition[];
}

/** A document an inject points to: a link, never the document itself. */
export interface InjectAttachment {
  readonly title: Title;
  /** An http(s) address. */
  readonly url: string;
}

export interface Inject {
  readonly id: string;
  /** Offset from the start of the scenario. */
  readonly atMs: number;
  readonly kind: InjectKind;
  readonly title: Title;
  readonly text?: Title;
  /** Links to the documents that come with it (a map, a message, a photograph). */
  readonly attachments?: readonly InjectAttachment[];
  readonly tags: readonly string[];
  /** Seats it is addressed to (default: every seat). */
  readonly to?: readonly string[];
  readonly classification?: string;
  readonly releasability?: readonly string[];
  /** United Nations Security Council resolution symbol, e.g. S/RES/2728 (2024). */
  readonly resolution?: string;
  /** Media outlet of a media report. */
  readonly outlet?: string;
  readonly command?: InjectCommand;
  /**
   * A branching inject: delivered only if this holds. It is considered at `atMs`; with `untilMs`,
   * it waits until then for the condition to come true (delivered the moment it does), otherwise
   * it is withheld at once.
   */
  readonly condition?: InjectCondition;
  readonly untilMs?: number;
}

export interface ScenarioDefinition {
  /** The scenario's own id (from the file); the world name is chosen at creation. */
  readonly id: string;
  readonly title: Title;
  readonly description?: Title;
  /** The record is forked as it stood at the end of this day. */
  readonly asOf: string;
  /** Scenario time of T+0, a UTC date-time. */
  readonly start: string;
  readonly durationMs: number;
  /** Scenario seconds per real second: 1 is real time, 60 is "one minute is one hour". */
  readonly speed: number;
  /** Seed of every random draw; a run `i` of a headless batch uses `${seed}/${i}`. */
  readonly seed: string;
  readonly partners: readonly string[];
  readonly defaultPolicy: SeatPolicy;
  /** Seat → policy, for the seats that do not follow the default. */
  readonly seats: Readonly<Record<string, SeatPolicy>>;
  readonly chair: ChairPolicy;
  readonly control: ControlPolicy;
  /** Sorted by time, then file order. */
  readonly injects: readonly Inject[];
  /** Exercise objectives: measured where the system can, scored by evaluators. */
  readonly objectives?: readonly Objective[];
  /** The channels between seats the scenario opens (absent: all of them). */
  readonly channels?: ChannelRules;
}

export const DEFAULT_POLICY: SeatPolicy = {
  default: 'agree',
  delay: fixed(60 * 60_000),
  jitterMs: 2 * 60 * 60_000,
  rules: [],
  negotiate: [],
  breakSilence: fixed(1),
  accept: fixed(1),
  associate: true,
  deposit: true,
};

export const DEFAULT_CHAIR: ChairPolicy = {
  delayMs: 30 * 60_000,
  meetingAfterMs: 6 * 60 * 60_000,
  silenceForMs: 24 * 60 * 60_000,
  onBreak: 'revise',
  acceptFootnotes: true,
  maxRevisions: 2,
  holdConsultationsAfterMs: 4 * 60 * 60_000,
};

export const DEFAULT_CONTROL: ControlPolicy = {
  depositaryDelayMs: 24 * 60 * 60_000,
  inviteeDelayMs: 12 * 60 * 60_000,
};

/** The policy a seat follows. */
export function policyOf(definition: ScenarioDefinition, seat: string): SeatPolicy {
  return definition.seats[seat] ?? definition.defaultPolicy;
}

export function startMs(definition: ScenarioDefinition): number {
  return Date.parse(definition.start);
}

export function endMs(definition: ScenarioDefinition): number {
  return Date.parse(definition.start) + definition.durationMs;
}
