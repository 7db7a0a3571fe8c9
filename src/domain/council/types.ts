/**
 * The North Atlantic Council (Art. 9): proposals decided by consensus at a meeting or under the
 * silence procedure. There is no vote: a decision stands when no Ally objects.
 */
import type { RecordCommand, Title, WorldEventOf } from '../command.js';
import type { Iso3 } from '../states.js';
import type { Amendment, AmendmentOp, TextRevision } from './text.js';

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
    /** The text: numbered paragraphs; square brackets mark language not yet agreed. */
    readonly paragraphs?: readonly string[];
  }
>;
/** The revision an act is given on; when stated, it must be the current one. */
type OnRevision = { readonly revision?: number };
/** The paragraph a position concerns and, optionally, the wording proposed for it. */
type OnParagraph = { readonly paragraph?: number; readonly wording?: string };
export type AgreeProposal = OnProposal<'AgreeProposal', { readonly adReferendum?: boolean } & OnRevision>;
export type ObjectToProposal = OnProposal<'ObjectToProposal', { readonly reason?: string } & OnRevision & OnParagraph>;
export type LiftObjection = OnProposal<'LiftObjection'>;
export type BreakSilence = OnProposal<'BreakSilence', { readonly reason?: string } & OnRevision & OnParagraph>;
export type AttachFootnote = OnProposal<'AttachFootnote', { readonly text: string; readonly paragraph?: number }>;
export type ReviseProposal = OnProposal<'ReviseProposal', { readonly title?: Title; readonly paragraphs?: readonly string[] }>;
export type PlaceUnderSilence = OnProposal<'PlaceUnderSilence', { readonly deadline: string } & OnRevision>;
export type ProposeAmendment = OnProposal<
  'ProposeAmendment',
  { readonly paragraph: number; readonly op: AmendmentOp; readonly text?: string } & OnRevision
>;
export type AcceptAmendments = OnProposal<'AcceptAmendments', { readonly amendments: readonly string[]; readonly title?: Title } & OnRevision>;
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
  | AssociateWithStatement
  | ProposeAmendment
  | AcceptAmendments;

// ---- events ----

type ProposalEvent<T extends string, D = object> = WorldEventOf<T, { proposal: string } & D>;

export type ProposalTabled = ProposalEvent<
  'ProposalTabled',
  {
    title: Title;
    procedure: CouncilProcedure;
    deadline?: string;
    invitees: readonly Iso3[];
    tags: readonly string[];
    paragraphs?: readonly string[];
  }
>;
/** Where an objection or a silence break points: the paragraph, its proposed wording (a pending amendment). */
type Pointing = { paragraph?: number; wording?: string; amendment?: string };
export type ProposalAgreed = ProposalEvent<'ProposalAgreed', { adReferendum: boolean }>;
export type ObjectionRaised = ProposalEvent<'ObjectionRaised', { reason?: string } & Pointing>;
export type ObjectionLifted = ProposalEvent<'ObjectionLifted'>;
/** A formal letter to the Secretary General within the deadline; it stands as an objection. */
export type SilenceBroken = ProposalEvent<'SilenceBroken', { reason?: string; revision?: number } & Pointing>;
export type FootnoteAttached = ProposalEvent<'FootnoteAttached', { text: string; paragraph?: number }>;
export type ProposalRevised = ProposalEvent<'ProposalRevised', { title?: Title; revision: number; paragraphs?: readonly string[] }>;
export type ProposalPlacedUnderSilence = ProposalEvent<'ProposalPlacedUnderSilence', { deadline: string; revision?: number }>;
export type AmendmentProposed = ProposalEvent<
  'AmendmentProposed',
  { amendment: string; revision: number; paragraph: number; op: AmendmentOp; text?: string }
>;
/** Amendments accepted into a new revision; `paragraphs` is the new text. */
export type AmendmentsAccepted = ProposalEvent<
  'AmendmentsAccepted',
  { amendments: readonly string[]; revision: number; paragraphs: readonly string[]; title?: Title }
>;
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
  | StatementAssociated
  | AmendmentProposed
  | AmendmentsAccepted;

// ---- state ----

export type Position =
  | { readonly stance: 'agreed'; readonly at: string; readonly adReferendum: boolean }
  | {
      readonly stance: 'objecting';
      readonly at: string;
      readonly reason?: string;
      readonly brokeSilence: boolean;
      readonly paragraph?: number;
      readonly wording?: string;
    };

export interface SilenceRound {
  readonly issuedAt: string;
  readonly deadline: string;
  /** The revision of the text the silence runs on. */
  readonly revision: number;
  readonly breaks: readonly {
    readonly ally: Iso3;
    readonly at: string;
    readonly reason?: string;
    readonly paragraph?: number;
    readonly wording?: string;
  }[];
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
  readonly footnotes: readonly { readonly ally: Iso3; readonly at: string; readonly text: string; readonly paragraph?: number }[];
  /** The current text (empty for a proposal tabled by title only). */
  readonly paragraphs: readonly string[];
  /** Every revision of the text, oldest first (the tabled text is revision 0). */
  readonly revisions: readonly TextRevision[];
  /** Every amendment proposed, oldest first. */
  readonly amendments: readonly Amendment[];
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
