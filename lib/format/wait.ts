/**
 * A wait in German words: "1 Sekunde", "45 Sekunden", "1 Minute", "14 Minuten". Rounded up to whole
 * minutes from one minute on: never promise a shorter wait than the real one.
 */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return s === 1 ? "1 Sekunde" : `${s} Sekunden`;
  const minutes = Math.ceil(s / 60);
  return minutes === 1 ? "1 Minute" : `${minutes} Minuten`;
}
