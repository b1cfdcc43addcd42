import { spawnSync } from "node:child_process";
import { readPdf } from "../support/pdf";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
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
import { openOperatorSession } from "../support/operator";

// Participation codes (docs/adr/0005-peer-privacy.md): issued by the operator per municipality of the
// register, entered when an assessment is created or later; wrong codes change nothing and are rate-limited.

const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || "file:./prisma/e2e.db";

function codesCommand(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["scripts/codes.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL, ...env },
    timeout: 120_000,
  });
}

const SENDER = {
  OPERATOR_NAME: "Städte- und Gemeindebund Thüringen e. V.",
  OPERATOR_ADDRESS: "Richard-Breslau-Straße 14 | 99094 Erfurt",
  OPERATOR_EMAIL: "digitalcheck@example.de",
  OPERATOR_PHONE: "0361 123456-0",
  OPERATOR_SIGNATORY: "Dr. Anna Beispiel, Referentin Digitalisierung",
};

test("npm run codes -- --letters: sender and portal from the settings, addresses from the operator's file; every refusal before a code is issued", async () => {
  // Thuringia's cities (no other test takes them): Erfurt with an address, Jena without.
  const keys = "16051000,16053000";
  const dir = mkdtempSync(path.join(tmpdir(), "letters-"));
  const pdf = path.join(dir, "briefe.pdf");
  const good = path.join(dir, "anschriften.csv");
  writeFileSync(
    good,
    "key;Anschrift\r\n16051000;Stadtverwaltung Erfurt;Oberbürgermeister;Fischmarkt 1;99084 Erfurt\r\n",
  );
  const bad = path.join(dir, "falsch.csv");
  writeFileSync(bad, "16051000;Stadtverwaltung Erfurt;Fischmarkt 1;Erfurt\n1605100;Jena;07743 Jena\n");
  for (const [args, env, message] of [
    [["--letters", pdf], SENDER, "PUBLIC_URL setzen oder --url https://… angeben"],
    [
      ["--letters", pdf, "--url", "htps://tippfehler"],
      SENDER,
      "--url ist keine gültige Adresse (sie muss mit https:// oder http:// beginnen): htps://tippfehler",
    ],
    [["--letters", pdf], { ...SENDER, PUBLIC_URL: "htps://tippfehler" }, "PUBLIC_URL ist keine gültige Adresse"],
    [
      ["--letters", pdf, "--url", "https://digitalcheck.example.de"],
      { OPERATOR_NAME: "" },
      "Für die Briefe fehlt OPERATOR_NAME, OPERATOR_ADDRESS, OPERATOR_EMAIL",
    ],
    [
      ["--letters", pdf, "--addresses", bad],
      { ...SENDER, PUBLIC_URL: "https://digitalcheck.example.de" },
      "Zeile 1: die letzte Zeile „Erfurt“ muss mit der Postleitzahl beginnen",
    ],
    [
      ["--letters", pdf, "--addresses", bad],
      { ...SENDER, PUBLIC_URL: "https://digitalcheck.example.de" },
      "Zeile 2: „1605100“ ist kein Schlüssel",
    ],
    [["--addresses", good], SENDER, "--addresses gehört zu --letters"],
  ] as const) {
    const refused = codesCommand(["issue", "--key", keys, ...args], { ...env });
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain(message);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  }
  // Nothing was issued by the refusals: both units are still new, and the letters go out.
  const issued = codesCommand(["issue", "--key", keys, "--letters", pdf, "--addresses", good], {
    ...SENDER,
    PUBLIC_URL: "https://digitalcheck.example.de/",
  });
  expect(issued.status, issued.stderr).toBe(0);
  expect(issued.stderr).toContain("2 Teilnahmecodes ausgegeben");
  expect(issued.stderr).toContain(
    "1 Briefe ohne Anschrift (im Anschriftfeld steht, dass sie von Hand einzutragen ist): 16053000.",
  );
  expect(statSync(pdf).mode & 0o777).toBe(0o600);
  const text = (await readPdf(readFileSync(pdf))).text.replace(/\s+/g, " ");
  expect(text).toContain("Stadtverwaltung Erfurt Oberbürgermeister Fischmarkt 1 99084 Erfurt");
  expect(text).toContain("Anschrift fehlt – bitte von Hand eintragen");
  expect(text).toContain("Öffnen Sie https://digitalcheck.example.de und");
  expect(text).toContain("Dr. Anna Beispiel, Referentin Digitalisierung");
  expect(text).toContain("Datenschutz: Verantwortlich ist Städte- und Gemeindebund Thüringen e. V.");
  expect(text).not.toContain("localhost");
});

