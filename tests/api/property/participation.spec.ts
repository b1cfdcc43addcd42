import fc from "fast-check";
import { createAssessment } from "../../support/fixtures";
import { expect, test } from "../../support/test";
import { expectWellFormed } from "./oracle";
import {
  bodyBytes,
  codeLike,
  contentType,
  describable,
  describeBody,
  hugeArray,
  longString,
  protoObject,
} from "./arbitraries";
import { ClientPool, FC_OPTIONS, runLog, send } from "./harness";

/*
 * Hostile input over HTTP (fast-check) on POST /api/assessments/{token}/verify: participation codes
 * (docs/adr/0005-peer-privacy.md). Every property checks, per generated request:
 * - never a 5xx, and only a documented status;
 * - every error is JSON with a German `error` (and well-formed `issues` where present);
 * - the status is the one an independent model of the contract predicts (size limit, media type, JSON
 *   syntax, schema, version, token), and a rejected request changes nothing that is stored.
 * Rate limits are per client: the hostile requests come from pools of fresh clients (X-Forwarded-For)
 * that are replaced before they reach a limit; a 429 would still have to be a correct German answer.
 */

test.describe.configure({ timeout: 120_000 });

test("POST /api/assessments/{token}/verify: hostile bodies and wrong codes never cause a 5xx and verify nothing", async ({
  playwright,
  baseURL,
  request,
}) => {
  const { token } = await createAssessment(request);
  const before = await (await request.get(`/api/assessments/${token}`)).json();
  expect(before.verifiedAt).toBeNull();
  // Wrong codes count per client (10 per 15 minutes): fresh clients every 8 requests.
  const pool = new ClientPool(
    (ip) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": ip } }),
    8,
  );
  let cases = 0;
  const body = fc.oneof(
    { weight: 3, arbitrary: codeLike.map((code) => ({ value: { code }, contentType: "application/json" })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.oneof(fc.jsonValue(), longString, protoObject, hugeArray), contentType)
        .map(([value, type]) => ({ value, contentType: type })),
    },
  );
  try {
    await fc.assert(
      fc.asyncProperty(
        body.map((b) => describable(b, describeBody)),
        async (b) => {
          cases += 1;
          const context = `verify #${cases}: ${describeBody(b)}`;
          const r = await send(await pool.next(), "POST", `/api/assessments/${token}/verify`, {
            bytes: bodyBytes(b, ""),
            contentType: b.contentType,
          });
          expectWellFormed(r, [413, 415, 422, 429], context);
          const after = await (await request.get(`/api/assessments/${token}`)).json();
          expect(after, `nothing changed\n${context}`).toEqual(before);
        },
      ),
      { ...FC_OPTIONS, numRuns: 60 },
    );
  } finally {
    runLog("POST /api/assessments/{token}/verify", cases, 60, pool.clients);
    await pool.dispose();
  }
});
