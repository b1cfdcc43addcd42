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
import type { TAssessmentError } from "./errors";
import { checkAgsInRegister } from "./check-ags-in-register";
import { municipalityKey } from "../peers/municipality-key";
import { redeemCode, verifiedProfile } from "../participation/redeem-code";

export type TCreatedAssessment = { id: string; token: string; notices: string[] };

/**
 * Creates a draft assessment; the returned token is shown once and stored only as a hash. With a
 * participation code the assessment is verified at once and its municipality comes from the register.
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
  const { municipality, respondentRole, participationCode } = parsed.data;
  const token = generateToken();
  const id = randomUUID();
  const base = { id, chainId: id, tokenHash: hashToken(token), referenceId: REFERENCE_ID, respondentRole };

  if (participationCode !== undefined) {
    return db.$transaction(async (tx) => {
      await beginWrite(tx);
      const redeemed = await redeemCode(tx, participationCode, client, "participationCode");
      if (!redeemed.ok) return redeemed;
      if (municipality?.ags && municipality.ags !== redeemed.value.entry.ags)
        return err({ kind: "code_other_municipality", path: "municipality.ags" } as const);
      await tx.assessment.create({ data: { ...base, ...verifiedProfile(redeemed.value, new Date()) } });
      return ok({ id, token, notices: [] });
    });
  }

  if (!municipality)
    return err({
      kind: "invalid_input",
      issues: [{ path: "municipality", message: "Die Angaben zur Kommune fehlen." }],
    });
  const register = municipality.ags ? checkAgsInRegister(municipality.ags, municipality.state) : null;
  if (register && !register.ok)
    return err({ kind: "invalid_input", issues: [{ path: "municipality.ags", message: register.message }] });
  await db.assessment.create({
    data: {
      ...base,
      municipalityName: municipality.name,
      state: municipality.state,
      population: municipality.population,
      sizeClass: deriveSizeClass(municipality.population),
      ags: municipality.ags ?? null,
      agsGebietsstand: register?.ok ? register.gebietsstand : null,
      municipalityKey: municipalityKey({ ags: municipality.ags, name: municipality.name, state: municipality.state }),
    },
  });
  return ok({ id, token, notices: register?.ok && register.notice ? [register.notice] : [] });
}
