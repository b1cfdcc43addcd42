import { describe, expect, test } from "vitest";
import { decodeAddressFile, parseAddressFile } from "../../../lib/participation/addresses";
import { parsePublicUrl } from "../../../lib/config/public-url";

const known = new Set(["010535318", "14627060", "16051000"]);
const isKnown = (key: string) => known.has(key);

describe("address file (key;Anschrift…)", () => {
  test("a header, Excel's padding and quotes: the address lines by key", () => {
    const parsed = parseAddressFile(
      '\uFEFFkey;Anschrift\r\n010535318;Amt Büchen;Der Amtsvorsteher;Amtsplatz 1;21514 Büchen;;\r\n\r\n16051000;"Stadtverwaltung Erfurt; Bürgeramt";Fischmarkt 1;99084 Erfurt\r\n',
      isKnown,
    );
    expect(parsed).toEqual({
      ok: true,
      addresses: new Map([
        ["010535318", ["Amt Büchen", "Der Amtsvorsteher", "Amtsplatz 1", "21514 Büchen"]],
        ["16051000", ["Stadtverwaltung Erfurt; Bürgeramt", "Fischmarkt 1", "99084 Erfurt"]],
      ]),
    });
  });

  test("every bad line is named with its number and what is wrong, in German", () => {
    const parsed = parseAddressFile(
      [
        "key;Anschrift",
        "0105353;Amt Büchen;21514 Büchen",
        "99999999;Niemand;12345 Nirgendwo",
        "010535318;Amt Büchen;Amtsplatz 1;21514 Büchen",
        "010535318;Amt Büchen;21514 Büchen",
        "14627060;Gemeinde Klipphausen",
        "16051000;Stadtverwaltung Erfurt;Fischmarkt 1;Erfurt",
        '16051000;"Stadtverwaltung Erfurt',
        `14627060;${"A".repeat(60)};01665 Klipphausen`,
        "14627060;1;2;3;4;5;6;01665 Klipphausen",
      ].join("\n"),
      isKnown,
    );
    expect(parsed.ok).toBe(false);
    const errors = (parsed as { errors: string[] }).errors;
    expect(errors).toEqual([
      expect.stringMatching(/^Zeile 2: „0105353“ ist kein Schlüssel/),
      "Zeile 3: 99999999 steht nicht im amtlichen Gemeindeverzeichnis.",
      "Zeile 5: 010535318 steht schon in Zeile 4.",
      "Zeile 6: die Anschrift braucht mindestens zwei Zeilen: Empfänger und Postleitzahl mit Ort.",
      "Zeile 7: die letzte Zeile „Erfurt“ muss mit der Postleitzahl beginnen, zum Beispiel „21514 Büchen“.",
      "Zeile 8: Ein Anführungszeichen wird nicht geschlossen.",
      expect.stringMatching(/^Zeile 9: „A{30}…“ ist länger als 50 Zeichen/),
      "Zeile 10: die Anschrift hat 7 Zeilen, ins Fenster passen höchstens 6.",
    ]);
  });

  test("control characters, an empty file and an oversized file are refused", () => {
    expect(parseAddressFile("16051000;Stadt\u0007verwaltung;99084 Erfurt", isKnown)).toEqual({
      ok: false,
      errors: ["Zeile 1: die Anschrift enthält Steuerzeichen."],
    });
    expect(parseAddressFile("key;Anschrift\n", isKnown)).toEqual({
      ok: false,
      errors: [expect.stringContaining("enthält keine Anschrift")],
    });
    expect(parseAddressFile(new Uint8Array(6 * 1024 * 1024), isKnown)).toEqual({
      ok: false,
      errors: ["Die Anschriftendatei ist größer als 5 MB."],
    });
  });

  test("Excel's Windows-1252 file reads as well as UTF-8", () => {
    const latin1 = Uint8Array.from(
      [..."16051000;B", 0xfc, ..."rgeramt;99084 Erfurt"].map((c) => (typeof c === "number" ? c : c.charCodeAt(0))),
    );
    expect(decodeAddressFile(latin1)).toBe("16051000;Bürgeramt;99084 Erfurt");
    expect(decodeAddressFile(new TextEncoder().encode("\uFEFF16051000;Bürgeramt"))).toBe("16051000;Bürgeramt");
  });
});

describe("PUBLIC_URL and --url", () => {
  test("http(s) with a domain, without user, query or fragment; a trailing slash is dropped", () => {
    expect(parsePublicUrl("https://digitalcheck.example.de/")).toEqual({
      ok: true,
      url: "https://digitalcheck.example.de",
    });
    expect(parsePublicUrl("https://example.de/digitalcheck/")).toEqual({
      ok: true,
      url: "https://example.de/digitalcheck",
    });
    expect(parsePublicUrl("http://localhost:3000")).toEqual({ ok: true, url: "http://localhost:3000" });
    for (const [raw, why] of [
      ["htps://tippfehler", "https://"],
      ["digitalcheck.example.de", "https://"],
      ["https://tippfehler", "Domain"],
      ["https://user:pw@example.de", "Benutzername"],
      ["https://example.de/?a=1", "ohne ? und #"],
      ["https://exa mple.de", "lässt sich nicht lesen"],
    ])
      expect(parsePublicUrl(raw!, "--url")).toEqual({
        ok: false,
        message: expect.stringMatching(
          new RegExp(`^--url ist keine gültige Adresse \\(.*${why!.replace(/[?/]/g, "\\$&")}`),
        ),
      });
  });
});
