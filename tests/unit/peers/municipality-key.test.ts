import { describe, expect, test } from "vitest";
import { municipalityKey } from "@/lib/peers/municipality-key";

type TInput = Parameters<typeof municipalityKey>[0];

describe("municipalityKey: format", () => {
  test.each<{ input: TInput; key: string }>([
    { input: { ags: "14627140", name: "Großenhain, Stadt", state: "DE-SN" }, key: "ags:14627140" },
    { input: { name: "Großenhain, Stadt", state: "DE-SN" }, key: "name:grossenhain|DE-SN" },
    { input: { ags: null, name: "Großenhain, Stadt", state: "DE-SN" }, key: "name:grossenhain|DE-SN" },
    // an empty AGS counts as absent
    { input: { ags: "", name: "Großenhain", state: "DE-SN" }, key: "name:grossenhain|DE-SN" },
    { input: { name: "München, Landeshauptstadt", state: "DE-BY" }, key: "name:muenchen|DE-BY" },
    { input: { name: "Neustadt a.d.Donau, St", state: "DE-BY" }, key: "name:neustadt a d donau|DE-BY" },
  ])("$input → $key", ({ input, key }) => {
    expect(municipalityKey(input)).toBe(key);
  });
});

describe("municipalityKey: AGS wins over name", () => {
  test.each<{ a: TInput; b: TInput }>([
    // same AGS, different spellings of the name
    {
      a: { ags: "14627140", name: "Großenhain, Stadt", state: "DE-SN" },
      b: { ags: "14627140", name: "Grossenhain", state: "DE-SN" },
    },
    // same AGS, a completely different (mistyped) name
    {
      a: { ags: "14627140", name: "Großenhain", state: "DE-SN" },
      b: { ags: "14627140", name: "Riesa", state: "DE-SN" },
    },
  ])("same AGS → same key ($a.name / $b.name)", ({ a, b }) => {
    expect(municipalityKey(a)).toBe(municipalityKey(b));
  });

  test.each<{ a: TInput; b: TInput }>([
    // same name and state, different AGS: two municipalities
    {
      a: { ags: "14627140", name: "Neustadt", state: "DE-SN" },
      b: { ags: "14628270", name: "Neustadt", state: "DE-SN" },
    },
    // with AGS vs. without: the AGS key never collides with the name key
    { a: { ags: "14627140", name: "Großenhain", state: "DE-SN" }, b: { name: "Großenhain", state: "DE-SN" } },
  ])("different AGS or AGS vs. none → different keys ($a.ags / $b.ags)", ({ a, b }) => {
    expect(municipalityKey(a)).not.toBe(municipalityKey(b));
  });
});

describe("municipalityKey: name spellings within one state", () => {
  test.each([
    ["Großenhain, Stadt", "grossenhain"],
    ["Großenhain, Stadt", "Großenhain"],
    ["Großenhain, Stadt", "GROSSENHAIN"],
    ["Großenhain, Stadt", "Grossenhain, GKSt"],
    ["Großenhain, Stadt", "Groszenhain"],
    ["Großenhain, Stadt", "  Großenhain  "],
    ["München, Landeshauptstadt", "Muenchen"],
    ["München", "MÜNCHEN, Stadt"],
    ["München", "Mu\u0308nchen"],
    ["Bad Dürkheim, Stadt", "bad duerkheim"],
    ["Titisee-Neustadt, Stadt", "Titisee Neustadt"],
    ["Eslarn, M", "eslarn"],
  ])("%s ≡ %s", (a, b) => {
    expect(municipalityKey({ name: a, state: "DE-SN" })).toBe(municipalityKey({ name: b, state: "DE-SN" }));
  });

  test.each([
    ["Großenhain", "Riesa"],
    ["Neustadt", "Neustadt in Sachsen"],
  ])("%s ≢ %s", (a, b) => {
    expect(municipalityKey({ name: a, state: "DE-SN" })).not.toBe(municipalityKey({ name: b, state: "DE-SN" }));
  });
});

describe("municipalityKey: same name in two states", () => {
  test.each([
    ["Neustadt", "DE-SN", "DE-BY"],
    ["Großenhain, Stadt", "DE-SN", "DE-BB"],
    ["Bergen", "DE-NI", "DE-MV"],
  ])("%s in %s ≢ in %s", (name, s1, s2) => {
    expect(municipalityKey({ name, state: s1 })).not.toBe(municipalityKey({ name, state: s2 }));
  });
});
