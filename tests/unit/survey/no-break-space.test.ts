import { describe, expect, test } from "vitest";
import raw from "@/lib/survey/national-2020.json";
import { lagebildMethod } from "@/lib/lagebild/lagebild-words";
import { estimateText, intervalText } from "@/lib/lagebild/build-lagebild";
import { DERIVED_NOTE } from "@/lib/benchmark/method-notes";
import { reference } from "@/lib/survey/reference";

/** Every string of a JSON value, with its path ("questions.3.options.1.label"). */
function strings(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}.${i}`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

/** A number and its unit separated by an ordinary space: a line may break between them ("12" | "%"). */
const BREAKABLE = /\d[ \t]%/;

describe("a no-break space between number and %", () => {
  test("in every text of the reference data (questions, options, statements, recommendations, topics)", () => {
    const found = strings(raw).filter(([, text]) => BREAKABLE.test(text));
    expect(found).toEqual([]);
    // And the data does name figures with "%" (the test would pass on no figures at all).
    expect(strings(raw).filter(([, text]) => /\d\u00a0%/.test(text)).length).toBeGreaterThan(10);
  });

  test("in the texts the page and the reports share (method notes, Lagebild words and estimates)", () => {
    const range = { value: 7.8, low: 2.1, high: 13.6, census: false };
    const texts = [DERIVED_NOTE, ...lagebildMethod(5, reference), estimateText(range), intervalText(range)];
    expect(texts.filter((t) => BREAKABLE.test(t))).toEqual([]);
    expect(estimateText(range)).toBe("7,8\u00a0% (95-%-Konfidenzintervall: 2,1–13,6\u00a0%)");
  });
});
