/**
 * PUBLIC_URL and `npm run codes -- --url`: the address of this instance as users type it, printed in the
 * invitation letters. Never taken from a request (the operator's browser may use http://localhost:3760).
 * Accepts http(s) only, with a host that has a dot (or is localhost or an IP address), no user, query or
 * fragment; a trailing slash is dropped. Returns the normalised URL or a German message.
 */
export function parsePublicUrl(
  raw: string,
  name = "PUBLIC_URL",
): { ok: true; url: string } | { ok: false; message: string } {
  const value = raw.trim();
  const bad = (why: string) => ({
    ok: false as const,
    message: `${name} ist keine gültige Adresse (${why}): ${value.slice(0, 80)}`,
  });
  if (!/^https?:\/\//i.test(value)) return bad("sie muss mit https:// oder http:// beginnen");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return bad("sie lässt sich nicht lesen");
  }
  if (url.username || url.password) return bad("ohne Benutzername und Passwort");
  if (url.search || url.hash) return bad("ohne ? und #");
  const host = url.hostname;
  if (!(host.includes(".") || host === "localhost" || host.startsWith("[")))
    return bad("der Rechnername braucht eine Domain, zum Beispiel digitalcheck.example.de");
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, "")}` };
}
