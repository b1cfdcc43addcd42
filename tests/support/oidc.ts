import { spawn, type ChildProcess } from "node:child_process";

/** The client the fixture provider registers for the app (tests/support/oidc-provider.mjs). */
export const OIDC_TEST_CLIENT_ID = "digitalcheck";
export const OIDC_TEST_CLIENT_SECRET = "oidc-test-secret-0123456789abcdef";

export type TOidcProvider = { issuer: string; stop: () => Promise<void>; output: () => string };

/**
 * Starts the fixture provider (oidc-provider) on `port` for an app at `appUrl` (its PUBLIC_URL): the redirect and
 * post-logout URIs are registered for that address.
 */
export async function startOidcProvider(port: number, appUrl: string): Promise<TOidcProvider> {
  const child: ChildProcess = spawn(process.execPath, ["tests/support/oidc-provider.mjs", String(port), appUrl], {
    env: { ...process.env, OIDC_FIXTURE_SECRET: OIDC_TEST_CLIENT_SECRET },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 30_000;
  while (!log.includes("listening")) {
    if (child.exitCode !== null) throw new Error(`OpenID provider exited: ${log}`);
    if (Date.now() > deadline) throw new Error(`OpenID provider not ready: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return {
    issuer: `http://127.0.0.1:${port}`,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
