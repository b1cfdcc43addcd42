// The scripts' seeded random generator, so that two runs draw the same data (seed:demo, bench, bench:pdf)
// or time the same queries (bench:register).

/** mulberry32: a small seeded PRNG; returns a function giving numbers in [0, 1). */
export function createPrng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
