/**
 * The operator's address file for the invitation letters (npm run codes -- --addresses, the upload on
 * /betrieb/teilnahme/ausgeben): one line per unit, `key;line 1;line 2;…`, the key an AGS (8 digits) or a
 * Gemeindeverband's key (9 digits), then the address as it goes into the window of the envelope, the last line
 * the postcode and place. Semicolons as Excel writes them in German (fields in "…" may hold a semicolon); UTF-8
 * with or without BOM, or Windows-1252 as Excel's "CSV (Trennzeichen-getrennt)" saves it. An optional first
 * line `key;Anschrift…` is a header. Every bad line is named with its number and what is wrong, in German.
 */
import { isUnitKey } from "../validation/keys";

/** DIN 5008: the address zone of the window has six lines. */
export const MAX_ADDRESS_LINES = 6;
/** About what fits the 75 mm of the address zone at 10 pt (the letter shrinks the font for longer lines). */
export const MAX_ADDRESS_LINE_LENGTH = 50;
const MAX_BYTES = 5 * 1024 * 1024;

export type TAddressBook = ReadonlyMap<string, readonly string[]>;

/** Decodes the file's bytes: UTF-8 (a BOM is dropped), else Windows-1252. */
export function decodeAddressFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** One line's fields: split at semicolons outside "…", "" inside quotes is one quote. Null when a quote is left open. */
function splitFields(line: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (c === ";") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  if (quoted) return null;
  fields.push(field);
  return fields.map((f) => f.trim());
}

/**
 * Parses an address file. `isKnown(key)` says whether the register holds the key. Returns the addresses by key,
 * or every problem as one German line ("Zeile 4: …").
 */
export function parseAddressFile(
  input: string | Uint8Array,
  isKnown: (key: string) => boolean,
): { ok: true; addresses: TAddressBook } | { ok: false; errors: string[] } {
  if (typeof input !== "string" && input.byteLength > MAX_BYTES)
    return { ok: false, errors: ["Die Anschriftendatei ist größer als 5 MB."] };
  const text = typeof input === "string" ? input.replace(/^\uFEFF/, "") : decodeAddressFile(input);
  const lines = text.split(/\r\n|\n|\r/);
  const addresses = new Map<string, string[]>();
  const firstLine = new Map<string, number>();
  const errors: string[] = [];
  for (const [index, raw] of lines.entries()) {
    const n = index + 1;
    if (raw.trim() === "") continue;
    const fields = splitFields(raw);
    if (!fields) {
      errors.push(`Zeile ${n}: Ein Anführungszeichen wird nicht geschlossen.`);
      continue;
    }
    const [key = "", ...rest] = fields;
    if (addresses.size === 0 && errors.length === 0 && /^(key|schl(ü|ue)ssel|ags)$/i.test(key)) continue;
    while (rest.length > 0 && rest[rest.length - 1] === "") rest.pop();
    const problems: string[] = [];
    if (!isUnitKey(key))
      problems.push(
        `„${key.slice(0, 20)}“ ist kein Schlüssel; vorne steht die AGS (8 Ziffern) oder der Schlüssel eines Gemeindeverbands (9 Ziffern)`,
      );
    else if (!isKnown(key)) problems.push(`${key} steht nicht im amtlichen Gemeindeverzeichnis`);
    else if (firstLine.has(key)) problems.push(`${key} steht schon in Zeile ${firstLine.get(key)}`);
    if (rest.length < 2)
      problems.push("die Anschrift braucht mindestens zwei Zeilen: Empfänger und Postleitzahl mit Ort");
    else if (rest.length > MAX_ADDRESS_LINES)
      problems.push(`die Anschrift hat ${rest.length} Zeilen, ins Fenster passen höchstens ${MAX_ADDRESS_LINES}`);
    if (rest.some((l) => l === "")) problems.push("die Anschrift hat eine leere Zeile");
    if (rest.some((l) => /[\u0000-\u001f\u007f-\u009f]/.test(l))) problems.push("die Anschrift enthält Steuerzeichen");
    const long = rest.find((l) => l.length > MAX_ADDRESS_LINE_LENGTH);
    if (long)
      problems.push(
        `„${long.slice(0, 30)}…“ ist länger als ${MAX_ADDRESS_LINE_LENGTH} Zeichen und passt nicht ins Fenster`,
      );
    const last = rest[rest.length - 1];
    if (rest.length >= 2 && last && !/^\d{5} \S/.test(last))
      problems.push(
        `die letzte Zeile „${last.slice(0, 30)}“ muss mit der Postleitzahl beginnen, zum Beispiel „21514 Büchen“`,
      );
    if (problems.length > 0) {
      errors.push(`Zeile ${n}: ${problems.join("; ")}.`);
      continue;
    }
    firstLine.set(key, n);
    addresses.set(key, rest);
  }
  if (errors.length === 0 && addresses.size === 0)
    errors.push(
      "Die Anschriftendatei enthält keine Anschrift (eine Zeile je Verwaltung: Schlüssel;Zeile 1;…;PLZ Ort).",
    );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, addresses };
}
