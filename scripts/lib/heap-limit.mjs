// The server's heap limit (README: HEAP_LIMIT_MB). V8 sizes its heap by the machine's memory (several GB
// here) and then collects garbage late: the PDF report left the server at 360 MB after 20 reports with
// about 60 MB live. 384 MB keeps it near 240 MB (256 MB: the same peak, but 25 % more CPU per request
// under load). A --max-old-space-size in NODE_OPTIONS takes precedence.
// Used by scripts/start.mjs (npm start) and scripts/lib/load/servers.mjs (bench:load), so the benchmark measures what runs.

/** Node arguments for the server process; exits with a German message on a bad HEAP_LIMIT_MB. */
export function serverHeapArgs(env = process.env) {
  if (/--max-old-space-size/.test(env.NODE_OPTIONS ?? "")) return [];
  const mb = Number(env.HEAP_LIMIT_MB ?? 384);
  if (!Number.isInteger(mb) || mb < 128) {
    console.error("HEAP_LIMIT_MB muss eine ganze Zahl ab 128 sein (Megabyte für den Heap des Servers).");
    process.exit(1);
  }
  return [`--max-old-space-size=${mb}`];
}
