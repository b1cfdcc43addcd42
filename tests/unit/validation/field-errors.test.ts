import { describe, expect, test } from "vitest";
import { z } from "zod";
import { toFieldErrors, toFieldIssues } from "@/lib/validation/zod-de";

describe("toFieldErrors: one way from the contract's issues to a form's messages", () => {
  test("the first message per field wins, in the order of the issues", () => {
    expect(
      toFieldErrors([
        { path: "municipality.name", message: "Bitte geben Sie den Namen an." },
        { path: "municipality.name", message: "Zu lang." },
        { path: "municipality.population", message: "Bitte geben Sie eine Zahl an." },
      ]),
    ).toEqual({
      "municipality.name": "Bitte geben Sie den Namen an.",
      "municipality.population": "Bitte geben Sie eine Zahl an.",
    });
  });

  test("the step form's fields are the question ids: the API's 'answers.' prefix is removed, other paths stay", () => {
    expect(
      toFieldErrors(
        [
          { path: "answers.e_file", message: "Unbekannte Antwort." },
          { path: "version", message: "Fehlt." },
        ],
        "answers.",
      ),
    ).toEqual({
      e_file: "Unbekannte Antwort.",
      version: "Fehlt.",
    });
  });

  test("no issues, no errors", () => {
    expect(toFieldErrors(undefined)).toEqual({});
  });

  test("from a zod error through toFieldIssues, each unknown key is its own field", () => {
    const parsed = z.strictObject({ a: z.string() }).safeParse({ a: "x", foo: 1, bar: 2 });
    expect(Object.keys(toFieldErrors(toFieldIssues(parsed.error!)))).toEqual(["foo", "bar"]);
  });
});
