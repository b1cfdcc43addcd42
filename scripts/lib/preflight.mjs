// npm test's preflight: before any test runs, name in one block every program from outside npm the tests need
// and that this machine lacks, with the one command that installs them; the caller then stops.
import { spawnSync } from "node:child_process";
import net from "node:net";
import { findChromium } from "./chromium.mjs";
import { NODE24_INSTALL, unsupportedNode } from "./node-version.mjs";

/** @typedef {{ what: string, why: string, apt: string, brew: string, node?: boolean }} TMissing */

/** Whether a program answers on PATH (`<cmd> --version`). */
const onPath = (cmd) => {
  const r = spawnSync(cmd, ["--version"], { stdio: "ignore" });
  return r.error === undefined;
};

/** Whether something listens on host:port (a PostgreSQL server for the backup test). */
function listens(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * What the tests need from outside npm and what installs it: package names for Debian/Ubuntu (apt) and macOS
 * (Homebrew). Chromium can also come from Playwright itself (`npx playwright install chromium`).
 * @param {Record<string, string | undefined>} [env]
 * @param {string} [nodeVersion]
 * @returns {Promise<{ missing: TMissing[], chromium: string | null }>}
 */
export async function preflight(env = process.env, nodeVersion = process.versions.node) {
  const missing = [];
  if (unsupportedNode(nodeVersion))
    missing.push({
      what: "Node.js 22 oder 24",
      why: `läuft: ${nodeVersion}${nodeVersion.startsWith("20.") ? ", Lebensende 30.04.2026" : ""}`,
      apt: "",
      brew: "",
      node: true,
    });
  const chromium = findChromium(env);
  if (!chromium.path)
    missing.push({
      what: "Chromium",
      why: `Browser der Playwright-Tests; gesucht: ${chromium.tried.join(", ")}`,
      apt: "chromium",
      brew: "--cask chromium",
    });
  if (!onPath("sqlite3"))
    missing.push({
      what: "sqlite3",
      why: "Sicherung und Wiederherstellung (scripts/backup.sh)",
      apt: "sqlite3",
      brew: "sqlite",
    });
  if (!onPath("python3"))
    missing.push({
      what: "python3",
      why: "liest die ZIP-Dateien der Teilnahmecodes nach",
      apt: "python3",
      brew: "python",
    });
  // PostgreSQL: the suite runs on it (E2E_DATABASE_URL), or the backup test checks the server on 127.0.0.1:5432.
  const onPg = (env.E2E_DATABASE_URL ?? "").startsWith("postgres");
  if ((onPg || (await listens("127.0.0.1", 5432))) && !["psql", "pg_dump", "pg_restore", "pg_isready"].every(onPath))
    missing.push({
      what: "psql, pg_dump, pg_restore, pg_isready",
      why: onPg
        ? "die Tests laufen auf PostgreSQL (E2E_DATABASE_URL)"
        : "ein PostgreSQL-Server antwortet auf 127.0.0.1:5432",
      apt: "postgresql-client",
      brew: "libpq",
    });
  return { missing, chromium: chromium.path };
}

/**
 * The block npm test prints when something is missing: what, why, and the one command for this system.
 * @param {TMissing[]} missing
 */
export function preflightMessage(missing, platform = process.platform, root = process.getuid?.() === 0) {
  const mac = platform === "darwin";
  const node = missing.some((m) => m.node);
  const packages = missing.filter((m) => !m.node);
  const casks = packages.filter((m) => m.brew.startsWith("--cask ")).map((m) => m.brew.slice("--cask ".length));
  const formulae = packages.filter((m) => !m.brew.startsWith("--cask ")).map((m) => m.brew);
  const install = mac
    ? [
        formulae.length ? `brew install ${formulae.join(" ")}` : "",
        casks.length ? `brew install --cask ${casks.join(" ")}` : "",
      ]
        .filter(Boolean)
        .join(" && ")
    : packages.length
      ? `${root ? "" : "sudo "}apt-get install -y ${packages.map((m) => m.apt).join(" ")}`
      : "";
  return [
    "npm test: Auf diesem Rechner fehlt, was die Tests brauchen:",
    ...missing.map((m) => `  - ${m.what}: ${m.why}`),
    "Installieren Sie es mit:",
    ...(install ? [`  ${install}`] : []),
    ...(node ? [`  ${NODE24_INSTALL}`] : []),
    ...(missing.some((m) => m.what === "Chromium")
      ? [
          "  (Chromium geht auch über Playwright: npx playwright install chromium; oder CHROMIUM_PATH=/pfad/zu/chromium)",
        ]
      : []),
    ...(mac && formulae.includes("libpq")
      ? ["  (libpq: danach `brew link --force libpq` oder seinen bin-Ordner in PATH)"]
      : []),
    "Es ist noch kein Test gelaufen.",
  ].join("\n");
}
