// Runs a command with the settings of an env file, for cron and systemd timers that start without the
// instance's environment (a cron line without DATABASE_URL printed a Prisma stack trace and created an
// empty prisma/dev.db):
//
//   15 3 * * * cd /srv/digitalcheck && node scripts/with-env.mjs /etc/digitalcheck.env npm run cleanup
//
// The file holds KEY=VALUE lines (`export ` in front, blank lines and # comments allowed). Values are taken as
// written: nothing is expanded, so a password hash keeps its `$`; '…' or "…" around a value are removed. The
// file must name DATABASE_URL; anything else is refused with a German line before the command runs.
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";

const [file, ...command] = process.argv.slice(2);
const fail = (message) => {
  console.error(message);
  process.exit(2);
};
if (!file || command.length === 0)
  fail(
    "Aufruf: node scripts/with-env.mjs <Datei mit Einstellungen> <Befehl …>, z. B. /etc/digitalcheck.env npm run cleanup",
  );

let text;
try {
  text = readFileSync(file, "utf8");
} catch {
  fail(`Die Datei mit den Einstellungen lässt sich nicht lesen: ${file}`);
}

// It holds secrets (the password hash, the database password): readable by its owner only.
if (statSync(file).mode & 0o077) console.error(`Hinweis: ${file} ist für andere lesbar; bitte „chmod 600 ${file}“.`);

const env = {};
const problems = [];
text.split(/\r?\n/).forEach((raw, i) => {
  const line = raw.trim();
  if (line === "" || line.startsWith("#")) return;
  const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
  if (!m) {
    problems.push(`${file}, Zeile ${i + 1}: erwartet NAME=Wert.`);
    return;
  }
  let value = m[2];
  if (/^'.*'$/.test(value) || /^".*"$/.test(value)) value = value.slice(1, -1);
  env[m[1]] = value;
});
if (!env.DATABASE_URL)
  problems.push(`${file} nennt keine DATABASE_URL: Ohne sie liefe der Befehl gegen eine leere Datenbank.`);
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(2);
}

const result = spawnSync(command[0], command.slice(1), { stdio: "inherit", env: { ...process.env, ...env } });
if (result.error) fail(`Der Befehl ${command[0]} ließ sich nicht starten: ${result.error.message}`);
process.exit(result.status ?? 1);
