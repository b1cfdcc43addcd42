import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { runExclusive } from "../db/exclusive";
import { findItem, getGemeindeItems, getUnits, type TRegisterItem } from "../municipalities/register";
import { refreshPeerPool } from "../assessment/refresh-peer-pool";
import { municipalityKey } from "../peers/municipality-key";
import { toFieldIssues, type TFieldIssue } from "../validation/zod-de";
import { err, ok, type TResult } from "../result";
import { generateCode, hashCode, parseCode } from "./code";
import { selectUnits, ZCodeSelection, type TCodeSelection } from "./selection";
import type { TAuditActor } from "../audit/actions";
import { recordAudit } from "../audit/record";

export type TIssuedCode = { key: string; kind: TRegisterItem["kind"]; name: string; code: string; unit: TRegisterItem };
/** What one issue did: codes issued (new units and, with `replace`, replaced ones), units skipped because they hold a valid code. */
export type TIssueResult = { issued: TIssuedCode[]; replaced: number; skipped: TRegisterItem[] };
export type TCodeError = { kind: "invalid_selection"; issues: TFieldIssue[] };

/** Statements per batch: well below SQLite's and PostgreSQL's limits on bound parameters. */
const BATCH = 400;

const selectable = { units: getUnits, gemeinden: getGemeindeItems };

/** The selected units and which of them hold a valid (active) code, without issuing anything (the confirmation step). */
export async function previewCodes(
  input: unknown,
): Promise<TResult<{ units: TRegisterItem[]; holding: Set<string> }, TCodeError>> {
  const parsed = ZCodeSelection.safeParse(input);
  if (!parsed.success) return err({ kind: "invalid_selection", issues: toFieldIssues(parsed.error) });
  const selected = selectUnits(
    { units: selectable.units(), gemeinden: selectable.gemeinden(), find: findItem },
    parsed.data,
  );
  if (!selected.ok) return err({ kind: "invalid_selection", issues: [{ path: "", message: selected.error }] });
  return ok({ units: selected.value, holding: await unitsWithActiveCode(selected.value.map((u) => u.key)) });
}

async function unitsWithActiveCode(keys: string[]): Promise<Set<string>> {
  const holding = new Set<string>();
  for (let i = 0; i < keys.length; i += BATCH) {
    const rows = await db.participationCode.findMany({
      where: { unitKey: { in: keys.slice(i, i + BATCH) }, status: "active" },
      select: { unitKey: true },
    });
    for (const r of rows) holding.add(r.unitKey);
  }
  return holding;
}

/** A selection in a few words for the audit trail: its filters, never a code ("Land DE-TH, je Verwaltung"). */
export function describeSelection(s: TCodeSelection): string {
  const keys = [...(s.keys ?? []), ...(s.ags ?? [])];
  const parts = [
    keys.length > 0 ? `Schlüssel ${keys.slice(0, 5).join(", ")}${keys.length > 5 ? ` … (${keys.length})` : ""}` : "",
    s.state ? `Land ${s.state}` : "",
    s.kreis ? `Kreis ${s.kreis}` : "",
    s.sizeClass ? `Größenklasse ${s.sizeClass}` : "",
    s.all ? "alle" : "",
    s.unit === "gemeinde" ? "je Gemeinde" : "je Verwaltung",
  ];
  return parts.filter(Boolean).join(", ");
}

/**
 * Issues one new participation code per selected unit (npm run codes, /betrieb). A unit that holds a valid code
 * keeps it, unless the selection says `replace`: then its code is replaced (it can no longer be entered, but
 * assessments already verified with it stay verified). The codes themselves are returned once, here, and
 * stored only as hashes. The audit trail records who issued how many for which selection, in the same transaction.
 */
