import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * deploy/kommunaler-digitalcheck.service (docs/operations.md): starts the app, restarts it, keeps secrets out of the
 * file and names where data persists. .ci/run also runs `systemd-analyze verify` on it.
 */

const ROOT = path.resolve(__dirname, "../../..");
const text = readFileSync(path.join(ROOT, "deploy/kommunaler-digitalcheck.service"), "utf8");

/** Key=value lines per section (a key may repeat). */
function sections(unit: string) {
  const out: Record<string, [string, string][]> = {};
  let current = "";
  for (const raw of unit.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const head = /^\[(\w+)\]$/.exec(line);
    if (head) current = head[1]!;
    else {
      const at = line.indexOf("=");
      (out[current] ??= []).push([line.slice(0, at), line.slice(at + 1)]);
    }
  }
  return out;
}

describe("the systemd unit", () => {
  const unit = sections(text);
  const service = Object.fromEntries(unit.Service!);

  it("starts npm start's script with a Node.js of a supported line and restarts it whenever it ends", () => {
    expect(Object.keys(unit)).toEqual(["Unit", "Service", "Install"]);
    expect(service.ExecStart).toMatch(/^\/\S+\/node scripts\/start\.mjs$/);
    expect(service.Restart).toBe("always");
    expect(Number(service.RestartSec)).toBeGreaterThan(0);
    expect(service.WorkingDirectory).toBe("/srv/kommunaler-digitalcheck");
    expect(Object.fromEntries(unit.Install!).WantedBy).toBe("multi-user.target");
  });

  it("takes settings and secrets from an environment file, never from the unit itself", () => {
    expect(service.EnvironmentFile).toBe("/etc/kommunaler-digitalcheck/env");
    const environment = unit.Service!.filter(([k]) => k === "Environment").map(([, v]) => v.split("=")[0]);
    expect(environment.sort()).toEqual(["HOSTNAME", "NODE_ENV", "PATH", "PORT"]);
    expect(text).not.toMatch(/OPERATOR_PASSWORD_HASH=|DATABASE_URL=|postgresql:\/\//);
  });

  it("declares the one persistent directory, a private /tmp and runs without privileges", () => {
    expect(service.StateDirectory).toBe("kommunaler-digitalcheck");
    expect(service.PrivateTmp).toBe("true");
    expect(service.User).toBe("digitalcheck");
    expect(service.NoNewPrivileges).toBe("true");
    expect(service.ProtectSystem).toBe("strict");
    expect(service.CapabilityBoundingSet).toBe("");
  });
});
