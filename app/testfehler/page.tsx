import { notFound } from "next/navigation";
import { connection } from "next/server";
import { testRoutesEnabled } from "@/lib/testing/test-routes";

/**
 * A page that throws, for the browser tests of the German error page (app/error.tsx,
 * tests/e2e/error-pages.spec.ts). Only with `TEST_ROUTES=true` (lib/testing/test-routes.ts); otherwise the
 * address does not exist (404).
 */
export default async function TestFailure(): Promise<never> {
  await connection();
  if (!testRoutesEnabled()) notFound();
  throw new Error("Failure requested by a test on /testfehler (TEST_ROUTES=true)");
}
