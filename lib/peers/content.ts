import { createHash } from "node:crypto";

/**
 * What a submission contributes to the peer figures, as one hash: the reference it answers, every chosen
 * option and the index. Two submissions with the same hash add exactly the same to every published figure,
 * so submitting unchanged answers again (a follow-up taken over as it was, a reopen without change) is no
 * change of the contribution (docs/adr/0005-peer-privacy.md). The order of the answers does not matter.
 */
export function contentHash(input: {
  referenceId: string;
  answers: readonly { questionId: string; optionId: string }[];
  indexScore: number | null;
}): string {
  const answers = input.answers
    .map((a) => `${a.questionId}=${a.optionId}`)
    .sort()
    .join("\n");
  return createHash("sha256")
    .update(JSON.stringify([input.referenceId, input.indexScore, answers]))
    .digest("hex");
}

/** Answers as the questionnaire keeps them (question → option or options), as rows for contentHash. */
export function answerRowsOf(
  answers: Readonly<Record<string, string | readonly string[]>>,
): { questionId: string; optionId: string }[] {
  return Object.entries(answers).flatMap(([questionId, value]) =>
    (typeof value === "string" ? [value] : value).map((optionId) => ({ questionId, optionId })),
  );
}

/**
 * The short form kept in the history of released contents (PeerReleasedContent): 32 bits of the hash. A
 * collision only makes a new content look known, which delays a release and never speeds one up; and so
 * few bits say nothing about the answers of a deleted assessment.
 */
export const FINGERPRINT_HEX = 8;
export const contentFingerprint = (hash: string): string => hash.slice(0, FINGERPRINT_HEX);
