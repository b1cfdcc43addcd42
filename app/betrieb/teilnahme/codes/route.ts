import { NextResponse } from "next/server";
import { getOperatorSession } from "@/lib/operator/get-session";
import { issueCodes } from "@/lib/participation/issue-codes";
import { renderCodesBundle } from "@/lib/participation/codes-bundle";
import { formToCodeSelection } from "@/lib/participation/selection-form";
import { requestOrigin } from "@/lib/http/origin";
import { getEnv } from "@/lib/env";
import { findItem } from "@/lib/municipalities/register";
import { parseAddressFile, type TAddressBook } from "@/lib/participation/addresses";
import { letterSettingsFromEnv } from "@/lib/participation/letter-sender";
import { withErrorHandling } from "@/lib/http/handle-route";
import { readOperatorCookie } from "../../operator-session";
import { describeError } from "@/lib/errors";
import { formatNumber } from "@/lib/format/number";
import { downloadHeaders } from "@/lib/http/download-headers";

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
  const session = await getOperatorSession(await readOperatorCookie(), new Date());
  if (!session) return NextResponse.redirect(`${own.origin}/betrieb/anmelden`, 303);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return back(own.origin, "Das Formular konnte nicht gelesen werden. Bitte versuchen Sie es erneut.");
  }
  const selection = formToCodeSelection(form);
  const confirmation = (error?: string) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(selection))
      if (name !== "replace")
        query.set(name, Array.isArray(value) ? value.join(",") : value === true ? "1" : String(value));
    if (error) query.set("fehler", error);
    return NextResponse.redirect(`${own.origin}/betrieb/teilnahme/ausgeben?${query}`, 303);
  };
  if (form.get("confirm") !== "1") return confirmation();
  // The operator's address file (optional): checked whole before anything is issued.
  let addresses: TAddressBook | undefined;
  const file = form.get("addresses");
  if (file instanceof File && file.size > 0) {
    const parsed = parseAddressFile(new Uint8Array(await file.arrayBuffer()), (key) => findItem(key) !== undefined);
    if (!parsed.ok)
      return confirmation(
        [
          "Die Anschriftendatei wurde nicht verwendet, nichts ausgegeben:",
          ...parsed.errors.slice(0, 12),
          ...(parsed.errors.length > 12 ? [`… und ${parsed.errors.length - 12} weitere Zeilen.`] : []),
        ].join("\n"),
      );
    addresses = parsed.addresses;
  }
  const settings = letterSettingsFromEnv();
  const noLetters = !settings.ok
    ? settings.missing
    : settings.publicUrl === null
      ? "PUBLIC_URL ist nicht gesetzt; die Briefe nennen die Adresse der Plattform."
      : "";
  const now = new Date();
  const issued = await issueCodes(selection, now, session.actor);
  if (!issued.ok) return back(own.origin, describeError(issued.error));
  if (issued.value.issued.length === 0)
    return back(
      own.origin,
      `Nichts ausgegeben: alle ${formatNumber(issued.value.skipped.length)} ausgewählten Verwaltungen haben bereits einen gültigen Code. Um Codes zu ersetzen, wählen Sie im Bestätigungsschritt „Codes ersetzen“.`,
    );
  const letters =
    settings.ok && settings.publicUrl
      ? { instanceUrl: settings.publicUrl, now, k: getEnv().PEER_K, sender: settings.sender, addresses }
      : null;
  const zip = await renderCodesBundle(issued.value, now, letters, noLetters);
  return new Response(new Uint8Array(zip), {
    headers: downloadHeaders(`teilnahmecodes-${now.toISOString().slice(0, 10)}.zip`, "application/zip"),
  });
});
