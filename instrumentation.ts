// Runs once when a server of this build starts (scripts/serve.mjs, `node .next/standalone/server.js`), before
// it answers anything: every setting of lib/env.ts is checked, and a wrong one stops the server with one German
// line per problem instead of answering 500 on every page (issue 35).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkEnv } = await import("./lib/env");
  const problems = checkEnv();
  if (problems.length === 0) return;
  for (const line of problems) console.error(line);
  console.error("Der Server startet nicht: Bitte korrigieren Sie die Einstellungen oben.");
  process.exit(1);
}
