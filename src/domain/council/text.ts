/**
 * A proposal's text: numbered paragraphs (1-based, in order), square-bracketed language that
 * stays open until agreed, amendments to a paragraph and the diff between two revisions. Pure.
 *
 * Amendments are proposed against one revision and accepted together into the next. Positions
 * are those of the revision they were proposed on: `insert` puts a new paragraph at position N
 * (before the old paragraph N; N = count + 1 appends); `replace`, `delete` and `bracket` act on
 * paragraph N. Two amendments that change the same paragraph cannot be accepted together.
 */

export const AMENDMENT_OPS = ['replace', 'insert', 'delete', 'bracket'] as const;
export type AmendmentOp = (typeof AMENDMENT_OPS)[number];

export type AmendmentStatus = 'pending' | 'accepted' | 'lapsed';

export interface Amendment {
  readonly id: string;
  readonly by: string;
  readonly at: string;
  /** The revision it was proposed on. */
  readonly revision: number;
  readonly paragraph: number;
  readonly op: AmendmentOp;
  /** The new wording (replace, insert) or the span to bracket (bracket; absent = the whole paragraph). */
  readonly text?: string;
  readonly status: AmendmentStatus;
  /** The revision it was accepted into. */
  readonly acceptedInto?: number;
}

export interface TextRevision {
  readonly revision: number;
  readonly at: string;
  readonly by: string;
  readonly paragraphs: readonly string[];
  /** The amendments accepted into it (none for the tabled text or a revision by the chair). */
  readonly amendments: readonly string[];
}

/** True when the paragraph holds square-bracketed (not yet agreed) language. */
export function hasBrackets(paragraph: string): boolean {
  return paragraph.includes('[') || paragraph.includes(']');
}

/** The numbers (1-based) of the paragraphs that hold square brackets. */
export function bracketedParagraphs(paragraphs: readonly string[]): number[] {
  return paragraphs.flatMap((p, i) => (hasBrackets(p) ? [i + 1] : []));
}

/** The paragraph with `span` (its first occurrence), or all of it, in square brackets. */
export function bracket(paragraph: string, span?: string): string {
  if (span === undefined) return `[${paragraph}]`;
  const at = paragraph.indexOf(span);
  if (at < 0) return paragraph;
  return `${paragraph.slice(0, at)}[${span}]${paragraph.slice(at + span.length)}`;
}

/** Whether paragraph number `n` may be the target of `op` in a text of `count` paragraphs. */
export function paragraphInRange(op: AmendmentOp, n: number, count: number): boolean {
  return n >= 1 && n <= (op === 'insert' ? count + 1 : count);
}

export type Applied =
  | { readonly ok: true; readonly paragraphs: readonly string[] }
  | { readonly ok: false; readonly paragraph: number; readonly amendments: readonly string[] };

type AmendmentLike = Pick<Amendment, 'id' | 'paragraph' | 'op' | 'text'>;

/** The text after `amendments`, all proposed on `paragraphs`; or the first paragraph two of them change. */
export function applyAmendments(paragraphs: readonly string[], amendments: readonly AmendmentLike[]): Applied {
  const changing = new Map<number, AmendmentLike>();
  for (const a of amendments) {
    if (a.op === 'insert') continue;
    const other = changing.get(a.paragraph);
    if (other) return { ok: false, paragraph: a.paragraph, amendments: [other.id, a.id] };
    changing.set(a.paragraph, a);
  }
  const out: string[] = [];
  for (let n = 1; n <= paragraphs.length + 1; n++) {
    for (const a of amendments) if (a.op === 'insert' && a.paragraph === n && a.text !== undefined) out.push(a.text);
    if (n > paragraphs.length) break;
    const original = paragraphs[n - 1]!;
    const a = changing.get(n);
    if (!a) out.push(original);
    else if (a.op === 'replace') out.push(a.text ?? original);
    else if (a.op === 'bracket') out.push(bracket(original, a.text));
    // delete: nothing
  }
  return { ok: true, paragraphs: out };
}

export type DiffRow =
  | { readonly kind: 'same'; readonly before: number; readonly after: number; readonly text: string }
  | { readonly kind: 'changed'; readonly before: number; readonly after: number; readonly old: string; readonly text: string }
  | { readonly kind: 'removed'; readonly before: number; readonly old: string }
  | { readonly kind: 'added'; readonly after: number; readonly text: string };

/**
 * Side-by-side rows from one revision to another, paragraph by paragraph (longest common
 * subsequence of identical paragraphs; a removal followed by an addition at the same place is
 * shown as a change). Paragraph numbers are 1-based in their own revision.
 */
export function diffParagraphs(before: readonly string[], after: readonly string[]): DiffRow[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  const removed: number[] = [];
  const added: number[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < pairs; k++) {
      rows.push({ kind: 'changed', before: removed[k]! + 1, after: added[k]! + 1, old: before[removed[k]!]!, text: after[added[k]!]! });
    }
    for (const r of removed.slice(pairs)) rows.push({ kind: 'removed', before: r + 1, old: before[r]! });
    for (const a of added.slice(pairs)) rows.push({ kind: 'added', after: a + 1, text: after[a]! });
    removed.length = 0;
    added.length = 0;
  };
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      flush();
      rows.push({ kind: 'same', before: i + 1, after: j + 1, text: after[j]! });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      added.push(j++);
    } else {
      removed.push(i++);
    }
  }
  flush();
  return rows;
}
