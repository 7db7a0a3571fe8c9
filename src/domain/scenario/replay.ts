/**
 * The command behind an event, for replaying a person's recorded acts in a what-if branch. Only
 * the acts people make in an exercise are replayable; anything else gives undefined.
 */
import type { IntentCommand } from './policy.js';

type Data = Readonly<Record<string, unknown>>;

const pick = (data: Data, ...keys: string[]): Record<string, unknown> =>
  Object.fromEntries(keys.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));

export function commandOfEvent(event: { readonly type: string; readonly by: string; readonly data: Data }): IntentCommand | undefined {
  const { by, data } = event;
  const make = (cmd: string, fields: Record<string, unknown>, actor = by): IntentCommand => ({ cmd, by: actor, data: fields });
  switch (event.type) {
    case 'ProposalTabled':
      return make('TableProposal', pick(data, 'proposal', 'title', 'procedure', 'deadline', 'invitees', 'tags', 'paragraphs'));
    case 'ProposalAgreed':
      return make('AgreeProposal', data.adReferendum === true ? { proposal: data.proposal, adReferendum: true } : { proposal: data.proposal });
    case 'ObjectionRaised':
      return make('ObjectToProposal', pick(data, 'proposal', 'reason', 'paragraph', 'wording'));
    case 'ObjectionLifted':
      return make('LiftObjection', pick(data, 'proposal'));
    case 'SilenceBroken':
      return make('BreakSilence', pick(data, 'proposal', 'reason', 'paragraph', 'wording'));
    case 'FootnoteAttached':
      return make('AttachFootnote', pick(data, 'proposal', 'text', 'paragraph'));
    case 'ProposalRevised':
      return make('ReviseProposal', pick(data, 'proposal', 'title', 'paragraphs'));
    case 'ProposalPlacedUnderSilence':
      return make('PlaceUnderSilence', pick(data, 'proposal', 'deadline'));
    case 'ProposalAdopted':
      return data.procedure === 'silence' ? make('CloseSilence', pick(data, 'proposal')) : make('AdoptProposal', pick(data, 'proposal'));
    case 'ProposalWithdrawn':
      return make('WithdrawProposal', pick(data, 'proposal'));
    case 'StatementAssociated':
      return make('AssociateWithStatement', pick(data, 'proposal'));
    case 'AmendmentProposed':
      return make('ProposeAmendment', pick(data, 'proposal', 'paragraph', 'op', 'text'));
    case 'AmendmentsAccepted':
      return make('AcceptAmendments', pick(data, 'proposal', 'amendments', 'title'));
    case 'ConsultationsRequested':
      return make('RequestConsultations', pick(data, 'consultation', 'requesters', 'reason'));
    case 'ConsultationsHeld':
      return make('HoldConsultations', pick(data, 'consultation'));
    case 'RatificationStageRecorded':
      return make('RecordRatificationStage', pick(data, 'protocol', 'ally', 'stage', 'vote'));
    case 'ProtocolEnteredIntoForce':
      return make('ProtocolEntersIntoForce', pick(data, 'protocol'));
    case 'AccessionInstrumentDeposited':
      return make('DepositAccessionInstrument', pick(data, 'state', 'protocol'));
    default:
      return undefined;
  }
}
