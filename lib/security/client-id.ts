import "server-only";
import { getEnv } from "../env";
import { forwardedEntry } from "../config/trust-proxy.cjs";

/**
 * The client address used for rate limits. scripts/serve.mjs sets X-Forwarded-For to the socket address
 * unless TRUST_PROXY is set; behind TRUST_PROXY = n reverse proxies, the client is the address the outermost
 * of them saw: the n-th entry from the right (what a client writes into the header itself stands further
 * left and never counts).
 */
export function clientIdFromHeaders(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (!forwarded) return headers.get("x-real-ip") ?? "unknown";
  return forwardedEntry(forwarded, Math.max(1, getEnv().TRUST_PROXY)) ?? "unknown";
}
