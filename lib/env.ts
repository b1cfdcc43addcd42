import path from "node:path";
import { z } from "zod";
import { parseTrustProxy, TRUST_PROXY_MESSAGE } from "./config/trust-proxy.cjs";
import { parsePublicUrl } from "./config/public-url";

// The one place that reads process.env. Parsed lazily so that build steps without a
// database configuration still work, but every value is validated before first use.
const ZEnv = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === "" ? undefined : v))
      .refine((v) => v === undefined || v.startsWith("file:") || /^postgres(ql)?:\/\//.test(v), {
        message: "DATABASE_URL muss mit file: (SQLite) oder postgresql:// (PostgreSQL) beginnen.",
      }),
    NODE_ENV: z
      .enum(["development", "production", "test"], {
        error: "NODE_ENV muss development, production oder test sein.",
      })
      .default("development"),
    /** k of the peer comparison's k-anonymity; values below 5 are refused (never weaker than 5). */
    PEER_K: z.coerce
      .number({ error: "PEER_K muss eine ganze Zahl ab 5 sein." })
      .int("PEER_K muss eine ganze Zahl ab 5 sein.")
      .min(5, "PEER_K muss mindestens 5 sein.")
      .default(5),
    /** Submissions count as peers only after an operator approved them. */
    PEERS_REQUIRE_APPROVAL: z
      .enum(["true", "false", "1", "0", ""], { error: "PEERS_REQUIRE_APPROVAL muss true oder false sein." })
      .optional()
      .transform((v) => v === "true" || v === "1"),
    /**
     * Who counts in the peer figures: "verified" (default) only municipalities that entered the participation
     * code the operator issued them (and demo data); "open" every submission, for a closed pilot whose users
     * are all known (docs/adr/0005: anyone can then fill the comparison with invented municipalities).
     */
    PEERS_MODE: z
      .enum(["verified", "open"], { error: 'PEERS_MODE muss "verified" oder "open" sein.' })
      .default("verified"),
    /** scrypt hash of the operator password (npm run operator:hash-password); no operator area without it. */
    OPERATOR_PASSWORD_HASH: z
      .string()
      .regex(
        /^scrypt\$[0-9a-f]{32}\$[0-9a-f]{128}$/,
        "OPERATOR_PASSWORD_HASH hat nicht das Format scrypt$<salt>$<hash> (npm run operator:hash-password). Fehlen Teile, hat wohl die Shell, Next oder docker-compose die $-Zeichen ersetzt: in einer .env-Datei jedes $ als \\$ schreiben, in docker-compose als $$, in der Shell den Wert in einfache Anführungszeichen setzen.",
      )
      .optional(),
    /**
     * Named operator accounts (OpenID Connect, lib/operator/oidc.ts): the identity provider's issuer, e.g. a
     * Keycloak realm (https://id.example.de/realms/kommune), and this app's client there; all three or none.
     * HTTPS, except for a provider on the same machine (localhost, 127.0.0.1).
     */
    OIDC_ISSUER: z
      .string()
      .trim()
      .refine((v) => isIssuerUrl(v), {
        message:
          "OIDC_ISSUER muss die Adresse des Anmeldedienstes mit https:// sein (http:// nur für localhost), z. B. https://id.example.de/realms/kommune.",
      })
      .optional(),
    OIDC_CLIENT_ID: z.string().trim().min(1, "OIDC_CLIENT_ID ist leer.").optional(),
    OIDC_CLIENT_SECRET: z.string().trim().min(1, "OIDC_CLIENT_SECRET ist leer.").optional(),
    /** Who may log in with a named account: subjects (sub) or e-mail addresses, separated by commas. */
    OIDC_ALLOWED_OPERATORS: z
      .string()
      .trim()
      .min(1, "OIDC_ALLOWED_OPERATORS ist leer.")
      .max(10_000, "OIDC_ALLOWED_OPERATORS ist länger als 10.000 Zeichen.")
      .optional(),
    /** Or: a role or group the account must have (claims roles, groups, realm_access.roles, resource_access). */
    OIDC_REQUIRED_ROLE: z.string().trim().min(1, "OIDC_REQUIRED_ROLE ist leer.").max(200).optional(),
    /** Imprint (Impressum) and accessibility statement: who runs this instance. */
    OPERATOR_NAME: z.string().trim().min(1, "OPERATOR_NAME ist leer.").optional(),
    OPERATOR_ADDRESS: z.string().trim().min(1, "OPERATOR_ADDRESS ist leer.").optional(),
    OPERATOR_EMAIL: z.string().trim().email("OPERATOR_EMAIL ist keine E-Mail-Adresse.").optional(),
    OPERATOR_PHONE: z.string().trim().min(1, "OPERATOR_PHONE ist leer.").optional(),
    OPERATOR_REPRESENTATIVE: z.string().trim().min(1, "OPERATOR_REPRESENTATIVE ist leer.").optional(),
    /** Who signs the invitation letters, with their function ("Dr. Anna Beispiel, Referatsleiterin"). */
    OPERATOR_SIGNATORY: z.string().trim().min(1, "OPERATOR_SIGNATORY ist leer.").optional(),
    /**
     * The address of this instance as users type it (https://digitalcheck.example.de): printed in the
     * invitation letters; never taken from a request.
     */
    PUBLIC_URL: z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        if (v === undefined) return;
        const parsed = parsePublicUrl(v);
        if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
      })
      .transform((v) => (v === undefined ? undefined : (parsePublicUrl(v) as { url: string }).url)),
    /**
     * The Schlichtungsstelle of the accessibility statement (§ 16 BGG or the state's body): name, address
     * (lines separated by "|") and site; all three or none, and none means the federal one.
     */
    SCHLICHTUNGSSTELLE_NAME: z.string().trim().min(1, "SCHLICHTUNGSSTELLE_NAME ist leer.").optional(),
    SCHLICHTUNGSSTELLE_ADDRESS: z.string().trim().min(1, "SCHLICHTUNGSSTELLE_ADDRESS ist leer.").optional(),
    SCHLICHTUNGSSTELLE_URL: z
      .string()
      .trim()
      .regex(/^https?:\/\/\S+$/, "SCHLICHTUNGSSTELLE_URL muss mit https:// beginnen.")
      .optional(),
    /**
     * A check of the texts in Leichter Sprache by a group of readers of the target group: who checked them
     * and on which day (YYYY-MM-DD); both or none. Until then the pages say that no group has read them.
     */
    EASY_LANGUAGE_CHECKED_BY: z.string().trim().min(1, "EASY_LANGUAGE_CHECKED_BY ist leer.").optional(),
    EASY_LANGUAGE_CHECKED_ON: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "EASY_LANGUAGE_CHECKED_ON muss ein Datum wie 2027-03-15 sein.")
      .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), {
        message: "EASY_LANGUAGE_CHECKED_ON ist kein gültiges Datum.",
      })
      .refine((v) => Date.parse(v) <= Date.now(), { message: "EASY_LANGUAGE_CHECKED_ON liegt in der Zukunft." })
      .optional(),
    /**
     * The reverse proxies in front of the app whose X-Forwarded-For, -Proto and -Host count, counted from the
     * right (lib/config/trust-proxy.cjs); 0: none, the connection itself counts.
     */
    TRUST_PROXY: z
      .string()
      .optional()
      .refine((v) => parseTrustProxy(v) !== null, { message: TRUST_PROXY_MESSAGE })
      .transform((v) => parseTrustProxy(v) ?? 0),
    /** The data protection officer as the privacy page and the letters name them (name or office, contact). */
    DPO_CONTACT: z
      .string()
      .trim()
      .min(1, "DPO_CONTACT ist leer.")
      .max(500, "DPO_CONTACT ist länger als 500 Zeichen.")
      .optional(),
    /** The legal basis of the processing, as the privacy page states it (e.g. Art. 6 Abs. 1 lit. e DSGVO i. V. m. …). */
    PRIVACY_LEGAL_BASIS: z
      .string()
      .trim()
      .min(1, "PRIVACY_LEGAL_BASIS ist leer.")
      .max(1000, "PRIVACY_LEGAL_BASIS ist länger als 1000 Zeichen.")
      .optional(),
    /** The bearer token of GET /api/metrics (Prometheus); no metrics without it. */
    METRICS_TOKEN: z
      .string()
      .trim()
      .min(32, "METRICS_TOKEN muss mindestens 32 Zeichen lang sein (zum Beispiel: openssl rand -hex 32).")
      .regex(/^[\x21-\x7e]+$/, "METRICS_TOKEN darf nur sichtbare ASCII-Zeichen enthalten.")
      .optional(),
    /** Memory per process for rendered pages (lib/page-cache); 0 turns the cache off. */
    PAGE_CACHE_MB: z.coerce
      .number({ error: "PAGE_CACHE_MB muss eine Zahl sein." })
      .min(0, "PAGE_CACHE_MB darf nicht negativ sein.")
      .max(4096, "PAGE_CACHE_MB darf höchstens 4096 sein.")
      .default(32),
  })
  .refine((e) => allOrNone(e.SCHLICHTUNGSSTELLE_NAME, e.SCHLICHTUNGSSTELLE_ADDRESS, e.SCHLICHTUNGSSTELLE_URL), {
    message: "SCHLICHTUNGSSTELLE_NAME, SCHLICHTUNGSSTELLE_ADDRESS und SCHLICHTUNGSSTELLE_URL gehören zusammen.",
  })
  .refine((e) => allOrNone(e.EASY_LANGUAGE_CHECKED_BY, e.EASY_LANGUAGE_CHECKED_ON), {
    message: "EASY_LANGUAGE_CHECKED_BY und EASY_LANGUAGE_CHECKED_ON gehören zusammen.",
  })
  .refine((e) => allOrNone(e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET), {
    message: "OIDC_ISSUER, OIDC_CLIENT_ID und OIDC_CLIENT_SECRET gehören zusammen.",
  })
  .refine((e) => !e.OIDC_ISSUER || e.PUBLIC_URL, {
    message: "Mit OIDC_ISSUER muss PUBLIC_URL gesetzt sein: daraus entsteht die Rücksprungadresse der Anmeldung.",
  })
  .refine((e) => !e.OIDC_ISSUER || e.OIDC_ALLOWED_OPERATORS || e.OIDC_REQUIRED_ROLE, {
    message:
      "Mit OIDC_ISSUER muss OIDC_ALLOWED_OPERATORS (Kennungen oder E-Mail-Adressen) oder OIDC_REQUIRED_ROLE gesetzt sein, sonst dürfte jedes Konto des Anmeldedienstes in den Betriebsbereich.",
  });

