"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { logIn } from "@/lib/operator/login";
import { logLine } from "@/lib/http/log.cjs";
import { clientIdFromHeaders } from "@/lib/security/client-id";
import { logOut } from "@/lib/operator/logout";
import { OIDC_LOGOUT_PATH } from "@/lib/operator/oidc";
import { setPeerExclusion } from "@/lib/operator/set-peer-exclusion";
import { setPeerApproval } from "@/lib/operator/set-peer-approval";
import { deleteAssessmentById } from "@/lib/operator/delete-assessment-by-id";
import { revokeCodes } from "@/lib/participation/revoke-codes";
import { parseAssessmentListQuery, toListSearchParams } from "@/lib/operator/list-query";
import { ZAssessmentId } from "@/lib/operator/schemas";
import { describeError, type TOperatorError } from "@/lib/errors";
import {
  clearOperatorCookie,
  LOGIN_PATH,
  readOperatorCookie,
  requireOperatorSession,
  setOperatorCookie,
} from "./operator-session";

// Plain form posts (Post/Redirect/Get): every action ends in a redirect, and outcomes travel as
// query parameters that the pages map to German text. They work without JavaScript.

export type TListNotice = "excluded" | "included" | "approved" | "revoked" | "deleted" | "not_found";

/** Back to the list with the filters the form came from; only known filters survive (no open redirect). */
function backToList(form: FormData, notice: TListNotice): never {
  const back = form.get("back");
  const params = toListSearchParams(
    parseAssessmentListQuery(new URLSearchParams(typeof back === "string" ? back : "")),
  );
  params.set("notice", notice);
  redirect(`/betrieb?${params.toString()}`);
}

function loginFailed(error: TOperatorError): never {
  const params = new URLSearchParams({ error: error.kind });
  if (error.kind === "rate_limited") params.set("wait", String(error.retryAfterSeconds));
  redirect(`${LOGIN_PATH}?${params.toString()}`);
}

export async function logInAction(form: FormData): Promise<void> {
  const password = form.get("password");
  const requestHeaders = await headers();
  const result = await logIn(
    typeof password === "string" ? password : "",
    clientIdFromHeaders(requestHeaders),
    new Date(),
  );
  // The request's own log line says 303 either way: this line says how the login ended.
  logLine({
    level: result.ok ? "info" : "warn",
    msg: result.ok ? "operator login" : "operator login failed",
    id: requestHeaders.get("x-request-id") ?? undefined,
    ...(result.ok ? {} : { reason: result.error.kind }),
  });
  if (!result.ok) loginFailed(result.error);
  // A new login never continues an old session (no session fixation).
  await logOut(await readOperatorCookie());
  await setOperatorCookie(result.value.token);
  redirect("/betrieb");
}

export async function logOutAction(): Promise<void> {
  const { named } = await logOut(await readOperatorCookie());
  await clearOperatorCookie();
  // A named account also logs out at the identity provider, which sends the browser back to the login page.
  redirect(named ? OIDC_LOGOUT_PATH : `${LOGIN_PATH}?loggedOut=1`);
}

const ZFlagForm = z.object({ id: ZAssessmentId, value: z.enum(["true", "false"]) });

function parseFlagForm(form: FormData) {
  return ZFlagForm.safeParse({ id: form.get("id"), value: form.get("value") });
}

export async function setPeerExclusionAction(form: FormData): Promise<void> {
  const session = await requireOperatorSession();
  const parsed = parseFlagForm(form);
  if (!parsed.success) backToList(form, "not_found");
  const excluded = parsed.data.value === "true";
  const result = await setPeerExclusion(parsed.data.id, excluded, session.actor);
  backToList(form, result.ok ? (excluded ? "excluded" : "included") : "not_found");
}

export async function setPeerApprovalAction(form: FormData): Promise<void> {
  const session = await requireOperatorSession();
  const parsed = parseFlagForm(form);
  if (!parsed.success) backToList(form, "not_found");
  const approved = parsed.data.value === "true";
  const result = await setPeerApproval(parsed.data.id, approved, session.actor);
  backToList(form, result.ok ? (approved ? "approved" : "revoked") : "not_found");
}

export async function deleteAssessmentAction(form: FormData): Promise<void> {
  const session = await requireOperatorSession();
  const id = ZAssessmentId.safeParse(form.get("id"));
  if (!id.success) backToList(form, "not_found");
  const result = await deleteAssessmentById(id.data, session.actor);
  backToList(form, result.ok ? "deleted" : "not_found");
}

/** "Code sperren": every code of the unit (AGS or Verband key); its assessments leave the peer figures with the next release. */
export async function revokeCodesAction(form: FormData): Promise<void> {
  const session = await requireOperatorSession();
  const raw = form.get("key");
  const key = typeof raw === "string" ? raw.trim().slice(0, 20) : "";
  // Only after the confirmation step, which names the unit (/betrieb/teilnahme/sperren).
  if (form.get("confirm") !== "1") redirect(`/betrieb/teilnahme/sperren?${new URLSearchParams({ key })}`);
  const result = await revokeCodes(key, new Date(), session.actor);
  const params = new URLSearchParams();
  if (!result.ok) params.set("fehler", describeError(result.error));
  else {
    params.set("gesperrt", String(result.value.revoked));
    params.set("unbestaetigt", String(result.value.unverified));
    params.set("einheit", `${result.value.name} (${key})`);
  }
  redirect(`/betrieb/teilnahme?${params.toString()}`);
}
