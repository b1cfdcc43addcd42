import { describe, expect, test } from "vitest";
import { reference } from "../../../lib/survey/reference";
import {
  applyTargets,
  buildPlan,
  isTargetMet,
  targetGap,
  targetOptions,
  validateTargets,
} from "../../../lib/benchmark/targets";

const q = (id: string) => reference.questions.find((x) => x.id === id)!;
const today = {
  e_file: "planned",
  e_invoice: "in_use",
  e_payment: "neither",
  pandemic_investments: ["technology"],
  digital_strategy: "unknown",
};
const t = (option: string, year = 2028, responsible = "Hauptamt") => ({ option, year, responsible });

describe("targets", () => {
  test("targetOptions: only answers above today's; none for context questions or the best answer", () => {
    expect(targetOptions(q("e_file"), "planned").map((o) => o.id)).toEqual(["in_use"]);
    expect(
      targetOptions(q("e_payment"), "neither")
        .map((o) => o.id)
        .sort(),
    ).toEqual(["in_use", "planned"]);
    expect(targetOptions(q("e_invoice"), "in_use")).toEqual([]);
    expect(targetOptions(q("chance_or_risk"), "risk")).toEqual([]);
    // "weiß nicht" has no rank: every ranked answer is above it; the unranked one never is a target.
    expect(targetOptions(q("digital_strategy"), "unknown").map((o) => o.id)).not.toContain("unknown");
    expect(targetOptions(q("pandemic_investments"), ["technology"]).map((o) => o.id)).toEqual([
      "processes",
      "services",
    ]);
  });

  test("validateTargets: German issues for a target not above today, a past or far year, unknown ids", () => {
    const issues = validateTargets(
      reference,
      today,
      {
        e_file: t("planned"),
        e_invoice: t("planned"),
        e_payment: t("in_use", 2025),
        citizen_app: t("in_use", 2040),
        warp: t("in_use"),
        chance_or_risk: t("chance"),
        online_portal: t("teleport"),
      },
      2026,
    );
    expect(issues.map((i) => i.path)).toEqual([
      "targets.e_file.option",
      "targets.e_invoice.option",
      "targets.e_payment.year",
      "targets.citizen_app.year",
      "targets.warp",
      "targets.chance_or_risk",
      "targets.online_portal.option",
    ]);
    expect(issues.every((i) => /[äöüß]|nicht|muss|darf|gibt/.test(i.message))).toBe(true);
    expect(
      validateTargets(reference, today, { e_file: t("in_use", 2026), e_payment: t("planned", 2036) }, 2026),
    ).toEqual([]);
  });

  test("a stored target kept unchanged is accepted even when met or due in the past", () => {
    const stored = { e_file: t("planned", 2025) };
    expect(validateTargets(reference, today, stored, 2026, stored)).toEqual([]);
    expect(validateTargets(reference, today, { e_file: t("planned", 2027) }, 2026, stored)).not.toEqual([]);
  });

  test("isTargetMet, applyTargets and targetGap", () => {
    expect(isTargetMet(q("e_file"), "in_use", t("planned"))).toBe(true);
    expect(isTargetMet(q("e_file"), "planned", t("in_use"))).toBe(false);
    expect(isTargetMet(q("pandemic_investments"), ["processes"], t("processes"))).toBe(true);
    const aim = applyTargets(reference, today, { e_file: t("in_use"), pandemic_investments: t("services") });
    expect(aim.e_file).toBe("in_use");
    expect(aim.pandemic_investments).toEqual(["technology", "services"]);
    const gap = targetGap(reference, today, { e_file: t("in_use"), e_payment: t("in_use") });
    const processes = gap.find((g) => g.id === "processes")!;
    expect(processes.target!).toBeGreaterThan(processes.now!);
    expect(gap.find((g) => g.id === "work")).toEqual({ id: "work", now: null, target: null });
  });

  test("buildPlan orders by the recommendations' priority, then questionnaire order, and says what is met", () => {
    const plan = buildPlan(
      reference,
      { ...today, e_invoice: "in_use" },
      {
        citizen_app: t("planned", 2029, "Bürgerservice"),
        e_file: t("in_use", 2027, "Hauptamt"),
        e_invoice: t("in_use", 2026, "Kämmerei"),
      },
    );
    const priority = (id: string) => q(id).recommendation?.priority ?? 99;
    const order = plan.map((r) => r.questionId);
    for (let i = 1; i < order.length; i += 1) expect(priority(order[i - 1]!)).toBeLessThanOrEqual(priority(order[i]!));
    expect(plan.find((r) => r.questionId === "e_invoice")).toMatchObject({
      met: true,
      responsible: "Kämmerei",
      name: "E-Rechnung",
    });
    expect(plan.find((r) => r.questionId === "e_file")).toMatchObject({
      met: false,
      today: "Geplant oder in Diskussion",
      target: "Ja, im Einsatz",
      year: 2027,
    });
  });
});
