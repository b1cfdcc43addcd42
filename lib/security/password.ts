import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * The operator password, stored only as `scrypt$<salt hex>$<hash hex>` (OPERATOR_PASSWORD_HASH).
 * Parameters: N = 2^15, r = 8, p = 1 (OWASP's minimum for scrypt), 16-byte salt, 64-byte key. One
 * derivation costs about 32 MiB and some 50–100 ms of CPU, which keeps online guessing slow.
 * No "server-only": scripts/hash-operator-password.mjs loads this file with jiti.
 */
const SCRYPT_OPTIONS: ScryptOptions = {
  N: 2 ** 15,
  r: 8,
  p: 1,
  // Needs 128 · N · r = 32 MiB plus a little; Node's default limit is exactly 32 MiB.
  maxmem: 64 * 1024 * 1024,
};
const SALT_BYTES = 16;
const KEY_BYTES = 64;
const STORED_PATTERN = /^scrypt\$([0-9a-f]{32})\$([0-9a-f]{128})$/;

export function hashPassword(plain: string): string {
  const salt = randomBytes(SALT_BYTES);
  const key = scryptSync(plain.normalize("NFC"), salt, KEY_BYTES, SCRYPT_OPTIONS);
  return `scrypt$${salt.toString("hex")}$${key.toString("hex")}`;
}

function parseStored(stored: string): { salt: Buffer; key: Buffer } | null {
  const match = STORED_PATTERN.exec(stored);
  if (!match) return null;
  return { salt: Buffer.from(match[1]!, "hex"), key: Buffer.from(match[2]!, "hex") };
}

/** Compares in constant time; buffers of different length are never equal (and never throw). */
function keysEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether the password matches the stored hash; a stored value of the wrong format never matches. Off the
 * event loop (libuv's thread pool), for request handlers.
 */
export async function verifyPasswordAsync(plain: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(plain.normalize("NFC"), parsed.salt, KEY_BYTES, SCRYPT_OPTIONS, (error, derived) =>
      error ? reject(error) : resolve(derived),
    ),
  );
  return keysEqual(key, parsed.key);
}
