import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import type { APIRequestContext } from "@playwright/test";
import { reference } from "../../lib/survey/reference";
import type { TAnswers } from "../../lib/survey/answer-schema";
import { generateCode, hashCode, parseCode } from "../../lib/participation/code";
import { deriveSizeClass, type TSizeClass } from "../../lib/profile/size-class";

const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || "file:./prisma/e2e.db";

/**
 * Reads the e2e server's database directly, to check what a request stored (or did not), on SQLite or
 * PostgreSQL. Write the SQL with `?` placeholders and quoted identifiers; it runs read-only in intent.
 */
export async function queryTestDatabase<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  if (E2E_DATABASE_URL.startsWith("file:")) {
    const db = new Database(E2E_DATABASE_URL.slice("file:".length), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  let n = 0;
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as T[];
  } finally {
    await client.end();
  }
}

export async function countAssessmentsNamed(name: string): Promise<number> {
  // PostgreSQL text cannot hold NUL, so no such row can exist (and the driver refuses the parameter).
  if (!E2E_DATABASE_URL.startsWith("file:") && name.includes("\u0000")) return 0;
  const rows = await queryTestDatabase<{ n: number | string }>(
    'SELECT count(*) AS n FROM "Assessment" WHERE "municipalityName" = ?',
    [name],
  );
  return Number(rows[0]!.n);
}

/** @deprecated SQLite only; use queryTestDatabase. */
export function openTestDatabase() {
  return new Database("prisma/e2e.db", { readonly: true, fileMustExist: true });
}

let counter = 0;
/** A municipality name unique to one test, so that parallel tests never see each other's rows. */
export function uniqueName(prefix = "Teststadt"): string {
  counter += 1;
  return `${prefix} ${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export const validProfile = (name = uniqueName()) => ({
  municipality: { name, state: "DE-BY", population: 12850, ags: "09162000" },
  respondentRole: "mayor",
});

/** A complete, valid answer set: the first option of each question (multi: the first non-exclusive). */
export function completeAnswers(): TAnswers {
  return Object.fromEntries(
    reference.questions.map((q) => [
      q.id,
      q.type === "single" ? q.options[0]!.id : [q.options.find((o) => !o.exclusive)!.id],
    ]),
  );
}

export async function createAssessment(request: APIRequestContext, body: unknown = validProfile()) {
  const res = await request.post("/api/assessments", { data: body });
  if (res.status() !== 201) throw new Error(`create failed: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { id: string; token: string; editUrl: string };
}

/**
 * A known answer set whose index is computed by hand:
 * strategy (laggard 0.5, developing_central 0.5) = 50; processes (in_use 1, planned 0.5, neither 0) = 50;
 * services (planned 0.5, in_use 1, neither 0) = 50; capabilities (about_half 0.5, 2 of 3 investments 0.667,
 * increase 1) = 72.2; work (offered 1, more 1) = 100; index = (50 + 50 + 50 + 72.22 + 100) / 5 = 64.4.
 */
export const KNOWN_ANSWERS = {
  crisis_drives_digitalisation: "yes",
  crisis_kept_running: "yes",
  chance_or_risk: "chance",
  biggest_challenges: ["finances", "digital_transformation"],
  own_position: "laggard",
  pandemic_investments: ["technology", "processes"],
  budget_2021: "increase",
  digital_strategy: "developing_central",
  obstacles: ["lack_of_funds", "lack_of_knowhow"],
  staff_digital_skills: "about_half",
  investment_needs: ["administration", "it_security"],
  policy_wishes: ["funding", "standards"],
  e_invoice: "in_use",
  e_file: "planned",
  e_payment: "neither",
  online_applications: "planned",
  online_portal: "in_use",
  citizen_app: "neither",
  home_office_today: "offered",
  home_office_future: "more",
  home_office_obstacles: ["lack_of_equipment"],
};

