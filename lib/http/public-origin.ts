/** The origin the client used (Host / X-Forwarded-* headers), not the address the server is bound to. */
export function publicOrigin(request: Request): string {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  const proto = (request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "")).split(",")[0]!.trim();
  return `${proto}://${host.split(",")[0]!.trim()}`;
}
