import "server-only";
import { computeBenchmark, type TBenchmark } from "../benchmark/compute-benchmark";
import { getSizeContext, type TSizeContext } from "../municipalities/size-context";
import { reference } from "../survey/reference";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import type { TAssessmentView } from "./assessment-view";
import { findAssessmentByToken } from "./find-assessment";

export type TAssessmentBenchmark = TBenchmark & {
  status: TAssessmentView["status"];
  municipality: TAssessmentView["municipality"];
  /** How many municipalities share the own size class (official register). */
  context: TSizeContext & { sizeClass: TAssessmentView["municipality"]["sizeClass"] };
};

/** The benchmark behind an edit link; a draft gives a partial benchmark marked incomplete. */
export async function getBenchmark(
  token: string,
): Promise<TResult<{ assessment: TAssessmentView; benchmark: TAssessmentBenchmark }, TAssessmentError>> {
  const assessment = await findAssessmentByToken(token);
  if (!assessment) return err({ kind: "assessment_not_found" });
  const { municipality } = assessment;
  const benchmark = computeBenchmark(reference, { answers: assessment.answers, sizeClass: municipality.sizeClass });
  return ok({
    assessment,
    benchmark: {
      ...benchmark,
      complete: benchmark.complete && assessment.status === "submitted",
      status: assessment.status,
      municipality,
      context: { ...getSizeContext(municipality.state, municipality.sizeClass), sizeClass: municipality.sizeClass },
    },
  });
}
