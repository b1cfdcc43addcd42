/**
 * Who may enter the operator area with a named account (pure): an account whose subject or e-mail address is on
 * OIDC_ALLOWED_OPERATORS, or that holds OIDC_REQUIRED_ROLE in one of the claims where identity providers put roles
 * and groups (roles, groups, Keycloak's realm_access.roles and resource_access.<client>.roles; a group may be
 * given as "/path/name", as Keycloak's group mapper writes it, and then matches its last part).
 */
export function parseAllowList(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(/[,;\s]+/)
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Every role and group name in the claims. */
export function rolesOf(claims: Record<string, unknown>, clientId: string): string[] {
  const realm = (claims.realm_access as { roles?: unknown } | undefined)?.roles;
  const resource = (claims.resource_access as Record<string, { roles?: unknown }> | undefined)?.[clientId]?.roles;
  return [...strings(claims.roles), ...strings(claims.groups), ...strings(realm), ...strings(resource)];
}

export function isAllowedOperator(
  claims: Record<string, unknown>,
  rules: { allowed: string[]; requiredRole?: string; clientId: string },
): boolean {
  const sub = typeof claims.sub === "string" ? claims.sub : "";
  const email = typeof claims.email === "string" ? claims.email.toLowerCase() : "";
  // An e-mail address counts only where the provider says it checked it (email_verified not false).
  const emailCounts = email !== "" && claims.email_verified !== false;
  const listed = rules.allowed.some((a) => a === sub || (emailCounts && a.toLowerCase() === email));
  const want = rules.requiredRole;
  const role =
    want !== undefined && rolesOf(claims, rules.clientId).some((r) => r === want || r.replace(/^.*\//, "") === want);
  return listed || role;
}

/** How the trail and the pages name a named account: "Name <e-mail>", else whatever the claims give. */
export function accountLabel(claims: Record<string, unknown>): string {
  const str = (k: string) => (typeof claims[k] === "string" && (claims[k] as string).trim()) || "";
  const name = str("name") || [str("given_name"), str("family_name")].filter(Boolean).join(" ");
  const email = str("email");
  if (name && email) return `${name} <${email}>`;
  return name || email || str("preferred_username") || str("sub") || "Unbekanntes Konto";
}
