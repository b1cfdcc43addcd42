// Runs once when a server of this build starts (scripts/serve.mjs, `node .next/standalone/server.js`), before
// it answers anything:
// - every setting of lib/env.ts is checked, and a wrong one stops the server with one German line per problem
//   instead of answering 500 on every page;
// - the standalone server logs like scripts/serve.mjs (lib/http/log.cjs): every line with an ISO time, one JSON
//   line per request. scripts/serve.mjs logs its requests itself.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequest, stampConsole } = await import("./lib/http/log.cjs");
  const standalone = process.env.DIGITALCHECK_SERVE !== "1";
  if (standalone) stampConsole();
  const { checkEnv } = await import("./lib/env");
  const problems = checkEnv();
  if (problems.length > 0) {
    for (const line of problems) console.error(line);
    console.error("Der Server startet nicht: Bitte korrigieren Sie die Einstellungen oben.");
    process.exit(1);
  }
  if (standalone) {
    const http = await import("node:http");
    const emit = http.Server.prototype.emit as (this: unknown, event: string, ...args: unknown[]) => boolean;
    http.Server.prototype.emit = function (this: unknown, event: string, ...args: unknown[]) {
      if (event === "request") logRequest(args[0] as never, args[1] as never);
      return emit.apply(this, [event, ...args]);
    } as typeof http.Server.prototype.emit;
  }
}
