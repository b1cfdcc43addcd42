#!/usr/bin/env node
// Prints the line OPERATOR_PASSWORD_HASH=scrypt$<salt>$<hash> for the operator area (/betrieb).
//
//   npm run operator:hash-password                    asks for the password (input hidden)
//   printf '%s' "$PASSWORD" | npm run --silent operator:hash-password    reads it from stdin
//   npm run operator:hash-password -- 'the password'  possible, but lands in the shell history
//
// The hash is computed by lib/security/password.ts itself (loaded with jiti), so the script and
// the app can never disagree about the algorithm. The line goes to stdout, hints to stderr.

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { createJiti } from "jiti";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const MIN_LENGTH = 12;

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Reads one line from the terminal without echoing it. */
function promptHidden(question) {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    let muted = false;
    rl._writeToOutput = (text) => {
      if (!muted) process.stderr.write(text);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  // Only the one line break that `echo` or a file adds; other whitespace belongs to the password.
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function readPassword() {
  const fromArgs = process.argv.slice(2).filter((a) => a !== "--");
  if (fromArgs.length > 1)
    fail("Bitte geben Sie höchstens ein Passwort an (in Anführungszeichen, wenn es Leerzeichen enthält).");
  if (fromArgs.length === 1) {
    process.stderr.write(
      "Hinweis: Ein Passwort in der Befehlszeile landet im Verlauf der Shell. Sicherer: ohne Argument aufrufen.\n",
    );
    return fromArgs[0];
  }
  if (!process.stdin.isTTY) return readStdin();
  const first = await promptHidden("Passwort für den Betriebsbereich: ");
  const second = await promptHidden("Passwort wiederholen: ");
  if (first !== second) fail("Die beiden Eingaben stimmen nicht überein. Es wurde nichts ausgegeben.");
  return first;
}

const password = await readPassword();
if ([...password].length < MIN_LENGTH) fail(`Das Passwort muss mindestens ${MIN_LENGTH} Zeichen lang sein.`);

const jiti = createJiti(import.meta.url, { fsCache: false });
const { hashPassword } = await jiti.import(join(ROOT, "lib/security/password.ts"));
const hash = hashPassword(password);

process.stdout.write(`OPERATOR_PASSWORD_HASH=${hash}\n`);
process.stderr.write(
  [
    "",
    "Setzen Sie diese Umgebungsvariable für den Server und starten Sie ihn neu.",
    "- In einer Shell: in einfache Anführungszeichen setzen, also OPERATOR_PASSWORD_HASH='scrypt$…'.",
    "- In einer .env-Datei von Next.js wird $ als Variable gelesen; dort jedes $ als \\$ schreiben:",
    `  OPERATOR_PASSWORD_HASH=${hash.replaceAll("$", "\\$")}`,
    "- In docker-compose.yml jedes $ als $$ schreiben.",
    "",
  ].join("\n"),
);
