/**
 * The North Atlantic Council (Art. 9): proposals decided by consensus at a meeting or under the
 * silence procedure. There is no vote: a decision stands when no Ally objects.
 */
import type { RecordCommand, Title, WorldEventOf } from '../command.js';
import type { Iso3 } from '../states.js';

export const PROCEDURES = ['meeting', 'silence'] as const;
export type CouncilProcedure = (typeof PROCEDURES)[number];

// ---- commands (docs/record-format.md, "Council") ----

type OnProposal<T extends string, D = object> = RecordCommand<T, { readonly proposal: string } & D>;

export type TableProposal = OnProposal<
  'TableProposal',
  {
    readonly title: Title;
    readonly procedure: CouncilProcedure;
    readonly deadline?: string;
    readonly invitees?: readonly Iso3[];
    readonly tags?: readonly string[];
  }
>;
export type AgreeProposal = OnProposal<'AgreeProposal', { readonly adReferendum?: boolean }>;
export type ObjectToProposal = OnProposal<'ObjectToProposal', { readonly reason?: string }>;
export type LiftObjection = OnProposal<'LiftObjection'>;
export type BreakSilence = OnProposal<'BreakSilence', { readonly reason?: string }>;
export type AttachFootnote = OnProposal<'AttachFootnote', { readonly text: string }>;
export type ReviseProposal = OnProposal<'ReviseProposal', { readonly title?: Title }>;
export type PlaceUnderSilence = OnProposal<'PlaceUnderSilence', { readonly deadline: string }>;
export type AdoptProposal = OnProposal<'AdoptProposal'>;
export type CloseSilence = OnProposal<'CloseSilence'>;
export type WithdrawProposal = OnProposal<'WithdrawProposal'>;
export type AssociateWithStatement = OnProposal<'AssociateWithStatement'>;

export type CouncilCommand =
  | TableProposal
  | AgreeProposal
  | ObjectToProposal
  | LiftObjection
  | BreakSilence
  | AttachFootnote
  | ReviseProposal
  | PlaceUnderSilence
  | AdoptProposal
  | CloseSilence
  | WithdrawProposal
  | AssociateWithStatement;

// ---- events ----

type ProposalEvent<T extends string, D = object> = WorldEventOf<T, { proposal: string } & D>;

export type ProposalTabled = ProposalEvent<
  'ProposalTabled',
  { title: Title; procedure: CouncilProcedure; deadline?: string; invitees: readonly Iso3[]; tags: readonly string[] }
>;
export type ProposalAgreed = ProposalEvent<'ProposalAgreed', { adReferendum: boolean }>;
export type ObjectionRaised = ProposalEvent<'ObjectionRaised', { reason?: string }>;
export type ObjectionLifted = ProposalEvent<'ObjectionLifted'>;
/** A formal letter to the Secretary General within the deadline; it stands as an objection. */
export type SilenceBroken = ProposalEvent<'SilenceBroken', { reason?: string }>;
export type FootnoteAttached = ProposalEvent<'FootnoteAttached', { text: string }>;
export type ProposalRevised = ProposalEvent<'ProposalRevised', { title?: Title; revision: number }>;
export type ProposalPlacedUnderSilence = ProposalEvent<'ProposalPlacedUnderSilence', { deadline: string }>;
export type ProposalAdopted = ProposalEvent<'ProposalAdopted', { procedure: CouncilProcedure }>;
export type ProposalWithdrawn = ProposalEvent<'ProposalWithdrawn'>;
export type StatementAssociated = ProposalEvent<'StatementAssociated'>;

export type CouncilEvent =
  | ProposalTabled
  | ProposalAgreed
  | ObjectionRaised
  | ObjectionLifted
  | SilenceBroken
  | FootnoteAttached
  | ProposalRevised
  | ProposalPlacedUnderSilence
  | ProposalAdopted
  | ProposalWithdrawn
  | StatementAssociated;

// ---- state ----

export type Position =
  | { readonly stance: 'agreed'; readonly at: string; readonly adReferendum: boolean }
  | { readonly stance: 'objecting'; readonly at: string; readonly reason?: string; readonly brokeSilence: boolean };

export interface SilenceRound {
  readonly issuedAt: string;
  readonly deadline: string;
  readonly breaks: readonly { readonly ally: Iso3; readonly at: string; readonly reason?: string }[];
}

export type ProposalStatus = 'draft' | 'under_silence' | 'silence_broken' | 'adopted' | 'withdrawn';

interface ProposalBase {
  readonly id: string;
  readonly title: Title;
  /** The procedure it was tabled under; it may later be placed under silence or taken at a meeting. */
  readonly procedure: CouncilProcedure;
  readonly tabledBy: string;
  readonly tabledAt: string;
  /** Invitees and partners who attend; they take no part in consensus. */
  readonly invitees: readonly Iso3[];
  readonly tags: readonly string[];
  /** 0 as tabled, then 1, 2… with each revision. */
  readonly revision: number;
  /** Ally → its current stance on the current text; absent = no stated position. */
  readonly positions: Readonly<Record<Iso3, Position>>;
  readonly footnotes: readonly { readonly ally: Iso3; readonly at: string; readonly text: string }[];
  readonly associations: readonly { readonly state: Iso3; readonly at: string }[];
  /** Every silence round, oldest first; the last is the current one while under silence. */
  readonly silenceRounds: readonly SilenceRound[];
  /** Each status the proposal took, with its valid time, oldest first. */
  readonly history: readonly { readonly status: ProposalStatus; readonly at: string }[];
}

export type Proposal =
  | (ProposalBase & { readonly status: 'draft' })
  | (ProposalBase & { readonly status: 'under_silence'; readonly deadline: string })
  | (ProposalBase & { readonly status: 'silence_broken'; readonly deadline: string })
  | (ProposalBase & { readonly status: 'adopted'; readonly adoptedAt: string; readonly adoptedUnder: CouncilProcedure })
  | (ProposalBase & { readonly status: 'withdrawn'; readonly withdrawnAt: string });

export interface CouncilState {
  readonly proposals: Readonly<Record<string, Proposal>>;
}
