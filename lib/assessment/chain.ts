import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { beginWrite, runExclusive } from "../db/exclusive";
import { hashToken, isWellFormedToken } from "../security/token";
import { err, ok, type TResult } from "../result";
import { reference, REFERENCE_ID } from "../survey/reference";
import { rowsToAnswers } from "./assessment-view";
import { buildHistory, chainLabels, type TChainEntry, type THistoryItem } from "../benchmark/year-over-year";
import { validateTargets, type TTargets } from "../benchmark/targets";
import { ZTargetsRequest } from "./api-schemas";
import { toFieldIssues } from "../validation/zod-de";
import type { TAssessmentError } from "./errors";
import { editPath } from "./paths";
import { berlinYear } from "../format/calendar";
import { findAssessmentByToken } from "./find-assessment";
import type { TAssessmentView } from "./assessment-view";

/**
 * One municipality's assessments year after year (issue 19): a chain. Its newest assessment holds the edit
 * link; a follow-up takes the link over, so the same link always opens the newest year, and the years
 * before are read through it and can no longer be changed.
 */

type TChainRow = { id: string; chainId: string };
/** The chain's key: assessments written before chains existed (or by scripts) start their own. */
const chainKeyOf = (row: TChainRow) => row.chainId || row.id;

async function findHead(token: string) {
  if (!isWellFormedToken(token)) return null;
  return db.assessment.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { answers: { select: { questionId: true, optionId: true } }, targets: true },
  });
}

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

/** GET …/history: the chain behind an edit link, oldest first. */
export async function getHistory(token: string): Promise<TResult<{ items: THistoryItem[] }, TAssessmentError>> {
  const head = await findHead(token);
  if (!head) return err({ kind: "assessment_not_found" });
  return ok({ items: buildHistory(reference, await loadChain(head)) });
}

/**
 * What the results page and the report show of the years, for the assessment they have already read: its
 * chain (oldest first; the last entry is this one) and its targets.
 */
export async function loadYearView(assessment: TChainRow): Promise<{ chain: TChainEntry[]; targets: TTargets }> {
  const [chain, targets] = await Promise.all([loadChain(assessment), getTargets(assessment.id)]);
  return { chain, targets };
}

/** An earlier year of a chain, read through the chain's edit link (its label as everywhere, periodLabels). */
export type TEarlierYear = {
  /** The newest assessment, the one the link opens. */
  head: TAssessmentView;
  entry: TChainEntry;
  label: string;
  /** Every year of the chain with its label, oldest first (the page links the other earlier ones). */
  years: { id: string; label: string; newest: boolean }[];
};

/**
 * An earlier assessment of the chain behind an edit link, to be read only (ADR 0010: earlier years have no link
 * of their own; they are read through the newest). `value` is "newest" for the newest itself (the results page)
 * and null when `id` names no year of this chain (another municipality's assessment, or nothing): a link opens
 * only its own years.
 */
export async function getEarlierYear(
  token: string,
  id: string,
): Promise<TResult<TEarlierYear | "newest" | null, TAssessmentError>> {
  const head = await findAssessmentByToken(token);
  if (!head) return err({ kind: "assessment_not_found" });
  if (id === head.id) return ok("newest");
  const chain = await loadChain(head);
  const labels = chainLabels(chain);
  const at = chain.findIndex((e) => e.id === id);
  if (at < 0) return ok(null);
  return ok({
    head,
    entry: chain[at]!,
    label: labels[at]!,
    years: chain.map((e, i) => ({ id: e.id, label: labels[i]!, newest: e.id === head.id })),
  });
}

export type TFollowUp = { id: string };

/**
 * "Neue Selbsteinschätzung beginnen": a new draft for the same municipality (same profile, AGS and
 * verification), with the answers and targets of the year before; each answer is marked as taken over
 * until it is saved again. The link passes to the new draft. Refused while the newest is a draft.
 */
