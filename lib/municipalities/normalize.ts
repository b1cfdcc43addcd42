/**
 * Matching keys for municipality names. Pure and dependency-free, so the search can be
 * benchmarked and tested outside Next.js and could run in a browser if ever needed.
 *
 * A key is lower-case ASCII letters and digits, words separated by single spaces. Both the
 * register names and the user's query go through the same function, so every rule below is
 * symmetric: it can merge spellings, never make a name unfindable by its own spelling.
 */

// Umlauts as German writes them without the letter ("Muenchen"); the second variant
// ("Munchen") is what people type on keyboards without umlauts.
const UMLAUT_AS_E: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue" };
const UMLAUT_AS_VOWEL: Readonly<Record<string, string>> = { ä: "a", ö: "o", ü: "u" };

// Letters that Unicode does not decompose into base letter + mark, seen in Sorbian and
// Polish names (Łęknica / Lugknitz) or typed by people with other keyboards.
const UNDECOMPOSABLE: Readonly<Record<string, string>> = { ł: "l", đ: "d", ø: "o", æ: "ae", œ: "oe", ı: "i" };

/** Text before the first comma: drops Destatis suffixes such as ", Stadt", ", M", ", GKSt", ",Klosterflecken". */
export function stripDestatisSuffix(name: string): string {
  const comma = name.indexOf(",");
  return comma === -1 ? name : name.slice(0, comma);
}

function fold(s: string, umlauts: Readonly<Record<string, string>>): string {
  return (
    stripDestatisSuffix(s)
      // NFC first, so a decomposed "u + ◌̈" (macOS input, copy and paste) counts as "ü".
      .normalize("NFC")
      .toLowerCase()
      .replace(/[äöü]/g, (c) => umlauts[c]!)
      .replace(/ß/g, "ss")
      // Remaining accents (Sorbian š, č, ě; French é) are dropped: "Budyšin" -> "budysin".
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .replace(/[łđøæœı]/g, (c) => UNDECOMPOSABLE[c]!)
      // Hyphens, slashes, dots, brackets and anything else not a letter or digit separate words:
      // "Neustadt a.d.Donau" -> "neustadt a d donau", "Bautzen / Budyšin" -> "bautzen budysin".
      .replace(/[^a-z0-9]+/g, " ")
      .trim()
      // "sz" is the old spelling of ß ("Groszenhain"). Folded on both sides, so names with a
      // real "sz" (Dietramszell) still match themselves; the price is that "ss" also finds them.
      .replace(/sz/g, "ss")
  );
}

/**
 * The primary matching key: "Großenhain, Stadt" -> "grossenhain", "München" -> "muenchen",
 * "Groszenhain" -> "grossenhain", "Neustadt/ Westerwald" -> "neustadt westerwald".
 */
export function normalizeName(s: string): string {
  return fold(s, UMLAUT_AS_E);
}

/**
 * All keys a register name is indexed under: the primary key and, where the name has an
 * umlaut, the variant with the bare vowel ("München" -> ["muenchen", "munchen"]). Queries are
 * normalised with normalizeName only: "Muenchen" and "München" hit the first key, "Munchen" the second.
 */
export function nameKeys(name: string): string[] {
  const primary = fold(name, UMLAUT_AS_E);
  const bare = fold(name, UMLAUT_AS_VOWEL);
  return bare === primary ? [primary] : [primary, bare];
}
