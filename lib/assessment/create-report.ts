import "server-only";
import { describeUnit } from "../municipalities/size-context";
import { buildReportModel } from "../report/report-model";
import { renderReport } from "../report/render-report";
import { reference } from "../survey/reference";
import { createSerialQueue } from "../serial-queue";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { getBenchmark } from "./get-benchmark";
import { getPeerView } from "../peer-pool/get-peer-view";
import { loadYearView } from "./load-year-view";
import { yearsView } from "../benchmark/year-over-year";
import { buildPlan } from "../benchmark/targets";
import { getOperatorInfo } from "../operator-info";
import { reportDisagreement } from "../colleagues/report-disagreement";

/**
 * Reports are rendered one after another in a process. Rendering is synchronous CPU work, so running
 * them side by side gains nothing on Node's single thread; it only keeps several half-built documents
 * and their garbage alive at once (20 concurrent requests: peak memory of the server above 300 MB).
 */
const oneAtATime = createSerialQueue();

/** The PDF benchmark report of an assessment (a draft gets a watermarked, partial report). */
export async function createReport(
  token: string,
  now: Date,
  options: { easyLanguage?: boolean } = {},
): Promise<TResult<{ pdf: Buffer; fileName: string }, TAssessmentError>> {
  const found = await getBenchmark(token);
  if (!found.ok) return err(found.error);
  const { assessment, benchmark } = found.value;
  const { municipality: m } = assessment;
  const [peers, yearView, disagreement] = await Promise.all([
    getPeerView({ state: m.state, sizeClass: m.sizeClass }),
    loadYearView(assessment),
    reportDisagreement(assessment.id, now),
  ]);
  const { history, comparison } = yearsView(reference, yearView.chain);
  const model = buildReportModel({
    ref: reference,
    benchmark,
    peers: peers.ok ? peers.value : null,
    municipality: m,
    unit: describeUnit(m),
    respondentRole: assessment.respondentRole,
    status: assessment.status,
    now,
    comparison,
    history,
    plan: buildPlan(reference, assessment.answers, yearView.targets),
    easyLanguage: options.easyLanguage ? { review: getOperatorInfo().easyLanguageReview } : false,
    disagreement,
  });
  return ok({ pdf: await oneAtATime(() => renderReport(model, now)), fileName: model.fileName });
}
