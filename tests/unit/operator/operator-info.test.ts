import { afterEach, describe, expect, it, vi } from "vitest";

/** getOperatorInfo with a fresh configuration: the environment is read once per module load. */
async function operatorInfo(env: Record<string, string>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  const { getOperatorInfo } = await import("@/lib/operator-info");
  return getOperatorInfo();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the Schlichtungsstelle from the configuration", () => {
  it("is the federal one where none is configured", async () => {
    const { mediation } = await operatorInfo({});
    expect(mediation.configured).toBe(false);
    expect(mediation.url).toBe("https://www.schlichtungsstelle-bgg.de");
    expect(mediation.address).toEqual(["Mauerstraße 53", "10117 Berlin"]);
  });

  it("is the state's body where the operator names it, its address in lines", async () => {
    const { mediation } = await operatorInfo({
      SCHLICHTUNGSSTELLE_NAME: "Ombudsstelle für barrierefreie Informationstechnik des Landes Prüfland",
      SCHLICHTUNGSSTELLE_ADDRESS: "Landesplatz 2 | 54321 Prüfhausen",
      SCHLICHTUNGSSTELLE_URL: "https://ombudsstelle.pruefland.example",
    });
    expect(mediation).toEqual({
      configured: true,
      name: "Ombudsstelle für barrierefreie Informationstechnik des Landes Prüfland",
      address: ["Landesplatz 2", "54321 Prüfhausen"],
      url: "https://ombudsstelle.pruefland.example",
    });
  });

  it("is refused with a German message when only part of it is configured", async () => {
    await expect(operatorInfo({ SCHLICHTUNGSSTELLE_NAME: "Ombudsstelle" })).rejects.toThrow(
      /SCHLICHTUNGSSTELLE_NAME, SCHLICHTUNGSSTELLE_ADDRESS und SCHLICHTUNGSSTELLE_URL gehören zusammen/,
    );
    await expect(
      operatorInfo({
        SCHLICHTUNGSSTELLE_NAME: "Ombudsstelle",
        SCHLICHTUNGSSTELLE_ADDRESS: "Landesplatz 2",
        SCHLICHTUNGSSTELLE_URL: "ombudsstelle.example",
      }),
    ).rejects.toThrow(/SCHLICHTUNGSSTELLE_URL muss mit https:\/\/ beginnen/);
  });
});

describe("the check of the texts in Leichter Sprache by a group of readers", () => {
  it("is none until the operator names who checked them and when", async () => {
    expect((await operatorInfo({})).easyLanguageReview).toBeNull();
    expect(
      (
        await operatorInfo({
          EASY_LANGUAGE_CHECKED_BY: "Büro für Leichte Sprache",
          EASY_LANGUAGE_CHECKED_ON: "2026-11-30",
        })
      ).easyLanguageReview,
    ).toEqual({ by: "Büro für Leichte Sprache", on: "2026-11-30" });
  });

  it.each([
    [{ EASY_LANGUAGE_CHECKED_BY: "Büro für Leichte Sprache" }, /gehören zusammen/],
    [{ EASY_LANGUAGE_CHECKED_BY: "Büro", EASY_LANGUAGE_CHECKED_ON: "30.11.2026" }, /ein Datum wie 2027-03-15/],
    [{ EASY_LANGUAGE_CHECKED_BY: "Büro", EASY_LANGUAGE_CHECKED_ON: "2026-02-30" }, /kein gültiges Datum/],
    [{ EASY_LANGUAGE_CHECKED_BY: "Büro", EASY_LANGUAGE_CHECKED_ON: "2999-01-01" }, /liegt in der Zukunft/],
  ])("refuses %j with a German message", async (env, message) => {
    await expect(operatorInfo(env)).rejects.toThrow(message);
  });
});
