import "server-only";
import { db } from "../db/client";
import { rowsToAnswers } from "../survey/answer-rows";
import type { TChainEntry } from "../benchmark/year-over-year";

/**
 * One municipality's assessments year after year (docs/adr/0010-year-after-year.md): a chain. Its newest
 * assessment holds the edit link; a follow-up takes the link over, so the same link always opens the newest
 * year, and the years before are read through it and can no longer be changed.
 */

export type TChainRow = { id: string; chainId: string };
/** The chain's key: assessments written before chains existed (or by scripts) start their own. */
export const chainKeyOf = (row: TChainRow) => row.chainId || row.id;

/**
 * Every assessment of the chain of `row`, oldest first, with its answers. `row` is a database row (whose
 * chainId is empty before chains existed) or an assessment view (whose chainId falls back to its id).
 */
export async function loadChain(row: TChainRow): Promise<TChainEntry[]> {
  const rows = await db.assessment.findMany({
    where: { OR: [{ chainId: chainKeyOf(row) }, { id: row.id }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      createdAt: true,
      submittedAt: true,
      answers: { select: { questionId: true, optionId: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status === "submitted" ? "submitted" : "draft",
    createdAt: r.createdAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    answers: rowsToAnswers(r.answers),
  }));
}
