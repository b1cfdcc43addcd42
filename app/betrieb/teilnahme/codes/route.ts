import { PassThrough, Readable } from "node:stream";
import { NextResponse } from "next/server";
import { getOperatorSession } from "@/lib/operator/get-session";
import { issueCodes } from "@/lib/participation/issue-codes";
import { renderCodesCsv } from "@/lib/participation/codes-csv";
import { writeInvitationLetters } from "@/lib/participation/invitation-letters";
import { formToCodeSelection } from "@/lib/participation/selection-form";
import { requestOrigin } from "@/lib/http/origin";
import { getEnv } from "@/lib/env";
import { withErrorHandling } from "@/lib/http/handle-route";
import { OPERATOR_COOKIE } from "../../operator-session";

const back = (origin: string, message: string) =>
  NextResponse.redirect(`${origin}/betrieb/teilnahme?fehler=${encodeURIComponent(message)}`, 303);

/**
 * The operator's "Codes ausgeben" (a plain form post from /betrieb/teilnahme): issues the codes and answers
 * with them at once, as a CSV for a mail merge or as one PDF of invitation letters, streamed page by page.
 * The codes exist only in this answer; the database keeps their hashes.
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
  if (Object.keys(selection).length === 0)
    return back(
      own.origin,
      "Bitte wählen Sie ein Bundesland, einen Kreis oder eine Größenklasse, oder geben Sie AGS an. Codes für alle Kommunen gibt npm run codes -- issue aus.",
    );
  const issued = await issueCodes(selection);
  if (!issued.ok) return back(own.origin, issued.error.issues.map((i) => i.message).join(" "));
  const day = new Date().toISOString().slice(0, 10);
  if (form.get("format") === "letters") {
    const out = new PassThrough();
    void writeInvitationLetters(issued.value, { instanceUrl: own.origin, now: new Date(), k: getEnv().PEER_K }, out);
    return new Response(Readable.toWeb(out) as ReadableStream, {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="einladungen-${day}.pdf"`,
        "cache-control": "no-store",
      },
    });
  }
  return new Response(renderCodesCsv(issued.value, true), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="teilnahmecodes-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
