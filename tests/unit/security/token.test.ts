import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { generateToken, hashToken, isWellFormedToken } from "@/lib/security/token";

const URL_SAFE_43 = /^[A-Za-z0-9_-]{43}$/;

describe("generateToken", () => {
  const tokens = Array.from({ length: 1000 }, () => generateToken());

  test("43 URL-safe characters (base64url without padding)", () => {
    for (const t of tokens) {
      expect(t).toHaveLength(43);
      expect(t).toMatch(URL_SAFE_43);
      expect(encodeURIComponent(t)).toBe(t);
    }
  });

  test("carries at least 128 bits: 43 base64url characters decode to 32 bytes", () => {
    for (const t of tokens.slice(0, 50)) {
      const bytes = Buffer.from(t, "base64url");
      expect(bytes.length * 8).toBeGreaterThanOrEqual(128);
      expect(bytes.length).toBe(32);
      expect(bytes.toString("base64url")).toBe(t);
    }
  });

  test("1,000 tokens are all distinct", () => {
    expect(new Set(tokens).size).toBe(1000);
  });

  test("uses the whole alphabet (not a constant or a narrow charset)", () => {
    const chars = new Set(tokens.join(""));
    // 43,000 characters from 64 symbols: every symbol shows up with overwhelming probability
    expect(chars.size).toBe(64);
  });
});

describe("hashToken", () => {
  const token = generateToken();

  test("is the 64-hex SHA-256 of the token, not the token", () => {
    const h = hashToken(token);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toBe(token);
    expect(h).not.toContain(token);
    expect(h).toBe(createHash("sha256").update(token, "utf8").digest("hex"));
  });

  test("known vector: SHA-256 of 'abc'", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  test("deterministic", () => {
    expect(hashToken(token)).toBe(hashToken(token));
  });

  test("distinct for distinct tokens", () => {
    const hashes = Array.from({ length: 200 }, () => hashToken(generateToken()));
    expect(new Set(hashes).size).toBe(200);
    expect(hashToken(token)).not.toBe(hashToken(token.slice(0, 42) + (token[42] === "A" ? "B" : "A")));
  });
});

describe("isWellFormedToken", () => {
  test.each(Array.from({ length: 20 }, () => [generateToken()]))("accepts generated %s", (t) => {
    expect(isWellFormedToken(t)).toBe(true);
  });

  const t = generateToken();
  test.each([
    ["42 characters", t.slice(0, 42)],
    ["44 characters", t + "A"],
    ["with +", "+" + t.slice(1)],
    ["with /", t.slice(0, 42) + "/"],
    ["with = padding", t.slice(0, 42) + "="],
    ["empty", ""],
    ["path traversal", "../../../../etc/passwd" + "a".repeat(21)],
    ["path traversal, encoded", "..%2F..%2F" + "a".repeat(33)],
    ["leading whitespace", " " + t.slice(1)],
    ["trailing newline", t.slice(0, 42) + "\n"],
    ["a 64-hex hash instead of the token", hashToken(t)],
    ["non-ASCII letter", "ä" + t.slice(1)],
  ])("rejects %s", (_name, value) => {
    expect(isWellFormedToken(value)).toBe(false);
  });
});
