import { expect, test } from "../support/test";
import { countAssessmentsNamed, queryTestDatabase, uniqueName, validProfile } from "../support/fixtures";

type THit = { ags: string; name: string; kreis: string; state: string; population: number; sizeClass: string };

test.describe("GET /api/municipalities", () => {
  test("finds Großenhain by an ASCII spelling, with key, state, Kreis and size class", async ({ request }) => {
    for (const q of ["Grossenhain", "Groszenhain", "großenh"]) {
      const res = await request.get(`/api/municipalities?q=${encodeURIComponent(q)}`);
      expect(res.status()).toBe(200);
      const body = await res.json();
      expect(body.gebietsstand).toBe("2026-02-28");
      expect(body.source).toContain("Statistisches Bundesamt (Destatis)");
      expect(body.items[0]).toMatchObject({
        ags: "14627060",
        name: "Großenhain, Stadt",
        state: "DE-SN",
        sizeClass: "5000_19999",
      });
      expect(body.items[0].kreis).toContain("Meißen");
    }
  });

  test("q=Neustadt lists Neustadts of several states with their Kreis", async ({ request }) => {
    const body = await (await request.get("/api/municipalities?q=Neustadt&limit=20")).json();
    const neustadts = (body.items as THit[]).filter((h) => h.name.startsWith("Neustadt"));
    expect(neustadts.length).toBeGreaterThanOrEqual(10);
    expect(new Set(neustadts.map((h) => h.state)).size).toBeGreaterThanOrEqual(4);
    for (const h of neustadts) expect(h.kreis.length).toBeGreaterThan(0);
  });

  test("the state filter and the limit apply", async ({ request }) => {
    const body = await (await request.get("/api/municipalities?q=Neustadt&state=DE-SN&limit=3")).json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.length).toBeLessThanOrEqual(3);
    for (const h of body.items as THit[]) expect(h.state).toBe("DE-SN");
  });

  const invalid: [string, string, string][] = [
    ["no q", "", "q"],
    ["an empty q", "q=", "q"],
    ["a one-letter q", "q=a", "q"],
    ["a q of 101 characters", `q=${"a".repeat(101)}`, "q"],
    ["a q of 10,000 characters", `q=${"a".repeat(10_000)}`, "q"],
    ["state=XX", "q=Neustadt&state=XX", "state"],
    ["limit=0", "q=Neustadt&limit=0", "limit"],
    ["limit=21", "q=Neustadt&limit=21", "limit"],
    ["limit=abc", "q=Neustadt&limit=abc", "limit"],
  ];
  for (const [label, query, path] of invalid) {
    test(`422 with a German message for ${label}`, async ({ request }) => {
      const res = await request.get(`/api/municipalities?${query}`);
      expect(res.status()).toBe(422);
      const body = await res.json();
      expect(body.error).toMatch(/Suchbegriff|Bundesland|Anzahl|Parameter/);
      expect(body.issues.map((i: { path: string }) => i.path)).toContain(path);
    });
  }

  for (const q of ["<script>alert(1)</script>", '\'; DROP TABLE "Assessment"; --', "%%%%", "\u0000\u0000", "🙂🙂"]) {
    test(`hostile query ${JSON.stringify(q).slice(0, 20)} gets an answer, not an error`, async ({ request }) => {
      const res = await request.get(`/api/municipalities?q=${encodeURIComponent(q)}`);
      expect([200, 422]).toContain(res.status());
      const body = await res.json();
      if (res.status() === 200) expect(Array.isArray(body.items)).toBe(true);
      else expect(typeof body.error).toBe("string");
    });
  }
});

test.describe("POST /api/assessments with the register", () => {
  test("an AGS from the register with a contradicting state is refused with 422", async ({ request }) => {
    // 14627060 is Großenhain, Sachsen; the prefix check alone already names the state.
    const name = uniqueName();
    const body = {
      ...validProfile(name),
      municipality: { ...validProfile(name).municipality, state: "DE-BY", ags: "14627060" },
    };
    const res = await request.post("/api/assessments", { data: body });
    expect(res.status()).toBe(422);
    expect(await countAssessmentsNamed(name)).toBe(0);
  });

  test("an AGS not in the register is accepted with a notice", async ({ request }) => {
    const name = uniqueName();
    const body = { ...validProfile(name), municipality: { ...validProfile(name).municipality, ags: "09999999" } };
    const res = await request.post("/api/assessments", { data: body });
    expect(res.status()).toBe(201);
    const json = await res.json();
    expect(json.notices).toHaveLength(1);
    expect(json.notices[0]).toContain("nicht im amtlichen Gemeindeverzeichnis");
    const got = await (await request.get(`/api/assessments/${json.token}`)).json();
    expect(got.municipality).toMatchObject({ ags: "09999999", agsGebietsstand: null });
  });

  test("an AGS in the register stores its Gebietsstand", async ({ request }) => {
    const res = await request.post("/api/assessments", { data: validProfile() });
    const json = await res.json();
    expect(json.notices).toEqual([]);
    const got = await (await request.get(`/api/assessments/${json.token}`)).json();
    expect(got.municipality).toMatchObject({ ags: "09162000", agsGebietsstand: "2026-02-28" });
  });
});

