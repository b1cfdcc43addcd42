import "server-only";
import { findByToken } from "./find-by-token";
import { reference } from "../survey/reference";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { type TAssessmentView } from "./assessment-view";
import { rowsToAnswers } from "../survey/answer-rows";
import type { ZAssessmentExport } from "./api-schemas";
import type { z } from "zod";
import { getTargets } from "./get-targets";
import { loadChain } from "./load-chain";
import { colleagueRowsToAnswers, roundOf } from "../colleagues/lookup";
import type { TColleagueRole } from "../colleagues/api-schemas";

/**
 * Everything stored about one assessment (GDPR Art. 15/20), as JSON: profile, answers with their
 * labels, status and timestamps, its targets, the earlier years behind the same link, the invited colleagues
 * (role, label, dates, their own answers; never their links) and which
 * bookkeeping fields exist. The token hash is omitted (it is
 * derived from the link the owner already has).
 */
export async function exportAssessment(
  token: string,
  now: Date,
): Promise<TResult<z.input<typeof ZAssessmentExport>, TAssessmentError>> {
  const row = await findByToken(token, {
    include: {
      answers: true,
      invitations: { include: { answers: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!row) return err({ kind: "assessment_not_found" });
  const answers = rowsToAnswers(row.answers);
  const [targets, chain] = await Promise.all([getTargets(row.id), loadChain(row)]);
  return ok({
    exportedAt: now.toISOString(),
    note: "Alle Daten, die der Kommunale Digitalcheck zu dieser Selbsteinschätzung gespeichert hat.",
    assessment: {
      id: row.id,
      // The database stores these as text; the schema names their values.
      status: row.status as TAssessmentView["status"],
      version: row.version,
      referenceId: row.referenceId,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      respondentRole: row.respondentRole as TAssessmentView["respondentRole"],
      municipality: {
        name: row.municipalityName,
        state: row.state as TAssessmentView["municipality"]["state"],
        population: row.population,
        sizeClass: row.sizeClass as TAssessmentView["municipality"]["sizeClass"],
        ags: row.ags,
        agsGebietsstand: row.agsGebietsstand,
        kind: row.unitKind === "verwaltung" ? "verwaltung" : "gemeinde",
        key: row.unitKey,
        memberCount: row.memberCount,
      },
      peerStatistics: {
        countsAsPeer: row.peerCurrent && !row.excludedFromPeers,
        excludedByOperator: row.excludedFromPeers,
        approvedByOperator: row.peerApproved,
        indexScore: row.indexScore,
      },
    },
    answers: reference.questions
      .filter((q) => answers[q.id] !== undefined)
      .map((q) => {
        const ids = ([] as string[]).concat(answers[q.id]!);
        return {
          questionId: q.id,
          question: q.text,
          answer: answers[q.id]!,
          labels: q.options.filter((o) => ids.includes(o.id)).map((o) => o.label),
        };
      }),
    targets,
    earlierYears: (chain ?? [])
      .filter((e) => e.id !== row.id)
      .map((e) => ({
        id: e.id,
        status: e.status,
        createdAt: e.createdAt,
        submittedAt: e.submittedAt,
        answers: e.answers as Record<string, string | string[]>,
      })),
    colleagues: {
      round: roundOf(row.colleaguesClosedAt),
      answeredWhenClosed: row.colleaguesAnswered,
      disputedWhenClosed: row.colleaguesDisputed,
      invitations: row.invitations.map((i) => ({
        id: i.id,
        role: i.role as TColleagueRole,
        label: i.label,
        createdAt: i.createdAt.toISOString(),
        answeredAt: i.answeredAt?.toISOString() ?? null,
        revokedAt: i.revokedAt?.toISOString() ?? null,
        answers: colleagueRowsToAnswers(i.answers),
      })),
    },
  });
}
