/**
 * The seeded randomness of a scenario run, passed in (the domain invents nothing).
 *
 * Every draw is keyed: `uniform('BEL|P-1|0|delay')` gives the same number in every run with the
 * same seed, whatever else happened before it. That is what makes a what-if branch comparable:
 * changing one seat's policy changes that seat's behaviour and its consequences, never the dice
 * of the other seats. The hash is cyrb53 (public domain), good enough for simulation, not for
 * cryptography.
 */
import type { Dist } from './types.js';

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

/** 90th percentile of the standard normal distribution. */
const Z90 = 1.2815515655446004;

/**
 * A draw from `dist`, keyed like `uniform`: within [min, max] for uniform and triangular, at
 * least 0 (and at most max, if given) for lognormal; a fixed value costs no draw.
 */
export function sample(random: Random, key: string, dist: Dist): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.value;
    case 'uniform':
      return dist.min + (dist.max - dist.min) * random.uniform(key);
    case 'triangular': {
      const { min, mode, max } = dist;
      if (max <= min) return min;
      const u = random.uniform(key);
      const f = (mode - min) / (max - min);
      return u < f ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    }
    case 'lognormal': {
      if (dist.median <= 0) return 0;
      // Box–Muller from two keyed draws; 1 - u keeps the logarithm finite.
      const z = Math.sqrt(-2 * Math.log(1 - random.uniform(`${key}|a`))) * Math.cos(2 * Math.PI * random.uniform(`${key}|b`));
      const sigma = dist.p90 > dist.median ? Math.log(dist.p90 / dist.median) / Z90 : 0;
      const x = dist.median * Math.exp(sigma * z);
      return dist.max === undefined ? x : Math.min(x, dist.max);
    }
  }
}

/** The smallest and largest values `dist` can give (the largest is Infinity for an uncut lognormal). */
export function bounds(dist: Dist): { min: number; max: number } {
  switch (dist.kind) {
    case 'fixed':
      return { min: dist.value, max: dist.value };
    case 'uniform':
    case 'triangular':
      return { min: dist.min, max: dist.max };
    case 'lognormal':
      return { min: 0, max: dist.max ?? Infinity };
  }
}
