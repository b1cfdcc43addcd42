import { getEnv } from "../env";
import { forwardedEntry } from "../config/trust-proxy.cjs";

export type TRequestOrigin = { protocol: "http" | "https"; host: string; origin: string };

const first = (value: string | null | undefined) => value?.split(",")[0]?.trim() || undefined;

/**
 * The origin the client used: the one place that decides it. Behind trusted reverse proxies (TRUST_PROXY)
 * their X-Forwarded-Proto and X-Forwarded-Host, the entry the outermost proxy wrote (counted from the right,
 * as X-Forwarded-For); otherwise the connection itself, which
 * reaches this app's own servers over plain HTTP, and the Host header. A client cannot make the app
 * believe it came over HTTPS, or from another host, by sending forwarding headers of its own.
 * `url`: the request's URL where there is one (route handlers, the proxy); pages have only headers.
 */
export function requestOrigin(headers: Headers, url?: URL): TRequestOrigin {
  const hops = getEnv().TRUST_PROXY;
  const forwarded = (name: string) => (hops > 0 ? forwardedEntry(headers.get(name), hops) : undefined);
  const proto = forwarded("x-forwarded-proto") ?? url?.protocol.replace(":", "") ?? "http";
  const host = forwarded("x-forwarded-host") ?? first(headers.get("host")) ?? url?.host ?? "localhost";
  const protocol = proto.toLowerCase() === "https" ? "https" : "http";
  return { protocol, host, origin: `${protocol}://${host}` };
}
