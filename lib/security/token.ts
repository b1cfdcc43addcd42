import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes = 256 bits, base64url: 43 URL-safe characters. */
const TOKEN_BYTES = 32;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** SHA-256 (hex) of the token: the only form in which the edit link is stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isWellFormedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
