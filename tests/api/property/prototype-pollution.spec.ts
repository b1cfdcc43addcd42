import { countAssessmentsNamed, createAssessment, uniqueName, validProfile } from "../../support/fixtures";
import { expect, test, uniqueClientIp } from "../../support/test";
import { expectWellFormed, REGISTER_ITEM_KEYS, type TReply } from "./oracle";
import { send } from "./harness";

/*
 * Hostile input over HTTP (fast-check) on prototype-pollution keys on every route that reads a body or a query.
 * Every property checks, per generated request:
 * - never a 5xx, and only a documented status;
 * - every error is JSON with a German `error` (and well-formed `issues` where present);
 * - the status is the one an independent model of the contract predicts (size limit, media type, JSON
 *   syntax, schema, version, token), and a rejected request changes nothing that is stored.
 * Rate limits are per client: the hostile requests come from pools of fresh clients (X-Forwarded-For)
 * that are replaced before they reach a limit; a 429 would still have to be a correct German answer.
 */

test.describe.configure({ timeout: 120_000 });

// ---------------------------------------------------------------- prototype pollution

test("prototype-pollution keys at top level and nested are refused, and the server's Object.prototype stays clean", async ({
  playwright,
  baseURL,
  request,
}) => {
  const { token } = await createAssessment(request);
  const fresh = () =>
    playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
  const hostile = await fresh();
  // Payloads that, if merged into an object anywhere on the server, would plant fields the schemas read.
  const planted =
    '{"respondentRole":"mayor","state":"DE-BY","population":5,"name":"Verschmutzt","version":1,"answers":{},"isAdmin":true,"status":"submitted","polluted":"ja"}';
  const name = uniqueName("Proto");
  const valid = `"municipality":{"name":"${name}","state":"DE-BY","population":100},"respondentRole":"mayor"`;
  const createBodies = [
    `{"__proto__":${planted},${valid}}`,
    `{"constructor":{"prototype":${planted}},${valid}}`,
    `{"prototype":${planted},${valid}}`,
    `{"municipality":{"__proto__":${planted},"name":"${name}","state":"DE-BY","population":100},"respondentRole":"mayor"}`,
    `{"municipality":{"constructor":{"prototype":${planted}},"name":"${name}","state":"DE-BY","population":100},"respondentRole":"mayor"}`,
    `{"municipality":{"name":"${name}","state":"DE-BY","population":100,"ags":{"__proto__":${planted}}},"respondentRole":"mayor"}`,
    `{"municipality":[{"__proto__":${planted}}],"respondentRole":{"__proto__":${planted}}}`,
    `{"__proto__":{"__proto__":${planted}},"constructor":{"constructor":{"prototype":${planted}}}}`,
  ];
  const answerBodies = [
    `{"__proto__":${planted},"version":1,"answers":{"e_file":"in_use"}}`,
    `{"version":1,"answers":{"__proto__":{"e_file":"in_use"}}}`,
    `{"version":1,"answers":{"constructor":{"prototype":${planted}}}}`,
    `{"version":1,"answers":{"e_file":"in_use","prototype":"x"}}`,
    `{"version":1,"answers":{"obstacles":{"__proto__":["lack_of_funds"],"length":1,"0":"lack_of_funds"}}}`,
    `{"version":{"__proto__":${planted},"valueOf":1},"answers":{}}`,
    `{"constructor":{"prototype":${planted}},"version":1,"answers":{}}`,
  ];
  // A bare "__proto__=x" never reaches the app (Next rebuilds the query through a plain object and
  // drops it, see searchParamsOf); the variants below do reach it and must be refused.
  const queries = [
    "__proto__[respondentRole]=mayor",
    "constructor[prototype][isAdmin]=1",
    "constructor=x&prototype=y",
    "__proto__.state=DE-BY",
    "toString=x",
    "hasOwnProperty=x",
  ];
  const before = await (await request.get(`/api/assessments/${token}`)).json();
  let sent = 0;
  // The refusals are collected, so that the checks of the server's state below run in any case.
  const refusals: string[] = [];
  const refused = (r: TReply, context: string) => {
    try {
      expectWellFormed(r, [422], context);
    } catch (e) {
      refusals.push((e as Error).message.split("\n").slice(0, 3).join(" "));
    }
  };
  for (const text of createBodies) {
    const r = await send(hostile, "POST", "/api/assessments", {
      bytes: Buffer.from(text),
      contentType: "application/json",
    });
    sent += 1;
    refused(r, `POST /api/assessments ${text}`);
  }
  expect(await countAssessmentsNamed(name), "nothing stored").toBe(0);
  for (const text of answerBodies) {
    for (const path of [`/api/assessments/${token}/answers`]) {
      const r = await send(hostile, "PUT", path, { bytes: Buffer.from(text), contentType: "application/json" });
      sent += 1;
      refused(r, `PUT ${path} ${text}`);
    }
    const r = await send(hostile, "POST", `/api/assessments/${token}/submit`, {
      bytes: Buffer.from(text),
      contentType: "application/json",
    });
    sent += 1;
    refused(r, `POST submit ${text}`);
  }
  for (const q of queries) {
    for (const path of ["/api/peers", "/api/peers/csv", "/api/municipalities"]) {
      const r = await send(hostile, "GET", `${path}?${q}${path === "/api/municipalities" ? "&q=Berlin" : ""}`);
      sent += 1;
      refused(r, `GET ${path}?${q}`);
    }
  }
  await hostile.dispose();
  console.log(`[prototype pollution] ${sent} hostile requests sent`);
  expect(await (await request.get(`/api/assessments/${token}`)).json(), "nothing stored changed").toEqual(before);

  // Later, normal requests behave as if nothing had happened: missing fields are still missing.
  const normal = await fresh();
  const missingRole = await send(normal, "POST", "/api/assessments", {
    bytes: Buffer.from(JSON.stringify({ municipality: { name: uniqueName(), state: "DE-BY", population: 5 } })),
    contentType: "application/json",
  });
  expect(missingRole.status, missingRole.text).toBe(422);
  expect(JSON.parse(missingRole.text).issues.map((i: { path: string }) => i.path)).toEqual(["respondentRole"]);
  const empty = await send(normal, "POST", "/api/assessments", {
    bytes: Buffer.from("{}"),
    contentType: "application/json",
  });
  expect(
    JSON.parse(empty.text)
      .issues.map((i: { path: string }) => i.path)
      .sort(),
  ).toEqual(["municipality", "respondentRole"]);
  const noVersion = await send(normal, "PUT", `/api/assessments/${token}/answers`, {
    bytes: Buffer.from('{"answers":{}}'),
    contentType: "application/json",
  });
  expect(noVersion.status, noVersion.text).toBe(422);
  expect(JSON.parse(noVersion.text).issues.map((i: { path: string }) => i.path)).toEqual(["version"]);
  const peers = JSON.parse((await send(normal, "GET", "/api/peers")).text);
  expect(peers.filters).toEqual({ state: null, sizeClass: null });
  expect(Object.keys(peers)).not.toContain("polluted");
  const created = await send(normal, "POST", "/api/assessments", {
    bytes: Buffer.from(JSON.stringify(validProfile(name))),
    contentType: "application/json",
  });
  expect(created.status).toBe(201);
  expect(Object.keys(JSON.parse(created.text)).sort()).toEqual(["editUrl", "id", "notices", "token"]);
  const got = await (await normal.get(`/api/assessments/${JSON.parse(created.text).token}`)).json();
  expect(got).toMatchObject({
    status: "draft",
    version: 1,
    answers: {},
    respondentRole: "mayor",
    municipality: { name, state: "DE-BY", population: 12850, ags: "09162000" },
  });
  expect(JSON.stringify(got)).not.toMatch(/isAdmin|polluted|Verschmutzt/);
  const search = JSON.parse((await send(normal, "GET", "/api/municipalities?q=Berlin&limit=1")).text);
  expect(Object.keys(search.items[0]).sort()).toEqual(REGISTER_ITEM_KEYS);
  await normal.dispose();
  expect(refusals, "every request with a prototype key is refused with a German 422").toEqual([]);
});
