import "server-only";
import { getEnv } from "../env";

/**
 * The client address used for rate limits. scripts/serve.mjs sets X-Forwarded-For to the socket address
 * unless TRUST_PROXY is set; with TRUST_PROXY, the first entry (set by the reverse proxy) is the client.
 */
export function clientIdFromHeaders(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (!forwarded) return headers.get("x-real-ip") ?? "unknown";
  const parts = forwarded
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  // Behind a trusted proxy the client is the first entry; without one, the last hop is the socket.
  return (getEnv().TRUST_PROXY ? parts[0] : parts[parts.length - 1]) ?? "unknown";
}
