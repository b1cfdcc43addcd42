import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { completeAnswers, KNOWN_ANSWERS, validProfile } from "../support/fixtures";
import { createTestDatabase, serverDiagnostics, startServer, type TServer } from "../support/server";
import { expect, test } from "../support/test";

// A restore while two instances serve: both keep rendered results pages in their page cache, keyed on
// the versions in the database, which the restore rolls back. The restore moves the peer pool's version past
// every value it had, so no instance serves a page of the state before the restore; and it says that it undoes
// later revocations.
test.describe.configure({ mode: "serial", timeout: 240_000 });

// Ports of this suite's own instances, apart from the suite's server (E2E_PORT) and other suites.
const PORT = 20_000 + Number(process.env.E2E_PORT ?? 3100);

test("a restore while two instances serve shows no stale page, and says that it undoes later revocations", async ({
  playwright,
}) => {
  const dir = mkdtempSync(path.join(tmpdir(), "restore-"));
  const db = createTestDatabase(dir, "restore");
  const env = { DATABASE_URL: db.url };
  execFileSync(process.execPath, ["scripts/migrate.mjs"], { env: { ...process.env, ...env } });
  const servers: TServer[] = [];
  try {
    servers.push(await startServer(PORT, env), await startServer(PORT + 1, env));
    const [a, b] = await Promise.all(servers.map((s) => playwright.request.newContext({ baseURL: s.url })));
    const create = await a!.post("/api/assessments", { data: validProfile() });
    expect(create.status()).toBe(201);
    const { token } = (await create.json()) as { token: string };
    const answer = async (api: APIRequestContext, answers: object) => {
      const { version } = await (await api.get(`/api/assessments/${token}`)).json();
      if (version > 1) expect((await api.post(`/api/assessments/${token}/reopen`)).status()).toBe(200);
      const { version: current } = await (await api.get(`/api/assessments/${token}`)).json();
      expect(
        (await api.put(`/api/assessments/${token}/answers`, { data: { version: current, answers } })).status(),
      ).toBe(200);
      expect((await api.post(`/api/assessments/${token}/submit`)).status()).toBe(200);
      return (await (await api.get(`/api/assessments/${token}/benchmark`)).json()).index as {
        score: number;
        level: { name: string };
      };
    };
    /** The results page on both instances, twice each (the second answer comes from the page cache). */
    const pages = async () => {
      const out: string[] = [];
      for (const api of [a!, b!])
        for (let i = 0; i < 2; i++) out.push(await (await api.get(`/a/${token}/ergebnis`)).text());
      return out;
    };
    const shows = (html: string, index: { score: number; level: { name: string } }) =>
      html.includes(index.score.toLocaleString("de-DE")) && html.includes(index.level.name);

    const known = await answer(a!, KNOWN_ANSWERS);
    expect(known.score).toBe(64.4);
    const backup = path.join(dir, "backup.dump");
    execFileSync("scripts/backup.sh", ["backup", backup], { env: { ...process.env, ...env } });

    // After the backup: other answers, seen (and cached) on both instances.
    const after = await answer(b!, completeAnswers());
    expect(after.score).not.toBe(known.score);
    for (const html of await pages()) expect(shows(html, after)).toBe(true);

    const restore = execFileSync("scripts/backup.sh", ["restore", backup], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    expect(restore).toContain("Alles danach ist zurückgenommen, auch gesperrte Codes");
    expect(restore).toContain("gilt wieder. Sperren Sie ihn erneut");

    // The same steps once more, with the answers of the backup: the assessment's version is now what it was
    // when the pages of "after" were cached. Both instances show the database's state, not their cache's.
    const again = await answer(a!, KNOWN_ANSWERS);
    expect(again.score).toBe(64.4);
    for (const html of await pages()) {
      expect(shows(html, again)).toBe(true);
      expect(shows(html, after)).toBe(false);
    }
  } catch (e) {
    throw new Error(
      `${e instanceof Error ? e.message : String(e)}\n${servers.map((s, i) => serverDiagnostics(s, `instance ${i + 1}`)).join("\n")}`,
    );
  } finally {
    for (const s of servers) await s.stop();
    db.drop();
  }
});
