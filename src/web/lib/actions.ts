/**
 * The registry of web actions (STYLE habit 13): which of the engine's commands the Council page
 * offers on a proposal card, how each looks, and when it makes sense to show it. Whether the
 * signed-in account may give it at all comes from the engine (GET …/commands/available); whether
 * it is accepted is the engine's decision, shown as the rule that refused it.
 */
import type { CommandSpec } from '../../domain/command-specs.js';
import type { Proposal } from '../../domain/council/types.js';
import type { MessageKey } from './messages.js';
import type { Tone } from '../components/ui.js';

export type AvailableCommand = CommandSpec & { readonly by: string };

interface ProposalAction {
  readonly tone: Tone;
  /** Shown on a proposal in this state, for this party. */
  readonly when: (p: Proposal, party: string) => boolean;
}

const open = (p: Proposal) => p.status !== 'adopted' && p.status !== 'withdrawn';

/** Order = order of the buttons. Commands not listed here but acting on a proposal come after. */
export const PROPOSAL_ACTIONS: Readonly<Record<string, ProposalAction>> = {
  AgreeProposal: { tone: 'success', when: (p, party) => open(p) && p.positions[party]?.stance !== 'agreed' },
  BreakSilence: { tone: 'danger', when: (p) => p.status === 'under_silence' },
  ObjectToProposal: { tone: 'danger', when: (p, party) => open(p) && p.status !== 'under_silence' && p.positions[party]?.stance !== 'objecting' },
  LiftObjection: { tone: 'neutral', when: (p, party) => open(p) && p.positions[party]?.stance === 'objecting' },
  AttachFootnote: { tone: 'neutral', when: open },
  AssociateWithStatement: { tone: 'neutral', when: (p, party) => open(p) && p.invitees.includes(party) },
  WithdrawProposal: { tone: 'neutral', when: (p, party) => open(p) && (p.tabledBy === party || party === 'SG') },
  ReviseProposal: { tone: 'neutral', when: open },
  PlaceUnderSilence: { tone: 'neutral', when: (p) => open(p) && p.status !== 'under_silence' },
  AdoptProposal: { tone: 'success', when: (p) => open(p) && p.status !== 'under_silence' },
  CloseSilence: { tone: 'neutral', when: (p) => p.status === 'under_silence' },
};

/** The command that creates a proposal: offered as a form, not on a card. */
export const NEW_PROPOSAL = 'TableProposal';

const actsOnProposal = (spec: CommandSpec): boolean => spec.cmd !== NEW_PROPOSAL && spec.fields.some((f) => f.name === 'proposal');

export function proposalActions(available: readonly AvailableCommand[], proposal: Proposal): AvailableCommand[] {
  const order = Object.keys(PROPOSAL_ACTIONS);
  return available
    .filter(actsOnProposal)
    .filter((spec) => PROPOSAL_ACTIONS[spec.cmd]?.when(proposal, spec.by) ?? (proposal.status !== 'adopted' && proposal.status !== 'withdrawn'))
    .sort((a, b) => (order.indexOf(a.cmd) + 1 || 99) - (order.indexOf(b.cmd) + 1 || 99));
}

export const actionTone = (cmd: string): Tone => PROPOSAL_ACTIONS[cmd]?.tone ?? 'neutral';

export const actionLabelKey = (cmd: string): MessageKey | undefined => {
  const key = `action.${cmd}`;
  return ['AgreeProposal', 'ObjectToProposal', 'BreakSilence', 'AttachFootnote', 'LiftObjection', 'WithdrawProposal', 'AssociateWithStatement', 'ReviseProposal', 'PlaceUnderSilence', 'AdoptProposal', 'CloseSilence', 'TableProposal'].includes(cmd)
    ? key as MessageKey : undefined;
};
