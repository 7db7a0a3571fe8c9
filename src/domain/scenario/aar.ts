/**
 * The after-action report, computed from the list of what happened in a scenario: the treaty's
 * events after the start, the injects delivered and exercise control's own entries. Pure: a live
 * world's entries and a headless run's steps give their report through the same function.
 *
 * Time to consensus is measured from a proposal's tabling to its adoption, in scenario hours. A
 * proposal not adopted by the end of what was played has failed, for a stated reason: withdrawn,
 * silence broken (by whom), objected to (by whom), still under silence, or never taken to a decision.
 */
import { evolveCouncil, initialCouncilState } from '../council/council.js';
import type { CouncilEvent, CouncilState, Proposal } from '../council/types.js';
import type { ViolationParams } from '../decider.js';
import { formatOffset, HOUR } from './duration.js';

export type Source = 'bot' | 'player' | 'control' | 'script';

/** One thing that happened: a treaty event, an inject delivered, or exercise control's act. */
export interface TimelineItem {
  readonly seq?: number;
  /** Scenario (valid) time. */
  readonly at: string;
  readonly type: string;
  /** The party acting: an Ally, a body, or EXCON. */
  readonly by: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly source?: Source;
}

export interface Summary {
  readonly code: string;
  readonly params: ViolationParams;
}

export interface TimelineRow {
  readonly seq?: number;
  readonly at: string;
  /** Offset from the start, `T+1d06:30`. */
  readonly offset: string;
  readonly type: string;
  readonly by: string;
  readonly source?: Source;
  readonly summary: Summary;
  readonly category: 'inject' | 'council' | 'consultation' | 'accession' | 'control' | 'other';
}

export interface DecisionRow {
  readonly proposal: string;
  readonly title: { readonly en: string; readonly fr?: string };
  readonly procedure: string;
  readonly tags: readonly string[];
  readonly tabledBy: string;
  readonly tabledAt: string;
  readonly status: Proposal['status'];
  readonly adoptedAt?: string;
  readonly adoptedUnder?: string;
  readonly hoursToConsensus?: number;
  readonly revisions: number;
  readonly silenceRounds: number;
  readonly breaks: readonly { readonly ally: string; readonly at: string; readonly reason?: string; readonly round: number }[];
  readonly footnotes: readonly { readonly ally: string; readonly at: string; readonly text: string }[];
  readonly objectors: readonly string[];
  readonly agreedAdReferendum: readonly string[];
  readonly associations: readonly string[];
}

export interface FailedRow {
  readonly proposal: string;
  readonly title: { readonly en: string; readonly fr?: string };
  readonly status: Proposal['status'];
  readonly reason: Summary;
}

export interface CountRow {
  readonly party: string;
  readonly count: number;
  readonly proposals: readonly string[];
}

export interface ConsultationRow {
  readonly consultation: string;
  readonly requesters: readonly string[];
  readonly reason: string;
  readonly requestedAt: string;
  readonly heldAt?: string;
  readonly hoursToConsultations?: number;
}

export interface AccessionRow {
  readonly protocol: string;
  readonly stages: readonly { readonly ally: string; readonly stage: string; readonly at: string }[];
  readonly deposited: readonly string[];
  readonly enteredIntoForceAt?: string;
  readonly hoursToEntryIntoForce?: number;
  readonly acceded: readonly { readonly state: string; readonly at: string }[];
}

export interface InjectRow {
  readonly inject: string;
  readonly kind: string;
  readonly at: string;
  readonly offset: string;
  readonly title: { readonly en: string; readonly fr?: string };
  readonly prompt: boolean;
}

export interface ParticipationRow {
  readonly party: string;
  readonly acts: number;
  readonly played: 'bot' | 'player' | 'both' | 'control';
}

/** How fast a seat answered the texts put to it (tabled, revised or placed under silence). */
export interface ResponseRow {
  readonly party: string;
  /** Texts it answered (its first act on each version put to the Council). */
  readonly answers: number;
  /** Texts put to the Council it never answered while play lasted. */
  readonly unanswered: number;
  readonly medianHours?: number;
  readonly maxHours?: number;
}

