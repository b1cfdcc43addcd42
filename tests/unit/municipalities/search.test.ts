import { describe, expect, test } from "vitest";
import { getGemeindeItems, getUnits, searchMunicipalities } from "@/lib/municipalities/register";
import { nameKeys, normalizeName } from "@/lib/municipalities/normalize";
import { buildSearchIndex, searchIndex, type TRegisterItem } from "@/lib/municipalities/search";
import { deriveSizeClass } from "@/lib/profile/size-class";
import { getStateByAgsPrefix, getStateName, type TStateCode } from "@/lib/profile/states";

function entry(ags: string, name: string, population: number, kreis = "Landkreis Test"): TRegisterItem {
  const state = getStateByAgsPrefix(ags) as TStateCode;
  return {
    key: ags,
    kind: "gemeinde",
    ags,
    name,
    nameShort: name.split(",")[0]!.trim(),
    kreis,
    state,
    stateName: getStateName(state),
    population,
    populationDate: "2024-12-31",
    sizeClass: deriveSizeClass(population),
    memberCount: 1,
    seat: null,
    typeLabel: null,
    isUnit: true,
    administration: null,
  };
}

describe("searchIndex ranking (synthetic rows)", () => {
  const index = buildSearchIndex([
    entry("01000001", "Bergstadt", 500),
    entry("01000002", "Alt Berg", 90_000),
    entry("01000003", "Oberberg, Stadt", 200_000),
    entry("01000004", "Berghausen", 1_000),
    entry("09000005", "Bad-Berg, M", 5_000),
    entry("09000006", "Bergen", 1_000),
  ]);
  const names = (q: string, limit = 20) => searchIndex(index, { q, limit }).map((h) => h.name);

  test("prefix before word start before substring; within a rank by population, then name", () => {
    expect(names("berg")).toEqual([
      // prefix, by population; the two with 1,000 by name
      "Bergen",
      "Berghausen",
      "Bergstadt",
      // word start ("Bad-Berg": the hyphen separates words), although "Oberberg" is bigger
      "Alt Berg",
      "Bad-Berg, M",
      // substring
      "Oberberg, Stadt",
    ]);
  });

  test("several words match when each starts a word", () => {
    expect(names("bad berg")).toEqual(["Bad-Berg, M"]);
    expect(names("berg alt")).toEqual(["Alt Berg"]);
  });

  test("the limit keeps the best ranks", () => {
    expect(names("berg", 4)).toEqual(["Bergen", "Berghausen", "Bergstadt", "Alt Berg"]);
  });

  test("the state filter applies before the limit", () => {
    const inBavaria = (limit: number) => searchIndex(index, { q: "berg", state: "DE-BY", limit }).map((h) => h.name);
    expect(inBavaria(1)).toEqual(["Bergen"]);
    expect(inBavaria(5)).toEqual(["Bergen", "Bad-Berg, M"]);
  });
});

