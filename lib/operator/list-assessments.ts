import "server-only";
import { db } from "../db/client";
import { getEnv } from "../env";
import type { Prisma } from "../generated/prisma/client";
import type { TStateCode } from "../profile/states";
import type { TSizeClass } from "../profile/size-class";
import {
  nameMatcher,
  OPERATOR_PAGE_SIZE,
  peerExclusionReasons,
  type TAssessmentListQuery,
  type TOperatorAssessmentRow,
} from "./list-query";

export type TAssessmentList = {
  rows: TOperatorAssessmentRow[];
  total: number;
  page: number;
  pageCount: number;
  requiresApproval: boolean;
};

const ROW_SELECT = {
  id: true,
  municipalityName: true,
  state: true,
  sizeClass: true,
  status: true,
  createdAt: true,
  submittedAt: true,
  isDemo: true,
  excludedFromPeers: true,
  peerApproved: true,
  peerCurrent: true,
  verifiedAt: true,
} satisfies Prisma.AssessmentSelect;

/** Submitted ones first, newest submission first; then drafts, newest first. */
const ORDER: Prisma.AssessmentOrderByWithRelationInput[] = [
  { submittedAt: { sort: "desc", nulls: "last" } },
  { createdAt: "desc" },
  { id: "asc" },
];

/**
 * One page (50 rows) of assessments for the operator, never their answers. The name filter
 * (nameMatcher) cannot run in SQL: SQLite's LIKE folds only ASCII letters. So with a name filter the
 * ids and names of all candidates are read and matched here, and the full rows only for the page shown.
 */
export async function listAssessments(query: TAssessmentListQuery): Promise<TAssessmentList> {
  const requiresApproval = getEnv().PEERS_REQUIRE_APPROVAL;
  const where: Prisma.AssessmentWhereInput = {
    ...(query.state ? { state: query.state } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.demo ? { isDemo: query.demo === "yes" } : {}),
  };
  const matches = query.q ? nameMatcher(query.q) : null;
  let total: number;
  let rows: Prisma.AssessmentGetPayload<{ select: typeof ROW_SELECT }>[];
  const skip = (query.page - 1) * OPERATOR_PAGE_SIZE;
  if (matches) {
    const candidates = await db.assessment.findMany({
      where,
      select: { id: true, municipalityName: true },
      orderBy: ORDER,
    });
    const matching = candidates.filter((c) => matches(c.municipalityName)).map((c) => c.id);
    total = matching.length;
    const pageIds = matching.slice(skip, skip + OPERATOR_PAGE_SIZE);
    const found =
      pageIds.length > 0 ? await db.assessment.findMany({ where: { id: { in: pageIds } }, select: ROW_SELECT }) : [];
    const byId = new Map(found.map((r) => [r.id, r]));
    // A row deleted between the two reads is simply missing from this page.
    rows = pageIds.flatMap((id) => byId.get(id) ?? []);
  } else {
    [total, rows] = await Promise.all([
      db.assessment.count({ where }),
      db.assessment.findMany({ where, select: ROW_SELECT, orderBy: ORDER, skip, take: OPERATOR_PAGE_SIZE }),
    ]);
  }
  return {
    rows: rows.map((r) => {
      const { verifiedAt, ...rest } = r;
      const row = {
        ...rest,
        verified: verifiedAt !== null || r.isDemo,
        state: r.state as TStateCode,
        sizeClass: r.sizeClass as TSizeClass,
        status: r.status === "submitted" ? ("submitted" as const) : ("draft" as const),
      };
      return {
        ...row,
        notCountingBecause: peerExclusionReasons(row, requiresApproval, getEnv().PEERS_MODE === "verified"),
      };
    }),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / OPERATOR_PAGE_SIZE)),
    requiresApproval,
  };
}
