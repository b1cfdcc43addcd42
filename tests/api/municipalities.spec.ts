import { expect, test } from "../support/test";
import { countAssessmentsNamed, uniqueName, validProfile } from "../support/fixtures";

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