const PROMPTS = new Set(['ProposalTabled', 'ProposalRevised', 'AmendmentsAccepted', 'ProposalPlacedUnderSilence']);
const ANSWERS = new Set(['ProposalAgreed', 'ObjectionRaised', 'SilenceBroken', 'FootnoteAttached', 'AmendmentProposed']);

/**
 * Response times per seat: each time a text is put to the Council (tabled, revised, amendments
 * accepted, placed under silence), the time until each seat's first act on it. Seats that acted on
 * no proposal at all are not listed; a seat that answered some prompts and not others counts them.
 */
export function responseTimes(items: readonly TimelineItem[]): ResponseRow[] {
  const prompts = new Map<string, { at: number; answered: Set<string> }[]>();
  const delays = new Map<string, number[]>();
  for (const item of items) {
    const proposal = typeof item.data.proposal === 'string' ? item.data.proposal : undefined;
    if (!proposal) continue;
    if (PROMPTS.has(item.type)) {
      prompts.set(proposal, [...(prompts.get(proposal) ?? []), { at: ms(item.at), answered: new Set() }]);
    } else if (ANSWERS.has(item.type)) {
      const current = prompts.get(proposal)?.at(-1);
      if (!current || current.answered.has(item.by)) continue;
      current.answered.add(item.by);
      delays.set(item.by, [...(delays.get(item.by) ?? []), (ms(item.at) - current.at) / HOUR]);
    }
  }
  const all = [...prompts.values()].flat();
  return [...delays.entries()]
    .map(([party, hours]) => {
      const sorted = [...hours].sort((a, b) => a - b);
      return {
        party,
        answers: hours.length,
        unanswered: all.filter((p) => !p.answered.has(party)).length,
        medianHours: round1(sorted[Math.floor((sorted.length - 1) / 2)]!),
        maxHours: round1(sorted.at(-1)!),
      };
    })
    .sort((a, b) => (a.party < b.party ? -1 : 1));
}

export interface ScenarioMeta {
  readonly id: string;
  readonly title: { readonly en: string; readonly fr?: string };
  readonly asOf: string;
  readonly start: string;
  readonly end: string;
}

export interface AfterActionReport {
  readonly scenario: ScenarioMeta;
  /** The last scenario time of anything that happened (the start if nothing did). */
  readonly reachedAt: string;
  readonly totals: {
    readonly proposals: number;
    readonly adopted: number;
    readonly failed: number;
    readonly adoptedShare: number;
    readonly silenceBreaks: number;
    readonly footnotes: number;
    readonly objections: number;
    readonly injects: number;
    readonly acts: number;
  };
  readonly decisions: readonly DecisionRow[];
  readonly failed: readonly FailedRow[];
  readonly silenceBreaks: readonly CountRow[];
  readonly footnotes: readonly CountRow[];
  readonly objections: readonly CountRow[];
  readonly consultations: readonly ConsultationRow[];
  readonly accessions: readonly AccessionRow[];
  readonly injects: readonly InjectRow[];
  readonly participation: readonly ParticipationRow[];
  readonly responseTimes: readonly ResponseRow[];
  readonly timeline: readonly TimelineRow[];
}

const COUNCIL_TYPES = new Set<string>([
  'ProposalTabled', 'ProposalAgreed', 'ObjectionRaised', 'ObjectionLifted', 'SilenceBroken', 'FootnoteAttached',
  'ProposalRevised', 'ProposalPlacedUnderSilence', 'ProposalAdopted', 'ProposalWithdrawn', 'StatementAssociated',
  'AmendmentProposed', 'AmendmentsAccepted',
]);
const CONSULTATION_TYPES = new Set(['ConsultationsRequested', 'ConsultationsHeld']);
const ACCESSION_TYPES = new Set(['RatificationStageRecorded', 'ProtocolEnteredIntoForce', 'AccessionInstrumentDeposited', 'AccessionProtocolSigned', 'AccessionInvited']);
const CONTROL_TYPES = new Set(['ScenarioDefined', 'ScenarioBranched', 'SeatAssigned', 'InjectWithheld', 'ClockStarted', 'ClockPaused', 'ClockResumed', 'ClockSpeedChanged', 'ClockAdvanced', 'ObjectiveScored']);

