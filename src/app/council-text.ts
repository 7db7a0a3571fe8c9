/**
 * A proposal's text as the CLI and the report show it: the paragraphs of one revision with their
 * brackets and footnotes, the amendments pending on the current revision, and a side-by-side diff
 * between two revisions. Built from the `proposal` fact (the engine's state as indexed).
 */
import { EvereError } from './errors.js';
import { bracketedParagraphs, diffParagraphs, hasBrackets, type Amendment, type DiffRow, type TextRevision } from '../domain/council/text.js';

/** The proposal fact's data, as far as the text view reads it (older facts have no text). */
export interface ProposalTextData {
  readonly proposal: string;
  readonly title: { readonly en: string; readonly fr?: string };
  readonly status: string;
  readonly revision: number;
  readonly paragraphs?: readonly string[];
  readonly revisions?: readonly TextRevision[];
  readonly amendments?: readonly Amendment[];
  readonly footnotes?: readonly { readonly ally: string; readonly at: string; readonly text: string; readonly paragraph?: number }[];
}

export interface TextView {
  readonly proposal: string;
  readonly title: { readonly en: string; readonly fr?: string };
  readonly status: string;
  /** The revision shown, and the current one. */
  readonly revision: number;
  readonly current: number;
  readonly paragraphs: readonly {
    readonly n: number;
    readonly text: string;
    readonly bracketed: boolean;
    readonly footnotes: readonly { readonly ally: string; readonly text: string }[];
  }[];
  /** Paragraph numbers with square brackets left (the text is not adoptable while any remain). */
  readonly openBrackets: readonly number[];
  readonly pending: readonly Amendment[];
  readonly revisions: readonly { readonly revision: number; readonly at: string; readonly by: string; readonly amendments: readonly string[] }[];
  /** From one revision to another (by default the previous revision to the one shown). */
  readonly diff?: { readonly from: number; readonly to: number; readonly rows: readonly DiffRow[] };
}

function revisionText(data: ProposalTextData, revision: number): readonly string[] {
  if (revision === data.revision) return data.paragraphs ?? [];
  const found = (data.revisions ?? []).find((r) => r.revision === revision);
  if (!found) {
    throw new EvereError('council_revision.not_found', { proposal: data.proposal, revision, current: data.revision });
  }
  return found.paragraphs;
}

export function textView(data: ProposalTextData, options: { revision?: number; from?: number } = {}): TextView {
  const revision = options.revision ?? data.revision;
  const paragraphs = revisionText(data, revision);
  const current = revision === data.revision;
  const footnotes = current ? data.footnotes ?? [] : [];
  const from = options.from ?? (revision > 0 ? revision - 1 : undefined);
  return {
    proposal: data.proposal,
    title: data.title,
    status: data.status,
    revision,
    current: data.revision,
    paragraphs: paragraphs.map((text, i) => ({
      n: i + 1,
      text,
      bracketed: hasBrackets(text),
      footnotes: footnotes.filter((f) => f.paragraph === i + 1).map((f) => ({ ally: f.ally, text: f.text })),
    })),
    openBrackets: bracketedParagraphs(paragraphs),
    pending: current ? (data.amendments ?? []).filter((a) => a.status === 'pending') : [],
    revisions: (data.revisions ?? []).map((r) => ({ revision: r.revision, at: r.at, by: r.by, amendments: r.amendments })),
    ...(from === undefined ? {} : { diff: { from, to: revision, rows: diffParagraphs(revisionText(data, from), paragraphs) } }),
  };
}
