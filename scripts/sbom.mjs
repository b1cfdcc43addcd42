// `npm run sbom [-- --out file]`: the software bill of materials of the production dependencies as CycloneDX JSON
// (npm sbom --sbom-format cyclonedx), default sbom.cdx.json; then one line per licence with the number of packages.
// tests/unit/repository/licences.test.ts checks every licence against docs/licence-allow-list.json.
//
// npm sbom's own `--omit dev` leaves out every production package that a dev dependency uses as well (zod, pg-types,
// tslib … 93 of 326), and without it npm sbom refuses the whole tree (a dev dependency of Lighthouse is invalid). So
// npm sbom runs on a copy of package.json and package-lock.json without the dev dependencies: exactly the packages
// `npm ci --omit=dev` installs.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgsOrExit } from "./lib/args.mjs";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgsOrExit(process.argv.slice(2), { out: { type: "string", default: "sbom.cdx.json" } });

const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
delete pkg.devDependencies;
delete lock.packages[""].devDependencies;
for (const [key, entry] of Object.entries(lock.packages)) if (key !== "" && entry.dev) delete lock.packages[key];

const tmp = mkdtempSync(path.join(os.tmpdir(), "kdc-sbom-"));
const dir = path.join(tmp, pkg.name);
let sbom;
try {
  mkdirSync(dir);
  writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2));
  writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify(lock, null, 2));
  const r = spawnSync(
    "npm",
    ["sbom", "--sbom-format", "cyclonedx", "--sbom-type", "application", "--omit", "dev", "--package-lock-only"],
    { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) {
    console.error(`npm sbom ist fehlgeschlagen:\n${r.stderr}`);
    process.exit(1);
  }
  sbom = JSON.parse(r.stdout);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const out = path.resolve(values.out);
writeFileSync(out, `${JSON.stringify(sbom, null, 2)}\n`);
const byLicence = new Map();
for (const c of sbom.components) {
  const licence =
    (c.licenses ?? []).map((l) => l.expression ?? l.license?.id ?? l.license?.name).join(" AND ") || "(keine Angabe)";
  byLicence.set(licence, (byLicence.get(licence) ?? 0) + 1);
}
console.log(
  `${values.out}: CycloneDX ${sbom.specVersion}, ${sbom.components.length} Pakete (ohne Entwicklungsabhängigkeiten)`,
);
for (const [licence, n] of [...byLicence].sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(n).padStart(4)}  ${licence}`);