export function issueCodes(input: unknown, now: Date, actor: TAuditActor): Promise<TResult<TIssueResult, TCodeError>> {
  return runExclusive(async () => {
    const preview = await previewCodes(input);
    if (!preview.ok) return preview;
    const replace = (input as { replace?: boolean }).replace === true;
    const { units, holding } = preview.value;
    const skipped = replace ? [] : units.filter((u) => holding.has(u.key));
    const toIssue = replace ? units : units.filter((u) => !holding.has(u.key));
    const issued = toIssue.map((unit) => ({
      key: unit.key,
      kind: unit.kind,
      name: unit.name,
      code: generateCode(),
      unit,
    }));
    let replaced = 0;
    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < issued.length; i += BATCH) {
          const batch = issued.slice(i, i + BATCH);
          const res = await tx.participationCode.updateMany({
            where: { unitKey: { in: batch.map((b) => b.key) }, status: "active" },
            data: { status: "replaced" },
          });
          replaced += res.count;
          await tx.participationCode.createMany({
            data: batch.map((b) => ({
              id: randomUUID(),
              codeHash: hashCode((parseCode(b.code) as { ok: true; symbols: string }).symbols),
              unitKey: b.key,
              status: "active",
              issuedAt: now,
            })),
          });
        }
        await recordAudit(
          tx,
          {
            actor,
            action: "codes_issued",
            count: issued.length,
            target: describeSelection(ZCodeSelection.parse(input)),
            detail: `ersetzt: ${replaced}, übersprungen: ${skipped.length}`,
          },
          now,
        );
      },
      { timeout: 60_000 },
    );
    return ok({ issued, replaced, skipped });
  });
}

/**
 * Takes back the verification of every assessment verified with a revoked code of the unit (`unitKey`), or of
 * any unit when null (npm run peers:refresh, for codes revoked before this rule): it is unverified again, so
 * that the new code can be entered on it, and the overview, the operator's list and the peer pool all say the
 * same. `codeRevokedAt` keeps when it happened; the version moves, so no cached page shows the old state.
 */
export async function takeBackRevokedVerifications(
  tx: Prisma.TransactionClient,
  unitKey: string | null,
  now: Date,
): Promise<number> {
  const ids = (
    await tx.participationCode.findMany({
      where: { status: "revoked", ...(unitKey ? { unitKey } : {}) },
      select: { id: true },
    })
  ).map((c) => c.id);
  let count = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const res = await tx.assessment.updateMany({
      where: { verifiedCodeId: { in: ids.slice(i, i + BATCH) } },
      data: { verifiedCodeId: null, verifiedAt: null, codeRevokedAt: now, version: { increment: 1 } },
    });
    count += res.count;
  }
  return count;
}

/**
 * Revokes every code of a unit: none can be entered any more, the assessments verified with them are unverified
 * again (the unit enters its new code on them) and leave the peer figures with the next release of their cell.
 * Returns how many codes were revoked, how many assessments lost their verification, and the unit's name.
 */
export function revokeCodes(
  key: string,
  now: Date,
  actor: TAuditActor,
): Promise<TResult<{ revoked: number; unverified: number; name: string }, TCodeError>> {
  return runExclusive(async () => {
    if (!/^(\d{8}|\d{9})$/.test(key))
      return err({
        kind: "invalid_selection",
        issues: [{ path: "key", message: "Ein Schlüssel hat 8 Ziffern (Gemeinde) oder 9 Ziffern (Gemeindeverband)." }],
      });
    const unit = findItem(key);
    const { revoked, unverified } = await db.$transaction(async (tx) => {
      const res = await tx.participationCode.updateMany({
        where: { unitKey: key, status: { in: ["active", "replaced"] } },
        data: { status: "revoked", revokedAt: now },
      });
      const unverified = await takeBackRevokedVerifications(tx, key, now);
      if ((res.count > 0 || unverified > 0) && unit)
        await refreshPeerPool(tx, municipalityKey({ unitKey: unit.key, name: unit.name, state: unit.state }), now);
      await recordAudit(
        tx,
        {
          actor,
          action: "codes_revoked",
          count: res.count,
          target: unit ? `${key} ${unit.name}` : key,
          detail: `Bestätigungen zurückgenommen: ${unverified}`,
        },
        now,
      );
      return { revoked: res.count, unverified };
    });
    return ok({ revoked, unverified, name: unit?.name ?? key });
  });
}
