// `npm run sbom [-- --out file]`: the software bill of materials of the production dependencies as CycloneDX JSON
// (npm sbom --sbom-format cyclonedx --omit dev, from package-lock.json), default sbom.cdx.json; then one line per
// licence with the number of packages under it. tests/unit/repository/licences.test.ts checks every licence against
// docs/licence-allow-list.json.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { parseArgsOrExit } from "./lib/args.mjs";

const { values } = parseArgsOrExit(process.argv.slice(2), { out: { type: "string", default: "sbom.cdx.json" } });

const r = spawnSync(
  "npm",
  ["sbom", "--sbom-format", "cyclonedx", "--omit", "dev", "--package-lock-only", "--sbom-type", "application"],
  { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
);
if (r.status !== 0) {
  console.error(`npm sbom ist fehlgeschlagen:\n${r.stderr}`);
  process.exit(1);
}
const sbom = JSON.parse(r.stdout);
writeFileSync(values.out, `${JSON.stringify(sbom, null, 2)}\n`);
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
