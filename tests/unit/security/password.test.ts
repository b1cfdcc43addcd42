import { scryptSync } from "node:crypto";
import { describe, expect, test } from "vitest";
import { hashPassword, verifyPasswordAsync } from "@/lib/security/password";
import { OPERATOR_TEST_PASSWORD, OPERATOR_TEST_PASSWORD_HASH } from "../../support/operator";

// The format lib/env.ts accepts for OPERATOR_PASSWORD_HASH.
const ENV_FORMAT = /^scrypt\$[0-9a-f]{32}\$[0-9a-f]{128}$/;

// Each derivation takes some 50–100 ms; the whole file stays around a few seconds.
describe("hashPassword", () => {
  const hash = hashPassword("korrekt Pferd Batterie Heftklammer");

  test("scrypt$<16-byte salt hex>$<64-byte key hex>, the format the environment accepts", () => {
    expect(hash).toMatch(ENV_FORMAT);
  });

  test("is scrypt with N = 2^15, r = 8, p = 1 over the stored salt", () => {
    const [, saltHex, keyHex] = hash.split("$");
    const expected = scryptSync("korrekt Pferd Batterie Heftklammer", Buffer.from(saltHex!, "hex"), 64, {
      N: 2 ** 15,
      r: 8,
      p: 1,
      maxmem: 64 * 1024 * 1024,
    });
    expect(keyHex).toBe(expected.toString("hex"));
  });

  test("a new random salt every time: the same password gives different hashes, both valid", async () => {
    const again = hashPassword("korrekt Pferd Batterie Heftklammer");
    expect(again).not.toBe(hash);
    expect(again.split("$")[1]).not.toBe(hash.split("$")[1]);
    await expect(verifyPasswordAsync("korrekt Pferd Batterie Heftklammer", again)).resolves.toBe(true);
  });
});

describe("verifyPasswordAsync", () => {
  const hash = hashPassword("Geheim-Passwort-123");

  test.each([
    ["the right password", "Geheim-Passwort-123", true],
    ["another password", "Geheim-Passwort-124", false],
    ["different case", "geheim-passwort-123", false],
    ["a trailing space", "Geheim-Passwort-123 ", false],
    ["the empty string", "", false],
  ])("%s → %s", async (_label, plain, expected) => {
    await expect(verifyPasswordAsync(plain, hash)).resolves.toBe(expected);
  });

  test("umlauts compare by meaning: composed and decomposed ü are the same password", async () => {
    const umlaut = hashPassword("Grüße aus Köln 2026");
    await expect(verifyPasswordAsync("Gru\u0308ße aus Ko\u0308ln 2026", umlaut)).resolves.toBe(true);
  });

  const [, salt, key] = hash.split("$") as [string, string, string];
  test.each([
    ["empty", ""],
    ["only the prefix", "scrypt$"],
    ["another algorithm", `bcrypt$${salt}$${key}`],
    ["a short key (length mismatch)", `scrypt$${salt}$${key.slice(0, 64)}`],
    ["a long key", `scrypt$${salt}$${key}00`],
    ["a short salt", `scrypt$${salt.slice(2)}$${key}`],
    ["upper-case hex", `scrypt$${salt.toUpperCase()}$${key.toUpperCase()}`],
    ["no hex", `scrypt$${"z".repeat(32)}$${"z".repeat(128)}`],
    ["a missing part", `scrypt$${key}`],
    ["surrounding whitespace", ` ${hash} `],
    ["a plain-text password", "Geheim-Passwort-123"],
  ])("a stored value of the wrong format (%s) never matches and never throws", async (_label, stored) => {
    await expect(verifyPasswordAsync("Geheim-Passwort-123", stored)).resolves.toBe(false);
  });
});

test("the test server's password and hash (tests/support/operator.ts) belong together", async () => {
  expect(OPERATOR_TEST_PASSWORD_HASH).toMatch(ENV_FORMAT);
  await expect(verifyPasswordAsync(OPERATOR_TEST_PASSWORD, OPERATOR_TEST_PASSWORD_HASH)).resolves.toBe(true);
});
