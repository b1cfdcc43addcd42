"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { colleagueUrl, comparisonPath, editPath } from "@/lib/assessment/paths";
import { requestOrigin } from "@/lib/http/origin";
import { currentClientId, limitAction } from "@/lib/http/action-client";
import { withLinkGuard } from "@/lib/colleagues/guard";
import { createInvitation } from "@/lib/colleagues/create-invitation";
import { revokeInvitation } from "@/lib/colleagues/revoke-invitation";
import { closeRound } from "@/lib/colleagues/close-round";
import { settleAnswers } from "@/lib/colleagues/settle-answers";
import { reinviteRoles } from "@/lib/colleagues/reinvite-roles";
import { describeError, issuesOf, type TAssessmentError } from "@/lib/errors";
import type { TResult } from "@/lib/result";
import { toFieldErrors } from "@/lib/validation/zod-de";
import type { TInviteState } from "@/components/questionnaire/form-states";

/** Every write of the lead's colleague forms: the write limit, then the token-miss guard. */
async function guarded<T>(run: () => Promise<TResult<T, TAssessmentError>>): Promise<TResult<T, TAssessmentError>> {
  const limit = await limitAction("write");
  if (!limit.ok) return { ok: false, error: { kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds } };
  return withLinkGuard(await currentClientId(), run);
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/** "Einladen": a new colleague's link, shown once in the form's state (only its hash is stored). */
export async function inviteAction(token: string, _prev: TInviteState, form: FormData): Promise<TInviteState> {
  const label = field(form, "label").trim();
  const result = await guarded(() => createInvitation(token, { role: field(form, "role"), label: label || null }));
  if (!result.ok) {
    return { message: describeError(result.error), fieldErrors: toFieldErrors(issuesOf(result.error), "") };
  }
  const origin = requestOrigin(await headers()).origin;
  return {
    created: {
      url: colleagueUrl(origin, result.value.token),
      roleLabel: result.value.roleLabel,
      label: result.value.label,
    },
  };
}

/** "Dieselben Rollen wieder einladen" (a follow-up year): new links for last year's roles, shown once. */
export async function reinviteAction(token: string, _prev: TInviteState, _form: FormData): Promise<TInviteState> {
  const result = await guarded(() => reinviteRoles(token));
  if (!result.ok) return { message: describeError(result.error) };
  const origin = requestOrigin(await headers()).origin;
  return {
    createdMany: result.value.map((c) => ({
      url: colleagueUrl(origin, c.token),
      roleLabel: c.roleLabel,
      label: c.label,
    })),
  };
}

/** "Zurückziehen" in the list of invitations. */
export async function revokeInvitationAction(token: string, invitationId: string): Promise<void> {
  const result = await guarded(() => revokeInvitation(token, invitationId));
  redirect(`${editPath(token)}?${result.ok ? "zurueckgezogen=1" : `hinweis=${result.error.kind}`}#kollegium-heading`);
}

/** "Runde beenden". */
export async function closeRoundAction(token: string): Promise<void> {
  const result = await guarded(() => closeRound(token));
  redirect(`${comparisonPath(token)}?${result.ok ? "beendet=1" : `hinweis=${result.error.kind}`}`);
}

/**
 * The comparison's settle form: per question "festlegen-<id>" holds the key of a given answer ("in_use", or the
 * options of a multi-choice answer joined by "+", with "typ-<id>" = "multi"). A refusal comes back as its kind only;
 * the page words it, so that a crafted link cannot put words on it.
 */
export async function settleAction(token: string, form: FormData): Promise<void> {
  const answers: Record<string, string | string[]> = {};
  for (const [name, value] of form.entries()) {
    const m = /^festlegen-([a-z0-9_]{1,60})$/.exec(name);
    if (!m || typeof value !== "string" || value === "") continue;
    answers[m[1]!] = form.get(`typ-${m[1]}`) === "multi" ? value.split("+") : value;
  }
  const version = Number(field(form, "version"));
  const result = await guarded(() => settleAnswers(token, { version, answers }));
  redirect(
    `${comparisonPath(token)}?${result.ok ? `festgelegt=${result.value.settled.length}` : `hinweis=${result.error.kind}`}`,
  );
}
