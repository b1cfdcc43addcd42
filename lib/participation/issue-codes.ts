import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { runExclusive } from "../db/exclusive";
import type { TRegisterItem } from "../municipalities/register";
import { ok, type TResult } from "../result";
import type { TCodeError } from "../errors";
import { BATCH } from "./batch";
import { generateCode, hashCode, parseCode } from "./code";
import { previewCodes } from "./preview-codes";
import { ZCodeSelection, type TCodeSelection } from "./selection";
import type { TAuditActor } from "../audit/actions";
import { recordAudit } from "../audit/record";

export type TIssuedCode = { key: string; kind: TRegisterItem["kind"]; name: string; code: string; unit: TRegisterItem };
/** What one issue did: codes issued (new units and, with `replace`, replaced ones), units skipped because they hold a valid code. */
export type TIssueResult = { issued: TIssuedCode[]; replaced: number; skipped: TRegisterItem[] };

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
