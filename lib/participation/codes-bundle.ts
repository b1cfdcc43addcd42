import "server-only";
import { PassThrough } from "node:stream";
import { getMembers } from "../municipalities/register";
import { createZip } from "../format/zip";
import { renderCodesCsv } from "./codes-csv";
import { writeInvitationLetters, type TInvitation, type TLetterOptions } from "./invitation-letters";
import type { TIssueResult } from "./issue-codes";
import { formatNumber } from "../format/number";

/** The invitation letters of issued codes: an administration's letter lists the Gemeinden it answers for. */
export function toInvitations(result: TIssueResult): TInvitation[] {
  return result.issued.map((i) => ({
    code: i.code,
    unit: i.unit,
    members: i.unit.kind === "verwaltung" ? getMembers(i.unit.key).map((m) => m.nameShort) : [],
  }));
}

/** Letters as one PDF in memory (a ZIP needs every file's size before it is written). */
export async function renderInvitationLetters(
  invitations: readonly TInvitation[],
  options: TLetterOptions,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeInvitationLetters(invitations, options, out);
  return Buffer.concat(chunks);
}

/** Units of the issue whose letter has no address from the operator's file (to be filled in by hand). */
export function withoutAddress(result: TIssueResult, letters: TLetterOptions | null): TIssueResult["issued"] {
  return letters ? result.issued.filter((i) => !letters.addresses?.has(i.key)) : [];
}

/**
 * What one issue did, in words for the operator: issued, replaced and skipped units, one per line, and about
 * the letters: which lack an address, or why there are none.
 */
export function describeIssue(
  result: TIssueResult,
  when: Date,
  letters: TLetterOptions | null = null,
  noLetters = "",
): string {
  const lines = [
    `Teilnahmecodes, ausgegeben am ${when.toLocaleString("de-DE", { timeZone: "Europe/Berlin" })}`,
    "",
    `Ausgegeben: ${formatNumber(result.issued.length)}`,
    `Davon ersetzt (der frühere Code gilt nicht mehr): ${formatNumber(result.replaced)}`,
    `Übersprungen, weil sie schon einen gültigen Code haben: ${formatNumber(result.skipped.length)}`,
  ];
  if (letters) {
    const missing = withoutAddress(result, letters);
    lines.push(
      `Briefe: ${formatNumber(result.issued.length)}, davon ohne Anschrift (von Hand einzutragen): ${formatNumber(missing.length)}`,
    );
    if (missing.length > 0) {
      lines.push("", "Ohne Anschrift:");
      for (const u of missing) lines.push(`${u.key}  ${u.name}`);
    }
  } else if (noLetters) lines.push(`Keine Briefe: ${noLetters}`);
  if (result.skipped.length > 0) {
    lines.push("", "Übersprungen:");
    for (const u of result.skipped) lines.push(`${u.key}  ${u.name}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * One download for one issue: the codes as CSV for a mail merge, the invitation letters as PDF (when the
 * settings allow letters; else `noLetters` says why), and an overview of what was issued, replaced and skipped.
 * The codes exist only in this archive.
 */
export async function renderCodesBundle(
  result: TIssueResult,
  now: Date,
  letters: TLetterOptions | null,
  noLetters = "",
): Promise<Buffer> {
  const day = now.toISOString().slice(0, 10);
  const pdf = letters ? await renderInvitationLetters(toInvitations(result), letters) : null;
  return createZip([
    { name: `teilnahmecodes-${day}.csv`, data: Buffer.from(renderCodesCsv(result.issued, true)), modified: now },
    ...(pdf ? [{ name: `einladungen-${day}.pdf`, data: pdf, modified: now }] : []),
    {
      name: `uebersicht-${day}.txt`,
      data: Buffer.from(describeIssue(result, now, letters, noLetters)),
      modified: now,
    },
  ]);
}
