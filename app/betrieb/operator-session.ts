import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getOperatorSession, type TOperatorSession } from "@/lib/operator/get-session";
import { OPERATOR_SESSION_SECONDS } from "@/lib/operator/open-session";
import { requestOrigin } from "@/lib/http/origin";

// Not in actions.ts: every export of a "use server" file becomes a callable endpoint.

export const OPERATOR_COOKIE = "dc_operator";
export const LOGIN_PATH = "/betrieb/anmelden";

export async function readOperatorCookie(): Promise<string | undefined> {
  return (await cookies()).get(OPERATOR_COOKIE)?.value;
}

/** The valid session of this request, or a redirect to the login page. */
export async function requireOperatorSession(): Promise<TOperatorSession> {
  const session = await getOperatorSession(await readOperatorCookie(), new Date());
  if (!session) redirect(LOGIN_PATH);
  return session;
}

/**
 * Whether the browser reached us over HTTPS (lib/http/origin.ts: through a trusted reverse proxy). Only
 * then may the cookie be Secure, or a plain-HTTP installation (local, tests) could never log in.
 */
async function isHttpsRequest(): Promise<boolean> {
  return requestOrigin(await headers()).protocol === "https";
}

/** HttpOnly, SameSite=Strict, only for /betrieb, as long as the session lasts. */
export async function setOperatorCookie(token: string): Promise<void> {
  (await cookies()).set(OPERATOR_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    path: "/betrieb",
    secure: await isHttpsRequest(),
    maxAge: OPERATOR_SESSION_SECONDS,
  });
}

export async function clearOperatorCookie(): Promise<void> {
  (await cookies()).delete({ name: OPERATOR_COOKIE, path: "/betrieb" });
}
