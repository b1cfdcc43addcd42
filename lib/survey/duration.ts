import type { TReference } from "./schema";

/**
 * Time to complete the questionnaire, estimated from its text: reading at 150 words per minute
 * (careful reading of administrative text) plus 10 seconds per question to decide and click,
 * plus one minute for the profile form. Rounded up to whole minutes.
 */
export const READING_WORDS_PER_MINUTE = 150;
export const SECONDS_PER_DECISION = 10;
export const PROFILE_MINUTES = 1;

export function countWords(ref: TReference): number {
  const words = (s: string | undefined) => (s ? s.split(/\s+/).filter(Boolean).length : 0);
  return ref.questions.reduce(
    (n, q) => n + words(q.text) + words(q.hint) + q.options.reduce((m, o) => m + words(o.label), 0),
    ref.topics.reduce((n, t) => n + words(t.title) + words(t.intro), 0),
  );
}

export function estimateDurationMinutes(ref: TReference): number {
  const minutes =
    countWords(ref) / READING_WORDS_PER_MINUTE + (ref.questions.length * SECONDS_PER_DECISION) / 60 + PROFILE_MINUTES;
  return Math.ceil(minutes);
}