// Administrations as units (docs/adr/0013-administrations-as-units.md).
test.describe("administrations in the register and as units", () => {
  test("“Büchen” finds the Amt with its 15 Gemeinden and 15,339 inhabitants, then the Gemeinde with its administration", async ({
    request,
  }) => {
    const body = await (await request.get(`/api/municipalities?q=${encodeURIComponent("Büchen")}&limit=3`)).json();
    expect(body.items[0]).toEqual({
      key: "010535318",
      kind: "verwaltung",
      ags: null,
      name: "Amt Büchen",
      nameShort: "Amt Büchen",
      kreis: "Kreis Herzogtum Lauenburg",
      state: "DE-SH",
      population: 15_339,
      populationDate: "2024-12-31",
      sizeClass: "5000_19999",
      type: "Amt",
      seat: "Büchen",
      members: { count: 15 },
      isUnit: true,
      administration: null,
    });
    expect(body.items[1]).toMatchObject({
      key: "01053020",
      kind: "gemeinde",
      ags: "01053020",
      name: "Büchen",
      isUnit: false,
      administration: { key: "010535318", name: "Amt Büchen", members: 15, population: 15_339 },
    });
  });

  test("members=true lists an administration's Gemeinden; they add up to the population it serves", async ({
    request,
  }) => {
    const body = await (
      await request.get("/api/municipalities?q=Verbandsgemeinde%20Wei%C3%9Fenthurm&members=true")
    ).json();
    const vg = body.items[0];
    expect(vg).toMatchObject({ key: "071375008", name: "Verbandsgemeinde Weißenthurm", population: 34_903 });
    expect(vg.members.count).toBe(7);
    expect(vg.members.items).toHaveLength(7);
    expect(vg.members.items.reduce((n: number, m: { population: number }) => n + m.population, 0)).toBe(34_903);
    expect(vg.members.items.map((m: { name: string }) => m.name)).toContain("Weißenthurm, Stadt");
    const bad = await request.get("/api/municipalities?q=Weißenthurm&members=ja");
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error).toContain("members muss true oder false sein");
  });

  test("a Gemeindeverband by its 9-digit key: name and population served from the register, compared with Mittelstädte", async ({
    request,
  }) => {
    const res = await request.post("/api/assessments", {
      data: { municipality: { key: "071375008", state: "DE-RP" }, respondentRole: "digital_officer" },
    });
    expect(res.status()).toBe(201);
    const { token } = await res.json();
    const got = await (await request.get(`/api/assessments/${token}`)).json();
    expect(got.municipality).toEqual({
      name: "Verbandsgemeinde Weißenthurm",
      state: "DE-RP",
      population: 34_903,
      sizeClass: "20000_99999",
      ags: null,
      agsGebietsstand: "2026-02-28",
      kind: "verwaltung",
      key: "071375008",
      memberCount: 7,
    });
    // A typed name and population do not override the register's for a Verband.
    const typed = await request.post("/api/assessments", {
      data: {
        municipality: { key: "071375008", state: "DE-RP", name: "VG W.", population: 5 },
        respondentRole: "mayor",
      },
    });
    const typedView = await (await request.get(`/api/assessments/${(await typed.json()).token}`)).json();
    expect(typedView.municipality).toMatchObject({ name: "Verbandsgemeinde Weißenthurm", population: 34_903 });
  });

  test("a member Gemeinde may answer for itself: a notice says its administration counts in the comparisons", async ({
    request,
  }) => {
    const res = await request.post("/api/assessments", {
      data: {
        municipality: { key: "01053020", state: "DE-SH", name: "Büchen", population: 6_733 },
        respondentRole: "mayor",
      },
    });
    expect(res.status()).toBe(201);
    const body = await res.json();
    expect(body.notices).toEqual([expect.stringContaining("Die Verwaltung von Büchen führt das Amt Büchen")]);
    const got = await (await request.get(`/api/assessments/${body.token}`)).json();
    expect(got.municipality).toMatchObject({ kind: "gemeinde", key: "01053020", ags: "01053020", memberCount: 1 });
  });

  const refused: [string, Record<string, unknown>, string, string][] = [
    [
      "an unknown 9-digit key",
      { key: "019999999", state: "DE-SH" },
      "municipality.key",
      "steht als Gemeindeverband nicht",
    ],
    [
      "the pseudo-record of a verbandsfreie Gemeinde used as a Verband",
      { key: "010010000", state: "DE-SH" },
      "municipality.key",
      "Flensburg, Stadt ist verbandsfrei",
    ],
    ["a key with the wrong state", { key: "071325007", state: "DE-BY" }, "municipality.key", "anderen Bundesland"],
    [
      "a Verband of the register in another state than stated (same prefix check)",
      { key: "071315001", state: "DE-SH" },
      "municipality.key",
      "anderen Bundesland",
    ],
    [
      "a Verband that runs no administration (Baden-Württemberg)",
      { key: "081155001", state: "DE-BW" },
      "municipality.key",
      "behält jede Gemeinde ihr eigenes Bürgermeisteramt",
    ],
    ["a key of 10 digits", { key: "0105353180", state: "DE-SH" }, "municipality.key", "8 Ziffern"],
    [
      "key and AGS naming different units",
      { key: "071325007", ags: "07132012", state: "DE-RP" },
      "municipality.ags",
      "verschiedene Einheiten",
    ],
    [
      "an 8-digit key without name and population",
      { key: "01053010", state: "DE-SH" },
      "municipality.name",
      "Namen Ihrer Kommune",
    ],
  ];
  for (const [label, municipality, path, message] of refused) {
    test(`422 for ${label}, nothing stored`, async ({ request }) => {
      const res = await request.post("/api/assessments", { data: { municipality, respondentRole: "mayor" } });
      expect(res.status()).toBe(422);
      const body = await res.json();
      expect(body.error).toContain(message);
      expect(body.issues.map((i: { path: string }) => i.path)).toContain(path);
      // No other test uses these keys: nothing may have been stored under them.
      const stored = await queryTestDatabase<{ n: number | string }>(
        'SELECT count(*) AS n FROM "Assessment" WHERE "unitKey" IN (?, ?)',
        [municipality.key, municipality.ags ?? ""],
      );
      expect(Number(stored[0]!.n)).toBe(0);
    });
  }
});
