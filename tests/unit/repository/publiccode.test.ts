import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { z } from "zod";

/**
 * publiccode.yml at the root, checked against the required keys of the publiccode.yml standard, version 0.4
 * (https://yml.publiccode.tools/schema.core.html): what openCoDE's software directory reads. Without the
 * Italy-specific `it` section.
 */

const ROOT = path.resolve(__dirname, "../../..");
const PKG = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string; license: string };

const ZUrl = z.url({ protocol: /^https$/ });
const ZDescription = z.object({
  localisedName: z.string().min(1).optional(),
  shortDescription: z.string().min(1).max(150),
  longDescription: z.string().min(150).max(10_000),
  documentation: ZUrl.optional(),
  apiDocumentation: ZUrl.optional(),
  features: z.array(z.string().min(1).max(100)).min(1),
});

const ZPubliccode = z
  .object({
    publiccodeYmlVersion: z.literal("0.4"),
    name: z.string().min(1),
    url: ZUrl,
    softwareVersion: z.string().optional(),
    releaseDate: z.iso.date().optional(),
    platforms: z.array(z.string()).min(1),
    categories: z.array(z.string().regex(/^[a-z-]+$/)).optional(),
    developmentStatus: z.enum(["concept", "development", "beta", "stable", "obsolete"]),
    softwareType: z.enum([
      "standalone/mobile",
      "standalone/iot",
      "standalone/desktop",
      "standalone/web",
      "standalone/backend",
      "standalone/other",
      "addon",
      "library",
      "configurationFiles",
    ]),
    intendedAudience: z
      .object({ countries: z.array(z.string().regex(/^[a-z]{2}$/)).optional(), scope: z.array(z.string()).optional() })
      .optional(),
    description: z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), ZDescription),
    legal: z.object({
      license: z.string().min(1),
      mainCopyrightOwner: z.string().optional(),
      repoOwner: z.string().optional(),
    }),
    maintenance: z.discriminatedUnion("type", [
      z.object({
        type: z.enum(["internal", "community"]),
        contacts: z.array(z.object({ name: z.string().min(1), email: z.email().optional() })).min(1),
      }),
      z.object({ type: z.literal("contract"), contractors: z.array(z.object({ name: z.string().min(1) })).min(1) }),
      z.object({ type: z.literal("none") }),
    ]),
    localisation: z.object({
      localisationReady: z.boolean(),
      availableLanguages: z.array(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/)).min(1),
    }),
    dependsOn: z
      .object({
        open: z
          .array(z.object({ name: z.string(), versionMin: z.string().optional(), optional: z.boolean().optional() }))
          .optional(),
      })
      .optional(),
  })
  .strict();

describe("publiccode.yml", () => {
  const text = readFileSync(path.join(ROOT, "publiccode.yml"), "utf8");
  const data = parse(text) as Record<string, unknown>;

  it("has every required key of the standard, version 0.4", () => {
    const result = ZPubliccode.safeParse(data);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
  });

  it("describes the software in German and English, without the Italy-specific section", () => {
    const { description } = ZPubliccode.parse(data);
    expect(Object.keys(description).sort()).toEqual(["de", "en"]);
    expect(data).not.toHaveProperty("it");
    expect(description.de!.shortDescription).toContain("Bitkom und DStGB 2020");
  });

  it("agrees with package.json: licence and version", () => {
    const parsed = ZPubliccode.parse(data);
    expect(parsed.legal.license).toBe("EUPL-1.2");
    expect(parsed.legal.license).toBe(PKG.license);
    expect(parsed.softwareVersion).toBe(PKG.version);
  });

  it("the schema rejects what the standard does not allow", () => {
    const bad = { ...data, developmentStatus: "fertig", description: { de: { shortDescription: "x".repeat(151) } } };
    const issues = ZPubliccode.safeParse(bad).error!.issues.map((i) => i.path.join("."));
    expect(issues).toEqual(
      expect.arrayContaining([
        "developmentStatus",
        "description.de.shortDescription",
        "description.de.longDescription",
      ]),
    );
    expect(ZPubliccode.safeParse({ ...data, it: { conforme: {} } }).success).toBe(false);
  });
});
