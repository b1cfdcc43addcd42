import type { z } from "zod";

/**
 * Characters no free text of this app may hold: C0 controls (NUL, ESC, line breaks and tabs: every free text
 * is one line), DEL and C1 controls, and the explicit bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which make text read differently from what it holds (in the PDF's text
 * layer, a CSV, the operator's list). Lone UTF-16 surrogates are checked apart: they are no characters at all.
 */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Why a text is refused, in German for "<subject> enthält …", or null when it may be stored. */
export function freeTextProblem(value: string): string | null {
  if (!value.isWellFormed()) return "ungültige Zeichen";
  if (FORBIDDEN.test(value)) return "unzulässige Steuerzeichen";
  return null;
}

/**
 * A free-text field: refuses lone surrogates, controls and bidi overrides with one German message naming the
 * field ("Der Name enthält unzulässige Steuerzeichen."), which the API answers with 422 and the forms show.
 */
export function freeText<T extends z.ZodType<string>>(schema: T, subject: string) {
  return schema.superRefine((value, ctx) => {
    const problem = freeTextProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `${subject} enthält ${problem}.` });
  });
}
