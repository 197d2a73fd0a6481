// A small seeded PRNG (mulberry32) so that bench data is the same on every machine and run.
// Each payee draws from its own stream, so a smaller dataset is a prefix of a larger one.
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The stream of payee `index` under `seed`. */
export const payeeRandom = (seed: number, index: number): Random => mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));

/** A whole number in [min, max]. */
export const int = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

/** A decimal in [min, max] with `places` digits after the point, as text. */
export function decimal(r: Random, min: number, max: number, places: number): string {
  const f = 10 ** places;
  const units = int(r, Math.round(min * f), Math.round(max * f));
  return places ? (units / f).toFixed(places) : String(units);
}
