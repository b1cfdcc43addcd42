import { NextResponse } from "next/server";
import { getOperatorSession } from "@/lib/operator/get-session";
import { issueCodes } from "@/lib/participation/issue-codes";
import { renderCodesBundle } from "@/lib/participation/codes-bundle";
import { formToCodeSelection } from "@/lib/participation/selection-form";
import { requestOrigin } from "@/lib/http/origin";
import { getEnv } from "@/lib/env";
import { withErrorHandling } from "@/lib/http/handle-route";
import { OPERATOR_COOKIE } from "../../operator-session";

const back = (origin: string, message: string) =>
  NextResponse.redirect(`${origin}/betrieb/teilnahme?fehler=${encodeURIComponent(message)}`, 303);

/**
 * The operator's "Codes ausgeben" after the confirmation step (/betrieb/teilnahme/ausgeben): issues the codes
 * and answers with one ZIP that holds the CSV for a mail merge, the invitation letters as PDF and an overview
 * of what was issued, replaced and skipped. Without the confirmation it only leads to that step, so that no
 * click voids codes already posted. The codes exist only in this answer; the database keeps their hashes.
 */
export const POST = withErrorHandling(async (request: Request) => {
  const own = requestOrigin(request.headers, new URL(request.url));
  const cookie = request.headers
    .get("cookie")
    ?.split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${OPERATOR_COOKIE}=`))
    ?.slice(OPERATOR_COOKIE.length + 1);
  if (!(await getOperatorSession(cookie, new Date())))
    return NextResponse.redirect(`${own.origin}/betrieb/anmelden`, 303);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return back(own.origin, "Das Formular konnte nicht gelesen werden. Bitte versuchen Sie es erneut.");
  }
  const selection = formToCodeSelection(form);
  if (form.get("confirm") !== "1") {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(selection))
      query.set(name, Array.isArray(value) ? value.join(",") : value === true ? "1" : String(value));
    return NextResponse.redirect(`${own.origin}/betrieb/teilnahme/ausgeben?${query}`, 303);
  }
  const now = new Date();
  const issued = await issueCodes(selection, now);
  if (!issued.ok) return back(own.origin, issued.error.issues.map((i) => i.message).join(" "));
  if (issued.value.issued.length === 0)
    return back(
      own.origin,
      `Nichts ausgegeben: alle ${issued.value.skipped.length.toLocaleString("de-DE")} ausgewählten Verwaltungen haben bereits einen gültigen Code. Um Codes zu ersetzen, wählen Sie im Bestätigungsschritt „Codes ersetzen“.`,
    );
  const zip = await renderCodesBundle(issued.value, { instanceUrl: own.origin, now, k: getEnv().PEER_K });
  return new Response(new Uint8Array(zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="teilnahmecodes-${now.toISOString().slice(0, 10)}.zip"`,
      "cache-control": "no-store",
    },
  });
});