export async function createSubmittedAssessment(
  request: APIRequestContext,
  answers: object = KNOWN_ANSWERS,
  body: unknown = validProfile(),
) {
  const created = await createAssessment(request, body);
  const put = await request.put(`/api/assessments/${created.token}/answers`, { data: { version: 1, answers } });
  if (put.status() !== 200) throw new Error(`answers failed: ${await put.text()}`);
  const submit = await request.post(`/api/assessments/${created.token}/submit`);
  if (submit.status() !== 200) throw new Error(`submit failed: ${await submit.text()}`);
  return created;
}

/** Writes to the e2e server's database (SQLite with a busy timeout, or PostgreSQL); `?` placeholders. */
export async function writeTestDatabase(sql: string, params: unknown[] = []): Promise<void> {
  if (E2E_DATABASE_URL.startsWith("file:")) {
    const db = new Database(E2E_DATABASE_URL.slice("file:".length), { fileMustExist: true, timeout: 10_000 });
    try {
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
    return;
  }
  let n = 0;
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    );
  } finally {
    await client.end();
  }
}

/** A unit of the register (docs/adr/0013-administrations-as-units.md): a Gemeinde or an administration. */
type TRegisterRow = {
  key: string;
  kind: "gemeinde" | "verwaltung";
  /** A Gemeinde's AGS (= key); null for a Gemeindeverband. */
  ags: string | null;
  name: string;
  nameShort: string;
  kreis: string;
  state: string;
  /** The population the unit serves. */
  population: number;
};
let registerRows: TRegisterRow[] | undefined;

// The unit rule of ADR 0013 as far as the committed register needs it: every Gemeindeverband runs its members'
// administration, except in Baden-Württemberg (08), where each member keeps its own. Checked against the app's
// own rule by tests/unit/municipalities/units.test.ts (5,029 units).
const VERBAND_LABEL: Record<string, string> = {
  "51": "Amt",
  "52": "Samtgemeinde",
  "53": "Verbandsgemeinde",
  "54": "Verwaltungsgemeinschaft",
  "55": "Kirchspielslandgemeinde",
  "56": "Verwaltungsverband",
  "58": "Erfüllende Gemeinde",
};

/**
 * The units of the committed register (lib/municipalities/register-data.json), sorted by key, for tests that
 * need real keys: Gemeinden that run their own administration and the Verbände that run their members'.
 */
export function registerRowsForTests(): TRegisterRow[] {
  if (registerRows) return registerRows;
  const file = JSON.parse(readFileSync("lib/municipalities/register-data.json", "utf8")) as {
    rows: [string, string, string, string, string, number, string][];
    verbaende: [string, string, string, string, string, number, number][];
  };
  const isUnitVerband = (key: string) => !key.startsWith("08");
  const gemeinden: TRegisterRow[] = file.rows
    .filter(([, , , , , , verband]) => verband === "" || !isUnitVerband(verband))
    .map(([ags, name, nameShort, kreis, state, population]) => ({
      key: ags,
      kind: "gemeinde",
      ags,
      name,
      nameShort,
      kreis,
      state,
      population,
    }));
  const kreisOf = new Map(file.rows.map((r) => [r[6], r[3]]));
  const verbaende: TRegisterRow[] = file.verbaende
    .filter(([key]) => isUnitVerband(key))
    .map(([key, name, type, , state, , population]) => {
      const label = state === "DE-BB" && type === "58" ? "Mitverwaltende Gemeinde" : VERBAND_LABEL[type]!;
      const bare = name
        .replace(/\s*\(VGem\)$/, "")
        .replace(/^EG\s+/, "")
        .replace(type === "58" ? /,\s*Stadt$/ : /$^/, "");
      const shown = bare.startsWith(`${label} `) ? bare : `${label} ${bare}`;
      return {
        key,
        kind: "verwaltung",
        ags: null,
        name: shown,
        nameShort: shown,
        kreis: kreisOf.get(key)!,
        state,
        population,
      };
    });
  registerRows = [...gemeinden, ...verbaende].sort((a, b) => (a.key < b.key ? -1 : 1));
  return registerRows;
}

/**
 * `n` municipalities of one cell (state × size class) of the register, from position `offset` on. Each test
 * takes its own cells (or offsets), so that parallel tests never count each other's submissions.
 */
