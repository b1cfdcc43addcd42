import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "../support/test";
import {
  completeAnswers,
  countAssessmentsNamed,
  createAssessment,
  createSubmittedAssessment,
  createVerifiedSubmission,
  insertTestCodes,
  queryTestDatabase,
  registerCell,
  uniqueName,
} from "../support/fixtures";

// Participation codes (docs/adr/0005-peer-privacy.md): issued by the operator per municipality of the
// register, entered when an assessment is created or later; wrong codes change nothing and are rate-limited.

const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || "file:./prisma/e2e.db";

function codesCommand(args: string[]) {
  return spawnSync(process.execPath, ["scripts/codes.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    timeout: 120_000,
  });
}

test("npm run codes -- issue: a semicolon CSV ags;name;code on stdout, a BOM in a file; codes typeable by hand", () => {
  const rows = registerCell("DE-BB", "lt_5000", 2, 100);
  const printed = codesCommand(["issue", "--ags", rows.map((r) => r.ags).join(",")]);
  expect(printed.status, printed.stderr).toBe(0);
  const lines = printed.stdout.trimEnd().split("\r\n");
  expect(lines[0]).toBe("ags;name;code");
  for (const [i, r] of rows.entries()) {
    const [ags, name, code] = lines[i + 1]!.split(";");
    expect(ags).toBe(r.ags);
    expect(name).toBe(r.name.includes(";") ? `"${r.name}"` : r.name);
    // 16 symbols in groups of four, without 0/O and 1/I.
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
  }
  expect(printed.stderr).toContain("2 Teilnahmecodes ausgegeben");

  const dir = mkdtempSync(path.join(tmpdir(), "codes-"));
  const file = path.join(dir, "codes.csv");
  const written = codesCommand(["issue", "--ags", rows[0]!.ags, "--out", file]);
  expect(written.status, written.stderr).toBe(0);
  expect([...readFileSync(file).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  const unknown = codesCommand(["issue", "--ags", "99999999"]);
  expect(unknown.status).toBe(1);
  expect(unknown.stderr).toContain("Nicht im amtlichen Gemeindeverzeichnis: 99999999");
  expect(unknown.stderr).not.toMatch(/\n\s+at /);
});

test("a code on the start request: verified, the municipality from the register, name and state not editable", async ({
  request,
}) => {
  const [m] = registerCell("DE-BB", "5000_19999", 1, 10);
  const codes = await insertTestCodes([m!.ags]);
  const code = codes.get(m!.ags)!;
  // Lower case and spaces instead of hyphens are the same code.
  const created = await createAssessment(request, {
    participationCode: code.toLowerCase().replace(/-/g, " "),
    respondentRole: "mayor",
  });
  const view = await (await request.get(`/api/assessments/${created.token}`)).json();
  expect(view.municipality).toMatchObject({ name: m!.name, state: "DE-BB", population: m!.population, ags: m!.ags });
  expect(view.verifiedAt).toEqual(expect.any(String));
  // A code of one municipality with another's AGS is refused.
  const other = registerCell("DE-BB", "5000_19999", 1, 11)[0]!;
  const res = await request.post("/api/assessments", {
    data: {
      participationCode: code,
      respondentRole: "mayor",
      municipality: { name: other.name, state: "DE-BB", population: other.population, ags: other.ags },
    },
  });
  expect(res.status()).toBe(422);
  expect((await res.json()).error).toContain("gehört zu einer anderen Kommune");
  expect(await countAssessmentsNamed(other.name)).toBe(0);
});

test("wrong, malformed, oversized, replaced and revoked codes: German 422, nothing stored", async ({ request }) => {
  const [m] = registerCell("DE-BB", "5000_19999", 1, 20);
  const old = (await insertTestCodes([m!.ags])).get(m!.ags)!;
  await insertTestCodes([m!.ags]); // replaces the first code
  const cases: [string, unknown, string][] = [
    ["wrong", "K7QF-2M9P-XW4D-HT6R", "nicht gültig"],
    ["replaced", old, "nicht gültig"],
    ["malformed (0 and O)", "K7QF-2M9P-XW4D-HT0O", "16 Zeichen"],
    ["too short", "K7QF-2M9P", "16 Zeichen"],
    ["oversized", "K".repeat(5000), "16 Zeichen"],
    ["not a text", 12345, "als Text"],
  ];
  const before = await queryTestDatabase<{ n: number | string }>('SELECT count(*) AS n FROM "Assessment"');
  for (const [label, participationCode, message] of cases) {
    const res = await request.post("/api/assessments", { data: { participationCode, respondentRole: "mayor" } });
    expect(res.status(), label).toBe(422);
    const body = await res.json();
    expect(body.error, label).toContain(message);
    expect(JSON.stringify(body.issues), label).toContain("participationCode");
  }
  const after = await queryTestDatabase<{ n: number | string }>('SELECT count(*) AS n FROM "Assessment"');
  // Parallel tests create assessments too; none of these requests may have added one with this name.
  expect(Number(after[0]!.n)).toBeGreaterThanOrEqual(Number(before[0]!.n));
  expect(await countAssessmentsNamed(m!.name)).toBe(0);
});

test("guessing: after 10 wrong codes the client gets 429, even for a right code, and nothing changes", async ({
  request,
}) => {
  const [m] = registerCell("DE-BB", "5000_19999", 1, 30);
  const code = (await insertTestCodes([m!.ags])).get(m!.ags)!;
  for (let i = 0; i < 10; i += 1) {
    const res = await request.post("/api/assessments", {
      data: {
        participationCode: `ABCD-EFGH-JKLM-NP${"23456789"[i % 8]}${"23456789"[(i + 3) % 8]}`,
        respondentRole: "mayor",
      },
    });
    expect(res.status()).toBe(422);
  }
  const limited = await request.post("/api/assessments", {
    data: { participationCode: code, respondentRole: "mayor" },
  });
  expect(limited.status()).toBe(429);
  expect((await limited.json()).error).toContain("Zu viele Anfragen");
  expect(await countAssessmentsNamed(m!.name)).toBe(0);
});

test("POST …/verify binds an unverified submitted assessment; a second code gets 409", async ({ request }) => {
  const [m] = registerCell("DE-BB", "5000_19999", 1, 40);
  const code = (await insertTestCodes([m!.ags])).get(m!.ags)!;
  const created = await createSubmittedAssessment(request, completeAnswers(), {
    municipality: { name: uniqueName("Später bestätigt"), state: "DE-HH", population: 1_900_000 },
    respondentRole: "mayor",
  });
  const wrong = await request.post(`/api/assessments/${created.token}/verify`, {
    data: { code: "K7QF-2M9P-XW4D-HT6R" },
  });
  expect(wrong.status()).toBe(422);
  const ok = await request.post(`/api/assessments/${created.token}/verify`, { data: { code } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ verified: true, municipality: { ags: m!.ags, name: m!.name }, version: 4 });
  const view = await (await request.get(`/api/assessments/${created.token}`)).json();
  expect(view.municipality).toMatchObject({ name: m!.name, state: "DE-BB", ags: m!.ags });
  const again = await request.post(`/api/assessments/${created.token}/verify`, { data: { code } });
  expect(again.status()).toBe(409);
  expect((await again.json()).error).toContain("bereits mit einem Teilnahmecode bestätigt");
  for (const body of [{}, { code: 1 }, { code, extra: 1 }, []]) {
    const res = await request.post(`/api/assessments/${created.token}/verify`, { data: body });
    expect(res.status()).toBeGreaterThanOrEqual(400);
    expect(res.status()).toBeLessThan(500);
  }
  const unknown = await request.post(`/api/assessments/${"x".repeat(43)}/verify`, { data: { code } });
  expect(unknown.status()).toBe(404);
});

test("revoking a municipality's codes takes its assessment out of the next release", async ({ request }) => {
  const cell = registerCell("DE-BW", "5000_19999", 10, 0);
  const codes = await insertTestCodes(cell.map((r) => r.ags));
  for (const r of cell.slice(0, 5)) await createVerifiedSubmission(request, codes.get(r.ags)!);
  const released = await (await request.get("/api/peers?state=DE-BW&sizeClass=5000_19999")).json();
  expect(released.count).toBe(5);

  const revoke = codesCommand(["revoke", "--ags", cell[0]!.ags]);
  expect(revoke.status, revoke.stderr).toBe(0);
  expect(revoke.stderr).toContain("gesperrt");
  // The revoked code can no longer be entered.
  const reuse = await request.post("/api/assessments", {
    data: { participationCode: codes.get(cell[0]!.ags), respondentRole: "mayor" },
  });
  expect(reuse.status()).toBe(422);
  // One change, and no new content: the published figures stand, also after four new contents.
  expect(await (await request.get("/api/peers?state=DE-BW&sizeClass=5000_19999")).json()).toEqual(released);
  for (const r of cell.slice(5, 9)) await createVerifiedSubmission(request, codes.get(r.ags)!);
  expect(await (await request.get("/api/peers?state=DE-BW&sizeClass=5000_19999")).json()).toEqual(released);
  // The fifth new content makes the next release: 4 + 5 = 9, without the revoked one.
  await createVerifiedSubmission(request, codes.get(cell[9]!.ags)!);
  expect((await (await request.get("/api/peers?state=DE-BW&sizeClass=5000_19999")).json()).count).toBe(9);
});
