import "server-only";
import { err, ok, type TResult } from "../result";
import { reference } from "../survey/reference";
import { buildHistory, type THistoryItem } from "../benchmark/year-over-year";
import type { TAssessmentError } from "../errors";
import { findByToken } from "./find-by-token";
import { loadChain } from "./load-chain";

/** GET …/history: the chain behind an edit link, oldest first. */
export async function getHistory(token: string): Promise<TResult<{ items: THistoryItem[] }, TAssessmentError>> {
  const head = await findByToken(token, { select: { id: true, chainId: true } });
  if (!head) return err({ kind: "assessment_not_found" });
  return ok({ items: buildHistory(reference, await loadChain(head)) });
}
