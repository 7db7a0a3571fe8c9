/**
 * The JSON data of index rows, parsed once per text. A fact's data is a function of its text
 * alone, so a text read again (the same rows asked about again, or by another question) is given
 * the value parsed the first time: a point-in-time answer then allocates little beyond the rows
 * the database hands over, which keeps the collector's pauses out of its slowest calls. The values
 * are frozen, so that no reader can change what the next one is given. The memo is bounded by the
 * characters it holds: past `maxChars` it starts over; a text longer than `maxText` is parsed each
 * time (it would crowd out many small ones).
 */
export function dataParser(maxChars = 4_000_000, maxText = 16_384): (text: string) => unknown {
  let memo = new Map<string, unknown>();
  let chars = 0;
  return (text) => {
    const found = memo.get(text);
    if (found !== undefined) return found;
    const value = deepFreeze(JSON.parse(text) as unknown);
    if (text.length > maxText) return value;
    if (chars + text.length > maxChars) {
      memo = new Map();
      chars = 0;
    }
    memo.set(text, value);
    chars += text.length;
    return value;
  };
}

function deepFreeze(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