const ms = (time: string): number => Date.parse(time.length === 10 ? `${time}T00:00:00Z` : time);
const round1 = (x: number): number => Math.round(x * 10) / 10;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The Council's proposals as the scenario left them (only those tabled during it). */
export function foldProposals(items: readonly TimelineItem[]): CouncilState {
  let council = initialCouncilState();
  for (const item of items) {
    if (!COUNCIL_TYPES.has(item.type)) continue;
    council = evolveCouncil(council, { type: item.type, at: item.at, by: item.by, data: item.data } as unknown as CouncilEvent);
  }
  return council;
}

function decisionRow(p: Proposal): DecisionRow {
  const adopted = p.status === 'adopted';
  return {
    proposal: p.id,
    title: p.title,
    procedure: p.procedure,
    tags: p.tags,
    tabledBy: p.tabledBy,
    tabledAt: p.tabledAt,
    status: p.status,
    ...(adopted ? { adoptedAt: p.adoptedAt, adoptedUnder: p.adoptedUnder, hoursToConsensus: round1((ms(p.adoptedAt) - ms(p.tabledAt)) / HOUR) } : {}),
    revisions: p.revision,
    silenceRounds: p.silenceRounds.length,
    breaks: p.silenceRounds.flatMap((r, i) => r.breaks.map((b) => ({ ally: b.ally, at: b.at, ...(b.reason ? { reason: b.reason } : {}), round: i + 1 }))),
    footnotes: p.footnotes,
    objectors: Object.entries(p.positions).filter(([, pos]) => pos.stance === 'objecting').map(([ally]) => ally).sort(),
    agreedAdReferendum: Object.entries(p.positions).filter(([, pos]) => pos.stance === 'agreed' && pos.adReferendum).map(([ally]) => ally).sort(),
    associations: p.associations.map((a) => a.state),
  };
}

/** Why a proposal did not become a decision. */
export function failureReason(p: Proposal): Summary {
  switch (p.status) {
    case 'withdrawn':
      return { code: 'aar.failed_withdrawn', params: { at: p.withdrawnAt } };
    case 'silence_broken': {
      const breakers = (p.silenceRounds.at(-1)?.breaks ?? []).map((b) => b.ally);
      return { code: 'aar.failed_silence_broken', params: { breakers, rounds: p.silenceRounds.length } };
    }
    case 'under_silence':
      return { code: 'aar.failed_under_silence', params: { deadline: p.deadline } };
    case 'draft': {
      const objecting = Object.entries(p.positions).filter(([, pos]) => pos.stance === 'objecting');
      if (objecting.length > 0) {
        // Objectors and their reasons in one order (by code), each reason next to its objector.
        const sorted = [...objecting].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        const reasons = sorted.flatMap(([ally, pos]) => (pos.stance === 'objecting' && pos.reason ? [`${ally}: ${pos.reason}`] : []));
        return { code: 'aar.failed_objected', params: { objectors: sorted.map(([a]) => a), reasons: reasons.length ? reasons.join('; ') : '—' } };
      }
      return { code: 'aar.failed_pending', params: {} };
    }
    case 'adopted':
      return { code: 'aar.adopted', params: {} };
  }
}

function countBy(entries: readonly { party: string; proposal: string }[]): CountRow[] {
  const by = new Map<string, string[]>();
  for (const e of entries) by.set(e.party, [...(by.get(e.party) ?? []), e.proposal]);
  return [...by.entries()].map(([party, proposals]) => ({ party, count: proposals.length, proposals })).sort((a, b) => b.count - a.count || (a.party < b.party ? -1 : 1));
}

