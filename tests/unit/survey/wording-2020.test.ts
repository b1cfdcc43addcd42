import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { LEVELS } from "@/lib/benchmark/levels";
import { SIZE_CLASSES } from "@/lib/profile/size-class";
import { reference } from "@/lib/survey/reference";
import { isDerivedShare, shareLabel } from "@/lib/survey/share-label";

/**
 * The 2020 texts as the press release says them (docs/sources/): what a user reads about 2020 must
 * not claim more than the source does.
 */
const ROOT = path.resolve(__dirname, "../../..");
const userFacing = execFileSync("git", ["ls-files", "-z", "--", "app", "components", "lib"], {
  cwd: ROOT,
  encoding: "utf8",
})
  .split("\0")
  .filter(
    (f) => /\.(tsx?|json)$/.test(f) && !f.startsWith("lib/generated/") && f !== "lib/municipalities/register-data.json",
  );
// Whitespace is collapsed: the formatter may wrap a sentence inside JSX text.
const read = (f: string) => readFileSync(path.join(ROOT, f), "utf8").replace(/\s+/g, " ");

describe("what the product says about the 2020 figures", () => {
  test("the national mean is never called exact: no 'exakt' or 'genau' beside a mean", () => {
    const offenders = userFacing.flatMap((f) =>
      read(f)
        .split(/(?<=[.!?])\s+/)
        .filter(
          (sentence) =>
            /durchschnitt|mittelwert/i.test(sentence) &&
            /\b(exakt|genau)\b/i.test(sentence) &&
            !/genau auf/.test(sentence),
        )
        .map((sentence) => `${f}: ${sentence.trim().slice(0, 120)}`),
    );
    expect(offenders).toEqual([]);
  });

  test("the accessibility statement promises an answer within one month (§ 12b BGG), not six weeks", () => {
    const all = userFacing.map(read).join("\n");
    expect(all).not.toMatch(/sechs Wochen/);
    expect(read("app/barrierefreiheit/page.tsx")).toContain("innerhalb eines Monats");
  });

  test("every derived remainder is labelled as what it is, and marked derived wherever its share is shown", () => {
    const derived = reference.questions.flatMap((q) => q.options.filter(isDerivedShare).map((o) => ({ q, o })));
    expect(derived.length).toBeGreaterThan(10);
    for (const { q, o } of derived) {
      expect(o.shareLabel, `${q.id}.${o.id}`).toMatch(/keine Angabe$/);
      expect(shareLabel(o), `${q.id}.${o.id}`).toMatch(/ \(abgeleitet\)$/);
      // Its sentence says that the remainder holds the municipalities without an answer.
      expect(o.statement, `${q.id}.${o.id}`).toContain("keine Angabe");
    }
    for (const q of reference.questions)
      for (const o of q.options.filter((x) => !isDerivedShare(x))) expect(shareLabel(o)).toBe(o.label);
  });

  test("every statement and every recommendation that quotes a 2020 share names 2020", () => {
    const texts = reference.questions.flatMap((q) => [
      ...q.options.flatMap((o) => [o.statement ?? "", ...(o.subgroups ?? []).map((s) => s.statement)]),
      ...(q.aggregates ?? []).map((a) => a.statement),
      q.recommendation && /\d+ %/.test(q.recommendation.text) ? q.recommendation.text : "",
    ]);
    for (const t of texts.filter(Boolean)) expect(t, t).toContain("2020");
  });

  test("no maturity level is named like a survey answer, and the smallest size class is not called 'Landgemeinde'", () => {
    const answers = reference.questions.flatMap((q) => q.options.map((o) => o.label.toLowerCase()));
    for (const level of LEVELS)
      expect(
        answers.some((a) => a.includes(level.name.toLowerCase())),
        level.name,
      ).toBe(false);
    expect(SIZE_CLASSES.map((c) => c.townType)).not.toContain("Landgemeinde");
  });
});
