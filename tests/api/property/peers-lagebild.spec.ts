import fc from "fast-check";
import { expect, test } from "../../support/test";
import { expectWellFormed, searchParamsOf, SIZE_CLASSES, STATE_CODES, type TReply } from "./oracle";
import { queryArb } from "./arbitraries";
import { allProperties, FC_OPTIONS, runLog } from "./harness";

/*
 * Hostile input over HTTP (fast-check) on the query routes of the peer comparison and the Lagebild (JSON, CSV,
 * XLSX). Every property checks, per generated request:
 * - never a 5xx, and only a documented status;
 * - every error is JSON with a German `error` (and well-formed `issues` where present);
 * - the status is the one an independent model of the contract predicts (size limit, media type, JSON
 *   syntax, schema, version, token), and a rejected request changes nothing that is stored.
 * Rate limits are per client: the hostile requests come from pools of fresh clients (X-Forwarded-For)
 * that are replaced before they reach a limit; a 429 would still have to be a correct German answer.
 */

test.describe.configure({ timeout: 120_000 });

test("GET /api/peers?…, /api/peers/csv?… and /api/lagebild?… (JSON, CSV, XLSX): hostile filters never cause a 5xx; 200 exactly for valid filters", async ({
  request,
}) => {
  let cases = 0;
  const own = {
    state: fc.oneof(fc.constantFrom(...STATE_CODES), fc.constantFrom("", "DE-XX", "de-by", "DE-BY%20", "DE-BY%00")),
    sizeClass: fc.oneof(
      fc.constantFrom(...SIZE_CLASSES),
      fc.constantFrom("", "huge", "LT_5000", "lt_5000%20", "constructor", "__proto__", "toString"),
    ),
  };
  const property = (mode: "values" | "names") =>
    fc.asyncProperty(queryArb(own, mode), async (qs) => {
      cases += 1;
      const params = searchParamsOf(`/?${qs}`);
      const one = (k: string) => params.get(k)?.[0];
      const valid =
        [...params.keys()].every((k) => ["state", "sizeClass"].includes(k)) &&
        [...params.values()].every((v) => v.length === 1) &&
        (!one("state") || STATE_CODES.includes(one("state")!)) &&
        (!one("sizeClass") || SIZE_CLASSES.includes(one("sizeClass")!));
      for (const path of [
        "/api/peers",
        "/api/peers/csv",
        "/api/lagebild",
        "/api/lagebild/export.csv",
        "/api/lagebild/export.xlsx",
        "/api/lagebild/report.pdf",
      ]) {
        const url = `${path}?${qs}`;
        const context = `#${cases}: GET ${url.slice(0, 300)}`;
        const res = await request.get(url, { maxRedirects: 0 });
        const r: TReply = { status: res.status(), text: await res.text(), headers: res.headers() };
        expectWellFormed(r, [200, 422], context);
        expect(r.status, `status predicted by the contract\n${context}\n→ ${r.text.slice(0, 200)}`).toBe(
          valid ? 200 : 422,
        );
        if (r.status !== 200) continue;
        if (path.endsWith("csv")) {
          expect(r.headers["content-type"]).toContain("text/csv");
          continue;
        }
        if (path.endsWith("xlsx")) {
          expect(r.headers["content-type"]).toContain("spreadsheetml");
          continue;
        }
        if (path.endsWith("pdf")) {
          expect(r.headers["content-type"]).toBe("application/pdf");
          continue;
        }
        const body = JSON.parse(r.text);
        expect(body.filters ?? body.filter, context).toEqual({
          state: one("state") || null,
          sizeClass: one("sizeClass") || null,
        });
        expect(body.k).toBeGreaterThanOrEqual(5);
        if (body.suppressed) expect(body.questions).toEqual([]);
      }
    });
  try {
    await allProperties([
      () => fc.assert(property("values"), { ...FC_OPTIONS, numRuns: 100 }),
      () =>
        fc.assert(property("names"), {
          ...FC_OPTIONS,
          numRuns: 50,
          examples: [
            ["__proto__=x"],
            ["state=DE-BY&state=DE-SN"],
            ["constructor=x"],
            ["sizeClass=lt_5000&prototype=x"],
          ],
        }),
    ]);
  } finally {
    runLog("GET /api/peers (+ /api/peers/csv, /api/lagebild and its exports)", cases, 150, 1);
  }
});
