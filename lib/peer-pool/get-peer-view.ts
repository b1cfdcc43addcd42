import "server-only";
import { aggregatePeers, bandAmongPeers } from "../peers/aggregate";
import { ZPeerQuery, type TPeerComparison } from "../peers/peer-query";
import { hasPendingChange, loadPeerCells } from "./peer-cells";
import { getEnv } from "../env";
import { countUnits } from "../municipalities/register";
import { STATES } from "../profile/states";
import { SIZE_CLASSES } from "../profile/size-class";
import { reference } from "../survey/reference";
import { toFieldIssues } from "../validation/zod-de";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";

/** The own assessment beside the peer figures (results page, own comparison page), with its index. */
export type TOwnAssessment = {
  municipalityKey: string;
  status: "draft" | "submitted";
  verified: boolean;
  isDemo: boolean;
  indexScore: number | null;
};

/**
 * The peer comparison for a filter (GET /api/peers, /vergleich, the results page). Shares list
 * every option of the reference, 0 where nobody chose it. Input is parsed here, so both doors
 * (page and API) validate alike.
 */
export async function getPeerView(
  input: unknown,
  own?: TOwnAssessment,
): Promise<TResult<TPeerComparison, TAssessmentError>> {
  const parsed = ZPeerQuery.safeParse(input);
  if (!parsed.success) return err({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
  const filter = parsed.data;
  const { PEER_K: k, PEERS_MODE } = getEnv();
  const cells = await loadPeerCells();
  const view = aggregatePeers(cells, filter, k);
  const registerTotal = STATES.filter((s) => !filter.state || s.code === filter.state).reduce(
    (n, s) =>
      n +
      SIZE_CLASSES.filter((c) => !filter.sizeClass || c.id === filter.sizeClass).reduce(
        (m, c) => m + countUnits(s.code, c.id),
        0,
      ),
    0,
  );
  const byId = new Map(view.questions.map((q) => [q.id, q.shares]));
  const questions = view.suppressed
    ? []
    : reference.questions.map((q) => ({
        id: q.id,
        shares: Object.fromEntries(q.options.map((o) => [o.id, byId.get(q.id)?.[o.id] ?? 0])),
      }));
  // A position only for an assessment that can count (submitted; verified unless PEERS_MODE=open), never
  // for a draft: otherwise anyone could save answers and read where they fall, one score after another.
  const score = own?.indexScore ?? null;
  const mayCount = own?.status === "submitted" && (own.verified || own.isDemo || PEERS_MODE === "open");
  const ownBand = mayCount && score !== null ? bandAmongPeers(view.index, score) : null;
  const ownPending = own ? await hasPendingChange(own.municipalityKey) : false;
  return ok({ ...view, questions, registerTotal, ownBand, ownPending });
}
