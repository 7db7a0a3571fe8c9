/**
 * Spans in an office's (or a body's seat's) recorded history that nobody is recorded for: between
 * one recorded tenure's end and the next recorded start of the same office. The record leaves a
 * holder out when no source dates them (four SACEURs of 1974–1997), and ends a tenure at the last
 * day a source shows it (Galvin, the Special Representatives for Women, Peace and Security), so a
 * listing that skipped these spans would read as "nobody held the post". Only spans between two
 * recorded tenures are reported: before the first and after the last, the record cannot tell a
 * missing holder from an office that did not exist yet or any more.
 */
export interface Tenure { readonly what: string; readonly from: string; readonly until?: string }
export interface UnrecordedSpan { readonly what: string; readonly from: string; readonly until: string }

export function unrecordedSpans(tenures: readonly Tenure[]): UnrecordedSpan[] {
  const byWhat = new Map<string, Tenure[]>();
  for (const t of tenures) byWhat.set(t.what, [...(byWhat.get(t.what) ?? []), t]);
  const spans: UnrecordedSpan[] = [];
  for (const [what, list] of byWhat) {
    const sorted = [...list].sort((a, b) => a.from.localeCompare(b.from));
    // The latest end seen so far; undefined once a tenure with no end is open.
    let reach: string | undefined = sorted[0]!.until;
    for (const t of sorted.slice(1)) {
      if (reach === undefined) break;
      if (t.from > reach) spans.push({ what, from: reach, until: t.from });
      if (t.until === undefined) reach = undefined;
      else if (t.until > reach) reach = t.until;
    }
  }
  return spans;
}

/** The spans in effect at an instant (`from` ≤ at < `until`), as a valid-time query reads tenures. */
export function spansAt(spans: readonly UnrecordedSpan[], at: string): UnrecordedSpan[] {
  return spans.filter((s) => s.from <= at && at < s.until);
}