test("npm run codes -- issue: one code per unit, a semicolon CSV key;name;kind;code, a BOM in a file; posted codes kept", () => {
  // An administration (an Amt of Mecklenburg-Vorpommern) and a Gemeinde that runs its own, by key.
  const amt = registerCell("DE-MV", "5000_19999", 30, 0).find((r) => r.kind === "verwaltung")!;
  const gemeinde = registerCell("DE-HE", "lt_5000", 1, 90)[0]!;
  expect(amt.kind).toBe("verwaltung");
  const units = [amt, gemeinde].sort((a, b) => (a.key < b.key ? -1 : 1));
  const printed = codesCommand(["issue", "--key", units.map((r) => r.key).join(","), "--replace"]);
  expect(printed.status, printed.stderr).toBe(0);
  const lines = printed.stdout.trimEnd().split("\r\n");
  expect(lines[0]).toBe("key;name;kind;code");
  for (const [i, r] of units.entries()) {
    const [key, name, kind, code] = lines[i + 1]!.split(";");
    expect(key).toBe(r.key);
    expect(name).toBe(r.name.includes(";") ? `"${r.name}"` : r.name);
    expect(kind).toBe(r.kind);
    // 16 symbols in groups of four, without 0/O and 1/I.
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
  }
  expect(printed.stderr).toContain("2 Teilnahmecodes ausgegeben");

  // Issuing again without --replace keeps the posted codes and says so.
  const again = codesCommand(["issue", "--key", units.map((r) => r.key).join(",")]);
  expect(again.status, again.stderr).toBe(0);
  expect(again.stdout.trimEnd()).toBe("key;name;kind;code");
  expect(again.stderr).toContain("0 Teilnahmecodes ausgegeben");
  expect(again.stderr).toContain("2 übersprungen, weil sie schon einen gültigen Code haben");

  const dir = mkdtempSync(path.join(tmpdir(), "codes-"));
  const file = path.join(dir, "codes.csv");
  const written = codesCommand(["issue", "--key", units[0]!.key, "--out", file, "--replace"]);
  expect(written.status, written.stderr).toBe(0);
  expect(written.stderr).toContain("1 frühere Codes ersetzt");
  expect([...readFileSync(file).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // A secret until posted: readable by its owner only.
  expect(statSync(file).mode & 0o777).toBe(0o600);

  for (const [args, message] of [
    [["issue", "--ags", "99999999"], "Nicht im amtlichen Gemeindeverzeichnis: 99999999"],
    [["issue", "--key", "010010000"], "Nicht im amtlichen Gemeindeverzeichnis: 010010000"],
    [["issue", "--key", "081155001"], "führen keine Verwaltung für ihre Gemeinden"],
    [["issue"], "--all"],
    [["issue", "--unit", "kreis", "--state", "DE-SN"], "unit ist verwaltung"],
  ] as const) {
    const refused = codesCommand([...args]);
    expect(refused.status, args.join(" ")).toBe(1);
    expect(refused.stderr).toContain(message);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  }
});

test("a code on the start request: verified, the unit from the register; a code of another unit is refused", async ({
  request,
}) => {
  const [m] = registerCell("DE-BB", "5000_19999", 1, 10);
  const codes = await insertTestCodes([m!.key]);
  const code = codes.get(m!.key)!;
  // Lower case and spaces instead of hyphens are the same code; a typed name without a key is ignored.
  const created = await createAssessment(request, {
    participationCode: code.toLowerCase().replace(/-/g, " "),
    respondentRole: "mayor",
    municipality: { name: "Apolda" },
  });
  const view = await (await request.get(`/api/assessments/${created.token}`)).json();
  expect(view.municipality).toMatchObject({
    name: m!.name,
    state: "DE-BB",
    population: m!.population,
    ags: m!.ags,
    key: m!.key,
    kind: m!.kind,
  });
  expect(view.verifiedAt).toEqual(expect.any(String));
  // A code of one unit with another's key is refused, naming both.
  const other = registerCell("DE-BB", "5000_19999", 1, 11)[0]!;
  const res = await request.post("/api/assessments", {
    data: {
      participationCode: code,
      respondentRole: "mayor",
      confirmNewChain: true,
      municipality: { key: other.key, state: "DE-BB" },
    },
  });
  expect(res.status()).toBe(422);
  expect((await res.json()).error).toContain(`gehört zu ${m!.name}, nicht zu ${other.name}`);
  expect(await countAssessmentsNamed(other.name)).toBe(0);
});

test("the same code again leads to the existing assessment: 409, nothing created; confirmNewChain starts one on purpose", async ({
  request,
}) => {
  const [m] = registerCell("DE-BB", "5000_19999", 1, 12);
  const code = (await insertTestCodes([m!.key])).get(m!.key)!;
  await createAssessment(request, { participationCode: code, respondentRole: "mayor" });
  const again = await request.post("/api/assessments", { data: { participationCode: code, respondentRole: "mayor" } });
  expect(again.status()).toBe(409);
  expect((await again.json()).error).toContain(`Für ${m!.name} gibt es bereits eine Selbsteinschätzung`);
  expect(await countAssessmentsNamed(m!.name)).toBe(1);
  const deliberate = await request.post("/api/assessments", {
    data: { participationCode: code, respondentRole: "mayor", confirmNewChain: true },
  });
  expect(deliberate.status()).toBe(201);
  expect(await countAssessmentsNamed(m!.name)).toBe(2);
});

test("a Gemeinde's code is refused for its administration and the other way round", async ({ request }) => {
  const vg = "071375008";
  const stadt = "07137228";
  const codes = await insertTestCodes([stadt, vg]);
  // An assessment of the Amt, verified with the Gemeinde's code: refused, the assessment stays as it was.
  const forAmt = await createAssessment(request, {
    municipality: { key: vg, state: "DE-RP" },
    respondentRole: "digital_officer",
  });
  const wrong = await request.post(`/api/assessments/${forAmt.token}/verify`, { data: { code: codes.get(stadt) } });
  expect(wrong.status()).toBe(422);
  expect((await wrong.json()).error).toContain("gehört zu Weißenthurm, Stadt, nicht zu Verbandsgemeinde Weißenthurm");
  const view = await (await request.get(`/api/assessments/${forAmt.token}`)).json();
  expect(view).toMatchObject({
    verifiedAt: null,
    municipality: { key: vg, name: "Verbandsgemeinde Weißenthurm", memberCount: 7, population: 34_903 },
  });
  // Creating for the Gemeinde with the Amt's code: refused.
  const res = await request.post("/api/assessments", {
    data: {
      participationCode: codes.get(vg),
      respondentRole: "mayor",
      confirmNewChain: true,
      municipality: { key: stadt, state: "DE-RP", name: "Weißenthurm, Stadt", population: 9020 },
    },
  });
  expect(res.status()).toBe(422);
  expect((await res.json()).error).toContain("gehört zu Verbandsgemeinde Weißenthurm, nicht zu Weißenthurm, Stadt");
  // The right code verifies it.
  const ok = await request.post(`/api/assessments/${forAmt.token}/verify`, { data: { code: codes.get(vg) } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({
    verified: true,
    municipality: { ags: null, key: vg, kind: "verwaltung", name: "Verbandsgemeinde Weißenthurm" },
    version: 2,
  });
});

test("wrong, malformed, oversized, replaced and revoked codes: German 422, nothing stored", async ({ request }) => {
  const [m] = registerCell("DE-BB", "5000_19999", 1, 20);
  const old = (await insertTestCodes([m!.key])).get(m!.key)!;
  await insertTestCodes([m!.key]); // replaces the first code
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
  const code = (await insertTestCodes([m!.key])).get(m!.key)!;
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
  const code = (await insertTestCodes([m!.key])).get(m!.key)!;
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
  expect(await ok.json()).toEqual({
    verified: true,
    municipality: { ags: m!.ags, key: m!.key, kind: m!.kind, name: m!.name },
    version: 4,
  });
  const view = await (await request.get(`/api/assessments/${created.token}`)).json();
  expect(view.municipality).toMatchObject({ name: m!.name, state: "DE-BB", ags: m!.ags, key: m!.key });
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
  const codes = await insertTestCodes(cell.map((r) => r.key));
  for (const r of cell.slice(0, 5)) await createVerifiedSubmission(request, codes.get(r.key)!);
  const released = await (await request.get("/api/peers?state=DE-BW&sizeClass=5000_19999")).json();
  expect(released.count).toBe(5);

  const revoke = codesCommand(["revoke", "--key", cell[0]!.key]);
  expect(revoke.status, revoke.stderr).toBe(0);
  expect(revoke.stderr).toContain("gesperrt");
  expect(revoke.stderr).toContain(cell[0]!.name);
  // The revoked code can no longer be entered.
  const reuse = await request.post("/api/assessments", {
    data: { participationCode: codes.get(cell[0]!.key), respondentRole: "mayor" },
  });
  expect(reuse.status()).toBe(422);
  // One change, and no new content: the published figures stand, also after four new contents.
  expect(await (await request.get("/api/peers?state=DE-BW&sizeClass=5000_19999")).json()).toEqual(released);
  for (const r of cell.slice(5, 9)) await createVerifiedSubmission(request, codes.get(r.key)!);
  expect(await (await request.get("/api/peers?state=DE-BW&sizeClass=5000_19999")).json()).toEqual(released);
  // The fifth new content makes the next release: 4 + 5 = 9, without the revoked one.
  await createVerifiedSubmission(request, codes.get(cell[9]!.key)!);
  expect((await (await request.get("/api/peers?state=DE-BW&sizeClass=5000_19999")).json()).count).toBe(9);
});

test("a member Gemeinde verified with its own code is benchmarked but never counts as a peer; peers:refresh says what counts", async ({
  request,
}) => {
  // Langenlehsten, a Gemeinde of the Amt Büchen: the Amt counts for it (docs/adr/0013-administrations-as-units.md).
  const key = "01053080";
  const code = (await insertTestCodes([key])).get(key)!;
  const created = await createVerifiedSubmission(request, code);
  const view = await (await request.get(`/api/assessments/${created.token}`)).json();
  expect(view.municipality).toMatchObject({ key, kind: "gemeinde", memberCount: 1 });
  expect(view.verifiedAt).toEqual(expect.any(String));
  expect((await request.get(`/api/assessments/${created.token}/benchmark`)).status()).toBe(200);
  const counted = async () =>
    Number(
      (
        await queryTestDatabase<{ n: number | string }>(
          'SELECT (SELECT count(*) FROM "PeerMember" WHERE "municipalityKey" = ?) + (SELECT count(*) FROM "PeerPendingChange" WHERE "municipalityKey" = ?) AS n',
          [`ags:${key}`, `ags:${key}`],
        )
      )[0]!.n,
    );
  expect(await counted()).toBe(0);
  const refresh = spawnSync(process.execPath, ["scripts/peers-refresh.mjs"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    timeout: 120_000,
  });
  expect(refresh.status, refresh.stderr).toBe(0);
  expect(refresh.stdout).toMatch(/Peer-Pool aktualisiert: [\d.]+ Verwaltungen zählen/);
  expect(await counted()).toBe(0);
});

test("revocation heals: the unit's assessment is unverified everywhere at once and takes the new code", async ({
  request,
}) => {
  // Mittelstädte of the Saarland (no other test takes them): five verified submissions make a release.
  const cell = registerCell("DE-SL", "20000_99999", 5, 0);
  const codes = await insertTestCodes(cell.map((r) => r.key));
  const tokens: string[] = [];
  for (const r of cell) tokens.push((await createVerifiedSubmission(request, codes.get(r.key)!)).token);
  expect((await (await request.get("/api/peers?state=DE-SL&sizeClass=20000_99999")).json()).release.count).toBe(5);
  const [unit] = cell;
  const token = tokens[0]!;
  const cookie = await openOperatorSession();
  const operatorRow = async () => {
    const html = await (
      await request.get(`/betrieb?q=${encodeURIComponent(unit!.name)}`, { headers: { cookie } })
    ).text();
    return html.slice(html.indexOf(unit!.name));
  };
  const inPool = async () =>
    (
      await queryTestDatabase<{ n: number }>(
        `SELECT COUNT(*) AS n FROM "PeerMember" m JOIN "Assessment" a ON a."id" = m."assessmentId" WHERE a."unitKey" = ?`,
        [unit!.key],
      )
    ).map((r) => Number(r.n))[0];
  expect(await operatorRow()).toMatch(/^[^]*?<td[^>]*>zählt<\/td>/);
  expect(await inPool()).toBe(1);

  // Revoking asks for confirmation first, naming the unit and what changes.
  const confirm = await (
    await request.get(`/betrieb/teilnahme/sperren?key=${unit!.key}`, { headers: { cookie } })
  ).text();
  expect(confirm).toContain(`Codes von ${unit!.name} sperren?`);
  expect(confirm).toContain("Eine Selbsteinschätzung ist damit bestätigt");
  const unknown = await (await request.get("/betrieb/teilnahme/sperren?key=99999999", { headers: { cookie } })).text();
  expect(unknown).toContain("Nicht im amtlichen Gemeindeverzeichnis: 99999999");

  const revoke = codesCommand(["revoke", "--key", unit!.key]);
  expect(revoke.status, revoke.stderr).toBe(0);
  expect(revoke.stderr).toContain(
    `1 Code(s) für ${unit!.name} (${unit!.key}) gesperrt. 1 damit bestätigte Selbsteinschätzung(en) sind wieder unbestätigt`,
  );

  // Every view says the same: the API, the overview, the operator's list and the peer pool.
  const view = await (await request.get(`/api/assessments/${token}`)).json();
  expect(view.verifiedAt).toBeNull();
  expect(view).not.toHaveProperty("codeRevokedAt");
  const overview = await (await request.get(`/a/${token}`)).text();
  expect(overview).toContain("gesperrt – bitte den neuen Code eingeben");
  expect(overview).toContain("Ihr bisheriger Teilnahmecode ist gesperrt");
  expect(overview).not.toContain("bestätigt – Angaben aus dem Gemeindeverzeichnis");
  expect(await operatorRow()).toMatch(/^[^]*?<td[^>]*>zählt nicht: [^<]*ohne Teilnahmecode/);
  expect(await inPool()).toBe(0);

  // The new code verifies the same assessment again (no 409), and it counts again.
  const issued = codesCommand(["issue", "--key", unit!.key]);
  expect(issued.status, issued.stderr).toBe(0);
  const newCode = issued.stdout.trimEnd().split("\r\n")[1]!.split(";")[3]!;
  const verified = await request.post(`/api/assessments/${token}/verify`, { data: { code: newCode } });
  expect(verified.status(), await verified.text()).toBe(200);
  expect((await (await request.get(`/api/assessments/${token}`)).json()).verifiedAt).not.toBeNull();
  const healed = await (await request.get(`/a/${token}`)).text();
  expect(healed).toContain("bestätigt – Angaben aus dem Gemeindeverzeichnis");
  expect(healed).not.toContain("Ihr bisheriger Teilnahmecode ist gesperrt");
  expect(await operatorRow()).toMatch(/^[^]*?<td[^>]*>zählt<\/td>/);
  expect(await inPool()).toBe(1);
});
