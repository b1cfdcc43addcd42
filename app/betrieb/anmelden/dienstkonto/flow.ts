import "server-only";
import { cookies, headers } from "next/headers";
import { requestOrigin } from "@/lib/http/origin";
import { OIDC_START_PATH, OIDC_TRANSACTION_SECONDS } from "@/lib/operator/oidc";

// The browser's side of the named login (lib/operator/oidc.ts): the transaction cookie and the small pages
// that pass the browser on.

/**
 * Holds state, nonce and PKCE verifier while the browser is at the provider. SameSite=Lax, not Strict: the
 * provider sends the browser back with a cross-site navigation, which must carry it. Only for the flow's paths.
 */
export const OIDC_TRANSACTION_COOKIE = "dc_oidc";

export async function setTransactionCookie(value: string): Promise<void> {
  (await cookies()).set(OIDC_TRANSACTION_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    path: OIDC_START_PATH,
    secure: requestOrigin(await headers()).protocol === "https",
    maxAge: OIDC_TRANSACTION_SECONDS,
  });
}

export async function takeTransactionCookie(): Promise<string | undefined> {
  const jar = await cookies();
  const value = jar.get(OIDC_TRANSACTION_COOKIE)?.value;
  // One use only: a second visit of the callback URL finds no transaction.
  jar.delete({ name: OIDC_TRANSACTION_COOKIE, path: OIDC_START_PATH });
  return value;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * A page that sends the browser on at once (meta refresh) and offers the link for the case it does not. Used where
 * a redirect would not do: after the provider's cross-site redirect the operator cookie (SameSite=Strict) would not
 * travel with a second redirect, and the CSP's form-action keeps a form's redirect from leaving the origin.
 */
export function passOnPage(title: string, text: string, to: string, linkText: string): Response {
  const href = escapeHtml(to);
  const body = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0;url=${href}">
<title>${escapeHtml(title)} – Kommunaler Digitalcheck</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="${href}">${escapeHtml(linkText)}</a></p></main></body></html>`;
  return new Response(body, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    },
  });
}

/** A 303 to a path of this app (relative: right behind any reverse proxy). */
export function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { location: path, "cache-control": "no-store" } });
}
