// npm run codes -- issue|revoke …: participation codes for the units of the register (docs/adr/0005-peer-privacy.md,
// docs/adr/0013-administrations-as-units.md). The operator invites administrations with them; an assessment
// verified with a code counts in the peer figures.
//
//   npm run codes -- issue --state DE-RP                     one code per administration of the state (170)
//   npm run codes -- issue --state DE-RP --unit gemeinde     one code per Gemeinde (2,300)
//   npm run codes -- issue --key 010535318,14627060          these units (9 digits: Gemeindeverband; 8: Gemeinde)
//   npm run codes -- issue --ags 14627060                    Gemeinden by AGS
//   npm run codes -- issue --state DE-SN [--kreis 14627] [--size-class lt_5000] [--out codes.csv]
//   npm run codes -- issue --state DE-BY --letters briefe.pdf [--addresses anschriften.csv] [--url https://…]
//   npm run codes -- issue --all                             every administration of the register
//   npm run codes -- revoke --key 010535318
//
// A unit that holds a valid code keeps it: only --replace issues it a new one (and voids the posted one). A
// selection without any filter issues nothing unless --all is given. CSV: key;name;kind;code. Codes are shown
// only here (files are written readable by their owner only); the database keeps hashes.
//
// Letters need OPERATOR_NAME, OPERATOR_ADDRESS and OPERATOR_EMAIL (sender, return address, contact; with
// OPERATOR_PHONE and OPERATOR_SIGNATORY when set) and the portal's address: --url, else PUBLIC_URL. The
// address file (lib/participation/addresses.ts) has one line per unit, `key;line;…;PLZ Ort`; a unit without
// one gets a letter whose address field says it must be filled in by hand.
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createJiti } from "jiti";
import { parseArgsOrExit, usageError } from "./lib/args.mjs";
import { migrate } from "./lib/fixtures.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const USAGE =
  "Aufruf: npm run codes -- issue [--key K,…] [--ags A,…] [--state DE-XX] [--kreis 12345] [--size-class ID] [--unit verwaltung|gemeinde] [--all] [--replace] [--out datei.csv] [--letters datei.pdf [--addresses anschriften.csv] [--url https://…]] | revoke --key SCHLÜSSEL";

async function loadLib() {
  const jiti = createJiti(import.meta.url, {
    alias: { "server-only": join(dirname(require.resolve("server-only")), "empty.js"), "@/": `${ROOT}/` },
    fsCache: false,
  });
  const load = (p) => jiti.import(join(ROOT, p));
  const [issue, revoke, csv, letters, bundle, client, env, addresses, sender, publicUrl, register, audit] =
    await Promise.all([
      load("lib/participation/issue-codes.ts"),
      load("lib/participation/revoke-codes.ts"),
      load("lib/participation/codes-csv.ts"),
      load("lib/participation/invitation-letters.ts"),
      load("lib/participation/codes-bundle.ts"),
      load("lib/db/client.ts"),
      load("lib/env.ts"),
      load("lib/participation/addresses.ts"),
      load("lib/participation/letter-sender.ts"),
      load("lib/config/public-url.ts"),
      load("lib/municipalities/register.ts"),
      load("lib/audit/actions.ts"),
    ]);
  return {
    ...audit,
    ...issue,
    ...revoke,
    ...csv,
    ...letters,
    ...bundle,
    ...addresses,
    ...sender,
    ...publicUrl,
    findItem: register.findItem,
    db: client.db,
    getEnv: env.getEnv,
  };
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
      key: {
        type: "string",
        parse: (raw, flag) =>
          raw === undefined ? usageError(`${flag} erwartet eine Liste von Schlüsseln, durch Kommas getrennt.`) : raw,
      },
      unit: { type: "string" },
      all: { type: "boolean" },
      replace: { type: "boolean" },
      state: { type: "string" },
      kreis: { type: "string" },
      "size-class": { type: "string" },
      out: { type: "string" },
      letters: { type: "string" },
      url: { type: "string" },
      addresses: { type: "string" },
    },
    { exitCode: 2, unknown: (a) => `Unbekannte Option: ${a}. ${USAGE}` },
  );
  return { command, ...values };
}