describe("searchMunicipalities (register)", () => {
  const first = (q: string, n = 5) => searchMunicipalities({ q, limit: n });

  test.each(["Grossenhain", "Groszenhain", "großenh", "GROSSENHAIN", "Großenhain, Stadt", "grossenhain"])(
    "%j finds Großenhain (14627060, DE-SN) first",
    (q) => {
      const [hit] = first(q);
      expect(hit).toMatchObject({
        ags: "14627060",
        name: "Großenhain, Stadt",
        state: "DE-SN",
        kreis: "Landkreis Meißen",
      });
    },
  );

  test('"gross" has Großenhain among the first five', () => {
    expect(first("gross").map((h) => h.ags)).toContain("14627060");
  });

  test.each(["Muenchen", "München", "Munchen", "münchen", "MUENCHEN"])("%j finds München first", (q) => {
    expect(first(q)[0]).toMatchObject({ ags: "09162000", name: "München, Landeshauptstadt", sizeClass: "gte_100000" });
  });

  test("a hit carries what the profile needs", () => {
    expect(first("Großenhain")[0]).toEqual({
      key: "14627060",
      kind: "gemeinde",
      memberCount: 1,
      seat: null,
      typeLabel: null,
      isUnit: true,
      administration: null,
      ags: "14627060",
      name: "Großenhain, Stadt",
      nameShort: "Großenhain",
      kreis: "Landkreis Meißen",
      state: "DE-SN",
      stateName: "Sachsen",
      population: 18_183,
      populationDate: "2024-12-31",
      sizeClass: "5000_19999",
    });
  });

  test("Neustadt lists Neustadts of several states, told apart by Kreis; administrations named after one among them", () => {
    const all = searchMunicipalities({ q: "Neustadt", limit: 20 });
    expect(all).toHaveLength(20);
    // Every hit is a prefix match: a Gemeinde "Neustadt …", or an administration named after one ("Amt
    // Neustadt-Glewe", "Erfüllende Gemeinde Neustadt an der Orla"); word starts ("Bad Neustadt") come later.
    expect(all.every((h) => /(^| )Neustadt/.test(h.nameShort) && !h.nameShort.startsWith("Bad "))).toBe(true);
    const hits = all.filter((h) => h.kind === "gemeinde");
    expect(hits.length).toBeGreaterThanOrEqual(15);
    expect(all.filter((h) => h.kind === "verwaltung").map((h) => h.name)).toContain("Amt Neustadt-Glewe");
    expect(new Set(hits.map((h) => h.state)).size).toBeGreaterThanOrEqual(6);
    expect(hits.every((h) => h.kreis.length > 0)).toBe(true);
    const labels = hits.map((h) => `${h.name} | ${h.kreis} | ${h.stateName}`);
    expect(new Set(labels).size).toBe(hits.length);
    expect(labels).toContain("Neustadt an der Weinstraße, Stadt | kreisfreie Stadt | Rheinland-Pfalz");
    expect(labels).toContain("Neustadt in Sachsen, Stadt | Landkreis Sächsische Schweiz-Osterzgebirge | Sachsen");
    // by population within the prefix rank
    const populations = all.map((h) => h.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    // Word starts are found too.
    expect(searchMunicipalities({ q: "Neustadt", state: "DE-BW", limit: 20 }).map((h) => h.name)).toContain(
      "Titisee-Neustadt, Stadt",
    );
  });

  test.each([
    ["Neustadt", "DE-SN", ["Neustadt in Sachsen, Stadt", "Neustadt/Vogtl."]],
    ["Neustadt", "DE-HE", ["Neustadt (Hessen), Stadt"]],
    ["Berlin", "DE-BE", ["Berlin, Stadt"]],
  ] as const)("%j with state %s", (q, state, expected) => {
    const hits = searchMunicipalities({ q, state, limit: 20 });
    expect(hits.every((h) => h.state === state)).toBe(true);
    expect(hits.map((h) => h.name).slice(0, expected.length)).toEqual(expected);
  });

  test("a state without such a name gives an empty list", () => {
    expect(searchMunicipalities({ q: "Großenhain", state: "DE-BY", limit: 10 })).toEqual([]);
  });

  test.each([
    [1, 1],
    [5, 5],
    [20, 20],
    [0, 1],
    [-3, 1],
    [100, 20],
    [7.9, 7],
    [Number.NaN, 10],
    [undefined, 10],
  ])("limit %s gives %i hits for a frequent name", (limit, count) => {
    expect(searchMunicipalities({ q: "berg", limit })).toHaveLength(count);
  });

  test("other spellings: Sorbian name without diacritics, a real 'sz', a comma without space", () => {
    expect(first("budysin")[0]?.ags).toBe("14625020");
    expect(first("Dietramszell")[0]?.name).toBe("Dietramszell");
    expect(first("Ebstorf")[0]?.name).toBe("Ebstorf,Klosterflecken");
    expect(first("frankfurt oder")[0]?.name).toBe("Frankfurt (Oder), Stadt");
    expect(first("neustadt weinstr")[0]?.name).toBe("Neustadt an der Weinstraße, Stadt");
  });

  test.each([
    ["empty", ""],
    ["one letter", "a"],
    ["one letter with spaces", "  ü  "],
    ["only punctuation", ",.-/()"],
    ["a Destatis suffix only", ", Stadt"],
  ])("%s gives an empty list", (_, q) => {
    expect(searchMunicipalities({ q, limit: 10 })).toEqual([]);
  });

  test.each([
    ["10,000 characters", "a".repeat(10_000)],
    ["10,000 characters of a real name", "Großenhain".repeat(1_000)],
    ["HTML", '<img src=x onerror="alert(1)">'],
    ["script tag", "<script>alert('Berg')</script>"],
    ["SQL", "'; DROP TABLE municipalities; --"],
    ["SQL wildcard", "%' OR '1'='1"],
    ["regex metacharacters", ".*(berg|[a-z]+)\\"],
    ["control characters", "Berg\u0000\u0007\n\t"],
    ["emoji", "🏘️ Berg"],
    ["right-to-left", "\u202Eberg"],
  ])("%s gives a safe result and never throws", (_, q) => {
    const hits = searchMunicipalities({ q, limit: 10 });
    expect(Array.isArray(hits)).toBe(true);
    expect(hits.length).toBeLessThanOrEqual(10);
    for (const h of hits) expect(h.key).toMatch(/^(\d{8}|\d{9})$/);
  });

  test("input that is not a string (a JavaScript caller) gives an empty list", () => {
    expect(searchMunicipalities({ q: undefined as unknown as string, limit: 10 })).toEqual([]);
    expect(searchMunicipalities({ q: 42 as unknown as string, limit: 10 })).toEqual([]);
  });

  test("an unknown state code gives an empty list", () => {
    expect(searchMunicipalities({ q: "berg", state: "DE-XX" as TStateCode, limit: 10 })).toEqual([]);
  });

  test("a miss gives an empty list", () => {
    expect(searchMunicipalities({ q: "xqzvwk", limit: 10 })).toEqual([]);
  });
});

describe("searchIndex against a plain scan of every row (the whole register)", () => {
  // The index finds candidates in one text per scope; this reference looks at every row's keys one by one,
  // as the ranking documents it. Both must give the same hits in the same order for any query.
  // Every Gemeinde and every administration of the register, by their names as the register writes them.
  const items = [...new Map([...getGemeindeItems(), ...getUnits()].map((i) => [i.key, i])).values()];
  const keysOf = new Map(items.map((item) => [item.key, nameKeys(item.name)]));
  const index = buildSearchIndex(items);
  const ordered = [...items].sort(
    (a, b) =>
      b.population - a.population || new Intl.Collator("de").compare(a.name, b.name) || (a.key < b.key ? -1 : 1),
  );

  function rankOf(keys: readonly string[], q: string): number {
    let best = -1;
    for (const key of keys) {
      const at = key.indexOf(q);
      let r = -1;
      if (at === 0) r = 0;
      else if (at > 0) r = key.includes(` ${q}`) ? 1 : 2;
      else if (q.includes(" ") && q.split(" ").every((w) => key.startsWith(w) || key.includes(` ${w}`))) r = 3;
      if (r !== -1 && (best === -1 || r < best)) best = r;
    }
    return best;
  }

  function reference(q: string, state: TStateCode | undefined, limit: number): string[] {
    const query = normalizeName(q);
    const buckets: string[][] = [[], [], [], []];
    for (const item of ordered) {
      if (state && item.state !== state) continue;
      const r = rankOf(keysOf.get(item.key)!, query);
      if (r !== -1 && buckets[r]!.length < limit) buckets[r]!.push(item.key);
    }
    return buckets.flat().slice(0, limit);
  }

  test("the same hits in the same order for prefixes, inner parts, several words and misses", () => {
    const random = mulberry32(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const states: (TStateCode | undefined)[] = [undefined, undefined, "DE-SH", "DE-RP", "DE-BY", "DE-NW"];
    for (let i = 0; i < 1200; i++) {
      const name = normalizeName(pick(items).name);
      const from = Math.floor(random() * Math.max(1, name.length - 2));
      const kind = i % 4;
      const q =
        kind === 0
          ? name.slice(0, 2 + Math.floor(random() * 8))
          : kind === 1
            ? name.slice(from, from + 2 + Math.floor(random() * 5))
            : kind === 2
              ? `${name.split(" ")[0]!.slice(0, 4)} ${normalizeName(pick(items).name).slice(0, 3)}`
              : `${pick(["x", "q", "zz"])}${name.slice(from, from + 3)}`;
      if (q.trim().length < 2) continue;
      const state = pick(states);
      const limit = pick([5, 10, 20]);
      expect(
        searchIndex(index, { q, state, limit }).map((h) => h.key),
        `${q} ${state ?? ""} ${limit}`,
      ).toEqual(reference(q, state, limit));
    }
  }, 60_000);
});

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
