/**
 * The JSON data of index rows, parsed once per text. A fact's data is a function of its text
 * alone, so a text read again (the same rows asked about again, or by another question) is given
 * the value parsed the first time: a point-in-time answer then allocates little beyond the rows
 * the database hands over, which keeps the collector's pauses out of its slowest calls. The values
 * are frozen, so that no reader can change what the next one is given. The memo is bounded by the
 * characters it holds: past `maxChars` it starts over; a text longer than `maxText` is parsed each
 * time (it would crowd out many small ones).
 *
 * Texts are found by a number that usually tells them apart (the caller's choice: the stores pass
 * the sequence number of the entry that wrote the row), then compared whole. Looking a text up by
 * itself hashed every character of every row on every read, a tenth of a query's time; comparing
 * two texts of the same length is a memory comparison. The number only narrows the search: texts
 * that share it are all kept, so a wrong guess costs a comparison, never a wrong value.
 */
export function dataParser(maxChars = 4_000_000, maxText = 16_384): (text: string, hint: number) => unknown {
  let memo = new Map<number, Parsed[]>();
  let chars = 0;
  return (text, hint) => {
    const kept = memo.get(hint);
    if (kept !== undefined) for (const p of kept) if (p.text === text) return p.value;
    const value = deepFreeze(JSON.parse(text) as unknown);
    if (text.length > maxText) return value;
    if (chars + text.length > maxChars) {
      memo = new Map();
      chars = 0;
    }
    const parsed = { text, value };
    const now = memo.get(hint);
    if (now === undefined) memo.set(hint, [parsed]);
    else now.push(parsed);
    chars += text.length;
    return value;
  };
}

interface Parsed { readonly text: string; readonly value: unknown }

function deepFreeze(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
