import "server-only";
import { beginWrite, runExclusive } from "../db/exclusive";
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { ZCreateAssessmentRequest } from "../profile/profile-schema";
import { deriveSizeClass } from "../profile/size-class";
import { REFERENCE_ID } from "../survey/reference";
import { generateToken, hashToken } from "../security/token";
import { toFieldIssues } from "../validation/zod-de";
import { err, ok, type TResult } from "../result";
import type { TAssessmentError } from "../errors";
import { resolveUnit } from "./resolve-unit";
import { municipalityKey } from "../peers/municipality-key";
import { redeemCode, registerProfile, verifiedProfile } from "../participation/redeem-code";

export type TCreatedAssessment = { id: string; token: string; notices: string[] };

/**
 * Creates a draft assessment; the returned token is shown once and stored only as a hash. With a
 * participation code the assessment is verified at once and its unit comes from the register. A unit of the
 * register (a Gemeinde's AGS or a Gemeindeverband's 9-digit key, docs/adr/0013-administrations-as-units.md)
 * is checked against it; a Gemeindeverband's name and population served are always the register's.
 */
export function createAssessment(
  input: unknown,
  client = "unknown",
): Promise<TResult<TCreatedAssessment, TAssessmentError>> {
  return runExclusive(() => createAssessmentUnlocked(input, client));
}

async function createAssessmentUnlocked(
  input: unknown,
  client: string,
): Promise<TResult<TCreatedAssessment, TAssessmentError>> {
  const parsed = ZCreateAssessmentRequest.safeParse(input);
  if (!parsed.success) return err({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
  const { municipality, respondentRole, participationCode, confirmNewChain } = parsed.data;
  const token = generateToken();
  const id = randomUUID();
  const base = { id, chainId: id, tokenHash: hashToken(token), referenceId: REFERENCE_ID, respondentRole };
  const key = municipality?.key ?? municipality?.ags;

  if (participationCode !== undefined) {
    return db.$transaction(async (tx) => {
      await beginWrite(tx);
      const redeemed = await redeemCode(tx, participationCode, client, "participationCode");
      if (!redeemed.ok) return redeemed;
      const { unit } = redeemed.value;
      if (key && key !== unit.key) {
        const named = resolveUnit(key, municipality!.state);
        return err({
          kind: "code_other_municipality",
          path: municipality?.key ? "municipality.key" : "municipality.ags",
          codeUnit: unit.name,
          givenUnit: named.ok && named.unit ? named.unit.name : key,
        } as const);
      }
      const profile = verifiedProfile(redeemed.value, new Date());
      if (!confirmNewChain) {
        const existing = await tx.assessment.findFirst({
          where: { municipalityKey: profile.municipalityKey, verifiedCodeId: { not: null } },
          select: { id: true },
        });
        if (existing) return err({ kind: "unit_has_assessment", unitName: unit.name } as const);
      }
      await tx.assessment.create({ data: { ...base, ...profile } });
      return ok({ id, token, notices: [] });
    });
  }

  if (!municipality)
    return err({
      kind: "invalid_input",
      issues: [{ path: "municipality", message: "Die Angaben zur Kommune fehlen." }],
    });
  const resolved = key ? resolveUnit(key, municipality.state) : null;
  if (resolved && !resolved.ok)
    return err({
      kind: "unknown_unit",
      path: municipality.key ? "municipality.key" : "municipality.ags",
      message: resolved.message,
    });
  const notices = resolved?.notice ? [resolved.notice] : [];
  const unit = resolved?.ok ? resolved.unit : null;
  if (unit?.kind === "verwaltung") {
    await db.assessment.create({ data: { ...base, ...registerProfile(unit, resolved!.gebietsstand!) } });
    return ok({ id, token, notices });
  }
  // A Gemeinde: as the respondent entered it (a newer population figure of their own is welcome).
  const name = municipality.name!;
  const population = municipality.population!;
  await db.assessment.create({
    data: {
      ...base,
      municipalityName: name,
      state: municipality.state,
      population,
      sizeClass: deriveSizeClass(population),
      ags: key ?? null,
      agsGebietsstand: resolved?.ok ? resolved.gebietsstand : null,
      unitKind: "gemeinde",
      unitKey: key ?? null,
      memberCount: 1,
      municipalityKey: municipalityKey({ ags: key, name, state: municipality.state }),
    },
  });
  return ok({ id, token, notices });
}
