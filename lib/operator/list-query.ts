import { z } from "zod";
import { nameKeys, normalizeName } from "../municipalities/normalize";
import { ZStateCode, type TStateCode } from "../profile/states";
import { freeText } from "../validation/free-text";
import type { TSizeClass } from "../profile/size-class";

// The operator list's filters and rows: pure, so that the page, the actions and the tests share them.

export const OPERATOR_PAGE_SIZE = 50;

/**
 * The list's filters as they arrive in the URL. Lenient on purpose: a value that is not valid (an
 * edited URL, an old bookmark) is dropped rather than answered with an error, so the list still shows.
 */
export const ZAssessmentListQuery = z.object({
  state: ZStateCode.optional().catch(undefined),
  status: z.enum(["draft", "submitted"]).optional().catch(undefined),
  q: freeText(z.string().trim().max(100), "Der Suchbegriff")
    .transform((v) => (v === "" ? undefined : v))
    .optional()
    .catch(undefined),
  demo: z.enum(["yes", "no"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type TAssessmentListQuery = z.infer<typeof ZAssessmentListQuery>;

/** Parses URL search parameters (a repeated parameter counts with its first value). */
export function parseAssessmentListQuery(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): TAssessmentListQuery {
  const first = (key: string) => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return ZAssessmentListQuery.parse({
    state: first("state"),
    status: first("status"),
    q: first("q"),
    demo: first("demo"),
    page: first("page"),
  });
}

/** The same filters back as URL search parameters, without empty ones, in a fixed order. */
export function toListSearchParams(query: Partial<TAssessmentListQuery>): URLSearchParams {
  const out = new URLSearchParams();
  if (query.state) out.set("state", query.state);
  if (query.status) out.set("status", query.status);
  if (query.q) out.set("q", query.q);
  if (query.demo) out.set("demo", query.demo);
  if (query.page && query.page > 1) out.set("page", String(query.page));
  return out;
}

/**
 * The name filter: a substring match on the same normalised keys as the municipality search, so
 * "münchen", "MUENCHEN" and "Munchen" all find "München". Null when the query has no letter or digit.
 */
export function nameMatcher(query: string): ((name: string) => boolean) | null {
  const needle = normalizeName(query);
  if (!needle) return null;
  return (name) => nameKeys(name).some((key) => key.includes(needle));
}

/** Why an assessment does not count in the peer statistics (empty: it counts, if its cell is big enough). */
export type TPeerExclusionReason = "draft" | "unverified" | "excluded" | "superseded" | "awaiting_approval";

/** What the operator sees of an assessment: who and when, never an answer. */
export type TOperatorAssessmentRow = {
  id: string;
  municipalityName: string;
  state: TStateCode;
  sizeClass: TSizeClass;
  status: "draft" | "submitted";
  createdAt: Date;
  submittedAt: Date | null;
  isDemo: boolean;
  excludedFromPeers: boolean;
  peerApproved: boolean;
  peerCurrent: boolean;
  /** Verified with a participation code, or demo data (counts as verified). */
  verified: boolean;
  notCountingBecause: TPeerExclusionReason[];
};

/** The same rule as the peer query in lib/peer-pool/peer-cells.ts, spelled out per assessment. */
export function peerExclusionReasons(
  row: Pick<TOperatorAssessmentRow, "status" | "excludedFromPeers" | "peerCurrent" | "peerApproved" | "verified">,
  requiresApproval: boolean,
  requiresVerification = false,
): TPeerExclusionReason[] {
  const reasons: TPeerExclusionReason[] = [];
  if (row.status !== "submitted") reasons.push("draft");
  const unverified = requiresVerification && !row.verified;
  if (unverified) reasons.push("unverified");
  if (row.excludedFromPeers) reasons.push("excluded");
  if (row.status === "submitted" && !row.peerCurrent && !unverified) reasons.push("superseded");
  if (requiresApproval && !row.peerApproved) reasons.push("awaiting_approval");
  return reasons;
}