function summarise(item: TimelineItem): Summary {
  const d = item.data;
  const title = (d.title as { en?: string } | undefined)?.en ?? '';
  const base = { by: item.by, proposal: str(d.proposal) };
  switch (item.type) {
    case 'InjectDelivered':
      return { code: 'aar.inject', params: { inject: str(d.inject), kind: str(d.kind), title } };
    case 'InjectWithheld':
      return { code: 'aar.InjectWithheld', params: { inject: str(d.inject) } };
    case 'ProposalTabled':
      return { code: `aar.${item.type}`, params: { ...base, title, procedure: str(d.procedure) } };
    case 'ObjectionRaised':
    case 'SilenceBroken':
      if (typeof d.paragraph === 'number' && typeof d.wording === 'string') {
        return { code: `aar.${item.type}_wording`, params: { ...base, reason: str(d.reason) || '—', paragraph: d.paragraph, wording: d.wording } };
      }
      return { code: `aar.${item.type}`, params: { ...base, reason: str(d.reason) || '—' } };
    case 'FootnoteAttached':
      return { code: `aar.${item.type}`, params: { ...base, text: str(d.text) } };
    case 'ProposalPlacedUnderSilence':
      return { code: `aar.${item.type}`, params: { ...base, deadline: str(d.deadline) } };
    case 'ProposalAdopted':
      return { code: `aar.${item.type}`, params: { ...base, procedure: str(d.procedure) } };
    case 'AmendmentProposed':
      return { code: `aar.${item.type}`, params: { ...base, amendment: str(d.amendment), op: str(d.op), paragraph: String(d.paragraph ?? '') } };
    case 'AmendmentsAccepted':
      return { code: `aar.${item.type}`, params: { ...base, amendments: ((d.amendments as string[] | undefined) ?? []).join(', '), revision: String(d.revision ?? '') } };
    case 'ProposalAgreed':
      if (d.adReferendum === true) return { code: 'aar.ProposalAgreedAdReferendum', params: base };
      return { code: `aar.${item.type}`, params: base };
    case 'ObjectionLifted':
    case 'ProposalRevised':
    case 'ProposalWithdrawn':
    case 'StatementAssociated':
      return { code: `aar.${item.type}`, params: base };
    case 'ConsultationsRequested':
      return { code: `aar.${item.type}`, params: { by: item.by, consultation: str(d.consultation), reason: str(d.reason) } };
    case 'ConsultationsHeld':
      return { code: `aar.${item.type}`, params: { consultation: str(d.consultation) } };
    case 'RatificationStageRecorded':
      return { code: `aar.${item.type}`, params: { by: item.by, protocol: str(d.protocol), stage: str(d.stage) } };
    case 'ProtocolEnteredIntoForce':
      return { code: `aar.${item.type}`, params: { protocol: str(d.protocol) } };
    case 'AccessionInstrumentDeposited':
      return { code: `aar.${item.type}`, params: { state: str(d.state), protocol: str(d.protocol) } };
    case 'SeatAssigned':
      return { code: d.holder ? 'aar.SeatAssigned' : 'aar.SeatToBot', params: { seat: str(d.seat), holder: str(d.holder) } };
    case 'ClockStarted':
    case 'ClockSpeedChanged':
      return { code: `aar.${item.type}`, params: { speed: typeof d.speed === 'number' ? d.speed : '' } };
    case 'ClockAdvanced':
      return { code: `aar.${item.type}`, params: { to: str(d.to) } };
    case 'ClockPaused':
    case 'ClockResumed':
    case 'ScenarioDefined':
      return { code: `aar.${item.type}`, params: {} };
    case 'ScenarioBranched':
      return { code: `aar.${item.type}`, params: { parent: str(d.parent), atSeq: typeof d.atSeq === 'number' ? d.atSeq : '' } };
    case 'ObjectiveScored':
      return { code: 'aar.ObjectiveScored', params: { objective: str(d.objective), rating: str(d.rating), evaluator: str(d.evaluator) } };
    case 'MessageSent':
      return { code: 'aar.MessageSent', params: { from: str(d.from), to: Array.isArray(d.to) ? d.to.join(', ') : '', text: str(d.text) } };
    default:
      return { code: 'aar.other', params: { type: item.type, by: item.by } };
  }
}

