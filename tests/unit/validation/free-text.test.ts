import { describe, expect, test } from "vitest";
import { freeTextProblem } from "@/lib/validation/free-text";
import { ZCreateAssessmentRequest } from "@/lib/profile/profile-schema";
import { ZTargetsRequest } from "@/lib/assessment/api-schemas";
import { ZMunicipalitySearchQuery } from "@/lib/municipalities/search-query";
import { parseAssessmentListQuery } from "@/lib/operator/list-query";

// Every free-text field refuses lone surrogates, NUL, C0 and C1 controls and bidi overrides with a German
// message, and keeps every other character a German municipality or a person's name may hold.

const REFUSED: [string, string][] = [
  ["NUL", "Stadt\u0000"],
  ["ESC", "\u001b[31mStadt"],
  ["line break", "Stadt\nDorf"],
  ["tab", "Stadt\tDorf"],
  ["DEL", "Stadt\u007f"],
  ["C1 NEL", "Stadt\u0085"],
  ["C1 CSI", "\u009b31m"],
  ["LRE", "\u202aStadt"],
  ["RLE", "\u202bStadt"],
  ["PDF", "Stadt\u202c"],
  ["LRO", "\u202dStadt"],
  ["RLO", "\u202eStadt"],
  ["LRI", "\u2066Stadt\u2069"],
  ["RLI", "\u2067Stadt"],
  ["FSI", "\u2068Stadt"],
  ["high surrogate alone", "Stadt\ud800"],
  ["low surrogate alone", "\udc00Stadt"],
  ["surrogates in the wrong order", "\ude00\ud83d"],
];
const KEPT = [
  "Großenhain, Stadt",
  "ẞ",
  "Neustadt a.d. Weinstraße",
  "Amt für Digitales 😀",
  "👩‍👩‍👧‍👦 Familie",
  "Zürich\u00a0(CH)",
  "e\u0301",
  "\u200fעברית",
  "العربية",
  "Z̴̡̢a̷l̶g̵o",
];

describe("freeTextProblem", () => {
  test.each(REFUSED)("refuses %s", (_label, text) => {
    expect(freeTextProblem(text)).not.toBeNull();
  });
  test.each(KEPT)("keeps %j", (text) => {
    expect(freeTextProblem(text)).toBeNull();
  });
});

describe("every free-text field uses it", () => {
  const profile = (name: string) => ({
    municipality: { name, state: "DE-SN", population: 1000 },
    respondentRole: "mayor",
  });
  const targets = (responsible: string) => ({
    version: 1,
    targets: { e_file: { option: "in_use", year: 2030, responsible } },
  });

  test.each(REFUSED)("%s: the municipality's name, the target's responsible, the search term", (_label, text) => {
    const name = ZCreateAssessmentRequest.safeParse(profile(text));
    expect(name.success).toBe(false);
    expect(name.error!.issues[0]!.message).toMatch(
      /^Der Name enthält (unzulässige Steuerzeichen|ungültige Zeichen)\.$/,
    );
    const target = ZTargetsRequest.safeParse(targets(text));
    expect(target.success).toBe(false);
    expect(target.error!.issues[0]!.message).toMatch(/^Die Angabe, wer verantwortlich ist, enthält /);
    const search = ZMunicipalitySearchQuery.safeParse({ q: text });
    expect(search.success).toBe(false);
    expect(search.error!.issues[0]!.message).toMatch(/^Der Suchbegriff enthält /);
    // The operator list's filter is lenient: a refused search is dropped, the list still shows.
    expect(parseAssessmentListQuery({ q: text }).q).toBeUndefined();
  });

  test.each(KEPT)("%j is stored as sent", (text) => {
    expect(ZCreateAssessmentRequest.safeParse(profile(text)).success).toBe(true);
    expect(ZTargetsRequest.safeParse(targets(text)).success).toBe(true);
  });
});
