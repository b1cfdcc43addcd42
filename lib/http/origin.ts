import { getEnv } from "../env";

export type TRequestOrigin = { protocol: "http" | "https"; host: string; origin: string };

const first = (value: string | null | undefined) => value?.split(",")[0]?.trim() || undefined;

/**
 * The origin the client used: the one place that decides it. Behind a trusted reverse proxy
 * (TRUST_PROXY) its X-Forwarded-Proto and X-Forwarded-Host; otherwise the connection itself, which
 * reaches this app's own servers over plain HTTP, and the Host header. A client cannot make the app
 * believe it came over HTTPS, or from another host, by sending forwarding headers of its own.
 * `url`: the request's URL where there is one (route handlers, the proxy); pages have only headers.
 */
export function requestOrigin(headers: Headers, url?: URL): TRequestOrigin {
  const trusted = getEnv().TRUST_PROXY;
  const proto =
    (trusted ? first(headers.get("x-forwarded-proto")) : undefined) ?? url?.protocol.replace(":", "") ?? "http";
  const host =
    (trusted ? first(headers.get("x-forwarded-host")) : undefined) ??
    first(headers.get("host")) ??
    url?.host ??
    "localhost";
  const protocol = proto.toLowerCase() === "https" ? "https" : "http";
  return { protocol, host, origin: `${protocol}://${host}` };
}
