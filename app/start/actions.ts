"use server";

import { redirect } from "next/navigation";
import { createAssessment } from "@/lib/assessment/create-assessment";
import { editPath } from "@/lib/assessment/paths";
import { findItem } from "@/lib/municipalities/register";
import { formDataToCreateRequest, formDataToValues, PROFILE_FIELDS } from "@/lib/profile/profile-form";
import { currentClientId, limitAction } from "@/lib/http/action-client";
import { toFieldErrors } from "@/lib/validation/zod-de";
import type { TProfileActionState } from "@/components/profile/form-state";
import { describeError, issuesOf } from "@/lib/errors";

const CHOOSE_UNIT = "Bitte wählen Sie, für wen Sie antworten: für die Verwaltung oder nur für die Gemeinde.";

export async function createAssessmentAction(_prev: TProfileActionState, form: FormData): Promise<TProfileActionState> {
  const values = formDataToValues(form);
  const limit = await limitAction("create");
  if (!limit.ok)
    return {
      errors: {},
      values,
      message: describeError({ kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds }),
    };
  const request = formDataToCreateRequest(form);
  const municipality = request.municipality as { key?: string; state?: string } & Record<string, unknown>;
  // A Gemeinde whose Verband runs its administration: the respondent says whom they answer for (ADR 0013).
  const member = !request.participationCode && municipality.key ? findItem(municipality.key) : undefined;
  if (member?.kind === "gemeinde" && member.administration) {
    const choice = form.get(PROFILE_FIELDS.unitChoice);
    if (choice === "verwaltung") request.municipality = { key: member.administration.key, state: member.state };
    else if (choice !== "gemeinde")
      return {
        errors: { [PROFILE_FIELDS.unitChoice]: CHOOSE_UNIT },
        values,
        message: CHOOSE_UNIT,
        choice: {
          gemeinde: { key: member.key, name: member.nameShort, population: member.population },
          verwaltung: {
            key: member.administration.key,
            name: member.administration.name,
            members: member.administration.memberCount,
            population: member.administration.population,
          },
        },
      };
  }
  const result = await createAssessment(request, await currentClientId());
  if (!result.ok) {
    if (result.error.kind === "unit_has_assessment")
      return {
        errors: {},
        values,
        message: describeError(result.error),
        existing: { unitName: result.error.unitName },
      };
    return { errors: toFieldErrors(issuesOf(result.error)), message: describeError(result.error), values };
  }
  redirect(`${editPath(result.value.token)}?neu=1`);
}

/** "Ich habe den Link": opens an existing assessment from its pasted edit link (or only the token). */
export async function openExistingAction(_prev: TProfileActionState, form: FormData): Promise<TProfileActionState> {
  const raw = form.get("link");
  const text = typeof raw === "string" ? raw.trim() : "";
  const token = /(?:\/a\/)?([A-Za-z0-9_-]{43})(?:[/?#]|$)/.exec(text)?.[1];
  if (!token)
    return {
      errors: { link: "Bitte fügen Sie den ganzen Link ein, etwa https://…/a/… – so wie Sie ihn gespeichert haben." },
      message: "Der Link ist unvollständig.",
    };
  redirect(editPath(token));
}
