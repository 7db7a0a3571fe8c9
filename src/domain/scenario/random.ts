/**
 * The seeded randomness of a scenario run, passed in (the domain invents nothing).
 *
 * Every draw is keyed: `uniform('BEL|P-1|0|delay')` gives the same number in every run with the
 * same seed, whatever else happened before it. That is what makes a what-if branch comparable:
 * changing one seat's policy changes that seat's behaviour and its consequences, never the dice
 * of the other seats. The hash is cyrb53 (public domain), good enough for simulation, not for
 * cryptography.
 */
export interface Random {
  readonly seed: string;
  /** A number in [0, 1), the same for the same seed and key. */
  uniform(key: string): number;
}

function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const TWO_POW_53 = 2 ** 53;

export function seededRandom(seed: string): Random {
  const prefix = `${seed}\u0000`;
  return { seed, uniform: (key) => cyrb53(prefix + key) / TWO_POW_53 };
}
