/**
 * Rounds to one decimal, half away from zero, after removing binary floating-point noise:
 * 23 / 80 × 100 is 28.749999999999996 in IEEE doubles but 28.75 in fact, and must show as 28.8.
 */
export function round1(x: number): number {
  const tenfold = Number((x * 10).toPrecision(12));
  return (Math.sign(tenfold) * Math.round(Math.abs(tenfold))) / 10;
}