export function registerCell(state: string, sizeClass: TSizeClass, n: number, offset = 0): TRegisterRow[] {
  const rows = registerRowsForTests().filter((r) => r.state === state && deriveSizeClass(r.population) === sizeClass);
  if (rows.length < offset + n) throw new Error(`${state} ${sizeClass}: only ${rows.length} units`);
  return rows.slice(offset, offset + n);
}

/**
 * Participation codes as the operator would issue them, written straight into the e2e database (the
 * command itself, npm run codes, is tested in tests/api/participation.spec.ts). Returns unit key → code.
 */
export async function insertTestCodes(keys: readonly string[]): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  for (const a of keys) {
    const code = generateCode();
    const parsed = parseCode(code);
    if (!parsed.ok) throw new Error("generated an unparsable code");
    await writeTestDatabase(
      `UPDATE "ParticipationCode" SET "status" = 'replaced' WHERE "unitKey" = ? AND "status" = 'active'`,
      [a],
    );
    await writeTestDatabase(
      `INSERT INTO "ParticipationCode" ("id", "codeHash", "unitKey", "status", "issuedAt") VALUES (?, ?, ?, 'active', ?)`,
      [
        randomUUID(),
        hashCode(parsed.symbols),
        a,
        E2E_DATABASE_URL.startsWith("file:") ? new Date().toISOString().replace("Z", "+00:00") : new Date(),
      ],
    );
    codes.set(a, code);
  }
  return codes;
}

/**
 * A verified, submitted assessment: created with a participation code, answered and submitted. `newChain`: the
 * unit already has one, and this is a second on purpose (confirmNewChain), as after a lost link.
 */
export async function createVerifiedSubmission(
  request: APIRequestContext,
  code: string,
  answers: object = KNOWN_ANSWERS,
  { newChain = false }: { newChain?: boolean } = {},
) {
  const created = await createAssessment(request, {
    participationCode: code,
    respondentRole: "digital_officer",
    ...(newChain ? { confirmNewChain: true } : {}),
  });
  const put = await request.put(`/api/assessments/${created.token}/answers`, { data: { version: 1, answers } });
  if (put.status() !== 200) throw new Error(`answers failed: ${await put.text()}`);
  const submit = await request.post(`/api/assessments/${created.token}/submit`);
  if (submit.status() !== 200) throw new Error(`submit failed: ${await submit.text()}`);
  return created;
}

/**
 * Five verified submissions in one register cell (municipalities `offset` … `offset + 4`), so that the cell
 * is released and its peer comparison shown (k = 5). Give every test its own cell or offset: two tests that
 * issue codes for the same municipality at once would replace each other's codes.
 */
export async function fillVerifiedCell(
  request: APIRequestContext,
  cell: { state: string; sizeClass: TSizeClass },
  offset: number,
  answersFor: (i: number) => object = () => completeAnswers(),
): Promise<string[]> {
  const rows = registerCell(cell.state, cell.sizeClass, 5, offset);
  const codes = await insertTestCodes(rows.map((r) => r.key));
  const tokens: string[] = [];
  for (const [i, r] of rows.entries())
    tokens.push((await createVerifiedSubmission(request, codes.get(r.key)!, answersFor(i))).token);
  return tokens;
}

/** Moves an assessment's creation (and its submission, if any) to another moment, as if made then. */
export async function backdateAssessment(id: string, at: Date): Promise<void> {
  const sqlite = E2E_DATABASE_URL.startsWith("file:");
  // SQLite keeps Prisma's DateTime as ISO text; PostgreSQL as a timestamp without time zone in UTC, and a
  // parameter inside CASE needs its type named there.
  const value = sqlite ? at.toISOString().replace("Z", "+00:00") : at.toISOString().replace("Z", "");
  const param = sqlite ? "?" : "CAST(? AS TIMESTAMP(3))";
  await writeTestDatabase(
    `UPDATE "Assessment" SET "createdAt" = ${param}, "submittedAt" = CASE WHEN "submittedAt" IS NULL THEN NULL ELSE ${param} END WHERE "id" = ?`,
    [value, value, id],
  );
}