function category(type: string): TimelineRow['category'] {
  if (type === 'InjectDelivered') return 'inject';
  if (COUNCIL_TYPES.has(type)) return 'council';
  if (CONSULTATION_TYPES.has(type)) return 'consultation';
  if (ACCESSION_TYPES.has(type)) return 'accession';
  if (CONTROL_TYPES.has(type)) return 'control';
  return 'other';
}

/** The after-action report of what happened, in the order given (log order). */
export function afterActionReport(meta: ScenarioMeta, items: readonly TimelineItem[]): AfterActionReport {
  const start = ms(meta.start);
  const council = foldProposals(items);
  const proposals = Object.values(council.proposals).sort((a, b) => ms(a.tabledAt) - ms(b.tabledAt) || (a.id < b.id ? -1 : 1));
  const decisions = proposals.map(decisionRow);
  const failed = proposals.filter((p) => p.status !== 'adopted').map((p) => ({ proposal: p.id, title: p.title, status: p.status, reason: failureReason(p) }));

  const breaks: { party: string; proposal: string }[] = [];
  const footnotes: { party: string; proposal: string }[] = [];
  const objections: { party: string; proposal: string }[] = [];
  const consultations = new Map<string, ConsultationRow>();
  const accessions = new Map<string, { stages: AccessionRow['stages'][number][]; deposited: string[]; enteredIntoForceAt?: string; acceded: { state: string; at: string }[] }>();
  const injects: InjectRow[] = [];
  const acts = new Map<string, { acts: number; sources: Set<Source> }>();
  let reached = start;
  const accession = (protocol: string) => {
    let a = accessions.get(protocol);
    if (!a) accessions.set(protocol, (a = { stages: [], deposited: [], acceded: [] }));
    return a;
  };

  for (const item of items) {
    reached = Math.max(reached, ms(item.at));
    const d = item.data;
    if (!CONTROL_TYPES.has(item.type) && item.type !== 'InjectDelivered') {
      const a = acts.get(item.by) ?? { acts: 0, sources: new Set<Source>() };
      a.acts++;
      if (item.source) a.sources.add(item.source);
      acts.set(item.by, a);
    }
    switch (item.type) {
      case 'SilenceBroken':
        breaks.push({ party: item.by, proposal: str(d.proposal) });
        break;
      case 'FootnoteAttached':
        footnotes.push({ party: item.by, proposal: str(d.proposal) });
        break;
      case 'ObjectionRaised':
        objections.push({ party: item.by, proposal: str(d.proposal) });
        break;
      case 'ConsultationsRequested':
        consultations.set(str(d.consultation), {
          consultation: str(d.consultation), requesters: (d.requesters as string[] | undefined) ?? [item.by], reason: str(d.reason), requestedAt: item.at,
        });
        break;
      case 'ConsultationsHeld': {
        const c = consultations.get(str(d.consultation));
        if (c) consultations.set(c.consultation, { ...c, heldAt: item.at, hoursToConsultations: round1((ms(item.at) - ms(c.requestedAt)) / HOUR) });
        break;
      }
      case 'RatificationStageRecorded': {
        const a = accession(str(d.protocol));
        a.stages.push({ ally: str(d.ally) || item.by, stage: str(d.stage), at: item.at });
        if (d.stage === 'instrument_deposited') a.deposited.push(str(d.ally) || item.by);
        break;
      }
      case 'ProtocolEnteredIntoForce':
        accession(str(d.protocol)).enteredIntoForceAt = item.at;
        break;
      case 'AccessionInstrumentDeposited':
        accession(str(d.protocol)).acceded.push({ state: str(d.state), at: item.at });
        break;
      case 'InjectDelivered':
        injects.push({
          inject: str(d.inject), kind: str(d.kind), at: item.at, offset: formatOffset(ms(item.at) - start),
          title: (d.title as { en: string; fr?: string } | undefined) ?? { en: str(d.inject) }, prompt: d.prompt === true,
        });
        break;
    }
  }

  const timeline: TimelineRow[] = items.map((item) => ({
    ...(item.seq !== undefined ? { seq: item.seq } : {}),
    at: item.at,
    offset: formatOffset(ms(item.at) - start),
    type: item.type,
    by: item.by,
    ...(item.source ? { source: item.source } : {}),
    summary: summarise(item),
    category: category(item.type),
  }));
  const adopted = decisions.filter((d) => d.status === 'adopted').length;
  return {
    scenario: meta,
    reachedAt: new Date(reached).toISOString().replace('.000Z', 'Z'),
    totals: {
      proposals: decisions.length,
      adopted,
      failed: decisions.length - adopted,
      adoptedShare: decisions.length ? adopted / decisions.length : 0,
      silenceBreaks: breaks.length,
      footnotes: footnotes.length,
      objections: objections.length,
      injects: injects.length,
      acts: [...acts.values()].reduce((n, a) => n + a.acts, 0),
    },
    decisions,
    failed,
    silenceBreaks: countBy(breaks),
    footnotes: countBy(footnotes),
    objections: countBy(objections),
    responseTimes: responseTimes(items),
    consultations: [...consultations.values()],
    accessions: [...accessions.entries()].map(([protocol, a]) => ({
      protocol, stages: a.stages, deposited: a.deposited, acceded: a.acceded,
      ...(a.enteredIntoForceAt ? { enteredIntoForceAt: a.enteredIntoForceAt, hoursToEntryIntoForce: round1((ms(a.enteredIntoForceAt) - start) / HOUR) } : {}),
    })),
    injects,
    participation: [...acts.entries()].map(([party, a]) => ({
      party, acts: a.acts,
      played: a.sources.has('control') && a.sources.size === 1 ? 'control' as const
        : a.sources.has('player') || a.sources.has('script') ? (a.sources.has('bot') ? 'both' as const : 'player' as const) : 'bot' as const,
    })).sort((a, b) => (a.party < b.party ? -1 : 1)),
    timeline,
  };
}