/** https:// or, for a provider on the same machine, http://localhost or http://127.0.0.1; no query or fragment. */
function isIssuerUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.search || url.hash || url.username || url.password) return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

function allOrNone(...values: (string | undefined)[]): boolean {
  const set = values.filter((v) => v !== undefined).length;
  return set === 0 || set === values.length;
}

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

/**
 * Every setting checked at once, for the start (npm start, scripts/serve.mjs, the standalone server through
 * instrumentation.ts): one German line per problem, empty when all is well. The app then never meets a bad
 * setting while serving.
 */
export function checkEnv(source: NodeJS.ProcessEnv = process.env): string[] {
  const parsed = ZEnv.safeParse(rawEnv(source));
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => {
    const name = i.path.map(String).join(".");
    return name && !i.message.startsWith(name) ? `${name}: ${i.message}` : i.message;
  });
}

export function getEnv(): TEnv {
  cached ??= ZEnv.parse(rawEnv(process.env));
  return cached;
}

function rawEnv(source: NodeJS.ProcessEnv) {
  const env = source;
  return {
    DATABASE_URL: env.DATABASE_URL,
    NODE_ENV: env.NODE_ENV,
    PEER_K: env.PEER_K || undefined,
    PEERS_REQUIRE_APPROVAL: env.PEERS_REQUIRE_APPROVAL,
    PEERS_MODE: env.PEERS_MODE || undefined,
    OPERATOR_PASSWORD_HASH: env.OPERATOR_PASSWORD_HASH || undefined,
    OIDC_ISSUER: env.OIDC_ISSUER || undefined,
    OIDC_CLIENT_ID: env.OIDC_CLIENT_ID || undefined,
    OIDC_CLIENT_SECRET: env.OIDC_CLIENT_SECRET || undefined,
    OIDC_ALLOWED_OPERATORS: env.OIDC_ALLOWED_OPERATORS || undefined,
    OIDC_REQUIRED_ROLE: env.OIDC_REQUIRED_ROLE || undefined,
    OPERATOR_NAME: env.OPERATOR_NAME || undefined,
    OPERATOR_ADDRESS: env.OPERATOR_ADDRESS || undefined,
    OPERATOR_EMAIL: env.OPERATOR_EMAIL || undefined,
    OPERATOR_PHONE: env.OPERATOR_PHONE || undefined,
    OPERATOR_REPRESENTATIVE: env.OPERATOR_REPRESENTATIVE || undefined,
    OPERATOR_SIGNATORY: env.OPERATOR_SIGNATORY || undefined,
    PUBLIC_URL: env.PUBLIC_URL || undefined,
    SCHLICHTUNGSSTELLE_NAME: env.SCHLICHTUNGSSTELLE_NAME || undefined,
    SCHLICHTUNGSSTELLE_ADDRESS: env.SCHLICHTUNGSSTELLE_ADDRESS || undefined,
    SCHLICHTUNGSSTELLE_URL: env.SCHLICHTUNGSSTELLE_URL || undefined,
    EASY_LANGUAGE_CHECKED_BY: env.EASY_LANGUAGE_CHECKED_BY || undefined,
    EASY_LANGUAGE_CHECKED_ON: env.EASY_LANGUAGE_CHECKED_ON || undefined,
    TRUST_PROXY: env.TRUST_PROXY,
    PAGE_CACHE_MB: env.PAGE_CACHE_MB || undefined,
    METRICS_TOKEN: env.METRICS_TOKEN || undefined,
    DPO_CONTACT: env.DPO_CONTACT || undefined,
    PRIVACY_LEGAL_BASIS: env.PRIVACY_LEGAL_BASIS || undefined,
  };
}

/** Default embedded database: prisma/dev.db under the project root (the working directory). */
export const DEFAULT_SQLITE_FILE = path.join("prisma", "dev.db");
