import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The SBOM of the production dependencies (`npm run sbom`: npm sbom, CycloneDX) lists every one of them with its
 * licence, and every licence is on the allow-list docs/licence-allow-list.json, with the reasons there.
 */

const ROOT = path.resolve(__dirname, "../../..");
const dir = mkdtempSync(path.join(os.tmpdir(), "kdc-sbom-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type TAllowList = {
  licences: Record<string, string>;
  packages: Record<string, { licence: string; reason: string }>;
};
type TComponent = {
  name: string;
  version: string;
  licenses?: { expression?: string; license?: { id?: string; name?: string } }[];
};
const ALLOW = JSON.parse(readFileSync(path.join(ROOT, "docs/licence-allow-list.json"), "utf8")) as TAllowList;

/** Whether an SPDX expression (AND, OR, parentheses) is satisfied by the allowed licences. */
export function allowed(expression: string, ok: (id: string) => boolean): boolean {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const primary = (): boolean => {
    const t = tokens[i++];
    if (t === "(") {
      const v = or();
      i++; // ")"
      return v;
    }
    return t !== undefined && ok(t);
  };
  const and = (): boolean => {
    let v = primary();
    while (tokens[i] === "AND") {
      i++;
      v = primary() && v;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (tokens[i] === "OR") {
      i++;
      v = and() || v;
    }
    return v;
  };
  const result = or();
  return result && i === tokens.length;
}

function sbom() {
  const out = path.join(dir, "sbom.cdx.json");
  const r = spawnSync(process.execPath, ["scripts/sbom.mjs", "--out", out], { cwd: ROOT, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return {
    stdout: r.stdout,
    bom: JSON.parse(readFileSync(out, "utf8")) as {
      bomFormat: string;
      metadata: { component: { licenses: { license: { id: string } }[] } };
      components: TComponent[];
    },
  };
}

const licenceOf = (c: TComponent) =>
  (c.licenses ?? []).map((l) => l.expression ?? l.license?.id ?? l.license?.name ?? "").join(" AND ");

describe("SBOM and licences of the production dependencies", () => {
  const { bom, stdout } = sbom();

  it("npm run sbom writes a CycloneDX SBOM of exactly the production dependencies of package-lock.json (also those a dev dependency shares)", () => {
    expect(bom.bomFormat).toBe("CycloneDX");
    expect(bom.metadata.component.licenses).toEqual([{ license: { id: "EUPL-1.2" } }]);
    const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version?: string; dev?: boolean; link?: boolean }>;
    };
    const production = new Set(
      Object.entries(lock.packages)
        .filter(([key, p]) => key !== "" && !p.dev && !p.link)
        .map(([key, p]) => `${key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length)}@${p.version}`),
    );
    expect(new Set(bom.components.map((c) => `${c.name}@${c.version}`))).toEqual(production);
    expect(stdout).toContain(`${bom.components.length} Pakete`);
    for (const name of [
      "next",
      "react",
      "@prisma/client",
      "better-sqlite3",
      "pg",
      "pg-types",
      "pdfkit",
      "zod",
      "@kern-ux/native",
    ])
      expect(bom.components.map((c) => c.name)).toContain(name);
  });

  it("every production dependency's licence is on the allow-list (docs/licence-allow-list.json)", () => {
    const refused = bom.components
      .filter((c) => {
        const exception = ALLOW.packages[`${c.name}@${c.version}`];
        if (exception) return false;
        const licence = licenceOf(c);
        return licence === "" || !allowed(licence, (id) => id in ALLOW.licences);
      })
      .map((c) => `${c.name}@${c.version}: ${licenceOf(c) || "keine Lizenzangabe"}`);
    expect(refused).toEqual([]);
  });

  it("the allow-list gives a reason for every licence and every exception, and names no package that is gone", () => {
    for (const [id, reason] of Object.entries(ALLOW.licences)) expect(reason.length, id).toBeGreaterThan(20);
    const present = new Set(bom.components.map((c) => `${c.name}@${c.version}`));
    for (const [key, { licence, reason }] of Object.entries(ALLOW.packages)) {
      expect(present.has(key), `${key} is still a production dependency`).toBe(true);
      expect(reason.length, key).toBeGreaterThan(20);
      expect(licence === "NOASSERTION" || licence in ALLOW.licences, key).toBe(true);
    }
    // No strong copyleft that would bind the combined work to another licence, and nothing proprietary.
    for (const id of Object.keys(ALLOW.licences)) expect(id).not.toMatch(/^(A?GPL|SSPL|BUSL|LicenseRef-)/);
  });

  it("evaluates SPDX expressions: OR needs one allowed choice, AND needs all", () => {
    const ok = (id: string) => ["MIT", "Zlib"].includes(id);
    expect(allowed("(MIT OR GPL-3.0-or-later)", ok)).toBe(true);
    expect(allowed("(MIT AND Zlib)", ok)).toBe(true);
    expect(allowed("MIT AND GPL-3.0-only", ok)).toBe(false);
    expect(allowed("GPL-3.0-only", ok)).toBe(false);
    expect(allowed("(GPL-2.0-only OR (MIT AND Zlib))", ok)).toBe(true);
  });
});
