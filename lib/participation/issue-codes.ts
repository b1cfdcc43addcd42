import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { runExclusive } from "../db/exclusive";
import { getRegister } from "../municipalities/register";
import { refreshPeerPool } from "../assessment/refresh-peer-pool";
import { municipalityKey } from "../peers/municipality-key";
import { toFieldIssues, type TFieldIssue } from "../validation/zod-de";
import { err, ok, type TResult } from "../result";
import { generateCode, hashCode, parseCode } from "./code";
import { selectMunicipalities, ZCodeSelection } from "./selection";
import type { TRegisterEntry } from "../municipalities/search";

export type TIssuedCode = { ags: string; name: string; code: string; entry: TRegisterEntry };
export type TCodeError = { kind: "invalid_selection"; issues: TFieldIssue[] };

/** Statements per batch: well below SQLite's and PostgreSQL's limits on bound parameters. */
const BATCH = 400;

/**
 * Issues one new participation code per selected municipality (npm run codes, /betrieb). A municipality's
 * earlier active code is replaced: it can no longer be entered, but assessments already verified with it
 * stay verified. The codes themselves are returned once, here, and stored only as hashes.
 */
export function issueCodes(input: unknown, now = new Date()): Promise<TResult<TIssuedCode[], TCodeError>> {
  return runExclusive(async () => {
    const parsed = ZCodeSelection.safeParse(input);
    if (!parsed.success) return err({ kind: "invalid_selection", issues: toFieldIssues(parsed.error) });
    const selected = selectMunicipalities(getRegister().rows, parsed.data);
    if (!selected.ok) return err({ kind: "invalid_selection", issues: [{ path: "", message: selected.error }] });
    const issued = selected.value.map((entry) => ({ ags: entry.ags, name: entry.name, code: generateCode(), entry }));
    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < issued.length; i += BATCH) {
          const batch = issued.slice(i, i + BATCH);
          await tx.participationCode.updateMany({
            where: { ags: { in: batch.map((b) => b.ags) }, status: "active" },
            data: { status: "replaced" },
          });
          await tx.participationCode.createMany({
            data: batch.map((b) => ({
              id: randomUUID(),
              codeHash: hashCode((parseCode(b.code) as { ok: true; symbols: string }).symbols),
              ags: b.ags,
              status: "active",
              issuedAt: now,
            })),
          });
        }
      },
      { timeout: 60_000 },
    );
    return ok(issued);
  });
}

/**
 * Revokes every code of a municipality: none can be entered any more, and the assessments verified with
 * them leave the peer figures with the next release of their cell. Returns how many codes were revoked.
 */
export function revokeCodes(ags: string, now = new Date()): Promise<TResult<{ revoked: number }, TCodeError>> {
  return runExclusive(async () => {
    if (!/^\d{8}$/.test(ags))
      return err({ kind: "invalid_selection", issues: [{ path: "ags", message: "Ein AGS hat 8 Ziffern." }] });
    const entry = getRegister().rows.find((r) => r.ags === ags);
    const revoked = await db.$transaction(async (tx) => {
      const res = await tx.participationCode.updateMany({
        where: { ags, status: { in: ["active", "replaced"] } },
        data: { status: "revoked", revokedAt: now },
      });
      if (res.count > 0 && entry)
        await refreshPeerPool(tx, municipalityKey({ ags, name: entry.name, state: entry.state }), now);
      return res.count;
    });
    return ok({ revoked });
  });
}
