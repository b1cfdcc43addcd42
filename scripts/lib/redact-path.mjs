/** Paths without secrets for logs: edit tokens become [token]; query strings are left out entirely. */
export function redactPath(url) {
  const path = (url ?? "/").split("?")[0];
  return path.replace(/\/(a|k|api\/assessments|api\/colleagues)\/[A-Za-z0-9_-]{16,}/g, "/$1/[token]");
}
