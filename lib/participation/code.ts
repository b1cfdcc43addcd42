import { createHash, randomInt } from "node:crypto";

/**
 * Participation codes: the operator's proof that an assessment belongs to a municipality of the register
 * (docs/adr/0005-peer-privacy.md). Pure apart from the random source; stored only as a hash.
 *
 * 16 symbols from an alphabet of 32 (digits and capitals without 0/O and 1/I, which are mistaken for each
 * other when typed from a letter) carry 80 bits of randomness, grouped in fours: K7QF-2M9P-XW4D-HT6R.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const CODE_SYMBOLS = 16;
export const CODE_BITS = CODE_SYMBOLS * Math.log2(CODE_ALPHABET.length);
/** Longest input looked at: a code with spaces and hyphens fits easily; more is refused unread. */
export const CODE_INPUT_MAX = 64;

/** A new code, grouped for typing by hand. `random(n)` returns an integer in [0, n). */
export function generateCode(random: (n: number) => number = randomInt): string {
  let symbols = "";
  for (let i = 0; i < CODE_SYMBOLS; i += 1) symbols += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return formatCode(symbols);
}

export function formatCode(symbols: string): string {
  return symbols.match(/.{1,4}/g)!.join("-");
}

export type TCodeInput = { ok: true; symbols: string } | { ok: false; reason: "malformed" | "oversized" };

/**
 * What a person typed, as the 16 symbols of a code: case, spaces and hyphens do not matter. Anything else
 * (a wrong length, 0/O/1/I, other characters) is malformed; overlong input is not read at all.
 */
export function parseCode(input: unknown): TCodeInput {
  if (typeof input !== "string") return { ok: false, reason: "malformed" };
  if (input.length > CODE_INPUT_MAX) return { ok: false, reason: "oversized" };
  const symbols = input.toUpperCase().replace(/[\s-]/g, "");
  if (symbols.length !== CODE_SYMBOLS) return { ok: false, reason: "malformed" };
  for (const ch of symbols) if (!CODE_ALPHABET.includes(ch)) return { ok: false, reason: "malformed" };
  return { ok: true, symbols };
}

/** The stored form: SHA-256 of the 16 symbols (80 random bits make a salt unnecessary). */
export function hashCode(symbols: string): string {
  return createHash("sha256").update(`kommunaler-digitalcheck:participation:${symbols}`).digest("hex");
}
