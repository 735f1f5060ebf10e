/**
 * A seeded pseudo-random source (mulberry32), so that every run of the sample generator writes the
 * same bytes. It is for invented test data only, never for anything that needs real randomness.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends inclusive. */
  int(min: number, max: number): number;
  /** True with the given probability (0 to 1). */
  chance(probability: number): boolean;
  /** The number of successes in `trials` independent tries of `probability` each (a binomial draw). */
  count(trials: number, probability: number): number;
  pick<T>(items: readonly T[]): T;
  /** One of the choices, drawn in proportion to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  /** A string of `length` characters drawn from `alphabet`. */
  characters(alphabet: string, length: number): string;
}

/** Creates a `Random` from a 32-bit seed; the same seed always gives the same sequence. */
export function createRandom(seed: number): Random {
  const next = mulberry32(seed);

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('Random.pick: the list of items is empty');
    return items[int(0, items.length - 1)] as T;
  };

  const weighted = <T>(choices: readonly (readonly [T, number])[]): T => {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    if (!(total > 0)) throw new Error('Random.weighted: the weights must add up to more than 0');
    let remaining = next() * total;
    for (const [choice, weight] of choices) {
      remaining -= weight;
      if (remaining < 0) return choice;
    }
    // Floating-point rounding can leave a tiny remainder after the last choice.
    return (choices[choices.length - 1] as readonly [T, number])[0];
  };

  return {
    next,
    int,
    chance: (probability) => next() < probability,
    count: (trials, probability) => {
      let successes = 0;
      for (let trial = 0; trial < trials; trial++) if (next() < probability) successes++;
      return successes;
    },
    pick,
    weighted,
    characters: (alphabet, length) => {
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet.charAt(int(0, alphabet.length - 1));
      return text;
    },
  };
}

/** mulberry32 by Tommy Ettinger: a 32-bit state generator, good enough for test data. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