async function main() {
  const opts = parse(process.argv.slice(2));
  const outPath = opts.out ? resolve(opts.out) : null;
  const lettersPath = opts.letters ? resolve(opts.letters) : null;
  const addressesPath = opts.addresses ? resolve(opts.addresses) : null;
  process.chdir(ROOT);
  migrate();
  const lib = await loadLib();
  // The audit trail names who ran the command: the operating-system user (/betrieb/protokoll).
  const actor = lib.commandLineActor(osUser());
  try {
    if (opts.command === "revoke") {
      const key = opts.key ?? opts.ags;
      if (!key || key.includes(","))
        fail("revoke erwartet genau einen Schlüssel: --key 010535318 (oder --ags 12345678).");
      const result = await lib.revokeCodes(key, new Date(), actor);
      if (!result.ok) fail(result.error.issues.map((i) => i.message).join(" "));
      const { revoked, unverified, name } = result.value;
      console.error(
        revoked === 0 && unverified === 0
          ? `Für ${name} (${key}) gab es keinen gültigen Code; nichts geändert.`
          : `${revoked} Code(s) für ${name} (${key}) gesperrt. ${unverified} damit bestätigte Selbsteinschätzung(en) sind wieder unbestätigt: Sie zählen ab der nächsten Veröffentlichung nicht mehr im Vergleich und nehmen einen neuen Code an (npm run codes -- issue --key ${key}).`,
      );
      return;
    }
    // Everything the letters need is checked before a code is issued: a refusal afterwards would leave codes
    // issued (and earlier ones replaced) without letters.
    let letterOptions = null;
    if (addressesPath && !lettersPath) fail("--addresses gehört zu --letters: die Anschriften der Briefe.");
    if (lettersPath) {
      const settings = lib.letterSettingsFromEnv();
      if (!settings.ok) fail(settings.missing);
      let instanceUrl = settings.publicUrl;
      if (opts.url !== undefined) {
        const parsed = lib.parsePublicUrl(opts.url, "--url");
        if (!parsed.ok) fail(parsed.message);
        instanceUrl = parsed.url;
      }
      if (!instanceUrl)
        fail(
          "--letters braucht die Adresse dieser Plattform, die im Brief steht: PUBLIC_URL setzen oder --url https://… angeben.",
        );
      let addresses;
      if (addressesPath) {
        let bytes;
        try {
          bytes = readFileSync(addressesPath);
        } catch {
          fail(`Die Anschriftendatei ${addressesPath} lässt sich nicht lesen.`);
        }
        const parsed = lib.parseAddressFile(new Uint8Array(bytes), (key) => lib.findItem(key) !== undefined);
        if (!parsed.ok)
          fail([`Die Anschriftendatei ${addressesPath} hat Fehler; nichts ausgegeben.`, ...parsed.errors].join("\n"));
        addresses = parsed.addresses;
      }
      letterOptions = { instanceUrl, now: new Date(), k: lib.getEnv().PEER_K, sender: settings.sender, addresses };
    }
    const list = (raw) => raw.split(",").map((a) => a.trim());
    const selection = {
      ...(opts.key ? { keys: list(opts.key) } : {}),
      ...(opts.ags ? { ags: list(opts.ags) } : {}),
      ...(opts.state ? { state: opts.state } : {}),
      ...(opts.kreis ? { kreis: opts.kreis } : {}),
      ...(opts.sizeClass ? { sizeClass: opts.sizeClass } : {}),
      ...(opts.unit ? { unit: opts.unit } : {}),
      ...(opts.all ? { all: true } : {}),
      ...(opts.replace ? { replace: true } : {}),
    };
    const started = performance.now();
    const result = await lib.issueCodes(selection, new Date(), actor);
    if (!result.ok) fail(result.error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join(" "));
    const { issued, replaced, skipped } = result.value;
    // Codes are secrets until posted: readable by the operator's account only.
    if (outPath) writeFileSync(outPath, lib.renderCodesCsv(issued, true), { mode: 0o600 });
    else if (!lettersPath) process.stdout.write(lib.renderCodesCsv(issued, false));
    if (lettersPath && issued.length > 0) {
      const out = createWriteStream(lettersPath, { mode: 0o600 });
      await lib.writeInvitationLetters(lib.toInvitations(result.value), letterOptions, out);
    }
    const missing = lettersPath ? lib.withoutAddress(result.value, letterOptions) : [];
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const de = (n) => n.toLocaleString("de-DE");
    console.error(
      `${de(issued.length)} Teilnahmecodes ausgegeben (${seconds} s)${outPath ? `: ${outPath}` : ""}${lettersPath && issued.length > 0 ? `; Briefe: ${lettersPath}` : ""}.` +
        (replaced > 0 ? ` ${de(replaced)} frühere Codes ersetzt: sie gelten nicht mehr.` : "") +
        (missing.length > 0
          ? ` ${de(missing.length)} Briefe ohne Anschrift (im Anschriftfeld steht, dass sie von Hand einzutragen ist): ${missing
              .slice(0, 5)
              .map((u) => u.key)
              .join(", ")}${missing.length > 5 ? " …" : ""}.`
          : "") +
        (skipped.length > 0
          ? ` ${de(skipped.length)} übersprungen, weil sie schon einen gültigen Code haben (--replace ersetzt ihn): ${skipped
              .slice(0, 5)
              .map((u) => u.name)
              .join(", ")}${skipped.length > 5 ? " …" : ""}.`
          : ""),
    );
  } finally {
    await lib.db.$disconnect();
  }
}

function osUser() {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? "";
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
