import "server-only";
import type { ReactElement } from "react";
import { notFound, redirect } from "next/navigation";
import { colleaguePath } from "@/lib/assessment/paths";
import { TooManyRequests } from "@/components/kern/too-many-requests";
import type { TAssessmentError } from "@/lib/errors";
import { getBenchmark } from "@/lib/assessment/get-benchmark";
import { lookUpAssessment, withTokenGuard } from "@/lib/assessment/guarded-lookup";
import { currentClientId } from "@/lib/http/action-client";
import type { TResult } from "@/lib/result";

/** What a page under /a/[token] gets: the value, or the page to show instead (the rate-limit notice). */
export type TPageLoad<T> = { ok: true; value: T } | { ok: false; page: ReactElement };

/**
 * The pages' one way from an edit link to its data: a client over the token-miss limit gets the "too many
 * requests" notice instead of the page, an unknown link Next's 404 page (notFound() ends the render).
 */
function forPage<T>(result: TResult<T, TAssessmentError>): TPageLoad<T> {
  if (result.ok) return result;
  if (result.error.kind === "rate_limited")
    return { ok: false, page: <TooManyRequests retryAfterSeconds={result.error.retryAfterSeconds} /> };
  notFound();
}

/** The assessment behind an edit link (overview, steps, review, peer comparison). */
export async function loadAssessmentForPage(token: string) {
  const result = await lookUpAssessment(token, await currentClientId());
  // A colleague's link typed under /a/: their own questionnaire is under /k/.
  if (!result.ok && result.error.kind === "colleague_link") redirect(colleaguePath(token));
  return forPage(result);
}

/** The assessment's benchmark (results page); an unknown link counts as a miss like every lookup. */
export async function loadBenchmarkForPage(token: string) {
  return forPage(await withTokenGuard(await currentClientId(), () => getBenchmark(token)));
}
