/**
 * Index changes for Council events: the `proposal` fact is re-asserted on every act (valid from
 * tabling; its data carry the status history, so "status on date D" is read from `history`), and a
 * `decision` fact is asserted from adoption.
 */
import type { FactChange } from '../facts.js';
import type { WorldState } from '../world-state.js';
import type { CouncilEvent, Proposal } from './types.js';
import { bracketedParagraphs, diffParagraphs } from './text.js';

function proposalData(p: Proposal): Record<string, unknown> {
  return {
    proposal: p.id,
    title: p.title,
    status: p.status,
    procedure: p.procedure,
    tabledBy: p.tabledBy,
    revision: p.revision,
    invitees: p.invitees,
    tags: p.tags,
    positions: p.positions,
    footnotes: p.footnotes,
    associations: p.associations,
    silenceRounds: p.silenceRounds,
    history: p.history,
    paragraphs: p.paragraphs,
    revisions: p.revisions,
    amendments: p.amendments,
    /** Readers (the web app) get what the engine computes: open brackets and the last revision's changes. */
    openBrackets: bracketedParagraphs(p.paragraphs),
    ...textDiff(p),
    ...(p.status === 'under_silence' || p.status === 'silence_broken' ? { deadline: p.deadline } : {}),
    ...(p.status === 'adopted' ? { adoptedAt: p.adoptedAt, adoptedUnder: p.adoptedUnder } : {}),
  };
}

function textDiff(p: Proposal): { textDiff?: unknown } {
  const previous = p.revisions.find((r) => r.revision === p.revision - 1);
  if (!previous) return {};
  return { textDiff: { from: previous.revision, to: p.revision, rows: diffParagraphs(previous.paragraphs, p.paragraphs) } };
}

export function projectCouncil(after: WorldState, event: CouncilEvent): FactChange[] {
  const p = after.council.proposals[event.data.proposal];
  if (!p) return [];
  const changes: FactChange[] = [{ op: 'assert', kind: 'proposal', key: p.id, validFrom: p.tabledAt, data: proposalData(p) }];
  if (p.status === 'adopted' && (event.type === 'ProposalAdopted' || event.type === 'StatementAssociated')) {
    changes.push({
      op: 'assert',
      kind: 'decision',
      key: p.id,
      validFrom: p.adoptedAt,
      data: {
        proposal: p.id,
        title: p.title,
        adoptedUnder: p.adoptedUnder,
        revision: p.revision,
        tags: p.tags,
        paragraphs: p.paragraphs,
        footnotes: p.footnotes,
        associations: p.associations,
        agreedAdReferendum: Object.entries(p.positions)
          .filter(([, pos]) => pos.stance === 'agreed' && pos.adReferendum)
          .map(([ally]) => ally),
      },
    });
  }
  return changes;
}
