import PDFDocument from "pdfkit";
import type { Writable } from "node:stream";
import { loadFonts } from "../report/render-report";
import { getStateName } from "../profile/states";
import { estimateDurationMinutes } from "../survey/duration";
import { reference } from "../survey/reference";
import type { TRegisterItem } from "../municipalities/search";

const MM = 72 / 25.4;
/** DIN 5008, form B (window envelope DL/C6/5 with the window on the left). */
const LAYOUT = {
  left: 25 * MM,
  right: 20 * MM,
  /** Address field: 45 mm from the top, 20 mm from the left edge, 85 × 45 mm. */
  addressTop: 45 * MM,
  addressLeft: 20 * MM,
  addressWidth: 85 * MM,
  /** The first 17.7 mm of the field are the return and note zone; the address proper starts below. */
  addressLinesTop: (45 + 17.7) * MM,
  /** Fold marks at 105 and 210 mm, punch mark at 148.5 mm. */
  marks: [105 * MM, 148.5 * MM, 210 * MM],
  /** The text starts under the information block, at about 98.5 mm. */
  bodyTop: 103.4 * MM,
} as const;

/** A code for one unit; `members` lists the Gemeinden an administration answers for (names, by AGS). */
export type TInvitation = { code: string; unit: TRegisterItem; members: readonly string[] };
export type TLetterOptions = { instanceUrl: string; now: Date; sender?: string; k?: number };

