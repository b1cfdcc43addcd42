// npm run codes -- issue|revoke …: participation codes for the municipalities of the register
// (docs/adr/0005-peer-privacy.md). The operator invites municipalities with them; an assessment verified
// with a code counts in the peer figures.
//
//   npm run codes -- issue --ags 14627060,14627130          one code per AGS, CSV (ags;name;code) to stdout
//   npm run codes -- issue --state DE-SN [--kreis 14627] [--size-class lt_5000] [--out codes.csv]
//   npm run codes -- issue --state DE-BY --letters briefe.pdf [--url https://digitalcheck.example.de]
//   npm run codes -- revoke --ags 14627060
//
// Issuing again replaces a municipality's active code. Codes are shown only here; the database keeps hashes.
import { createWriteStream, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createJiti } from "jiti";
import { parseArgsOrExit, usageError } from "./lib/args.mjs";
import { migrate } from "./seed-demo.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const USAGE =
  "Aufruf: npm run codes -- issue [--ags A,B,…] [--state DE-XX] [--kreis 12345] [--size-class ID] [--out datei.csv] [--letters datei.pdf --url https://…] | revoke --ags AGS";

async function loadLib() {
  const jiti = createJiti(import.meta.url, {
    alias: { "server-only": join(dirname(require.resolve("server-only")), "empty.js"), "@/": `${ROOT}/` },
    fsCache: false,
  });
  const load = (p) => jiti.import(join(ROOT, p));
  const [issue, csv, letters, client, env] = await Promise.all([
    load("lib/participation/issue-codes.ts"),
    load("lib/participation/codes-csv.ts"),
    load("lib/participation/invitation-letters.ts"),
    load("lib/db/client.ts"),
    load("lib/env.ts"),
  ]);
  return { ...issue, ...csv, ...letters, db: client.db, getEnv: env.getEnv };
}

function parse(argv) {
  const [command, ...rest] = argv;
  if (command !== "issue" && command !== "revoke") {
    console.error(command ? `Unbekannter Befehl: ${command}. ${USAGE}` : USAGE);
    process.exit(2);
  }
  const { values } = parseArgsOrExit(
    rest,
    {
      ags: {
        type: "string",
        parse: (raw, flag) =>
          raw === undefined ? usageError(`${flag} erwartet eine Liste von AGS, durch Kommas getrennt.`) : raw,
      },
      state: { type: "string" },
      kreis: { type: "string" },
      "size-class": { type: "string" },
      out: { type: "string" },
      letters: { type: "string" },
      url: { type: "string" },
    },
    { exitCode: 2, unknown: (a) => `Unbekannte Option: ${a}. ${USAGE}` },
  );
  return { command, ...values };
}

async function main() {
  const opts = parse(process.argv.slice(2));
  const outPath = opts.out ? resolve(opts.out) : null;
  const lettersPath = opts.letters ? resolve(opts.letters) : null;
  process.chdir(ROOT);
  migrate();
  const lib = await loadLib();
  try {
    if (opts.command === "revoke") {
      if (!opts.ags || opts.ags.includes(",")) fail("revoke erwartet genau einen AGS: --ags 12345678.");
      const result = await lib.revokeCodes(opts.ags);
      if (!result.ok) fail(result.error.issues.map((i) => i.message).join(" "));
      console.error(
        result.value.revoked === 0
          ? `Für ${opts.ags} gab es keinen gültigen Code; nichts geändert.`
          : `${result.value.revoked} Code(s) für ${opts.ags} gesperrt. Ihre Selbsteinschätzungen zählen ab der nächsten Veröffentlichung nicht mehr im Vergleich.`,
      );
      return;
    }
    if (lettersPath && !opts.url) fail("--letters braucht --url: die Adresse dieser Plattform, die im Brief steht.");
    const selection = {
      ...(opts.ags ? { ags: opts.ags.split(",").map((a) => a.trim()) } : {}),
      ...(opts.state ? { state: opts.state } : {}),
      ...(opts.kreis ? { kreis: opts.kreis } : {}),
      ...(opts.sizeClass ? { sizeClass: opts.sizeClass } : {}),
    };
    const started = performance.now();
    const result = await lib.issueCodes(selection);
    if (!result.ok) fail(result.error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join(" "));
    const rows = result.value;
    if (outPath) writeFileSync(outPath, lib.renderCodesCsv(rows, true));
    else if (!lettersPath) process.stdout.write(lib.renderCodesCsv(rows, false));
    if (lettersPath) {
      const out = createWriteStream(lettersPath);
      await lib.writeInvitationLetters(rows, { instanceUrl: opts.url, now: new Date(), k: lib.getEnv().PEER_K }, out);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(
      `${rows.length.toLocaleString("de-DE")} Teilnahmecodes ausgegeben (${seconds} s)${outPath ? `: ${outPath}` : ""}${lettersPath ? `; Briefe: ${lettersPath}` : ""}.`,
    );
  } finally {
    await lib.db.$disconnect();
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(`npm run codes: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
