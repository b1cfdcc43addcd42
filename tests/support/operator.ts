import { generateToken, hashToken } from "../../lib/security/token";
import { writeTestDatabase } from "./fixtures";

/**
 * The operator password of the test server and its hash (made with npm run operator:hash-password).
 * playwright.config.ts passes the hash to the web server as OPERATOR_PASSWORD_HASH; the unit test
 * tests/unit/security/password.test.ts checks that the two belong together.
 */
export const OPERATOR_TEST_PASSWORD = "Betrieb-Testpasswort-2026!";
export const OPERATOR_TEST_PASSWORD_HASH =
  "scrypt$a2fd03e561ee0030ddb628379fd046d6$d1ee564a3285fe9970ab164380c9b2657438b58e999fd3fdee5d4c278368d237f304160aae1a3b4bea5c0e0a26ff859ad918f3b59c75752a22fb3f09ad979c90";

/**
 * An operator session written straight into the e2e database, as a login leaves it (the login itself is
 * tested in tests/api/operator-login.spec.ts and tests/e2e/operator.spec.ts): returns the cookie to send.
 */
export async function openOperatorSession(): Promise<string> {
  const token = generateToken();
  const sqlite = (process.env.E2E_DATABASE_URL || "file:").startsWith("file:");
  const at = (d: Date) => (sqlite ? d.toISOString().replace("Z", "+00:00") : d);
  await writeTestDatabase(`INSERT INTO "OperatorSession" ("tokenHash", "createdAt", "expiresAt") VALUES (?, ?, ?)`, [
    hashToken(token),
    at(new Date()),
    at(new Date(Date.now() + 3600_000)),
  ]);
  return `dc_operator=${token}`;
}
