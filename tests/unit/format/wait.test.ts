import { describe, expect, test } from "vitest";
import { formatWait } from "@/lib/format/wait";
import { toErrorResponse } from "@/lib/http/errors";
import { describeError } from "@/lib/errors";

describe("formatWait: one German wording of a wait for every message", () => {
  test.each([
    [0, "1 Sekunde"],
    [1, "1 Sekunde"],
    [1.2, "2 Sekunden"],
    [45, "45 Sekunden"],
    [59, "59 Sekunden"],
    [60, "1 Minute"],
    [61, "2 Minuten"],
    [89, "2 Minuten"],
    [840, "14 Minuten"],
    [900, "15 Minuten"],
  ])("%s s → %s", (seconds, text) => {
    expect(formatWait(seconds)).toBe(text);
  });

  test("the API's and the operator's rate-limit messages say the same wait", () => {
    for (const seconds of [1, 30, 75, 840]) {
      const api = toErrorResponse({ kind: "rate_limited", retryAfterSeconds: seconds }).body.error;
      const operator = describeError({ kind: "rate_limited", retryAfterSeconds: seconds, limit: "login" });
      expect(api).toContain(`Bitte warten Sie ${formatWait(seconds)} und`);
      expect(operator).toContain(`Bitte warten Sie ${formatWait(seconds)} und`);
    }
    expect(toErrorResponse({ kind: "rate_limited", retryAfterSeconds: 1 }).body.error).not.toContain("1 Sekunden");
  });
});
