"use server";

import { redirect } from "next/navigation";
import { createAssessment } from "@/lib/assessment/create-assessment";
import { editPath } from "@/lib/assessment/paths";
import { formDataToCreateRequest } from "@/lib/profile/profile-form";
import { toErrorResponse } from "@/lib/http/errors";
import { currentClientId, limitAction } from "@/lib/http/action-client";
import { toFieldErrors } from "@/lib/validation/zod-de";
import type { TProfileActionState } from "@/components/profile/form-state";

export async function createAssessmentAction(_prev: TProfileActionState, form: FormData): Promise<TProfileActionState> {
  const limit = await limitAction("create");
  if (!limit.ok)
    return {
      errors: {},
      message: toErrorResponse({ kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds }).body.error,
    };
  const result = await createAssessment(formDataToCreateRequest(form), await currentClientId());
  if (!result.ok) {
    const { body } = toErrorResponse(result.error);
    return { errors: toFieldErrors(body.issues), message: body.error };
  }
  redirect(`${editPath(result.value.token)}?neu=1`);
}
