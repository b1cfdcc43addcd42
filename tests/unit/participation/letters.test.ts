import { describe, expect, test } from "vitest";
import { findItem } from "../../../lib/municipalities/register";
import { renderInvitationLetters, toInvitations } from "../../../lib/participation/codes-bundle";
import type { TLetterOptions } from "../../../lib/participation/invitation-letters";
import { readPdf, type TReadPdf } from "../../support/pdf";

// The invitation letters against DIN 5008 form B (window envelope, DIN 676): the return address in the note
// zone (45 to 62.7 mm from the top), the address in the address zone (62.7 to 90 mm, 25 to 105 mm from the
// left), the information block from 125 mm and 50 mm, the text below 98.4 mm, one page per letter, measured
// on the text lines pdf.js reads: a line's box runs from its left to its right edge and from the font's ascender
// to its descender (Fira Sans: 0.935 and 0.265 of the size).
const MM = 72 / 25.4;
type TBox = { page: number; x0: number; y0: number; x1: number; y1: number; text: string };

function boxes(pdf: TReadPdf): TBox[] {
  return pdf.lines.map((l) => ({
    page: l.page,
    x0: l.x / MM,
    x1: l.right / MM,
    y0: (l.baseline - 0.935 * l.size) / MM,
    y1: (l.baseline + 0.265 * l.size) / MM,
    text: l.text.trim(),
  }));
}

const sender = {
  name: "Städte- und Gemeindebund Thüringen e. V., Digitalcheck",
  addressLines: ["Richard-Breslau-Straße 14", "99094 Erfurt"],
  email: "digitalcheck@example.de",
  phone: "0361 123456-0",
  signatory: "Dr. Anna Beispiel, Referentin Digitalisierung",
};
// The administration with the most Gemeinden (Bitburger Land, 71) and a city without an address.
const units = [findItem("072325008")!, findItem("16051000")!];
const result = {
  issued: units.map((unit, i) => ({
    key: unit.key,
    kind: unit.kind,
    name: unit.name,
    code: `K7QF-2M9P-XW4D-HT6${i + 2}`,
    unit,
  })),
  replaced: 0,
  skipped: [],
};
const options: TLetterOptions = {
  instanceUrl: "https://digitalcheck.example.de",
  now: new Date("2026-12-07T10:00:00Z"),
  k: 5,
  sender,
  addresses: new Map([
    [
      "072325008",
      ["Verbandsgemeindeverwaltung Bitburger Land", "Der Bürgermeister", "Denkmalstraße 4", "54634 Bitburg"],
    ],
  ]),
};

describe("invitation letters (DIN 5008 form B)", async () => {
  const read = await readPdf(await renderInvitationLetters(toInvitations(result), options));
  const all = boxes(read);
  const on = (page: number) => all.filter((w) => w.page === page);
  // The line that holds a word.
  const find = (page: number, word: string) => on(page).find((w) => w.text.split(" ").includes(word))!;
  const text = (page: number) =>
    on(page)
      .map((w) => w.text)
      .join(" ");

  test("one A4 page per letter, even for 71 Gemeinden", () => {
    expect(read.pages).toBe(2);
    expect(read.info.pageSize).toContain("595.28 x 841.89");
    expect(text(1)).toContain("71 Gemeinden");
  });

  test("the address from the operator's file sits in the window's address zone, the return address above it", () => {
    const address = on(1).filter((w) => w.y0 > 62.7 - 0.5 && w.y1 < 90 && w.x0 < 105);
    expect(address.map((w) => w.text).join(" ")).toBe(
      "Verbandsgemeindeverwaltung Bitburger Land Der Bürgermeister Denkmalstraße 4 54634 Bitburg",
    );
    for (const w of address) {
      expect(w.x0).toBeGreaterThanOrEqual(24.5);
      expect(w.x1).toBeLessThanOrEqual(100.5);
    }
    const returnWords = on(1).filter((w) => w.y0 >= 45 && w.y1 <= 62.7 && w.x0 < 105);
    expect(returnWords.map((w) => w.text).join(" ")).toBe(
      "Städte- und Gemeindebund Thüringen e. V., Digitalcheck Richard-Breslau-Straße 14 · 99094 Erfurt",
    );
  });

  test("the information block names the contact and the date from 125 mm and 50 mm; the text starts below 98.4 mm", () => {
    const contact = find(1, "Kontakt:");
    expect(contact.x0).toBeGreaterThanOrEqual(125 - 0.5);
    expect(contact.y0).toBeGreaterThanOrEqual(50 - 0.5);
    for (const w of ["Beispiel,", "0361", "digitalcheck@example.de", "Dezember"])
      expect(find(1, w).x0).toBeGreaterThanOrEqual(125 - 0.5);
    expect(find(1, "Einladung").y0).toBeGreaterThan(98.4);
  });

  test("contact, signatory, the portal from the settings and a privacy notice that fits the page", () => {
    const body = text(1);
    expect(body).toContain("Öffnen Sie https://digitalcheck.example.de und");
    expect(body).toContain("schreiben Sie an digitalcheck@example.de oder rufen Sie 0361 123456-0 an");
    expect(body).toContain(
      "Mit freundlichen Grüßen Dr. Anna Beispiel, Referentin Digitalisierung Städte- und Gemeindebund Thüringen",
    );
    expect(body).toContain(
      "Datenschutz: Verantwortlich ist Städte- und Gemeindebund Thüringen e. V., Digitalcheck, Richard-Breslau-Straße 14, 99094 Erfurt.",
    );
    expect(body).toContain("https://digitalcheck.example.de/datenschutz");
    expect(Math.max(...on(1).map((w) => w.y1))).toBeLessThan(297 - 8);
  });

  test("without an address the field says it must be filled in by hand, and makes none up", () => {
    const field = on(2)
      .filter((w) => w.y0 > 62.7 - 0.5 && w.y1 < 90 && w.x0 < 105)
      .map((w) => w.text)
      .join(" ");
    expect(field).toMatch(/^Anschrift fehlt – bitte von Hand eintragen Für: Erfurt, Stadt \(16051000\)\./);
    expect(text(2)).not.toMatch(/Gemeindeverwaltung|Bürgermeisteramt|Oberbürgermeister|kreisfreie Stadt/);
    expect(text(2)).toContain("Ihr Teilnahmecode für Erfurt, Stadt:");
  });
});
