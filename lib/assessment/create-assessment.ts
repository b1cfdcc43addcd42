import "server-only";
import { runExclusive } from "../db/exclusive";
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

export type TCreatedAssessment = { id: string; token: string; notices: string[] };

/** Creates a draft assessment; the returned token is shown once and stored only as a hash. */
export function createAssessment(input: unknown): Promise<TResult<TCreatedAssessment, TAssessmentError>> {
  return runExclusive(() => createAssessmentUnlocked(input));
}

async function createAssessmentUnlocked(input: unknown): Promise<TResult<TCreatedAssessment, TAssessmentError>> {
  const parsed = ZCreateAssessmentRequest.safeParse(input);
  if (!parsed.success) return err({ kind: "invalid_input", issues: toFieldIssues(parsed.error) });
  const { municipality, respondentRole } = parsed.data;
  const register = municipality.ags ? checkAgsInRegister(municipality.ags, municipality.state) : null;
  if (register && !register.ok)
    return err({ kind: "invalid_input", issues: [{ path: "municipality.ags", message: register.message }] });
  const token = generateToken();
  const id = randomUUID();
  await db.assessment.create({
    data: {
      id,
      tokenHash: hashToken(token),
      referenceId: REFERENCE_ID,
      municipalityName: municipality.name,
      state: municipality.state,
      population: municipality.population,
      sizeClass: deriveSizeClass(municipality.population),
      ags: municipality.ags ?? null,
      agsGebietsstand: register?.ok ? register.gebietsstand : null,
      respondentRole,
      municipalityKey: municipalityKey({ ags: municipality.ags, name: municipality.name, state: municipality.state }),
    },
  });
  return ok({ id, token, notices: register?.ok && register.notice ? [register.notice] : [] });
}