/** What a simulation did, as timeline items (for the report of a headless run). */
export function itemsOfSteps(steps: readonly (
  | { readonly kind: 'inject'; readonly at: number; readonly inject: { readonly id: string; readonly kind: string; readonly title: { readonly en: string; readonly fr?: string } }; readonly prompt: boolean }
  | { readonly kind: 'act'; readonly source: Source; readonly events: readonly { readonly type: string; readonly at: string; readonly by: string; readonly data: unknown }[] }
  | { readonly kind: 'refused' }
  | { readonly kind: 'withheld'; readonly at: number; readonly inject: { readonly id: string } }
)[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const step of steps) {
    if (step.kind === 'inject') {
      items.push({
        at: new Date(step.at).toISOString().replace('.000Z', 'Z'), type: 'InjectDelivered', by: 'EXCON', source: 'control',
        data: { inject: step.inject.id, kind: step.inject.kind, title: step.inject.title, prompt: step.prompt },
      });
    } else if (step.kind === 'withheld') {
      items.push({ at: new Date(step.at).toISOString().replace('.000Z', 'Z'), type: 'InjectWithheld', by: 'EXCON', source: 'control', data: { inject: step.inject.id } });
    } else if (step.kind === 'act') {
      for (const e of step.events) items.push({ at: e.at, type: e.type, by: e.by, data: e.data as Record<string, unknown>, source: step.source });
    }
  }
  return items;
}
