import type { Writable } from "node:stream";
import { createTaggedDocument } from "../report/pdf/document";
import { Writer } from "../report/pdf/writer";
import { bindUnits } from "../report/pdf/typography";
import { estimateDurationMinutes } from "../survey/duration";
import { reference } from "../survey/reference";
import type { TRegisterItem } from "../municipalities/search";
import type { TAddressBook } from "./addresses";

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
  /** Form B: the information block beside the address field, 125 mm from the left edge, from 50 mm down. */
  infoLeft: 125 * MM,
  infoTop: 50 * MM,
  infoWidth: 75 * MM,
  /** The text starts under the information block, at about 98.5 mm. */
  bodyTop: 103.4 * MM,
} as const;

/** A code for one unit; `members` lists the Gemeinden an administration answers for (names, by AGS). */
export type TInvitation = { code: string; unit: TRegisterItem; members: readonly string[] };
/** Who sends the letters (OPERATOR_* settings): letterhead, return address, contact, signature, privacy notice. */
export type TLetterSender = {
  name: string;
  addressLines: readonly string[];
  email: string;
  phone: string | null;
  /** Name and function of the person who signs; null: the letter is signed with the sender's name only. */
  signatory: string | null;
  /** Data protection officer, as the privacy notice names them; null: not named. */
  dataProtectionOfficer?: string | null;
};
export type TLetterOptions = {
  /** The instance's address (PUBLIC_URL or --url, validated), never a request's. */
  instanceUrl: string;
  now: Date;
  sender: TLetterSender;
  k?: number;
  /** The operator's address file by unit key; a unit without an address gets a field to fill in by hand. */
  addresses?: TAddressBook;
};

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
  // A document on the tagged-PDF engine of lib/report/pdf, streamed: no page is kept once it is written.
  const { doc, root } = createTaggedDocument({
    title: "Einladung zum Kommunalen Digitalcheck",
    author: options.sender.name,
    margins: { top: 20 * MM, bottom: 8 * MM, left: LAYOUT.left, right: LAYOUT.right },
    bufferPages: false,
    pdfUa: false,
  });
  const w = new Writer(doc, root);
  const finished = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
    doc.on("error", reject);
  });
  doc.pipe(out);
  void (async () => {
    for (const [i, invitation] of invitations.entries()) {
      writeLetter(w, invitation, options);
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

/**
 * The font size at which every line fits `width` (from `size` down to `min`), with a margin: pdfkit's line
 * wrapper breaks a little before widthOfString's measure. The lines are then drawn without wrapping.
 */
function fitSize(doc: PDFKit.PDFDocument, lines: readonly string[], width: number, size: number, min: number): number {
  let fs = size;
  while (fs > min && lines.some((l) => doc.fontSize(fs).widthOfString(l) > width * 0.96)) fs -= 0.5;
  return fs;
}

/** Lines drawn one by one at `x`, never wrapped (an address must keep its lines). */
function drawLines(doc: PDFKit.PDFDocument, lines: readonly string[], x: number, y: number, gap = 1) {
  const step = doc.currentLineHeight(true) + gap;
  lines.forEach((line, i) => doc.text(line, x, y + i * step, { lineBreak: false }));
  doc.y = y + lines.length * step;
}

function writeLetter(w: Writer, { code, unit, members }: TInvitation, options: TLetterOptions) {
  const { doc } = w;
  doc.addPage();
  const width = doc.page.width - LAYOUT.left - LAYOUT.right;
  const { sender } = options;
  // Each element is ended at once (a leaf of the Writer): pdfkit then writes it out instead of keeping every
  // letter's content.
  const add = (type: "P" | "H1", draw: () => void) => w.leaf(type, draw);

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

  // Letterhead (form B: the first 45 mm): the sender and their address.
  add("P", () =>
    doc
      .font("Bold")
      .fontSize(11)
      .fillColor("#000000")
      .text(sender.name, LAYOUT.left, 17 * MM, { width, lineGap: 1 }),
  );
  add("P", () =>
    doc
      .font("Regular")
      .fontSize(8.5)
      .fillColor("#333333")
      .text(sender.addressLines.join(" · "), LAYOUT.left, doc.y + 1, { width }),
  );

  // Return address at the foot of the note zone, so that it shows in the window above the address: one line,
  // or the name and the address on two when one is too long even at 6 pt.
  const fieldWidth = LAYOUT.addressWidth - 10 * MM;
  const oneLine = [[sender.name, ...sender.addressLines].join(" · ")];
  doc.font("Regular");
  const returnLines =
    fitSize(doc, oneLine, fieldWidth, 7, 6) > 6 || doc.fontSize(6).widthOfString(oneLine[0]!) <= fieldWidth * 0.96
      ? oneLine
      : [sender.name, sender.addressLines.join(" · ")];
  const returnSize = fitSize(doc, returnLines, fieldWidth, 7, 5);
  add("P", () => {
    doc.fontSize(returnSize).fillColor("#333333");
    drawLines(
      doc,
      returnLines,
      LAYOUT.addressLeft + 5 * MM,
      LAYOUT.addressLinesTop - 1.5 * MM - returnLines.length * doc.currentLineHeight(true),
      0,
    );
  });

  const address = options.addresses?.get(unit.key);
  if (address) {
    const size = fitSize(doc, address, fieldWidth, 10, 7.5);
    add("P", () => {
      doc.font("Regular").fontSize(size).fillColor("#000000");
      drawLines(doc, address, LAYOUT.addressLeft + 5 * MM, LAYOUT.addressLinesTop);
    });
  } else {
    // No address from the operator: a framed field that says so, never an address made up from the register.
    doc.markContent("Artifact", { type: "Layout" });
    doc
      .rect(LAYOUT.addressLeft + 4 * MM, LAYOUT.addressLinesTop - 1 * MM, fieldWidth + 2 * MM, 27.3 * MM)
      .dash(2, { space: 2 })
      .lineWidth(0.6)
      .strokeColor("#b00020")
      .stroke()
      .undash();
    doc.endMarkedContent();
    add("P", () =>
      doc
        .font("Bold")
        .fontSize(10)
        .fillColor("#b00020")
        .text(
          "Anschrift fehlt – bitte von Hand eintragen",
          LAYOUT.addressLeft + 6 * MM,
          LAYOUT.addressLinesTop + 1 * MM,
          {
            width: fieldWidth - 4 * MM,
          },
        ),
    );
    add("P", () =>
      doc
        .font("Regular")
        .fontSize(8.5)
        .fillColor("#333333")
        .text(
          `Für: ${unit.name} (${unit.key}). ${options.addresses ? "Die Anschriftendatei enthielt keine Anschrift für diesen Schlüssel." : "Die Briefe wurden ohne Anschriftendatei erstellt."}`,
          LAYOUT.addressLeft + 6 * MM,
          doc.y + 2,
          { width: fieldWidth - 4 * MM, lineGap: 0.5 },
        ),
    );
  }

  // Information block (form B): contact and date.
  const info: [string, string][] = [
    ["Ihr Kontakt", sender.signatory ?? sender.name],
    ...(sender.phone ? ([["Telefon", sender.phone]] as [string, string][]) : []),
    ["E-Mail", sender.email],
    ["Datum", fmtDate(options.now)],
  ];
  doc.y = LAYOUT.infoTop;
  for (const [label, value] of info)
    add("P", () =>
      doc
        .fillColor("#000000")
        .font("Regular")
        .fontSize(8.5)
        .text(`${label}: `, LAYOUT.infoLeft, doc.y, { width: LAYOUT.infoWidth, continued: true, lineGap: 1 })
        .font("Bold")
        .text(value, { lineGap: 1 }),
    );

  doc.x = LAYOUT.left;
  doc.y = LAYOUT.bodyTop;
  add("H1", () =>
    doc
      .font("Bold")
      .fontSize(13)
      .fillColor("#000000")
      .text("Einladung zum Kommunalen Digitalcheck", LAYOUT.left, doc.y, { width }),
  );
  doc.moveDown(0.6);
  const para = (text: string, size = 10) => {
    add("P", () =>
      doc.font("Regular").fontSize(size).text(bindUnits(text), LAYOUT.left, doc.y, { width, lineGap: 1.5 }),
    );
    doc.moveDown(0.5);
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
        .fontSize(10)
        .text(`${i + 1}. ${step}`, LAYOUT.left + 4 * MM, doc.y, { width: width - 4 * MM, lineGap: 1.5 }),
    );
    doc.moveDown(0.25);
  });
  doc.x = LAYOUT.left;
  doc.moveDown(0.5);
  add("P", () =>
    doc.font("Regular").fontSize(10).text(`Ihr Teilnahmecode für ${unit.name}:`, LAYOUT.left, doc.y, { width }),
  );
  doc.moveDown(0.2);
  add("P", () => doc.font("Bold").fontSize(17).text(code, LAYOUT.left, doc.y, { width, characterSpacing: 1.5 }));
  doc.moveDown(0.5);
  if (unit.kind === "verwaltung") {
    // Compact, so that a Verband of 40 Gemeinden still fits the one page a window envelope takes.
    add("P", () =>
      doc
        .font("Regular")
        .fontSize(8.5)
        .text(
          `Eine Selbsteinschätzung für die ganze Verwaltung und ihre ${members.length} Gemeinden: ${members.join(", ")}.`,
          LAYOUT.left,
          doc.y,
          { width, lineGap: 0.5 },
        ),
    );
    doc.moveDown(0.5);
  }
  para(
    `Ihre einzelnen Antworten sieht nur, wer Ihren Link hat. Im Vergleich erscheinen nur zusammengefasste Zahlen von mindestens ${options.k ?? 5} Kommunen. Bitte geben Sie den Code nur an Personen Ihrer Verwaltung weiter. Ist er in falsche Hände geraten, oder haben Sie Fragen, schreiben Sie an ${sender.email}${sender.phone ? ` oder rufen Sie ${sender.phone} an` : ""}: Wir sperren den Code dann und schicken Ihnen einen neuen.`,
  );
  para("Mit freundlichen Grüßen");
  doc.moveDown(1.2);
  para(sender.signatory ? `${sender.signatory}\n${sender.name}` : sender.name);

  // Privacy notice (Art. 13 GDPR, short): who is responsible, what the address is used for, where the rest is.
  const dpo = sender.dataProtectionOfficer ? ` Datenschutzbeauftragte Stelle: ${sender.dataProtectionOfficer}.` : "";
  const notice = `Datenschutz: Verantwortlich ist ${sender.name}, ${sender.addressLines.join(", ")}.${dpo} Die Anschrift Ihrer Verwaltung verwenden wir nur für diese Einladung. Was die Plattform speichert, wie lange, und Ihre Rechte (Auskunft, Berichtigung, Löschung, Beschwerde bei der Aufsichtsbehörde): ${options.instanceUrl}/datenschutz`;
  doc.font("Regular").fontSize(7.5);
  const noticeHeight = doc.heightOfString(notice, { width, lineGap: 0.5 });
  const noticeTop = doc.page.height - 12 * MM - noticeHeight;
  add("P", () =>
    doc.fillColor("#333333").text(notice, LAYOUT.left, Math.max(doc.y + 2, noticeTop), { width, lineGap: 0.5 }),
  );
  doc.fillColor("#000000");
}