const fmtDate = (d: Date) =>
  d.toLocaleDateString("de-DE", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Berlin" });

/**
 * One invitation letter per municipality (A4, DIN 5008 form B for a window envelope) with its participation
 * code, the address of this instance and what happens with the data; all letters of a selection in one
 * PDF, written page by page to `out` so that thousands of letters need no more memory than a few.
 * Resolves when `out` has everything.
 */
export function writeInvitationLetters(
  invitations: readonly TInvitation[],
  options: TLetterOptions,
  out: Writable,
): Promise<void> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 20 * MM, bottom: 20 * MM, left: LAYOUT.left, right: LAYOUT.right },
    autoFirstPage: false,
    pdfVersion: "1.7",
    tagged: true,
    lang: "de-DE",
    displayTitle: true,
    info: { Title: "Einladung zum Kommunalen Digitalcheck", Author: options.sender ?? "Kommunaler Digitalcheck" },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
    doc.on("error", reject);
  });
  doc.pipe(out);
  const { regular, bold } = loadFonts();
  doc.registerFont("Regular", regular as never);
  doc.registerFont("Bold", bold as never);
  const root = doc.struct("Document");
  doc.addStructure(root);
  void (async () => {
    for (const [i, invitation] of invitations.entries()) {
      writeLetter(doc, root, invitation, options);
      // Backpressure: pdfkit writes whatever it is given; wait while more than 256 KB have not reached `out`
      // (a file, an HTTP response), and give the event loop a turn every few letters.
      if (i % 10 === 9 || doc.readableLength > 256 * 1024) {
        do await new Promise((resolve) => setTimeout(resolve, doc.readableLength > 256 * 1024 ? 5 : 0));
        while (doc.readableLength > 256 * 1024 && !out.destroyed);
      }
    }
    root.end();
    doc.end();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return finished;
}

function writeLetter(
  doc: PDFKit.PDFDocument,
  root: PDFKit.PDFStructureElement,
  { code, unit, members }: TInvitation,
  options: TLetterOptions,
) {
  doc.addPage();
  const width = doc.page.width - LAYOUT.left - LAYOUT.right;
  const sender = options.sender ?? "Kommunaler Digitalcheck";
  // Each element is ended at once: pdfkit then writes it out instead of keeping every letter's content.
  const add = (type: string, draw: () => void) => {
    const el = doc.struct(type, {}, draw);
    root.add(el);
    el.end();
  };

  // Fold and punch marks: layout, not content.
  doc.markContent("Artifact", { type: "Layout" });
  for (const y of LAYOUT.marks)
    doc
      .moveTo(0, y)
      .lineTo(y === LAYOUT.marks[1] ? 9 * MM : 5 * MM, y)
      .lineWidth(0.4)
      .strokeColor("#777777")
      .stroke();
  doc.endMarkedContent();

  add("P", () =>
    doc
      .font("Regular")
      .fontSize(7)
      .fillColor("#333333")
      .text(sender, LAYOUT.addressLeft + 5 * MM, LAYOUT.addressTop + 12 * MM, { width: LAYOUT.addressWidth - 10 * MM }),
  );
  add("P", () =>
    doc
      .font("Regular")
      .fontSize(10)
      .fillColor("#000000")
      .text(
        (unit.kind === "verwaltung"
          ? [unit.name, "Die Verwaltung", `Sitz der Verwaltung: ${unit.seat ?? unit.nameShort}`, unit.kreis]
          : [`Gemeindeverwaltung ${unit.nameShort}`, "Bürgermeisteramt", unit.name, unit.kreis]
        )
          .concat(getStateName(unit.state))
          .join("\n"),
        LAYOUT.addressLeft + 5 * MM,
        LAYOUT.addressLinesTop,
        { width: LAYOUT.addressWidth - 10 * MM, lineGap: 1 },
      ),
  );
  add("P", () => doc.fontSize(10).text(fmtDate(options.now), LAYOUT.left, 98.5 * MM - 12, { width, align: "right" }));

  doc.x = LAYOUT.left;
  doc.y = LAYOUT.bodyTop;
  add("H1", () => doc.font("Bold").fontSize(13).text("Einladung zum Kommunalen Digitalcheck", { width }));
  doc.moveDown(0.8);
  const para = (text: string) => {
    add("P", () => doc.font("Regular").fontSize(10.5).text(text, { width, lineGap: 2 }));
    doc.moveDown(0.6);
  };
  para("Sehr geehrte Damen und Herren,");
  para(
    `mit dem Kommunalen Digitalcheck schätzt ${unit.kind === "verwaltung" ? "Ihre Verwaltung" : "Ihre Kommune"} ihren digitalen Stand selbst ein – in etwa ${estimateDurationMinutes(reference)} Minuten, online, auch in mehreren Sitzungen – und sieht, wo ${unit.nameShort} im Vergleich mit der bundesweiten Umfrage von Bitkom und dem Deutschen Städte- und Gemeindebund 2020 und mit anderen Kommunen ihres Landes und ihrer Größenklasse steht.`,
  );
  para("So nehmen Sie teil:");
  [
    `Öffnen Sie ${options.instanceUrl} und wählen Sie „Selbsteinschätzung beginnen“.`,
    unit.kind === "verwaltung"
      ? `Geben Sie dort Ihren Teilnahmecode ein. Name, Land und die Einwohnerzahl aller ${members.length} Gemeinden übernehmen wir dann aus dem amtlichen Gemeindeverzeichnis.`
      : "Geben Sie dort Ihren Teilnahmecode ein. Name, Land und Einwohnerzahl übernehmen wir dann aus dem amtlichen Gemeindeverzeichnis.",
    "Beantworten Sie die Fragen und senden Sie die Selbsteinschätzung ab.",
  ].forEach((step, i) => {
    add("P", () =>
      doc
        .font("Regular")
        .fontSize(10.5)
        .text(`${i + 1}. ${step}`, LAYOUT.left + 4 * MM, doc.y, { width: width - 4 * MM, lineGap: 2 }),
    );
    doc.moveDown(0.3);
  });
  doc.x = LAYOUT.left;
  doc.moveDown(0.8);
  add("P", () => doc.font("Regular").fontSize(10.5).text(`Ihr Teilnahmecode für ${unit.name}:`, { width }));
  doc.moveDown(0.3);
  add("P", () => doc.font("Bold").fontSize(18).text(code, { width, characterSpacing: 1.5 }));
  doc.moveDown(0.8);
  if (unit.kind === "verwaltung") {
    // Compact, so that a Verband of 40 Gemeinden still fits the one page a window envelope takes.
    add("P", () =>
      doc
        .font("Regular")
        .fontSize(9)
        .text(
          `Eine Selbsteinschätzung für die ganze Verwaltung und ihre ${members.length} Gemeinden: ${members.join(", ")}.`,
          { width, lineGap: 1 },
        ),
    );
    doc.moveDown(0.6);
  }
  para(
    `Was mit Ihren Daten geschieht: Ihre einzelnen Antworten sieht nur, wer Ihren Link hat. Im Vergleich erscheinen nur zusammengefasste Zahlen von mindestens ${options.k ?? 5} Kommunen, und sie ändern sich erst, wenn mindestens so viele Kommunen neue Antworten abgeschickt haben. Bitte geben Sie den Code nur an Personen Ihrer Verwaltung weiter; ist er in falsche Hände geraten, sperren wir ihn auf Ihre Nachricht hin und schicken Ihnen einen neuen.`,
  );
  para("Mit freundlichen Grüßen");
  para(sender);
}
