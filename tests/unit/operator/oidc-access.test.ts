import { describe, expect, test } from "vitest";
import { accountLabel, isAllowedOperator, parseAllowList, rolesOf } from "@/lib/operator/oidc-access";
import { checkEnv } from "@/lib/env";

const rules = (allowed: string, requiredRole?: string) => ({
  allowed: parseAllowList(allowed),
  requiredRole,
  clientId: "digitalcheck",
});

describe("who may enter the operator area with a named account", () => {
  test("by subject or by a verified e-mail address on the list (case-insensitive e-mail)", () => {
    expect(isAllowedOperator({ sub: "f:123" }, rules("f:123, anna@example.de"))).toBe(true);
    expect(isAllowedOperator({ sub: "x", email: "Anna@Example.de" }, rules("f:123; anna@example.de"))).toBe(true);
    expect(
      isAllowedOperator({ sub: "x", email: "anna@example.de", email_verified: false }, rules("anna@example.de")),
    ).toBe(false);
    expect(isAllowedOperator({ sub: "F:123" }, rules("f:123"))).toBe(false);
    expect(isAllowedOperator({ sub: "someone" }, rules(""))).toBe(false);
  });

  test("by a role or group in the claims where Keycloak and others put them", () => {
    const role = rules("", "digitalcheck-betrieb");
    expect(isAllowedOperator({ sub: "a", roles: ["digitalcheck-betrieb"] }, role)).toBe(true);
    expect(isAllowedOperator({ sub: "a", groups: ["/kommune/digitalcheck-betrieb"] }, role)).toBe(true);
    expect(isAllowedOperator({ sub: "a", realm_access: { roles: ["digitalcheck-betrieb"] } }, role)).toBe(true);
    expect(
      isAllowedOperator({ sub: "a", resource_access: { digitalcheck: { roles: ["digitalcheck-betrieb"] } } }, role),
    ).toBe(true);
    // Another client's role does not count, nor a role that only contains the name.
    expect(
      isAllowedOperator({ sub: "a", resource_access: { andere: { roles: ["digitalcheck-betrieb"] } } }, role),
    ).toBe(false);
    expect(isAllowedOperator({ sub: "a", roles: ["digitalcheck-betrieb-lesen"] }, role)).toBe(false);
    expect(rolesOf({ roles: [1, "a"], groups: "b" }, "digitalcheck")).toEqual(["a"]);
  });

  test("the trail's label: name and e-mail, else what the claims give", () => {
    expect(accountLabel({ sub: "s", name: "Anna Beispiel", email: "anna@example.de" })).toBe(
      "Anna Beispiel <anna@example.de>",
    );
    expect(accountLabel({ sub: "s", given_name: "Anna", family_name: "Beispiel" })).toBe("Anna Beispiel");
    expect(accountLabel({ sub: "s", preferred_username: "abeispiel" })).toBe("abeispiel");
    expect(accountLabel({ sub: "s" })).toBe("s");
  });
});

describe("OIDC settings checked at start", () => {
  const base = { NODE_ENV: "production" as const, PUBLIC_URL: "https://digitalcheck.example.de" };
  const oidc = {
    OIDC_ISSUER: "https://id.example.de/realms/kommune",
    OIDC_CLIENT_ID: "digitalcheck",
    OIDC_CLIENT_SECRET: "geheim",
    OIDC_ALLOWED_OPERATORS: "anna@example.de",
  };
  test("a complete set passes; none passes", () => {
    expect(checkEnv({ ...base, ...oidc })).toEqual([]);
    expect(checkEnv({ ...base })).toEqual([]);
  });
  test.each([
    [
      "a part only",
      { OIDC_ISSUER: oidc.OIDC_ISSUER },
      "OIDC_ISSUER, OIDC_CLIENT_ID und OIDC_CLIENT_SECRET gehören zusammen.",
    ],
    ["without PUBLIC_URL", { ...oidc, PUBLIC_URL: "" }, "Mit OIDC_ISSUER muss PUBLIC_URL gesetzt sein"],
    ["without who may log in", { ...oidc, OIDC_ALLOWED_OPERATORS: "" }, "OIDC_ALLOWED_OPERATORS"],
    ["a plain-HTTP issuer elsewhere", { ...oidc, OIDC_ISSUER: "http://id.example.de/realms/k" }, "OIDC_ISSUER muss"],
    ["an issuer with a query", { ...oidc, OIDC_ISSUER: "https://id.example.de/?x=1" }, "OIDC_ISSUER muss"],
  ])("%s: one German line", (_name, env, message) => {
    const problems = checkEnv({ ...base, ...env });
    expect(problems.join("\n")).toContain(message);
  });
  test("http:// is fine for a provider on this machine", () => {
    expect(checkEnv({ ...base, ...oidc, OIDC_ISSUER: "http://127.0.0.1:8080/realms/k" })).toEqual([]);
  });
});
