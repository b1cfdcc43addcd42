// A whole municipality report built by the app's own pure functions (no database): answers for every question,
// a chain of earlier years, targets and, if asked, the pages in Leichter Sprache. For tests of the PDF's layout
// and for profiling the renderer.
import { reference } from "@/lib/survey/reference";
import { computeBenchmark } from "@/lib/benchmark/compute-benchmark";
import { yearsView, type TChainEntry } from "@/lib/benchmark/year-over-year";
import { buildPlan, type TTargets } from "@/lib/benchmark/targets";
import { buildReportModel, type TReportModel } from "@/lib/report/report-model";
import type { TAnswers } from "@/lib/survey/value-schema";

/** An answer to every question: the `shift`-th option of a single choice (wrapping), two options of a multiple one. */
export function answersShifted(shift: number): TAnswers {
  return Object.fromEntries(
    reference.questions.map((q, i) => {
      const options = q.options.map((o) => o.id);
      const pick = (n: number) => options[(i + n) % options.length]!;
      return [q.id, q.type === "multi" ? [pick(shift), pick(shift + 1)] : pick(shift)];
    }),
  );
}

export const REPORT_NOW = new Date("2026-12-07T10:00:00Z");

/**
 * The report of "Bad Großenhain-Süß" on REPORT_NOW: one assessment per date of `submitted` (oldest first, the last
 * one the report's), three targets, and the pages in Leichter Sprache when `easy`.
 */
export function fullReportModel(
  options: { submitted?: string[]; easy?: boolean; answers?: (year: number) => TAnswers } = {},
): TReportModel {
  const submitted = options.submitted ?? ["2024-11-20T09:00:00Z", "2025-11-18T09:00:00Z", "2026-12-01T09:00:00Z"];
  const answersOf = options.answers ?? ((year: number) => answersShifted(year));
  const chain: TChainEntry[] = submitted.map((at, i) => ({
    id: `a${i}`,
    status: "submitted",
    createdAt: at,
    submittedAt: at,
    answers: answersOf(i),
  }));
  const answers = chain.at(-1)!.answers;
  const { history, comparison } = yearsView(reference, chain);
  const targets: TTargets = {
    e_file: { option: "in_use", year: 2028, responsible: "Hauptamt, Sachgebiet Organisation und IT" },
    online_applications: { option: "in_use", year: 2027, responsible: "Bürgerbüro" },
    staff_digital_skills: { option: "most", year: 2029, responsible: "Personalamt mit den Amtsleitungen" },
  };
  return buildReportModel({
    ref: reference,
    benchmark: computeBenchmark(reference, { answers, sizeClass: "5000_19999" }),
    peers: null,
    municipality: { name: "Bad Großenhain-Süß", state: "DE-SN", sizeClass: "5000_19999", ags: "14627060" },
    respondentRole: "mayor",
    status: "submitted",
    now: REPORT_NOW,
    comparison,
    history,
    plan: buildPlan(reference, answers, targets),
    easyLanguage: options.easy ? { review: null } : false,
  });
}
