import fc from "fast-check";
import { expect, test } from "../../support/test";
import { expectWellFormed, refusedText, REGISTER_ITEM_KEYS, searchParamsOf, STATE_CODES, type TReply } from "./oracle";
import { queryArb } from "./arbitraries";
import { allProperties, FC_OPTIONS, runLog } from "./harness";

/*
 * Hostile input over HTTP (fast-check) on the register search GET /api/municipalities. Every property checks,
 * per generated request:
 * - never a 5xx, and only a documented status;
 * - every error is JSON with a German `error` (and well-formed `issues` where present);
 * - the status is the one an independent model of the contract predicts (size limit, media type, JSON
 *   syntax, schema, version, token), and a rejected request changes nothing that is stored.
 * Rate limits are per client: the hostile requests come from pools of fresh clients (X-Forwarded-For)
 * that are replaced before they reach a limit; a 429 would still have to be a correct German answer.
 */

test.describe.configure({ timeout: 120_000 });

test("GET /api/municipalities?q=…: hostile queries never cause a 5xx; 200 exactly for a valid query", async ({
  request,
}) => {
  let cases = 0;
  const own = {
    q: fc.oneof(
      fc.constantFrom(
        "Großenhain",
        "Neustadt",
        "ab",
        "Berlin",
        "  B",
        "mü",
        "Muenchen",
        "a",
        "x".repeat(100),
        "x".repeat(101),
      ),
      fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
    ),
    state: fc.oneof(fc.constantFrom(...STATE_CODES), fc.constantFrom("", "DE-XX", "de-by", "DE-BY%20")),
    limit: fc.constantFrom("1", "5", "10", "20", "0", "21", "-1", "1.5", "05", "100", "1e1", "0x10", "%205", "abc", ""),
    members: fc.constantFrom("true", "false", "", "TRUE", "1", "ja"),
  };
  const property = (mode: "values" | "names") =>
    fc.asyncProperty(queryArb(own, mode), async (qs) => {
      cases += 1;
      const url = `/api/municipalities?${qs}`;
      const context = `#${cases}: GET ${url.slice(0, 300)}`;
      const res = await request.get(url, { maxRedirects: 0 });
      const r: TReply = { status: res.status(), text: await res.text(), headers: res.headers() };
      expectWellFormed(r, [200, 422], context);
      // The contract: q 2–100 characters (trimmed), state a known code, limit 1–20; nothing else, nothing twice.
      const params = searchParamsOf(url);
      const one = (k: string) => params.get(k)?.[0];
      const valid =
        [...params.keys()].every((k) => ["q", "state", "limit", "members"].includes(k)) &&
        [...params.values()].every((v) => v.length === 1) &&
        one("q") !== undefined &&
        !refusedText(one("q")!.trim()) &&
        [...one("q")!.trim()].length >= 2 &&
        [...one("q")!.trim()].length <= 100 &&
        (one("state") === undefined || STATE_CODES.includes(one("state")!)) &&
        (one("limit") === undefined ||
          (/^\d{1,2}$/.test(one("limit")!) && Number(one("limit")) >= 1 && Number(one("limit")) <= 20)) &&
        (one("members") === undefined || ["true", "false"].includes(one("members")!));
      expect(r.status, `status predicted by the contract\n${context}\n→ ${r.text.slice(0, 200)}`).toBe(
        valid ? 200 : 422,
      );
      if (r.status !== 200) return;
      const body = JSON.parse(r.text);
      expect(Object.keys(body).sort()).toEqual(["gebietsstand", "items", "source"]);
      expect(body.items.length).toBeLessThanOrEqual(one("limit") ? Number(one("limit")) : 10);
      for (const item of body.items) {
        expect(Object.keys(item).sort(), context).toEqual(REGISTER_ITEM_KEYS);
        if (one("state")) expect(item.state, context).toBe(one("state"));
      }
    });
  try {
    await allProperties([
      () => fc.assert(property("values"), { ...FC_OPTIONS, numRuns: 110 }),
      // Known edge cases first (fast-check runs `examples` before the generated ones).
      () =>
        fc.assert(property("names"), {
          ...FC_OPTIONS,
          numRuns: 60,
          examples: [
            ["q=Berlin&q=Hamburg"],
            ["q=Berlin&__proto__=x"],
            ["q=Berlin&constructor=x"],
            ["q=Berlin&limit=5&limit=6"],
          ],
        }),
    ]);
  } finally {
    runLog("GET /api/municipalities", cases, 170, 1);
  }
});
