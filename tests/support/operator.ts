/**
 * The operator password of the test server and its hash (made with npm run operator:hash-password).
 * playwright.config.ts passes the hash to the web server as OPERATOR_PASSWORD_HASH; the unit test
 * tests/unit/security/password.test.ts checks that the two belong together.
 */
export const OPERATOR_TEST_PASSWORD = "Betrieb-Testpasswort-2026!";
export const OPERATOR_TEST_PASSWORD_HASH =
  "scrypt$a2fd03e561ee0030ddb628379fd046d6$d1ee564a3285fe9970ab164380c9b2657438b58e999fd3fdee5d4c278368d237f304160aae1a3b4bea5c0e0a26ff859ad918f3b59c75752a22fb3f09ad979c90";