export function createFollowUp(token: string): Promise<TResult<TFollowUp, TAssessmentError>> {
  return runExclusive(async () => {
    const head = await findHead(token);
    if (!head) return err({ kind: "assessment_not_found" });
    if (head.status !== "submitted") return err({ kind: "draft_open", editPath: editPath(token) });
    const id = randomUUID();
    const moved = await db.$transaction(async (tx) => {
      await beginWrite(tx);
      // The guard: only one follow-up can take the link from this assessment.
      const res = await tx.assessment.updateMany({
        where: { id: head.id, tokenHash: head.tokenHash, status: "submitted" },
        data: { tokenHash: null },
      });
      if (res.count !== 1) return false;
      await tx.assessment.create({
        data: {
          id,
          tokenHash: head.tokenHash,
          chainId: chainKeyOf(head),
          previousId: head.id,
          status: "draft",
          referenceId: REFERENCE_ID,
          municipalityName: head.municipalityName,
          state: head.state,
          population: head.population,
          sizeClass: head.sizeClass,
          ags: head.ags,
          agsGebietsstand: head.agsGebietsstand,
          respondentRole: head.respondentRole,
          municipalityKey: head.municipalityKey,
          isDemo: head.isDemo,
          verifiedCodeId: head.verifiedCodeId,
          verifiedAt: head.verifiedAt,
        },
      });
      if (!head.chainId) await tx.assessment.update({ where: { id: head.id }, data: { chainId: head.id } });
      if (head.answers.length > 0)
        await tx.answer.createMany({
          data: head.answers.map((a) => ({
            assessmentId: id,
            questionId: a.questionId,
            optionId: a.optionId,
            carriedOver: true,
          })),
        });
      if (head.targets.length > 0)
        await tx.target.createMany({
          data: head.targets.map(({ questionId, optionId, year, responsible }) => ({
            assessmentId: id,
            questionId,
            optionId,
            year,
            responsible,
          })),
        });
      return true;
    });
    if (!moved) return err({ kind: "draft_open", editPath: editPath(token) });
    return ok({ id });
  });
}

/**
 * A follow-up's answers taken over from the year before and not yet saved again, with that year; null for
 * a first assessment or when every answer was confirmed.
 */
export async function carriedOverFor(assessment: {
  id: string;
  previousId: string | null;
}): Promise<{ label: string; questionIds: string[] } | null> {
  if (!assessment.previousId) return null;
  const [rows, previous, current] = await Promise.all([
    db.answer.findMany({
      where: { assessmentId: assessment.id, carriedOver: true },
      select: { questionId: true },
      distinct: ["questionId"],
    }),
    db.assessment.findUnique({ where: { id: assessment.previousId }, select: { submittedAt: true, createdAt: true } }),
    db.assessment.findUnique({ where: { id: assessment.id }, select: { submittedAt: true, createdAt: true } }),
  ]);
  if (rows.length === 0 || !previous || !current) return null;
  const iso = (r: { createdAt: Date; submittedAt: Date | null }) => ({
    createdAt: r.createdAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
  });
  // Named as beside this one (periodLabels): "2025", or "März 2026" when both fall in one year.
  return { label: chainLabels([iso(previous), iso(current)])[0]!, questionIds: rows.map((r) => r.questionId) };
}

/**
 * PUT …/targets: replaces the targets of the newest assessment at the sent version (also once submitted:
 * a plan can change after the answers are final). Each target must lie above today's answer, in this
 * year or up to ten years ahead.
 */
export function saveTargets(
  token: string,
  input: unknown,
  now = new Date(),
): Promise<TResult<{ version: number }, TAssessmentError>> {
  return runExclusive(async () => {
    const parsed = ZTargetsRequest.safeParse(input);
    if (!parsed.success) return err({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
    const head = await findHead(token);
    if (!head) return err({ kind: "assessment_not_found" });
    const targets: TTargets = parsed.data.targets;
    const year = berlinYear(now);
    const issues = validateTargets(reference, rowsToAnswers(head.answers), targets, year, toTargets(head.targets));
    if (issues.length > 0) return err({ kind: "invalid_input", issues });
    const saved = await db.$transaction(async (tx) => {
      await beginWrite(tx);
      const res = await tx.assessment.updateMany({
        where: { id: head.id, version: parsed.data.version },
        data: { version: { increment: 1 } },
      });
      if (res.count !== 1) return false;
      await tx.target.deleteMany({ where: { assessmentId: head.id } });
      const rows = Object.entries(targets).map(([questionId, t]) => ({
        assessmentId: head.id,
        questionId,
        optionId: t.option,
        year: t.year,
        responsible: t.responsible,
      }));
      if (rows.length > 0) await tx.target.createMany({ data: rows });
      return true;
    });
    if (!saved) return err({ kind: "stale_version", currentVersion: head.version });
    return ok({ version: parsed.data.version + 1 });
  });
}

/** GET …/targets: the newest assessment's targets and version. */
export async function getTargetsForToken(
  token: string,
): Promise<TResult<{ version: number; targets: TTargets }, TAssessmentError>> {
  const head = await findHead(token);
  if (!head) return err({ kind: "assessment_not_found" });
  return ok({ version: head.version, targets: toTargets(head.targets) });
}

const toTargets = (rows: { questionId: string; optionId: string; year: number; responsible: string }[]): TTargets =>
  Object.fromEntries(rows.map((r) => [r.questionId, { option: r.optionId, year: r.year, responsible: r.responsible }]));

/** The targets of an assessment, by question id. */
export async function getTargets(assessmentId: string): Promise<TTargets> {
  return toTargets(await db.target.findMany({ where: { assessmentId } }));
}
