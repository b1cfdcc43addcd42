import "server-only";
import { PassThrough } from "node:stream";
import { getMembers } from "../municipalities/register";
import { createZip } from "../format/zip";
import { renderCodesCsv } from "./codes-csv";
import { writeInvitationLetters, type TInvitation, type TLetterOptions } from "./invitation-letters";
import type { TIssueResult } from "./issue-codes";

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

/** What one issue did, in words for the operator: issued, replaced and skipped units, one per line. */
export function describeIssue(result: TIssueResult, when: Date): string {
  const de = (n: number) => n.toLocaleString("de-DE");
  const lines = [
    `Teilnahmecodes, ausgegeben am ${when.toLocaleString("de-DE", { timeZone: "Europe/Berlin" })}`,
    "",
    `Ausgegeben: ${de(result.issued.length)}`,
    `Davon ersetzt (der frühere Code gilt nicht mehr): ${de(result.replaced)}`,
    `Übersprungen, weil sie schon einen gültigen Code haben: ${de(result.skipped.length)}`,
  ];
  if (result.skipped.length > 0) {
    lines.push("", "Übersprungen:");
    for (const u of result.skipped) lines.push(`${u.key}  ${u.name}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * One download for one issue: the codes as CSV for a mail merge, the invitation letters as PDF, and an
 * overview of what was issued, replaced and skipped. The codes exist only in this archive.
 */
export async function renderCodesBundle(result: TIssueResult, letters: TLetterOptions): Promise<Buffer> {
  const day = letters.now.toISOString().slice(0, 10);
  const pdf = await renderInvitationLetters(toInvitations(result), letters);
  return createZip([
    {
      name: `teilnahmecodes-${day}.csv`,
      data: Buffer.from(renderCodesCsv(result.issued, true)),
      modified: letters.now,
    },
    { name: `einladungen-${day}.pdf`, data: pdf, modified: letters.now },
    { name: `uebersicht-${day}.txt`, data: Buffer.from(describeIssue(result, letters.now)), modified: letters.now },
  ]);
}
